"use client";
import { zodResolver } from "@hookform/resolvers/zod";
import { signIn } from "next-auth/react";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { useI18n } from "@/components/i18n/i18n-provider";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field, fieldA11y } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { errorText } from "@/components/forms/use-action-form";
import { signInSchema, type SignInInput } from "@/lib/auth/schemas";
import { translateMessage } from "@/lib/i18n/translate";

function parseError(raw: string | null | undefined): { key?: string; params?: Record<string, number | string> } {
  try {
    return JSON.parse(raw ?? "");
  } catch {
    return {};
  }
}

/** Email and password; then, for an account with two-step sign-in, the code from the app. */
export function LoginForm({ callbackUrl }: { callbackUrl: string }) {
  const { t } = useI18n();
  const router = useRouter();
  const [formError, setFormError] = useState<string>();
  const [askCode, setAskCode] = useState(false);
  const form = useForm<SignInInput>({ resolver: zodResolver(signInSchema), defaultValues: { email: "", password: "", code: "" } });
  const { errors, isSubmitting } = form.formState;

  const onSubmit = form.handleSubmit(async (values) => {
    setFormError(undefined);
    const result = await signIn("credentials", { ...values, redirect: false });
    if (result?.ok && !result.error) {
      router.replace(callbackUrl);
      router.refresh();
      return;
    }
    const { key, params } = parseError(result?.error);
    const message = translateMessage(t, key, params);
    if (key === "login.invalidCredentials") form.setError("password", { message });
    else if (key === "login.codeRequired") {
      setAskCode(true);
      setTimeout(() => form.setFocus("code"), 0);
    } else if (key === "login.codeInvalid") form.setError("code", { message });
    else setFormError(message);
  });

  const err = (name: keyof SignInInput) => errorText(t, errors[name]?.message);

  return (
    <form onSubmit={onSubmit} noValidate className="space-y-4" aria-label={t("login.title")}>
      {formError && <Alert tone="error">{formError}</Alert>}
      <Field id="email" label={t("login.email")} error={err("email")}>
        <Input type="email" autoComplete="username" readOnly={askCode} {...fieldA11y("email", err("email"))} {...form.register("email")} />
      </Field>
      <Field id="password" label={t("login.password")} error={err("password")}>
        <Input type="password" autoComplete="current-password" readOnly={askCode} {...fieldA11y("password", err("password"))} {...form.register("password")} />
      </Field>
      {askCode && (
        <>
          <Alert tone="info">{t("login.codeRequired")}</Alert>
          <Field id="code" label={t("login.code")} hint={t("login.codeHint")} error={err("code")}>
            <Input autoComplete="one-time-code" inputMode="text" {...fieldA11y("code", err("code"))} {...form.register("code")} />
          </Field>
        </>
      )}
      <Button type="submit" className="w-full" disabled={isSubmitting}>
        {isSubmitting ? t("login.submitting") : t("login.submit")}
      </Button>
      <p className="text-center text-sm">
        <Link href="/forgot-password" className="text-brand-800 underline">
          {t("login.forgot")}
        </Link>
      </p>
    </form>
  );
}
