"use client";
import { zodResolver } from "@hookform/resolvers/zod";
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { useForm } from "react-hook-form";
import { useActionForm } from "@/components/forms/use-action-form";
import { useI18n } from "@/components/i18n/i18n-provider";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { useConfirm } from "@/components/ui/confirm-dialog";
import { Field, fieldA11y } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { DateInput } from "@/components/ui/date-input";
import { useToast } from "@/components/ui/toaster";
import { isoToText } from "@/lib/i18n/format";
import { holidaySchema, type HolidayInput } from "@/lib/holidays/schemas";
import { addHolidayAction, removeHolidayAction } from "../../actions";

export function AddHolidayForm() {
  const { t } = useI18n();
  const router = useRouter();
  const form = useForm<HolidayInput>({ resolver: zodResolver(holidaySchema), defaultValues: { date: "", name: "" } });
  const toast = useToast();
  const { submit, formError, fieldError } = useActionForm(form, addHolidayAction, () => {
    toast.show(t("holidays.added", { date: isoToText(form.getValues("date")) }));
    form.reset();
    router.refresh();
  });
  return (
    <form onSubmit={submit} noValidate className="space-y-3" aria-label={t("holidays.add")}>
      {formError && <Alert tone="error">{formError}</Alert>}
      <div className="grid gap-3 sm:grid-cols-[auto_1fr]">
        <Field id="h-date" label={t("holidays.date")} error={fieldError("date")}>
          <DateInput {...fieldA11y("h-date", fieldError("date"))} {...form.register("date")} />
        </Field>
        <Field id="h-name" label={t("holidays.name")} error={fieldError("name")}>
          <Input {...fieldA11y("h-name", fieldError("name"))} {...form.register("name")} />
        </Field>
      </div>
      <Button type="submit" disabled={form.formState.isSubmitting}>
        {t("holidays.add")}
      </Button>
    </form>
  );
}

export function RemoveHolidayButton({ date, label }: { date: string; label: string }) {
  const { t } = useI18n();
  const router = useRouter();
  const [error, setError] = useState<string>();
  const [pending, startTransition] = useTransition();
  const confirm = useConfirm();
  const toast = useToast();
  return (
    <span className="inline-flex items-center gap-2">
      <Button
        type="button"
        size="sm"
        variant="ghost"
        disabled={pending}
        aria-label={t("holidays.removeLabel", { date: label })}
        onClick={async () => {
          const sure = await confirm({
            title: t("holidays.removeConfirmTitle", { date: label }),
            body: t("holidays.removeConfirmBody"),
            confirmLabel: t("holidays.remove"),
          });
          if (!sure) return;
          startTransition(async () => {
            const result = await removeHolidayAction({ date });
            if (result.ok) {
              toast.show(t("holidays.removed", { date: label }));
              router.refresh();
            } else setError(result.error.message);
          });
        }}
      >
        {t("holidays.remove")}
      </Button>
      {error && (
        <span role="alert" className="text-xs text-red-700">
          {error}
        </span>
      )}
    </span>
  );
}
