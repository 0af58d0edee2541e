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
import { WEBHOOK_EVENTS } from "@/lib/webhooks/events";
import { webhookEndpointSchema, type WebhookEndpointInput } from "@/lib/webhooks/schemas";
import { SecretOnce } from "../../_components/secret-once";
import { createWebhookAction } from "../../actions";

export function WebhookForm() {
  const { t } = useI18n();
  const [secret, setSecret] = useState<string>();
  const form = useForm<WebhookEndpointInput>({ resolver: zodResolver(webhookEndpointSchema), defaultValues: { url: "", events: [], description: "" } });
  const { submit, formError, fieldError } = useActionForm(form, createWebhookAction, (data) => {
    setSecret(data.secret);
    form.reset();
  });
  return (
    <div className="space-y-4">
      {secret && <SecretOnce label={t("webhooks.secret")} value={secret} intro={t("webhooks.created")} />}
      <form onSubmit={submit} noValidate className="space-y-4" aria-label={t("webhooks.create")}>
        {formError && <Alert tone="error">{formError}</Alert>}
        <Field id="w-url" label={t("webhooks.url")} error={fieldError("url")}>
          <Input type="url" placeholder="https://" {...fieldA11y("w-url", fieldError("url"))} {...form.register("url")} />
        </Field>
        <Field id="w-desc" label={t("webhooks.description")} error={fieldError("description")}>
          <Input {...fieldA11y("w-desc", fieldError("description"))} {...form.register("description")} />
        </Field>
        <fieldset>
          <legend className="mb-1 text-sm font-medium text-zinc-800">{t("webhooks.events")}</legend>
          <div className="space-y-1">
            {WEBHOOK_EVENTS.map((event) => (
              <label key={event} className="flex items-center gap-2 text-sm">
                <input type="checkbox" value={event} {...form.register("events")} />
                <span>{t(`webhooks.event.${event}`)}</span>
              </label>
            ))}
          </div>
          {fieldError("events") && (
            <p role="alert" className="mt-1 text-xs text-red-700">
              {fieldError("events")}
            </p>
          )}
        </fieldset>
        <Button type="submit" disabled={form.formState.isSubmitting}>
          {t("webhooks.create")}
        </Button>
      </form>
    </div>
  );
}
