"use client";
import { zodResolver } from "@hookform/resolvers/zod";
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { useForm } from "react-hook-form";
import { useActionForm } from "@/components/forms/use-action-form";
import { useI18n } from "@/components/i18n/i18n-provider";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field, fieldA11y } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { holidaySchema, type HolidayInput } from "@/lib/holidays/schemas";
import { addHolidayAction, removeHolidayAction } from "../../actions";

export function AddHolidayForm() {
  const { t } = useI18n();
  const router = useRouter();
  const form = useForm<HolidayInput>({ resolver: zodResolver(holidaySchema), defaultValues: { date: "", name: "" } });
  const { submit, formError, fieldError } = useActionForm(form, addHolidayAction, () => {
    form.reset();
    router.refresh();
  });
  return (
    <form onSubmit={submit} noValidate className="space-y-3" aria-label={t("holidays.add")}>
      {formError && <Alert tone="error">{formError}</Alert>}
      <div className="grid gap-3 sm:grid-cols-[auto_1fr]">
        <Field id="h-date" label={t("holidays.date")} error={fieldError("date")}>
          <Input type="date" {...fieldA11y("h-date", fieldError("date"))} {...form.register("date")} />
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
  return (
    <span className="inline-flex items-center gap-2">
      <Button
        type="button"
        size="sm"
        variant="ghost"
        disabled={pending}
        aria-label={t("holidays.removeLabel", { date: label })}
        onClick={() =>
          startTransition(async () => {
            const result = await removeHolidayAction({ date });
            if (result.ok) router.refresh();
            else setError(result.error.message);
          })
        }
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
