"use client";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useI18n } from "@/components/i18n/i18n-provider";
import { Button } from "@/components/ui/button";
import { useToast } from "@/components/ui/toaster";
import type { GenerateDocumentInput } from "@/lib/records/schemas";
import { generateRecordDocumentAction } from "../actions";

/** Generates the next version of a dossier document from the records as they are now, and opens it. */
export function GenerateButton({ input, label }: { input: GenerateDocumentInput; label: string }) {
  const { t } = useI18n();
  const router = useRouter();
  const toast = useToast();
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string>();
  return (
    <div className="space-y-1">
      <Button
        type="button"
        variant="secondary"
        size="sm"
        disabled={pending}
        onClick={async () => {
          setPending(true);
          setError(undefined);
          const result = await generateRecordDocumentAction(input);
          setPending(false);
          if (!result.ok) return setError(result.error.message);
          toast.show(t("records.generated", { version: result.data.version }));
          router.push(`/admin/records/documents/${result.data.id}`);
        }}
      >
        {pending ? t("records.generating") : label}
      </Button>
      {error && (
        <p role="alert" className="text-sm text-red-700">
          {error}
        </p>
      )}
    </div>
  );
}
