"use client";
import { zodResolver } from "@hookform/resolvers/zod";
import { useForm } from "react-hook-form";
import { useActionForm } from "@/components/forms/use-action-form";
import { useI18n } from "@/components/i18n/i18n-provider";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { useToast } from "@/components/ui/toaster";
import { Field, fieldA11y } from "@/components/ui/field";
import { Input, Select } from "@/components/ui/input";
import { DateInput } from "@/components/ui/date-input";
import { RECIPIENT_CATEGORIES } from "@/lib/disclosures/rules";
import { recipientSchema, type RecipientInput } from "@/lib/disclosures/schemas";
import { createRecipientAction } from "../actions";

export function RecipientForm() {
  const { t } = useI18n();
  const form = useForm<RecipientInput>({
    resolver: zodResolver(recipientSchema),
    defaultValues: { name: "", category: "ADVERTISING", contact: "", contactEmail: "", agreementRef: "", agreementDate: "", active: true },
  });
  const toast = useToast();
  const { submit, formError, fieldError } = useActionForm(form, createRecipientAction, () => {
    toast.show(t("disclosures.recipientAdded", { name: form.getValues("name") }));
    form.reset();
  });
  return (
    <form onSubmit={submit} noValidate className="space-y-4" aria-label={t("disclosures.newRecipient")}>
      {formError && <Alert tone="error">{formError}</Alert>}
      <Field id="r-name" label={t("disclosures.recipientName")} error={fieldError("name")}>
        <Input {...fieldA11y("r-name", fieldError("name"))} {...form.register("name")} />
      </Field>
      <Field id="r-cat" label={t("disclosures.categoryLabel")}>
        <Select id="r-cat" {...form.register("category")}>
          {RECIPIENT_CATEGORIES.map((c) => (
            <option key={c} value={c}>
              {t(`disclosures.category.${c}`)}
            </option>
          ))}
        </Select>
      </Field>
      <Field id="r-contact" label={t("disclosures.contact")}>
        <Input id="r-contact" {...form.register("contact")} />
      </Field>
      <Field id="r-contact-email" label={t("recipients.contactEmail")} hint={t("recipients.contactEmailHint")} error={fieldError("contactEmail")}>
        <Input id="r-contact-email" type="email" autoComplete="off" {...form.register("contactEmail")} />
      </Field>
      <div className="grid grid-cols-2 gap-3">
        <Field id="r-ref" label={t("disclosures.agreementRef")}>
          <Input id="r-ref" {...form.register("agreementRef")} />
        </Field>
        <Field id="r-date" label={t("disclosures.agreementDate")} error={fieldError("agreementDate")}>
          <DateInput id="r-date" {...form.register("agreementDate")} />
        </Field>
      </div>
      <Button type="submit" disabled={form.formState.isSubmitting}>
        {t("disclosures.addRecipient")}
      </Button>
    </form>
  );
}
