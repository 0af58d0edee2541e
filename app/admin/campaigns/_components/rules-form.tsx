"use client";
import { zodResolver } from "@hookform/resolvers/zod";
import { useRouter } from "next/navigation";
import { useForm } from "react-hook-form";
import type { z } from "zod";
import { useActionForm } from "@/components/forms/use-action-form";
import { useI18n } from "@/components/i18n/i18n-provider";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field, fieldA11y } from "@/components/ui/field";
import { Input, Textarea } from "@/components/ui/input";
import { useToast } from "@/components/ui/toaster";
import { type MarketingRules, updateMarketingRulesSchema } from "@/lib/campaigns/schemas";
import { updateMarketingRulesAction } from "../actions";

type Values = z.input<typeof updateMarketingRulesSchema>;

/** COMPLIANCE changes a sending rule; the reason is required and kept with the change. */
export function RulesForm({ rules }: { rules: MarketingRules }) {
  const { t } = useI18n();
  const router = useRouter();
  const toast = useToast();
  const form = useForm<Values>({ resolver: zodResolver(updateMarketingRulesSchema), defaultValues: { ...rules, reason: "" } });
  const { submit, formError, fieldError } = useActionForm(form, updateMarketingRulesAction, () => {
    toast.show(t("campaigns.rulesSaved"));
    form.setValue("reason", "");
    router.refresh();
  });
  const number = (name: "dailyCap" | "windowStartHour" | "windowEndHour", label: string, hint?: string) => (
    <Field id={`r-${name}`} label={label} hint={hint} error={fieldError(name)}>
      <Input type="number" inputMode="numeric" className="w-28" {...fieldA11y(`r-${name}`, fieldError(name))} {...form.register(name)} />
    </Field>
  );
  return (
    <form onSubmit={submit} noValidate className="space-y-4" aria-label={t("campaigns.rules")}>
      {formError && <Alert tone="error">{formError}</Alert>}
      {number("dailyCap", t("campaigns.rule.dailyCap"), t("campaigns.rule.dailyCapHint"))}
      <div className="flex flex-wrap gap-4">
        {number("windowStartHour", t("campaigns.rule.windowStartHour"))}
        {number("windowEndHour", t("campaigns.rule.windowEndHour"), t("campaigns.rule.windowHint"))}
      </div>
      <div className="flex flex-wrap gap-4">
        <Field id="r-labelVi" label={t("campaigns.rule.labelVi")} error={fieldError("labelVi")}>
          <Input className="w-28" {...fieldA11y("r-labelVi", fieldError("labelVi"))} {...form.register("labelVi")} />
        </Field>
        <Field id="r-labelEn" label={t("campaigns.rule.labelEn")} error={fieldError("labelEn")}>
          <Input className="w-28" {...fieldA11y("r-labelEn", fieldError("labelEn"))} {...form.register("labelEn")} />
        </Field>
      </div>
      <Field id="r-reason" label={t("campaigns.rule.reason")} hint={t("campaigns.rule.reasonHint")} error={fieldError("reason")}>
        <Textarea rows={3} {...fieldA11y("r-reason", fieldError("reason"))} {...form.register("reason")} />
      </Field>
      <Button type="submit" disabled={form.formState.isSubmitting}>
        {t("campaigns.rule.save")}
      </Button>
    </form>
  );
}
