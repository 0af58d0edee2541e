"use client";
import { zodResolver } from "@hookform/resolvers/zod";
import Link from "next/link";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { useI18n } from "@/components/i18n/i18n-provider";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field, fieldA11y } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { useActionForm } from "@/components/forms/use-action-form";
import { setPasswordSchema, type SetPasswordInput } from "@/lib/users/schemas";
import { setPasswordAction } from "../actions";

export function SetPasswordForm({ token }: { token: string }) {
  const { t } = useI18n();
  const [done, setDone] = useState(false);
  const form = useForm<SetPasswordInput>({
    resolver: zodResolver(setPasswordSchema),
    defaultValues: { token, password: "", confirmPassword: "" },
  });
  const { submit, formError, fieldError } = useActionForm(form, setPasswordAction, () => setDone(true));

  if (done) {
    return (
      <Alert tone="success">
        {t("setPassword.done")}{" "}
        <Link href="/login" className="font-medium underline">
          {t("setPassword.toLogin")}
        </Link>
      </Alert>
    );
  }
  return (
    <form onSubmit={submit} noValidate className="space-y-4">
      {formError && <Alert tone="error">{formError}</Alert>}
      <Field id="password" label={t("setPassword.password")} hint={t("setPassword.hint")} error={fieldError("password")}>
        <Input type="password" autoComplete="new-password" {...fieldA11y("password", fieldError("password"))} {...form.register("password")} />
      </Field>
      <Field id="confirmPassword" label={t("setPassword.confirm")} error={fieldError("confirmPassword")}>
        <Input
          type="password"
          autoComplete="new-password"
          {...fieldA11y("confirmPassword", fieldError("confirmPassword"))}
          {...form.register("confirmPassword")}
        />
      </Field>
      <Button type="submit" className="w-full" disabled={form.formState.isSubmitting}>
        {t("setPassword.submit")}
      </Button>
    </form>
  );
}
