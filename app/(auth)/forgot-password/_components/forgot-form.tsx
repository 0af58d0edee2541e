"use client";
import { zodResolver } from "@hookform/resolvers/zod";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { useActionForm } from "@/components/forms/use-action-form";
import { useI18n } from "@/components/i18n/i18n-provider";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field, fieldA11y } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { forgotPasswordSchema, type ForgotPasswordInput } from "@/lib/passwords/schemas";
import { forgotPasswordAction } from "../actions";

export function ForgotForm() {
  const { t } = useI18n();
  const [sentTo, setSentTo] = useState<string>();
  const form = useForm<ForgotPasswordInput>({ resolver: zodResolver(forgotPasswordSchema), defaultValues: { email: "" } });
  const { submit, formError, fieldError } = useActionForm(form, forgotPasswordAction, (data) => setSentTo(data.email));
  if (sentTo) return <Alert tone="success">{t("forgot.sent", { email: sentTo })}</Alert>;
  return (
    <form onSubmit={submit} noValidate className="space-y-4" aria-label={t("forgot.title")}>
      {formError && <Alert tone="error">{formError}</Alert>}
      <Field id="email" label={t("login.email")} error={fieldError("email")}>
        <Input type="email" autoComplete="username" {...fieldA11y("email", fieldError("email"))} {...form.register("email")} />
      </Field>
      <Button type="submit" className="w-full" disabled={form.formState.isSubmitting}>
        {t("forgot.submit")}
      </Button>
    </form>
  );
}
