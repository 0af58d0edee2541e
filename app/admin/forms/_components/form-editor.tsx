"use client";
import { zodResolver } from "@hookform/resolvers/zod";
import { useRouter } from "next/navigation";
import { useState, type ReactNode } from "react";
import { useFieldArray, useForm } from "react-hook-form";
import { useActionForm } from "@/components/forms/use-action-form";
import { useI18n } from "@/components/i18n/i18n-provider";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card, CardBody, CardHeader, CardTitle } from "@/components/ui/card";
import { Field, fieldA11y } from "@/components/ui/field";
import { Input, Select, Textarea } from "@/components/ui/input";
import { FIELD_MODES, PERSONAL_FIELDS } from "@/lib/forms/definition";
import { FORM_KINDS, FORM_STATUSES, formInputSchema, type FormInput, type FormValues } from "@/lib/forms/schemas";
import { createFormAction, updateFormAction } from "../actions";
import { newKey, QuestionEditor } from "./question-editor";

type PurposeOption = { key: string; label: string; description: string };

function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <Card>
      <CardHeader>
        <CardTitle>{title}</CardTitle>
      </CardHeader>
      <CardBody className="space-y-4">{children}</CardBody>
    </Card>
  );
}

export function FormEditor({ formId, initial, purposes }: { formId?: string; initial: FormInput; purposes: PurposeOption[] }) {
  const { t } = useI18n();
  const router = useRouter();
  const [saved, setSaved] = useState(false);
  const form = useForm<FormInput, unknown, FormValues>({ resolver: zodResolver(formInputSchema), defaultValues: initial });
  const questions = useFieldArray({ control: form.control, name: "questions" });
  const action = (values: FormInput) => (formId ? updateFormAction({ ...values, id: formId }) : createFormAction(values));
  const { submit, formError, fieldError } = useActionForm(form, action as never, (data: { id: string }) => {
    setSaved(true);
    if (formId) router.refresh();
    else router.push(`/admin/forms/${data.id}?created=1`);
  });
  const text = (name: "titleVi" | "titleEn" | "slug" | "thankYouVi" | "thankYouEn" | "redirectUrl", hint?: string) => (
    <Field id={`form-${name}`} label={t(`forms.${name}`)} hint={hint} error={fieldError(name)}>
      <Input {...fieldA11y(`form-${name}`, fieldError(name))} {...form.register(name)} />
    </Field>
  );
  const long = (name: "introVi" | "introEn" | "allowedOrigins", hint?: string) => (
    <Field id={`form-${name}`} label={t(`forms.${name}`)} hint={hint} error={fieldError(name)}>
      <Textarea rows={3} {...fieldA11y(`form-${name}`, fieldError(name))} {...form.register(name)} />
    </Field>
  );

  return (
    <form onSubmit={submit} noValidate className="space-y-6" onChange={() => setSaved(false)} aria-label={t("forms.editorLabel")}>
      {formError && <Alert tone="error">{formError}</Alert>}
      {saved && <Alert tone="success">{t("forms.saved")}</Alert>}
      <Section title={t("forms.sectionBasics")}>
        <div className="grid gap-4 sm:grid-cols-2">
          {text("titleVi")}
          {text("titleEn")}
          {long("introVi")}
          {long("introEn")}
          {text("slug", t("forms.slugHint"))}
          <div className="grid grid-cols-2 gap-4">
            <Field id="form-kind" label={t("forms.kind")}>
              <Select id="form-kind" {...form.register("kind")}>
                {FORM_KINDS.map((k) => (
                  <option key={k} value={k}>
                    {t(`forms.kind.${k}`)}
                  </option>
                ))}
              </Select>
            </Field>
            <Field id="form-status" label={t("forms.status")}>
              <Select id="form-status" {...form.register("status")}>
                {FORM_STATUSES.map((s) => (
                  <option key={s} value={s}>
                    {t(`forms.status.${s}`)}
                  </option>
                ))}
              </Select>
            </Field>
          </div>
        </div>
      </Section>

      <Section title={t("forms.sectionFields")}>
        <p className="text-sm text-zinc-600">{t("forms.fieldsHint")}</p>
        {fieldError("fields") && <Alert tone="error">{fieldError("fields")}</Alert>}
        <div className="grid gap-3 sm:grid-cols-2 lg:grid-cols-3">
          {PERSONAL_FIELDS.map((f) => (
            <Field key={f} id={`field-${f}`} label={t(`publicForm.field.${f}`)}>
              <Select id={`field-${f}`} {...form.register(`fields.${f}`)}>
                {FIELD_MODES.map((m) => (
                  <option key={m} value={m}>
                    {t(`forms.mode.${m}`)}
                  </option>
                ))}
              </Select>
            </Field>
          ))}
        </div>
      </Section>

      <Section title={t("forms.sectionQuestions")}>
        {questions.fields.length === 0 && <p className="text-sm text-zinc-500">{t("forms.noQuestions")}</p>}
        {fieldError("questions") && <Alert tone="error">{fieldError("questions")}</Alert>}
        {questions.fields.map((q, index) => (
          <QuestionEditor
            key={q.id}
            form={form}
            index={index}
            onRemove={() => questions.remove(index)}
            onMove={(delta) => index + delta >= 0 && index + delta < questions.fields.length && questions.move(index, index + delta)}
          />
        ))}
        <Button
          type="button"
          variant="secondary"
          onClick={() => questions.append({ key: newKey("q"), type: "short_text", labelVi: "", labelEn: "", required: false, options: [] })}
        >
          {t("forms.addQuestion")}
        </Button>
      </Section>

      <Section title={t("forms.sectionConsent")}>
        <p className="text-sm text-zinc-600">{t("forms.consentHint")}</p>
        <fieldset aria-describedby={fieldError("purposeKeys") ? "purposes-error" : undefined}>
          <legend className="sr-only">{t("forms.sectionConsent")}</legend>
          <div className="space-y-2">
            {purposes.map((p) => (
              <label key={p.key} className="flex items-start gap-3 rounded-md border border-zinc-200 p-3 text-sm">
                <input type="checkbox" value={p.key} className="mt-0.5 size-4 accent-brand-700" {...form.register("purposeKeys")} />
                <span>
                  <span className="font-medium">{p.label}</span>
                  <span className="block text-zinc-600">{p.description}</span>
                </span>
              </label>
            ))}
          </div>
          {fieldError("purposeKeys") && (
            <p id="purposes-error" role="alert" className="mt-2 text-sm text-red-700">
              {fieldError("purposeKeys")}
            </p>
          )}
        </fieldset>
      </Section>

      <Section title={t("forms.sectionAfter")}>
        <div className="grid gap-4 sm:grid-cols-2">
          {text("thankYouVi")}
          {text("thankYouEn")}
          {text("redirectUrl", t("forms.redirectHint"))}
          {long("allowedOrigins", t("forms.originsHint"))}
        </div>
      </Section>

      <div className="sticky bottom-0 flex justify-end gap-3 border-t border-zinc-200 bg-zinc-50/95 py-3">
        <Button type="submit" disabled={form.formState.isSubmitting}>
          {form.formState.isSubmitting ? t("forms.saving") : t("forms.save")}
        </Button>
      </div>
    </form>
  );
}
