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
import { createApiKeySchema, type CreateApiKeyInput } from "@/lib/api-keys/schemas";
import { API_SCOPES } from "@/lib/api-keys/scopes";
import { SecretOnce } from "../../_components/secret-once";
import { createApiKeyAction } from "../../actions";

export function ApiKeyForm() {
  const { t } = useI18n();
  const [created, setCreated] = useState<{ key: string; awaitsApproval: boolean }>();
  const form = useForm<CreateApiKeyInput>({ resolver: zodResolver(createApiKeySchema), defaultValues: { name: "", scopes: [], rateLimitPerMinute: 120 } });
  const { submit, formError, fieldError } = useActionForm(form, createApiKeyAction, (data) => {
    setCreated({ key: data.key, awaitsApproval: data.awaitsApproval });
    form.reset();
  });
  return (
    <div className="space-y-4">
      {created && (
        <SecretOnce label={t("apiKeys.title")} value={created.key} intro={t(created.awaitsApproval ? "apiKeys.createdAwaitsApproval" : "apiKeys.created")} />
      )}
      <form onSubmit={submit} noValidate className="space-y-4" aria-label={t("apiKeys.create")}>
        {formError && <Alert tone="error">{formError}</Alert>}
        <Field id="k-name" label={t("apiKeys.name")} hint={t("apiKeys.nameHint")} error={fieldError("name")}>
          <Input {...fieldA11y("k-name", fieldError("name"))} {...form.register("name")} />
        </Field>
        <fieldset aria-describedby={fieldError("scopes") ? "k-scopes-error" : undefined}>
          <legend className="mb-1 text-sm font-medium text-zinc-800">{t("apiKeys.scopes")}</legend>
          <div className="space-y-1">
            {API_SCOPES.map((scope) => (
              <label key={scope} className="flex items-center gap-2 text-sm">
                <input type="checkbox" value={scope} {...form.register("scopes")} />
                <span>{t(`apiKeys.scope.${scope}`)}</span>
                <code className="text-xs text-zinc-500">{scope}</code>
              </label>
            ))}
          </div>
          {fieldError("scopes") && (
            <p id="k-scopes-error" role="alert" className="mt-1 text-xs text-red-700">
              {fieldError("scopes")}
            </p>
          )}
        </fieldset>
        <Field id="k-rate" label={t("apiKeys.rateLimit")} error={fieldError("rateLimitPerMinute")}>
          <Input type="number" min={1} max={600} {...fieldA11y("k-rate", fieldError("rateLimitPerMinute"))} {...form.register("rateLimitPerMinute")} />
        </Field>
        <Button type="submit" disabled={form.formState.isSubmitting}>
          {t("apiKeys.create")}
        </Button>
      </form>
    </div>
  );
}
