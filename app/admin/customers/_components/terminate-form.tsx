"use client";
import { zodResolver } from "@hookform/resolvers/zod";
import { useForm } from "react-hook-form";
import { useActionForm } from "@/components/forms/use-action-form";
import { useI18n } from "@/components/i18n/i18n-provider";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { useConfirm } from "@/components/ui/confirm-dialog";
import { Field, fieldA11y } from "@/components/ui/field";
import { Textarea } from "@/components/ui/input";
import { DateInput } from "@/components/ui/date-input";
import { useToast } from "@/components/ui/toaster";
import { isoToText } from "@/lib/i18n/format";
import { terminateSchema, type TerminateInput } from "@/lib/customers/schemas";
import { terminateCustomerAction } from "../actions";

export function TerminateForm({ customerId }: { customerId: string }) {
  const { t } = useI18n();
  const form = useForm<TerminateInput>({
    resolver: zodResolver(terminateSchema),
    defaultValues: { customerId, date: new Date(Date.now() + 7 * 3_600_000).toISOString().slice(0, 10), reason: "" },
  });
  const confirm = useConfirm();
  const toast = useToast();
  const { submit, formError, fieldError } = useActionForm(
    form,
    terminateCustomerAction,
    () => toast.show(t("customers.terminated", { date: isoToText(form.getValues("date")) })),
    {
      confirm: (values) =>
        confirm({
          title: t("customers.terminateConfirmTitle"),
          body: t("customers.terminateConfirmBody", { date: isoToText(values.date) }),
          confirmLabel: t("customers.terminate"),
        }),
    },
  );
  return (
    <form onSubmit={submit} noValidate className="space-y-3" aria-label={t("customers.terminateTitle")}>
      <p className="text-sm text-zinc-600">{t("customers.terminateHint")}</p>
      {formError && <Alert tone="error">{formError}</Alert>}
      <Field id="t-date" label={t("customers.terminateDate")} error={fieldError("date")}>
        <DateInput {...fieldA11y("t-date", fieldError("date"))} {...form.register("date")} />
      </Field>
      <Field id="t-reason" label={t("customers.terminateReason")} error={fieldError("reason")}>
        <Textarea rows={2} {...fieldA11y("t-reason", fieldError("reason"))} {...form.register("reason")} />
      </Field>
      <Button type="submit" variant="danger" disabled={form.formState.isSubmitting}>
        {t("customers.terminate")}
      </Button>
    </form>
  );
}
