"use client";
import { zodResolver } from "@hookform/resolvers/zod";
import { useRouter } from "next/navigation";
import { useForm } from "react-hook-form";
import { useActionForm } from "@/components/forms/use-action-form";
import { useI18n } from "@/components/i18n/i18n-provider";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field, fieldA11y } from "@/components/ui/field";
import { Input, Select, Textarea } from "@/components/ui/input";
import { useToast } from "@/components/ui/toaster";
import { DEADLINE_UNITS } from "@/lib/privacy-requests/deadlines";
import { type RequestRuleInput, requestRuleSchema } from "@/lib/privacy-requests/schemas";
import { updateRequestRuleAction } from "../actions";

/** One row of the deadline rules, changed with a reason; open requests of the type are recomputed on save. */
export function RuleForm({ initial }: { initial: RequestRuleInput }) {
  const { t } = useI18n();
  const router = useRouter();
  const toast = useToast();
  const form = useForm<RequestRuleInput>({ resolver: zodResolver(requestRuleSchema), defaultValues: initial });
  const { submit, formError, fieldError } = useActionForm(form, updateRequestRuleAction, (result) => {
    toast.show(t("rules.saved", { moved: result.moved }));
    router.push("/admin/requests/rules");
  });
  const unitSelect = (name: "acknowledgeUnit" | "completeUnit", id: string) => (
    <Select {...fieldA11y(id, fieldError(name))} {...form.register(name)}>
      {DEADLINE_UNITS.map((u) => (
        <option key={u} value={u}>
          {t(`rules.unit.${u}`)}
        </option>
      ))}
    </Select>
  );
  /** A period and its unit side by side (acknowledgement, completion). */
  const periodWithUnit = (period: "acknowledgePeriod" | "completePeriod", unit: "acknowledgeUnit" | "completeUnit", id: string) => (
    <fieldset className="grid gap-3 sm:grid-cols-[8rem_1fr]">
      <Field id={id} label={t(`rules.field.${period}`)} error={fieldError(period)}>
        <Input type="number" min={1} inputMode="numeric" {...fieldA11y(id, fieldError(period))} {...form.register(period)} />
      </Field>
      <Field id={`${id}-unit`} label={t("rules.field.unit")} error={fieldError(unit)}>
        {unitSelect(unit, `${id}-unit`)}
      </Field>
    </fieldset>
  );
  return (
    <form onSubmit={submit} noValidate className="space-y-4" aria-label={t("rules.title")}>
      {formError && <Alert tone="error">{formError}</Alert>}
      {periodWithUnit("acknowledgePeriod", "acknowledgeUnit", "rule-ack")}
      {periodWithUnit("completePeriod", "completeUnit", "rule-complete")}
      <Field id="rule-third" label={t("rules.field.thirdPartyPeriod")} error={fieldError("thirdPartyPeriod")}>
        <Input
          type="number"
          min={1}
          inputMode="numeric"
          className="w-32"
          {...fieldA11y("rule-third", fieldError("thirdPartyPeriod"))}
          {...form.register("thirdPartyPeriod")}
        />
      </Field>
      <Field id="rule-ext" label={t("rules.field.extensionPeriod")} error={fieldError("extensionPeriod")}>
        <Input
          type="number"
          min={0}
          inputMode="numeric"
          className="w-32"
          {...fieldA11y("rule-ext", fieldError("extensionPeriod"))}
          {...form.register("extensionPeriod")}
        />
      </Field>
      <Field id="rule-ref" label={t("rules.field.legalReference")} error={fieldError("legalReference")}>
        <Textarea rows={3} {...fieldA11y("rule-ref", fieldError("legalReference"))} {...form.register("legalReference")} />
      </Field>
      <Field id="rule-reason" label={t("rules.field.reason")} error={fieldError("reason")}>
        <Textarea rows={2} {...fieldA11y("rule-reason", fieldError("reason"))} {...form.register("reason")} />
      </Field>
      <Button type="submit" disabled={form.formState.isSubmitting}>
        {t("rules.save")}
      </Button>
    </form>
  );
}
