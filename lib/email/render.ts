// Renders an email (React Email, vi/en) to the subject, HTML and plain text stored in the outbox.
import { render } from "@react-email/render";
import { createElement } from "react";
import type { Locale } from "@/lib/i18n/config";
import { translator } from "@/lib/i18n/translate";
import { InviteEmail, inviteSubject, type InviteEmailProps } from "./templates/invite-email";

const templates = {
  invite: { component: InviteEmail, subject: inviteSubject },
} as const;

type Templates = { invite: InviteEmailProps };
export type TemplateName = keyof Templates;

export type RenderedEmail = { template: TemplateName; locale: Locale; subject: string; html: string; text: string };

export async function renderEmail<K extends TemplateName>(
  template: K,
  locale: Locale,
  props: Templates[K],
  company: string,
): Promise<RenderedEmail> {
  const t = translator(locale);
  const entry = templates[template];
  const element = createElement(entry.component, { ...props, t, lang: locale, company });
  const [html, text] = await Promise.all([render(element), render(element, { plainText: true })]);
  return { template, locale, subject: entry.subject(t), html, text };
}
