"use client";
import Link from "next/link";
import { zodResolver } from "@hookform/resolvers/zod";
import { useRouter } from "next/navigation";
import { useForm } from "react-hook-form";
import { useActionForm } from "@/components/forms/use-action-form";
import { useI18n } from "@/components/i18n/i18n-provider";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { useToast } from "@/components/ui/toaster";
import { Field, fieldA11y } from "@/components/ui/field";
import { Input, Select } from "@/components/ui/input";
import { customerInputSchema, type CustomerInput, type CustomerValues } from "@/lib/customers/schemas";
import { createCustomerAction, updateCustomerAction } from "../actions";

const TEXT = [
  ["fullName", "name"],
  ["email", "email"],
  ["phone", "tel"],
  ["address", "street-address"],
  ["organization", "organization"],
] as const;

/** `emailLocked`: the email is how the customer signs in to their privacy page; only compliance changes it. */
export function CustomerForm({ customerId, initial, emailLocked = false }: { customerId?: string; initial: CustomerInput; emailLocked?: boolean }) {
  const { t } = useI18n();
  const router = useRouter();
  const form = useForm<CustomerInput, unknown, CustomerValues>({ resolver: zodResolver(customerInputSchema), defaultValues: initial });
  const action = (values: CustomerInput) => (customerId ? updateCustomerAction({ ...values, customerId }) : createCustomerAction(values));
  const toast = useToast();
  const { submit, formError, fieldError, errorLink } = useActionForm(form, action as never, (data: { id: string } | undefined) => {
    toast.show(t(customerId ? "customers.savedToast" : "customers.addedToast"));
    router.push(`/admin/customers/${customerId ?? data?.id}`);
    router.refresh();
  });
  return (
    <form onSubmit={submit} noValidate className="max-w-2xl space-y-4" aria-label={t(customerId ? "customers.edit" : "customers.new")}>
      {formError && <Alert tone="error">{formError}</Alert>}
      {errorLink && (
        <Alert tone="error" data-testid="duplicate-link">
          {t("customers.exists")}{" "}
          <Link href={errorLink.href} className="font-medium underline">
            {errorLink.label}
          </Link>
        </Alert>
      )}
      <div className="grid gap-4 sm:grid-cols-2">
        {TEXT.map(([name, autoComplete]) => (
          <Field
            key={name}
            id={`cu-${name}`}
            label={t(`publicForm.field.${name}`)}
            hint={name === "email" && emailLocked ? t("customers.emailChangeCompliance") : undefined}
            error={fieldError(name)}
            className={name === "address" ? "sm:col-span-2" : undefined}
          >
            <Input
              autoComplete={autoComplete}
              readOnly={name === "email" && emailLocked}
              {...fieldA11y(`cu-${name}`, fieldError(name))}
              {...form.register(name)}
            />
          </Field>
        ))}
        <Field id="cu-locale" label={t("customers.language")}>
          <Select id="cu-locale" {...form.register("locale")}>
            <option value="vi">{t("language.vi")}</option>
            <option value="en">{t("language.en")}</option>
          </Select>
        </Field>
        <Field id="cu-status" label={t("customers.status")}>
          <Select id="cu-status" {...form.register("status")}>
            <option value="LEAD">{t("customers.statusValue.LEAD")}</option>
            <option value="ACTIVE">{t("customers.statusValue.ACTIVE")}</option>
          </Select>
        </Field>
      </div>
      <Button type="submit" disabled={form.formState.isSubmitting}>
        {t("customers.save")}
      </Button>
    </form>
  );
}
