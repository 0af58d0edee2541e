"use client";
import { zodResolver } from "@hookform/resolvers/zod";
import { useRouter } from "next/navigation";
import { useForm } from "react-hook-form";
import { useActionForm } from "@/components/forms/use-action-form";
import { useI18n } from "@/components/i18n/i18n-provider";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field, fieldA11y } from "@/components/ui/field";
import { Input, Textarea } from "@/components/ui/input";
import { useToast } from "@/components/ui/toaster";
import { rewordSchema, type RewordInput } from "@/lib/purposes/schemas";
import { rewordPurposeAction } from "../actions";

/** The purpose's wording in both languages, saved as a new version with the reason for the change. */
export function RewordForm({ initial }: { initial: RewordInput }) {
  const { t } = useI18n();
  const router = useRouter();
  const toast = useToast();
  const form = useForm<RewordInput>({ resolver: zodResolver(rewordSchema), defaultValues: initial });
  const { submit, formError, fieldError } = useActionForm(form, rewordPurposeAction, (version) => {
    toast.show(t("purposes.saved", { number: version.number }));
    form.reset({ ...form.getValues(), basedOn: version.number, reason: "" });
    router.refresh();
  });
  return (
    <form onSubmit={submit} noValidate className="space-y-4" aria-label={t("purposes.rewordTitle")}>
      {formError && <Alert tone="error">{formError}</Alert>}
      <div className="grid gap-4 lg:grid-cols-2">
        <div className="space-y-4" lang="vi">
          <Field id="pw-labelVi" label={t("purposes.labelVi")} error={fieldError("labelVi")}>
            <Input {...fieldA11y("pw-labelVi", fieldError("labelVi"))} {...form.register("labelVi")} />
          </Field>
          <Field id="pw-descriptionVi" label={t("purposes.descriptionVi")} error={fieldError("descriptionVi")}>
            <Textarea rows={4} {...fieldA11y("pw-descriptionVi", fieldError("descriptionVi"))} {...form.register("descriptionVi")} />
          </Field>
        </div>
        <div className="space-y-4" lang="en">
          <Field id="pw-labelEn" label={t("purposes.labelEn")} error={fieldError("labelEn")}>
            <Input {...fieldA11y("pw-labelEn", fieldError("labelEn"))} {...form.register("labelEn")} />
          </Field>
          <Field id="pw-descriptionEn" label={t("purposes.descriptionEn")} error={fieldError("descriptionEn")}>
            <Textarea rows={4} {...fieldA11y("pw-descriptionEn", fieldError("descriptionEn"))} {...form.register("descriptionEn")} />
          </Field>
        </div>
      </div>
      <Field id="pw-reason" label={t("purposes.reason")} hint={t("purposes.reasonHint")} error={fieldError("reason")}>
        <Textarea rows={2} {...fieldA11y("pw-reason", fieldError("reason"))} {...form.register("reason")} />
      </Field>
      <Button type="submit" disabled={form.formState.isSubmitting}>
        {t("purposes.save")}
      </Button>
    </form>
  );
}
