"use client";
import { zodResolver } from "@hookform/resolvers/zod";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { useRouter } from "next/navigation";
import { useActionForm } from "@/components/forms/use-action-form";
import { useI18n } from "@/components/i18n/i18n-provider";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field, fieldA11y } from "@/components/ui/field";
import { Textarea } from "@/components/ui/input";
import { rectifySchema, requestReference, type RectifyInput } from "@/lib/privacy-requests/schemas";
import { requestCorrectionAction } from "../actions";

export function CorrectionForm() {
  const { t } = useI18n();
  const router = useRouter();
  const [done, setDone] = useState<string>();
  const form = useForm<RectifyInput>({ resolver: zodResolver(rectifySchema), defaultValues: { details: "" } });
  const { submit, formError, fieldError } = useActionForm(form, requestCorrectionAction, (r) => {
    setDone(requestReference(r.number));
    form.reset();
    router.refresh();
  });
  return (
    <form onSubmit={submit} noValidate className="space-y-3" aria-label={t("me.correctionTitle")}>
      {formError && <Alert tone="error">{formError}</Alert>}
      {done && <Alert tone="success">{t("me.correctionSent", { reference: done })}</Alert>}
      <Field id="correction" label={t("me.correctionLabel")} error={fieldError("details")}>
        <Textarea rows={3} {...fieldA11y("correction", fieldError("details"))} {...form.register("details")} />
      </Field>
      <Button type="submit" variant="secondary" disabled={form.formState.isSubmitting}>
        {t("me.correctionSubmit")}
      </Button>
    </form>
  );
}
