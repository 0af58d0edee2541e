import { randomUUID } from "node:crypto";
import { createElement, Fragment, type ReactElement } from "react";
import type { PublicForm } from "@/lib/forms/queries";
import type { Locale } from "@/lib/i18n/config";
import { renderStaticMarkup } from "@/lib/html/static-markup";
import { translator } from "@/lib/i18n/translate";
import { FormDocument, LanguageLinks } from "./form-document";
import { PublicFormBody, ThankYou, type FormState } from "./public-form";

export type FormView = { slug: string; locale: Locale; embed: boolean };

export function formHref(view: FormView, extra: Record<string, string> = {}, locale = view.locale) {
  const q = new URLSearchParams({ ...(locale === "en" ? { lang: "en" } : {}), ...(view.embed ? { embed: "1" } : {}), ...extra });
  const s = q.toString();
  return `/f/${view.slug}${s ? `?${s}` : ""}`;
}

async function documentHtml(view: FormView, title: string, body: ReactElement) {
  const t = translator(view.locale);
  const children = createElement(Fragment, null, body, createElement(LanguageLinks, { t, locale: view.locale, href: (l: Locale) => formHref(view, {}, l) }));
  const content = createElement(FormDocument, { locale: view.locale, title, embed: view.embed, children });
  return `<!doctype html>${await renderStaticMarkup(content)}`;
}

export function renderFormPage(form: PublicForm, view: FormView, state: FormState = { values: {}, errors: {} }) {
  const t = translator(view.locale);
  const title = view.locale === "en" ? form.titleEn : form.titleVi;
  const body = createElement(PublicFormBody, {
    form,
    locale: view.locale,
    t,
    state,
    action: formHref(view),
    idempotencyKey: str(state.values.idempotencyKey) || randomUUID(),
    policyHref: form.policy ? `/privacy/versions/${form.policy.number}${view.locale === "en" ? "?lang=en" : ""}` : "/privacy",
  });
  return documentHtml(view, title, body);
}

export function renderThankYouPage(form: PublicForm, view: FormView, options: { confirm: boolean } = { confirm: false }) {
  const t = translator(view.locale);
  return documentHtml(view, t("publicForm.thankYouTitle"), createElement(ThankYou, { form, locale: view.locale, t, confirm: options.confirm }));
}

export function renderUnavailablePage(view: FormView) {
  const t = translator(view.locale);
  const body = createElement(
    "div",
    { className: "thanks" },
    createElement("h1", null, t("publicForm.unavailableTitle")),
    createElement("p", null, t("publicForm.unavailableBody")),
  );
  return documentHtml(view, t("publicForm.unavailableTitle"), body);
}

const str = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v) ?? "";
