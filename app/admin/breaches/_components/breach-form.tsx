"use client";
import { zodResolver } from "@hookform/resolvers/zod";
import { useRouter } from "next/navigation";
import { useForm } from "react-hook-form";
import { useActionForm } from "@/components/forms/use-action-form";
import { useI18n } from "@/components/i18n/i18n-provider";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { DateInput } from "@/components/ui/date-input";
import { Field, fieldA11y } from "@/components/ui/field";
import { Input, Select, Textarea } from "@/components/ui/input";
import { useToast } from "@/components/ui/toaster";
import { BREACH_CATEGORIES, type BreachInput, breachSchema } from "@/lib/breaches/schemas";
import { logBreachAction, updateBreachAction } from "../actions";

/** Logs an incident, or corrects one still open (`id`). */
export function BreachForm({ initial, handlers, id }: { initial: BreachInput; handlers: { id: string; name: string }[]; id?: string }) {
  const { t } = useI18n();
  const router = useRouter();
  const toast = useToast();
  const form = useForm<BreachInput>({ resolver: zodResolver(breachSchema), defaultValues: initial });
  const action = (values: BreachInput) => (id ? updateBreachAction({ ...values, id }) : logBreachAction(values));
  const { submit, formError, fieldError } = useActionForm(form, action, (breach) => {
    // The provider lives in the root layout, so a toast shown now stays through the client-side move.
    toast.show(t(id ? "breaches.updated" : "breaches.logged"));
    router.push(`/admin/breaches/${breach.id}`);
  });
  const other = form.watch("dataCategories")?.includes("other");
  return (
    <form onSubmit={submit} noValidate className="space-y-4" aria-label={t(id ? "breaches.editTitle" : "breaches.new")}>
      {formError && <Alert tone="error">{formError}</Alert>}
      <Field id="b-title" label={t("breaches.field.title")} error={fieldError("title")}>
        <Input {...fieldA11y("b-title", fieldError("title"))} {...form.register("title")} />
      </Field>
      <div className="grid gap-4 sm:grid-cols-3">
        <Field id="b-detectedOn" label={t("breaches.field.detectedOn")} error={fieldError("detectedOn")}>
          <DateInput {...fieldA11y("b-detectedOn", fieldError("detectedOn"))} {...form.register("detectedOn")} />
        </Field>
        <Field id="b-detectedTime" label={t("breaches.field.detectedTime")} hint={t("breaches.timeHint")} error={fieldError("detectedTime")}>
          <Input
            inputMode="numeric"
            placeholder="14:30"
            className="w-28"
            {...fieldA11y("b-detectedTime", fieldError("detectedTime"))}
            {...form.register("detectedTime")}
          />
        </Field>
        <Field id="b-occurredOn" label={t("breaches.field.occurredOn")} hint={t("breaches.optional")} error={fieldError("occurredOn")}>
          <DateInput {...fieldA11y("b-occurredOn", fieldError("occurredOn"))} {...form.register("occurredOn")} />
        </Field>
      </div>
      <Field id="b-description" label={t("breaches.field.description")} error={fieldError("description")}>
        <Textarea rows={4} {...fieldA11y("b-description", fieldError("description"))} {...form.register("description")} />
      </Field>
      <fieldset className="space-y-2" aria-describedby={fieldError("dataCategories") ? "b-categories-error" : undefined}>
        <legend className="text-sm font-medium">{t("breaches.field.categories")}</legend>
        <div className="flex flex-wrap gap-x-5 gap-y-2">
          {BREACH_CATEGORIES.map((c) => (
            <label key={c} className="flex items-center gap-2 text-sm">
              <input type="checkbox" value={c} className="size-4" {...form.register("dataCategories")} />
              {t(`breaches.category.${c}`)}
            </label>
          ))}
        </div>
        {fieldError("dataCategories") && (
          <p id="b-categories-error" role="alert" className="text-sm text-red-700">
            {fieldError("dataCategories")}
          </p>
        )}
      </fieldset>
      {other && (
        <Field id="b-other" label={t("breaches.field.otherCategories")} error={fieldError("otherCategories")}>
          <Input {...fieldA11y("b-other", fieldError("otherCategories"))} {...form.register("otherCategories")} />
        </Field>
      )}
      <Field id="b-subjects" label={t("breaches.field.approxSubjects")} error={fieldError("approxSubjects")}>
        <Input
          type="number"
          min={0}
          inputMode="numeric"
          className="w-40"
          {...fieldA11y("b-subjects", fieldError("approxSubjects"))}
          {...form.register("approxSubjects")}
        />
      </Field>
      <Field id="b-consequences" label={t("breaches.field.consequences")} error={fieldError("consequences")}>
        <Textarea rows={3} {...fieldA11y("b-consequences", fieldError("consequences"))} {...form.register("consequences")} />
      </Field>
      <Field id="b-measures" label={t("breaches.field.measures")} error={fieldError("measures")}>
        <Textarea rows={3} {...fieldA11y("b-measures", fieldError("measures"))} {...form.register("measures")} />
      </Field>
      <Field id="b-handler" label={t("breaches.field.handler")} error={fieldError("handlerId")}>
        <Select {...fieldA11y("b-handler", fieldError("handlerId"))} {...form.register("handlerId")}>
          <option value="">{t("breaches.chooseHandler")}</option>
          {handlers.map((h) => (
            <option key={h.id} value={h.id}>
              {h.name}
            </option>
          ))}
        </Select>
      </Field>
      <Button type="submit" disabled={form.formState.isSubmitting}>
        {t(id ? "breaches.saveChanges" : "breaches.log")}
      </Button>
    </form>
  );
}
