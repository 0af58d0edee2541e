"use client";
import { zodResolver } from "@hookform/resolvers/zod";
import { useRouter } from "next/navigation";
import { useEffect, useState } from "react";
import { useForm } from "react-hook-form";
import { useActionForm } from "@/components/forms/use-action-form";
import { useI18n } from "@/components/i18n/i18n-provider";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { DateInput } from "@/components/ui/date-input";
import { Field, fieldA11y } from "@/components/ui/field";
import { Input, Select, Textarea } from "@/components/ui/input";
import { useToast } from "@/components/ui/toaster";
import { AUDIENCE_STATUSES, audienceSchema, type CampaignContentInput, campaignContentSchema, MARKETING_PURPOSES } from "@/lib/campaigns/schemas";
import { previewAudienceAction, previewEmailAction, saveCampaignAction } from "../actions";
import { ExclusionList } from "./exclusion-list";

type Counts = { eligible: number; excluded: Record<string, number>; total: number };

/** Writes a campaign (new, or a draft `id`), with a live count of who would get it and a live preview. */
export function CampaignComposer({ initial, id, purposes }: { initial: CampaignContentInput; id?: string; purposes: Record<string, string> }) {
  const { t, locale } = useI18n();
  const router = useRouter();
  const toast = useToast();
  const form = useForm<CampaignContentInput>({ resolver: zodResolver(campaignContentSchema), defaultValues: initial });
  const { submit, formError, fieldError } = useActionForm(
    form,
    (values) => saveCampaignAction({ ...values, id: id ?? "" }),
    (saved) => {
      toast.show(t("campaigns.saved"));
      if (id) router.refresh();
      else router.push(`/admin/campaigns/${saved.id}`);
    },
  );
  const values = form.watch();
  const [previewLocale, setPreviewLocale] = useState<"vi" | "en">(locale);
  const [preview, setPreview] = useState<{ subject: string; html: string } | null>(null);
  // null until the first count; "invalid" while the recipient filters do not parse; "failed" when the count could not be made.
  const [counts, setCounts] = useState<Counts | "invalid" | "failed" | null>(null);
  const [counting, setCounting] = useState(false);
  const key = JSON.stringify(values);

  // Debounced: the preview and the count follow the typing without a request per key press.
  // biome-ignore lint/correctness/useExhaustiveDependencies: `key` stands for every watched value
  useEffect(() => {
    const timer = setTimeout(async () => {
      const v = form.getValues();
      const email = await previewEmailAction({
        purposeKey: v.purposeKey,
        subjectVi: v.subjectVi,
        subjectEn: v.subjectEn,
        bodyVi: v.bodyVi,
        bodyEn: v.bodyEn,
        locale: previewLocale,
      }).catch(() => null);
      if (email?.ok) setPreview(email.data);
      if (!audienceSchema.safeParse(v.audience).success) {
        setCounts("invalid");
        return;
      }
      setCounting(true);
      const result = await previewAudienceAction({ purposeKey: v.purposeKey, audience: v.audience ?? {} }).catch(() => null);
      setCounting(false);
      setCounts(result?.ok ? result.data : "failed");
    }, 600);
    return () => clearTimeout(timer);
  }, [key, previewLocale]);

  return (
    <div className="grid gap-6 lg:grid-cols-[minmax(0,1fr)_minmax(0,1fr)]">
      <form onSubmit={submit} noValidate className="space-y-4" aria-label={t(id ? "campaigns.editTitle" : "campaigns.new")}>
        {formError && <Alert tone="error">{formError}</Alert>}
        <Field id="c-name" label={t("campaigns.field.name")} hint={t("campaigns.field.nameHint")} error={fieldError("name")}>
          <Input {...fieldA11y("c-name", fieldError("name"))} {...form.register("name")} />
        </Field>
        <Field id="c-purpose" label={t("campaigns.field.purpose")} hint={t("campaigns.field.purposeHint")} error={fieldError("purposeKey")}>
          <Select {...fieldA11y("c-purpose", fieldError("purposeKey"))} {...form.register("purposeKey")}>
            {MARKETING_PURPOSES.map((p) => (
              <option key={p} value={p}>
                {purposes[p] ?? p}
              </option>
            ))}
          </Select>
        </Field>
        {(["Vi", "En"] as const).map((lang) => (
          <fieldset key={lang} className="space-y-3 rounded-md border border-zinc-200 p-3">
            <legend className="px-1 text-sm font-medium">{t(lang === "Vi" ? "campaigns.inVietnamese" : "campaigns.inEnglish")}</legend>
            <Field id={`c-subject${lang}`} label={t("campaigns.field.subject")} hint={t("campaigns.field.subjectHint")} error={fieldError(`subject${lang}`)}>
              <Input {...fieldA11y(`c-subject${lang}`, fieldError(`subject${lang}`))} {...form.register(`subject${lang}`)} />
            </Field>
            <Field id={`c-body${lang}`} label={t("campaigns.field.body")} hint={t("campaigns.field.bodyHint")} error={fieldError(`body${lang}`)}>
              <Textarea rows={6} {...fieldA11y(`c-body${lang}`, fieldError(`body${lang}`))} {...form.register(`body${lang}`)} />
            </Field>
          </fieldset>
        ))}
        <fieldset className="space-y-3 rounded-md border border-zinc-200 p-3">
          <legend className="px-1 text-sm font-medium">{t("campaigns.audience")}</legend>
          <div className="flex flex-wrap gap-x-5 gap-y-2" role="group" aria-label={t("campaigns.field.statuses")}>
            {AUDIENCE_STATUSES.map((s) => (
              <label key={s} className="flex items-center gap-2 text-sm">
                <input type="checkbox" value={s} className="size-4" {...form.register("audience.statuses")} />
                {t(`customers.statusValue.${s}`)}
              </label>
            ))}
          </div>
          {fieldError("audience.statuses") && (
            <p role="alert" className="text-sm text-red-700">
              {fieldError("audience.statuses")}
            </p>
          )}
          <div className="grid gap-3 sm:grid-cols-2">
            <Field id="c-org" label={t("campaigns.field.organization")} error={fieldError("audience.organization")}>
              <Input {...fieldA11y("c-org", fieldError("audience.organization"))} {...form.register("audience.organization")} />
            </Field>
            <Field id="c-locale" label={t("campaigns.field.language")}>
              <Select id="c-locale" {...form.register("audience.locale")}>
                <option value="">{t("campaigns.anyLanguage")}</option>
                <option value="vi">{t("language.vi")}</option>
                <option value="en">{t("language.en")}</option>
              </Select>
            </Field>
            <Field id="c-createdFrom" label={t("campaigns.field.createdFrom")} error={fieldError("audience.createdFrom")}>
              <DateInput {...fieldA11y("c-createdFrom", fieldError("audience.createdFrom"))} {...form.register("audience.createdFrom")} />
            </Field>
            <Field id="c-createdTo" label={t("campaigns.field.createdTo")} error={fieldError("audience.createdTo")}>
              <DateInput {...fieldA11y("c-createdTo", fieldError("audience.createdTo"))} {...form.register("audience.createdTo")} />
            </Field>
            <Field id="c-contactFrom" label={t("campaigns.field.lastContactFrom")} error={fieldError("audience.lastContactFrom")}>
              <DateInput {...fieldA11y("c-contactFrom", fieldError("audience.lastContactFrom"))} {...form.register("audience.lastContactFrom")} />
            </Field>
            <Field id="c-contactTo" label={t("campaigns.field.lastContactTo")} error={fieldError("audience.lastContactTo")}>
              <DateInput {...fieldA11y("c-contactTo", fieldError("audience.lastContactTo"))} {...form.register("audience.lastContactTo")} />
            </Field>
          </div>
        </fieldset>
        <Button type="submit" disabled={form.formState.isSubmitting}>
          {t(id ? "campaigns.saveChanges" : "campaigns.saveDraft")}
        </Button>
      </form>
      <aside className="space-y-4" aria-label={t("campaigns.previewTitle")}>
        <section className="rounded-md border border-zinc-200 p-4" aria-live="polite" aria-busy={counting}>
          <h2 className="text-sm font-semibold">{t("campaigns.whoGetsIt")}</h2>
          {counts === null ? (
            <p className="text-sm text-zinc-500">{t("campaigns.counting")}</p>
          ) : typeof counts === "string" ? (
            <p className="text-sm text-zinc-600">{t(counts === "invalid" ? "campaigns.countNeedsAudience" : "campaigns.countFailed")}</p>
          ) : (
            <ExclusionList eligible={counts.eligible} excluded={counts.excluded} />
          )}
        </section>
        <section className="space-y-2">
          <div className="flex items-center justify-between gap-2">
            <h2 className="text-sm font-semibold">{t("campaigns.previewTitle")}</h2>
            <div role="group" aria-label={t("language.label")} className="flex gap-1">
              {(["vi", "en"] as const).map((l) => (
                <Button
                  key={l}
                  type="button"
                  size="sm"
                  variant={previewLocale === l ? "primary" : "secondary"}
                  aria-pressed={previewLocale === l}
                  onClick={() => setPreviewLocale(l)}
                >
                  {t(`language.${l}`)}
                </Button>
              ))}
            </div>
          </div>
          {preview ? (
            <>
              <p className="text-sm" data-testid="preview-subject">
                <span className="text-zinc-500">{t("campaigns.field.subject")}: </span>
                {preview.subject}
              </p>
              <iframe
                title={t("campaigns.previewTitle")}
                sandbox=""
                srcDoc={preview.html}
                className="h-[32rem] w-full rounded-md border border-zinc-200 bg-white"
              />
            </>
          ) : (
            <p className="text-sm text-zinc-500">{t("campaigns.previewEmpty")}</p>
          )}
        </section>
      </aside>
    </div>
  );
}
