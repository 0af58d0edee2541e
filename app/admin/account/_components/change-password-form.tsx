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
import { changePasswordSchema, type ChangePasswordInput } from "@/lib/passwords/schemas";
import { changePasswordAction } from "../actions";

const FIELDS = [
  ["currentPassword", "account.currentPassword", "current-password"],
  ["password", "account.newPassword", "new-password"],
  ["confirmPassword", "account.confirmPassword", "new-password"],
] as const;

export function ChangePasswordForm() {
  const { t } = useI18n();
  const [done, setDone] = useState(false);
  const form = useForm<ChangePasswordInput>({
    resolver: zodResolver(changePasswordSchema),
    defaultValues: { currentPassword: "", password: "", confirmPassword: "" },
  });
  const { submit, formError, fieldError } = useActionForm(form, changePasswordAction, () => {
    setDone(true);
    form.reset();
  });
  return (
    <form onSubmit={submit} noValidate className="space-y-4" aria-label={t("account.password")} onChange={() => setDone(false)}>
      {formError && <Alert tone="error">{formError}</Alert>}
      {done && <Alert tone="success">{t("account.passwordChanged")}</Alert>}
      {FIELDS.map(([name, label, autoComplete]) => (
        <Field key={name} id={name} label={t(label)} hint={name === "password" ? t("setPassword.hint") : undefined} error={fieldError(name)}>
          <Input type="password" autoComplete={autoComplete} {...fieldA11y(name, fieldError(name))} {...form.register(name)} />
        </Field>
      ))}
      <Button type="submit" disabled={form.formState.isSubmitting}>
        {t("account.password")}
      </Button>
    </form>
  );
}
