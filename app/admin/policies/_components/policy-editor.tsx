"use client";
import { zodResolver } from "@hookform/resolvers/zod";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { useActionForm } from "@/components/forms/use-action-form";
import { useI18n } from "@/components/i18n/i18n-provider";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field, fieldA11y } from "@/components/ui/field";
import { Input, Textarea } from "@/components/ui/input";
import { cn } from "@/lib/cn";
import { draftSchema, type DraftInput } from "@/lib/policies/schemas";
import { createDraftAction, updateDraftAction } from "../actions";
import { PolicyArticle } from "@/components/policy/policy-article";

type Purpose = { key: string; label: string };

/** Markdown in two languages with a live preview, a change summary and the material purposes. */
export function PolicyEditor({ id, initial, purposes }: { id?: string; initial: DraftInput; purposes: Purpose[] }) {
  const { t } = useI18n();
  const router = useRouter();
  const [lang, setLang] = useState<"vi" | "en">("vi");
  const [saved, setSaved] = useState(false);
  const form = useForm<DraftInput>({ resolver: zodResolver(draftSchema), defaultValues: initial });
  const action = (values: DraftInput) => (id ? updateDraftAction({ ...values, id }) : createDraftAction(values));
  const { submit, formError, fieldError } = useActionForm(form, action as never, (data: { id: string } | undefined) => {
    setSaved(true);
    if (!id && data) router.push(`/admin/policies/${data.id}`);
    else router.refresh();
  });
  const body = lang === "vi" ? "bodyVi" : "bodyEn";
  const summary = lang === "vi" ? "summaryVi" : "summaryEn";
  const markdown = form.watch(body) ?? "";
  const otherHasError = fieldError(lang === "vi" ? "bodyEn" : "bodyVi") || fieldError(lang === "vi" ? "summaryEn" : "summaryVi");
  return (
    <form onSubmit={submit} noValidate className="space-y-4" aria-label={t("policies.editorLabel")} onChange={() => setSaved(false)}>
      {formError && <Alert tone="error">{formError}</Alert>}
      {saved && <Alert tone="success">{t("policies.saved")}</Alert>}
      <div role="tablist" aria-label={t("language.label")} className="inline-flex rounded-md border border-zinc-300 bg-white p-0.5">
        {(["vi", "en"] as const).map((l) => (
          <button
            key={l}
            type="button"
            role="tab"
            aria-selected={lang === l}
            onClick={() => setLang(l)}
            className={cn("rounded px-3 py-1 text-sm font-medium", lang === l ? "bg-brand-700 text-white" : "text-zinc-700")}
          >
            {t(`language.${l}`)}
          </button>
        ))}
      </div>
      {otherHasError && <Alert tone="warning">{t("policies.otherLanguageHasErrors")}</Alert>}
      <Field id={`p-${summary}`} label={t("policies.summary")} hint={t("policies.summaryHint")} error={fieldError(summary)}>
        <Input key={summary} {...fieldA11y(`p-${summary}`, fieldError(summary))} {...form.register(summary)} />
      </Field>
      <div className="grid gap-4 xl:grid-cols-2">
        <Field id={`p-${body}`} label={t("policies.body")} hint={t("policies.bodyHint")} error={fieldError(body)}>
          <Textarea key={body} rows={24} className="font-mono text-[13px]" {...fieldA11y(`p-${body}`, fieldError(body))} {...form.register(body)} />
        </Field>
        <section aria-label={t("policies.preview")} className="rounded-md border border-zinc-200 bg-white p-4">
          <p className="mb-2 text-xs font-semibold text-zinc-500 uppercase">{t("policies.preview")}</p>
          <PolicyArticle markdown={markdown} compact />
        </section>
      </div>
      <fieldset>
        <legend className="mb-2 text-sm font-medium text-zinc-800">{t("policies.material")}</legend>
        <p className="mb-2 text-xs text-zinc-500">{t("policies.materialHint")}</p>
        <div className="grid gap-2 sm:grid-cols-2">
          {purposes.map((p) => (
            <label key={p.key} className="flex items-center gap-2 text-sm">
              <input type="checkbox" value={p.key} className="size-4 accent-brand-700" {...form.register("materialPurposeKeys")} />
              {p.label}
            </label>
          ))}
        </div>
      </fieldset>
      <Button type="submit" disabled={form.formState.isSubmitting}>
        {t("policies.saveDraft")}
      </Button>
    </form>
  );
}
