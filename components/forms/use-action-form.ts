"use client";
import { useState } from "react";
import type { FieldValues, Path, UseFormReturn } from "react-hook-form";
import { useI18n } from "@/components/i18n/i18n-provider";
import type { ActionResult } from "@/lib/actions/action";
import { isMessageKey, type Translate } from "@/lib/i18n/translate";

/** Client zod messages are i18n keys; server messages arrive translated. */
export function errorText(t: Translate, message: string | undefined) {
  if (!message) return undefined;
  return isMessageKey(message) ? t(message) : message;
}

/**
 * Connects a react-hook-form form to a server action made with staffAction/publicAction: submits the
 * values once they pass the client check, maps the server's fieldErrors onto the fields with setError, and keeps the
 * form-level message. Client-side zod messages are i18n keys and are translated here.
 */
export function useActionForm<V extends FieldValues, T>(
  // biome-ignore lint: the transformed output type does not matter here
  form: UseFormReturn<V, any, any>,
  action: (values: V) => Promise<ActionResult<T>>,
  onSuccess?: (data: T) => void,
  options: {
    /** Asked after the client check and before anything is sent; false leaves the form as it is. */
    confirm?: (values: V) => Promise<boolean>;
  } = {},
) {
  const { t } = useI18n();
  const [formError, setFormError] = useState<string>();
  const [errorLink, setErrorLink] = useState<{ href: string; label: string }>();

  // Validated here first; the server receives the raw input and validates it again with the same
  // schema (the transformed output would not parse twice).
  const submit = form.handleSubmit(async () => {
    setFormError(undefined);
    setErrorLink(undefined);
    if (options.confirm && !(await options.confirm(form.getValues()))) return;
    let result: ActionResult<T>;
    try {
      result = await action(form.getValues());
    } catch {
      setFormError(t("errors.network"));
      return;
    }
    if (result.ok) {
      onSuccess?.(result.data);
      return;
    }
    setErrorLink(result.error.link);
    const fields = Object.entries(result.error.fieldErrors ?? {});
    for (const [name, message] of fields) form.setError(name as Path<V>, { message });
    if (fields.length === 0 || !fields.every(([name]) => name in form.getValues())) setFormError(result.error.message);
  });

  const fieldError = (name: Path<V>) => {
    return errorText(t, form.getFieldState(name, form.formState).error?.message);
  };

  return { submit, formError, fieldError, errorLink };
}
