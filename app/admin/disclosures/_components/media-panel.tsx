"use client";
import { zodResolver } from "@hookform/resolvers/zod";
import { useState, useTransition } from "react";
import { useForm } from "react-hook-form";
import { useActionForm } from "@/components/forms/use-action-form";
import { useI18n } from "@/components/i18n/i18n-provider";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { useToast } from "@/components/ui/toaster";
import { Field, fieldA11y } from "@/components/ui/field";
import { Input, Textarea } from "@/components/ui/input";
import { mediaSchema, type MediaInput } from "@/lib/media/schemas";
import { createMediaAction, publishMediaAction, takedownMediaAction } from "../actions";

export function MediaForm() {
  const { t } = useI18n();
  const form = useForm<MediaInput>({ resolver: zodResolver(mediaSchema), defaultValues: { title: "", link: "", publishedWhere: "", customerEmails: "" } });
  const toast = useToast();
  const { submit, formError, fieldError } = useActionForm(form, createMediaAction, () => {
    toast.show(t("media.added", { title: form.getValues("title") }));
    form.reset();
  });
  return (
    <form onSubmit={submit} noValidate className="space-y-4" aria-label={t("media.new")}>
      {formError && <Alert tone="error">{formError}</Alert>}
      <Field id="m-title" label={t("media.titleLabel")} error={fieldError("title")}>
        <Input {...fieldA11y("m-title", fieldError("title"))} {...form.register("title")} />
      </Field>
      <Field id="m-link" label={t("media.link")} error={fieldError("link")}>
        <Input type="url" {...fieldA11y("m-link", fieldError("link"))} {...form.register("link")} />
      </Field>
      <Field id="m-where" label={t("media.where")} error={fieldError("publishedWhere")}>
        <Input {...fieldA11y("m-where", fieldError("publishedWhere"))} {...form.register("publishedWhere")} />
      </Field>
      <Field id="m-emails" label={t("media.customers")} hint={t("media.customersHint")} error={fieldError("customerEmails")}>
        <Textarea rows={3} {...fieldA11y("m-emails", fieldError("customerEmails"))} {...form.register("customerEmails")} />
      </Field>
      <Button type="submit" disabled={form.formState.isSubmitting}>
        {t("media.add")}
      </Button>
    </form>
  );
}

export function MediaButtons({ id, status, blocked }: { id: string; status: string; blocked: number }) {
  const { t } = useI18n();
  const [pending, startTransition] = useTransition();
  const [error, setError] = useState<string>();
  const run = (fn: () => Promise<{ ok: boolean; error?: { message: string } }>) =>
    startTransition(async () => {
      const r = await fn();
      setError(r.ok ? undefined : r.error?.message);
    });
  return (
    <div className="flex flex-wrap items-center gap-2">
      {status === "DRAFT" && (
        <Button size="sm" disabled={pending} onClick={() => run(() => publishMediaAction({ id }))}>
          {t("media.publish")}
        </Button>
      )}
      {(status === "PUBLISHED" || status === "TAKEDOWN_REQUESTED") && blocked > 0 && (
        <Button size="sm" variant="danger" disabled={pending} onClick={() => run(() => takedownMediaAction({ id }))}>
          {t("media.markTakenDown")}
        </Button>
      )}
      {error && (
        <span role="alert" className="text-sm text-red-700">
          {error}
        </span>
      )}
    </div>
  );
}
