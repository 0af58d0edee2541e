"use client";
import { zodResolver } from "@hookform/resolvers/zod";
import { useForm } from "react-hook-form";
import { useActionForm } from "@/components/forms/use-action-form";
import { useI18n } from "@/components/i18n/i18n-provider";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { useToast } from "@/components/ui/toaster";
import { Field, fieldA11y } from "@/components/ui/field";
import { Textarea } from "@/components/ui/input";
import { DateInput, isoToText } from "@/components/ui/date-input";
import { scheduleSchema, type ScheduleInput } from "@/lib/policies/schemas";
import { schedulePolicyAction } from "../actions";

/** Effective date, with the notice-period rule shown up front and a justification when it is shorter. */
export function ScheduleForm({ id, earliest, noticeDays }: { id: string; earliest: string; noticeDays: number }) {
  const { t } = useI18n();
  const form = useForm<ScheduleInput>({ resolver: zodResolver(scheduleSchema), defaultValues: { id, effectiveOn: earliest, shortNoticeReason: "" } });
  const toast = useToast();
  const { submit, formError, fieldError } = useActionForm(form, schedulePolicyAction, () => {
    toast.flash(t("policies.scheduledToast"));
    window.location.reload();
  });
  const short = (form.watch("effectiveOn") ?? "") < earliest;
  return (
    <form onSubmit={submit} noValidate className="space-y-4" aria-label={t("policies.scheduleTitle")}>
      <p className="text-sm text-zinc-600">{t("policies.scheduleHint", { days: noticeDays, date: isoToText(earliest) })}</p>
      {formError && <Alert tone="error">{formError}</Alert>}
      <Field id="effectiveOn" label={t("policies.effectiveOn")} error={fieldError("effectiveOn")}>
        <DateInput className="max-w-52" {...fieldA11y("effectiveOn", fieldError("effectiveOn"))} {...form.register("effectiveOn")} />
      </Field>
      {short && (
        <Field
          id="shortNoticeReason"
          label={t("policies.justification")}
          hint={t("policies.justificationHint", { days: noticeDays })}
          error={fieldError("shortNoticeReason")}
        >
          <Textarea rows={3} {...fieldA11y("shortNoticeReason", fieldError("shortNoticeReason"))} {...form.register("shortNoticeReason")} />
        </Field>
      )}
      <Alert tone="warning">{t("policies.scheduleWarning")}</Alert>
      <Button type="submit" disabled={form.formState.isSubmitting}>
        {t("policies.schedule")}
      </Button>
    </form>
  );
}
