"use client";
import { zodResolver } from "@hookform/resolvers/zod";
import { useForm } from "react-hook-form";
import { useActionForm } from "@/components/forms/use-action-form";
import { useI18n } from "@/components/i18n/i18n-provider";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { useToast } from "@/components/ui/toaster";
import { Field, fieldA11y } from "@/components/ui/field";
import { Input, Textarea } from "@/components/ui/input";
import { settingsSchema, type Settings, type SettingsInput } from "@/lib/settings/schemas";
import { updateSettingsAction } from "../actions";

const TEXT_FIELDS = ["companyName", "companyNameEn", "contactEmail", "dpoName", "dpoEmail", "dpoPhone"] as const;
const LONG_FIELDS = ["companyAddress", "companyAddressEn"] as const;
const NUMBER_FIELDS = ["noticePeriodDays", "retentionGraceDays", "leadRetentionMonths"] as const;

export function SettingsForm({ initial }: { initial: Settings }) {
  const { t } = useI18n();
  const form = useForm<SettingsInput, unknown, Settings>({ resolver: zodResolver(settingsSchema), defaultValues: initial });
  const toast = useToast();
  // A toast, not a line on the page: turning on the two-step requirement sends an administrator
  // without it to set it up at once, and the confirmation must survive that move.
  const { submit, formError, fieldError } = useActionForm(form, updateSettingsAction, () => toast.show(t("settings.saved")));
  return (
    <form onSubmit={submit} noValidate className="space-y-5">
      {formError && <Alert tone="error">{formError}</Alert>}
      {TEXT_FIELDS.map((name) => (
        <Field key={name} id={name} label={t(`settings.${name}`)} error={fieldError(name)}>
          <Input {...fieldA11y(name, fieldError(name))} {...form.register(name)} />
        </Field>
      ))}
      {LONG_FIELDS.map((name) => (
        <Field key={name} id={name} label={t(`settings.${name}`)} hint={t(`settings.${name}Hint`)} error={fieldError(name)}>
          <Textarea rows={2} {...fieldA11y(name, fieldError(name))} {...form.register(name)} />
        </Field>
      ))}
      <div className="grid gap-5 sm:grid-cols-2">
        {NUMBER_FIELDS.map((name) => (
          <Field key={name} id={name} label={t(`settings.${name}`)} hint={t(`settings.${name}Hint`)} error={fieldError(name)}>
            <Input type="number" inputMode="numeric" {...fieldA11y(name, fieldError(name))} {...form.register(name)} />
          </Field>
        ))}
      </div>
      <div className="flex items-start gap-3">
        <input id="requireTwoFactor" type="checkbox" className="mt-1 h-4 w-4" aria-describedby="requireTwoFactor-hint" {...form.register("requireTwoFactor")} />
        <div>
          <label htmlFor="requireTwoFactor" className="text-sm font-medium text-zinc-800">
            {t("settings.requireTwoFactor")}
          </label>
          <p id="requireTwoFactor-hint" className="text-xs text-zinc-500">
            {t("settings.requireTwoFactorHint")}
          </p>
        </div>
      </div>
      <Button type="submit" disabled={form.formState.isSubmitting}>
        {t("settings.save")}
      </Button>
    </form>
  );
}
