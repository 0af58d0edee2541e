"use client";
import { zodResolver } from "@hookform/resolvers/zod";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { errorText } from "@/components/forms/use-action-form";
import { useI18n } from "@/components/i18n/i18n-provider";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field, fieldA11y } from "@/components/ui/field";
import { Input, Select, Textarea } from "@/components/ui/input";
import { DateInput } from "@/components/ui/date-input";
import { FileInput } from "@/components/ui/file-input";
import { CONSENT_METHODS, staffConsentSchema, type StaffConsentInput } from "@/lib/consent/schemas";
import { recordConsentAction } from "../actions";

const today = () => new Date(Date.now() + 7 * 3_600_000).toISOString().slice(0, 10);

export function RecordConsentForm({ customerId, purposes }: { customerId: string; purposes: { key: string; label: string }[] }) {
  const { t } = useI18n();
  const [done, setDone] = useState<string>();
  const [formError, setFormError] = useState<string>();
  const form = useForm<StaffConsentInput>({
    resolver: zodResolver(staffConsentSchema.omit({ file: true })),
    defaultValues: { customerId, purposeKey: "", action: "GRANTED", givenOn: today(), method: "PAPER", documentRef: "", note: "" },
  });
  const err = (name: keyof StaffConsentInput) => errorText(t, form.formState.errors[name]?.message as string | undefined);

  const onSubmit = form.handleSubmit(async (values, event) => {
    setDone(undefined);
    setFormError(undefined);
    const data = new FormData();
    for (const [k, v] of Object.entries(values)) if (v !== undefined && v !== null) data.set(k, String(v));
    const fileInput = (event?.target as HTMLFormElement | undefined)?.querySelector<HTMLInputElement>('input[type="file"]');
    const file = fileInput?.files?.[0];
    if (file) data.set("file", file);
    const result = await recordConsentAction(data);
    if (result.ok) {
      setDone(t("consent.recorded"));
      form.reset({ ...values, documentRef: "", note: "" });
      if (fileInput) {
        fileInput.value = "";
        fileInput.dispatchEvent(new Event("change", { bubbles: true }));
      }
      return;
    }
    for (const [name, message] of Object.entries(result.error.fieldErrors ?? {})) form.setError(name as keyof StaffConsentInput, { message });
    setFormError(result.error.message);
  });

  return (
    <form onSubmit={onSubmit} noValidate className="space-y-4" aria-label={t("consent.recordTitle")}>
      {formError && <Alert tone="error">{formError}</Alert>}
      {done && <Alert tone="success">{done}</Alert>}
      <div className="grid gap-4 sm:grid-cols-2">
        <Field id="c-purpose" label={t("customers.purpose")} error={err("purposeKey")}>
          <Select {...fieldA11y("c-purpose", err("purposeKey"))} {...form.register("purposeKey")}>
            <option value="">{t("consent.choosePurpose")}</option>
            {purposes.map((p) => (
              <option key={p.key} value={p.key}>
                {p.label}
              </option>
            ))}
          </Select>
        </Field>
        <fieldset>
          <legend className="mb-1.5 text-sm font-medium text-zinc-800">{t("consent.decision")}</legend>
          <div className="flex gap-4 pt-2 text-sm">
            {(["GRANTED", "WITHDRAWN"] as const).map((a) => (
              <label key={a} className="flex items-center gap-2">
                <input type="radio" value={a} className="size-4 accent-brand-700" {...form.register("action")} />
                {t(`consent.action.${a}`)}
              </label>
            ))}
          </div>
        </fieldset>
        <Field id="c-date" label={t("consent.givenOn")} error={err("givenOn")}>
          <DateInput {...fieldA11y("c-date", err("givenOn"))} {...form.register("givenOn")} />
        </Field>
        <Field id="c-method" label={t("consent.methodLabel")} error={err("method")}>
          <Select {...fieldA11y("c-method", err("method"))} {...form.register("method")}>
            {CONSENT_METHODS.map((m) => (
              <option key={m} value={m}>
                {t(`consent.method.${m}`)}
              </option>
            ))}
          </Select>
        </Field>
        <Field id="c-doc" label={t("consent.documentRef")} hint={t("consent.documentRefHint")} error={err("documentRef")}>
          <Input {...fieldA11y("c-doc", err("documentRef"))} {...form.register("documentRef")} />
        </Field>
        <Field id="c-file" label={t("consent.scan")} hint={t("consent.scanHint")} error={err("file")}>
          <FileInput accept="application/pdf,image/png,image/jpeg,image/webp" {...fieldA11y("c-file", err("file"))} />
        </Field>
      </div>
      <Field id="c-note" label={t("consent.note")} error={err("note")}>
        <Textarea rows={2} {...fieldA11y("c-note", err("note"))} {...form.register("note")} />
      </Field>
      <p className="text-sm text-zinc-600">{t("consent.tellsCustomer")}</p>
      <Button type="submit" disabled={form.formState.isSubmitting}>
        {t("consent.record")}
      </Button>
    </form>
  );
}
