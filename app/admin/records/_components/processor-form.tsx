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
import { Input } from "@/components/ui/input";
import { useToast } from "@/components/ui/toaster";
import { dataFieldLabel } from "@/lib/i18n/labels";
import { PROCESSOR_CATEGORIES, type ProcessorInput, processorSchema } from "@/lib/records/schemas";
import { saveProcessorAction } from "../actions";

/** A processor of the register: who, what for, where (a country other than VN is a transfer abroad), which data, under which contract. */
export function ProcessorForm({ initial, id }: { initial: ProcessorInput; id?: string }) {
  const { t } = useI18n();
  const router = useRouter();
  const toast = useToast();
  const form = useForm<ProcessorInput>({ resolver: zodResolver(processorSchema), defaultValues: initial });
  const { submit, formError, fieldError } = useActionForm(
    form,
    (values: ProcessorInput) => saveProcessorAction({ ...values, ...(id ? { id } : {}) }),
    () => {
      toast.show(t("records.processorSaved"));
      router.push("/admin/records#processors");
    },
  );
  const text = (name: "name" | "serviceVi" | "serviceEn" | "location" | "country" | "contractRef", hint?: string) => (
    <Field id={`p-${name}`} label={t(`records.field.${name}`)} hint={hint} error={fieldError(name)}>
      <Input {...fieldA11y(`p-${name}`, fieldError(name))} {...form.register(name)} />
    </Field>
  );
  return (
    <form onSubmit={submit} noValidate className="space-y-4" aria-label={t(id ? "records.editProcessor" : "records.addProcessor")}>
      {formError && <Alert tone="error">{formError}</Alert>}
      {text("name")}
      <div className="grid gap-4 sm:grid-cols-2">
        {text("serviceVi")}
        {text("serviceEn")}
      </div>
      <div className="grid gap-4 sm:grid-cols-[1fr_10rem]">
        {text("location")}
        {text("country", t("records.countryHint"))}
      </div>
      <fieldset className="space-y-2" aria-describedby={fieldError("dataCategories") ? "p-categories-error" : undefined}>
        <legend className="text-sm font-medium">{t("records.field.dataCategories")}</legend>
        <div className="flex flex-wrap gap-x-5 gap-y-2">
          {PROCESSOR_CATEGORIES.map((c) => (
            <label key={c} className="flex items-center gap-2 text-sm">
              <input type="checkbox" value={c} className="size-4" {...form.register("dataCategories")} />
              {dataFieldLabel(t, c)}
            </label>
          ))}
        </div>
        {fieldError("dataCategories") && (
          <p id="p-categories-error" role="alert" className="text-sm text-red-700">
            {fieldError("dataCategories")}
          </p>
        )}
      </fieldset>
      {text("contractRef")}
      <Field id="p-since" label={t("records.field.since")} error={fieldError("since")}>
        <DateInput {...fieldA11y("p-since", fieldError("since"))} {...form.register("since")} />
      </Field>
      <label className="flex items-center gap-2 text-sm">
        <input type="checkbox" className="size-4" {...form.register("active")} />
        {t("records.field.active")}
      </label>
      <Button type="submit" disabled={form.formState.isSubmitting}>
        {t("records.saveProcessor")}
      </Button>
    </form>
  );
}
