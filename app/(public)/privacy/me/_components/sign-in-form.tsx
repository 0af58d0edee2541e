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
import { signInRequestSchema, type SignInRequestInput } from "@/lib/privacy-requests/schemas";
import { requestLinkAction } from "../actions";

/** Asks for a sign-in link. The answer is the same whether or not the address is known. */
export function SignInForm() {
  const { t } = useI18n();
  const [sentTo, setSentTo] = useState<string>();
  const form = useForm<SignInRequestInput>({ resolver: zodResolver(signInRequestSchema), defaultValues: { identifier: "" } });
  const { submit, formError, fieldError } = useActionForm(form, requestLinkAction, () => setSentTo(form.getValues("identifier")));
  if (sentTo) {
    return (
      <div className="space-y-3">
        <Alert tone="success" data-testid="link-sent">
          {t("me.linkSent", { identifier: sentTo })}
        </Alert>
        <Button type="button" variant="link" className="px-0" onClick={() => setSentTo(undefined)}>
          {t("me.tryAnother")}
        </Button>
      </div>
    );
  }
  return (
    <form onSubmit={submit} noValidate className="space-y-4" aria-label={t("me.signInTitle")}>
      {formError && <Alert tone="error">{formError}</Alert>}
      <Field id="identifier" label={t("me.identifier")} hint={t("me.identifierHint")} error={fieldError("identifier")}>
        <Input autoComplete="email" inputMode="email" {...fieldA11y("identifier", fieldError("identifier"))} {...form.register("identifier")} />
      </Field>
      <Button type="submit" className="w-full sm:w-auto" disabled={form.formState.isSubmitting}>
        {form.formState.isSubmitting ? t("me.sending") : t("me.sendLink")}
      </Button>
    </form>
  );
}
