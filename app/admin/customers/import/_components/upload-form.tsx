"use client";
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { useI18n } from "@/components/i18n/i18n-provider";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { FileInput } from "@/components/ui/file-input";
import { uploadImportAction } from "../actions";

export function UploadForm() {
  const { t } = useI18n();
  const router = useRouter();
  const [error, setError] = useState<string>();
  const [pending, startTransition] = useTransition();
  return (
    <form
      className="space-y-4"
      aria-label={t("imports.uploadTitle")}
      onSubmit={(event) => {
        event.preventDefault();
        const data = new FormData(event.currentTarget);
        startTransition(async () => {
          const result = await uploadImportAction(data);
          if (result.ok) router.push(`/admin/customers/import/${result.data.id}`);
          else setError(result.error.fieldErrors?.file ?? result.error.message);
        });
      }}
    >
      {error && <Alert tone="error">{error}</Alert>}
      <Field id="import-file" label={t("imports.file")} hint={t("imports.fileHint")}>
        <FileInput id="import-file" name="file" accept=".csv,text/csv" required aria-invalid={error ? true : undefined} />
      </Field>
      <Button type="submit" disabled={pending}>
        {pending ? t("imports.uploading") : t("imports.upload")}
      </Button>
    </form>
  );
}
