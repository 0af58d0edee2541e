"use client";
import { zodResolver } from "@hookform/resolvers/zod";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { useActionForm } from "@/components/forms/use-action-form";
import { useI18n } from "@/components/i18n/i18n-provider";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field, fieldA11y } from "@/components/ui/field";
import { Input, Select } from "@/components/ui/input";
import { ROLES } from "@/lib/auth/roles";
import { LOCALES } from "@/lib/i18n/config";
import { inviteUserSchema, type InviteUserInput } from "@/lib/users/schemas";
import { inviteUserAction } from "../actions";

export function InviteForm() {
  const { t } = useI18n();
  const [sentTo, setSentTo] = useState<string>();
  const form = useForm<InviteUserInput>({
    resolver: zodResolver(inviteUserSchema),
    defaultValues: { email: "", name: "", role: "STAFF", locale: "vi" },
  });
  const { submit, formError, fieldError } = useActionForm(form, inviteUserAction, () => {
    setSentTo(form.getValues("email"));
    form.reset();
  });
  return (
    <form onSubmit={submit} noValidate className="space-y-4" aria-label={t("users.inviteTitle")}>
      {formError && <Alert tone="error">{formError}</Alert>}
      {sentTo && <Alert tone="success">{t("users.inviteSent", { email: sentTo })}</Alert>}
      <Field id="invite-name" label={t("users.name")} error={fieldError("name")}>
        <Input autoComplete="off" {...fieldA11y("invite-name", fieldError("name"))} {...form.register("name")} />
      </Field>
      <Field id="invite-email" label={t("users.email")} error={fieldError("email")}>
        <Input type="email" autoComplete="off" {...fieldA11y("invite-email", fieldError("email"))} {...form.register("email")} />
      </Field>
      <Field id="invite-role" label={t("users.role")} error={fieldError("role")}>
        <Select {...fieldA11y("invite-role", fieldError("role"))} {...form.register("role")}>
          {ROLES.map((r) => (
            <option key={r} value={r}>
              {t(`roles.${r}`)}
            </option>
          ))}
        </Select>
      </Field>
      <Field id="invite-locale" label={t("users.emailLanguage")}>
        <Select id="invite-locale" {...form.register("locale")}>
          {LOCALES.map((l) => (
            <option key={l} value={l}>
              {t(`language.${l}`)}
            </option>
          ))}
        </Select>
      </Field>
      <Button type="submit" disabled={form.formState.isSubmitting}>
        {form.formState.isSubmitting ? t("users.inviting") : t("users.invite")}
      </Button>
    </form>
  );
}
