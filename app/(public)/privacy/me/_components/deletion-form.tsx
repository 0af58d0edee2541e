"use client";
import { useState } from "react";
import { useI18n } from "@/components/i18n/i18n-provider";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { requestReference } from "@/lib/privacy-requests/schemas";
import { requestDeletionAction } from "../actions";
import { useRouter } from "next/navigation";
import { useTransition } from "react";

/**
 * Two steps: the button opens what deletion means, and a confirmation box must be ticked. While a
 * deletion request is open there is nothing to ask again: the form gives way to where it stands.
 */
export function DeletionForm({ pending: open }: { pending?: { reference: string; answerBy: string } }) {
  const { t } = useI18n();
  const router = useRouter();
  const [step, setStep] = useState<"idle" | "confirm">("idle");
  const [checked, setChecked] = useState(false);
  const [error, setError] = useState<string>();
  const [done, setDone] = useState<string>();
  const [pending, startTransition] = useTransition();
  if (done) return <Alert tone="success">{done}</Alert>;
  if (open)
    return (
      <Alert tone="info" data-testid="deletion-pending">
        {t("me.deletePending", { reference: open.reference, date: open.answerBy })}
      </Alert>
    );
  if (step === "idle") {
    return (
      <Button type="button" variant="danger" onClick={() => setStep("confirm")}>
        {t("me.deleteStart")}
      </Button>
    );
  }
  return (
    <form
      className="space-y-3 rounded-md border border-red-200 bg-red-50/50 p-4"
      aria-label={t("me.deleteConfirmTitle")}
      onSubmit={(e) => {
        e.preventDefault();
        setError(undefined);
        startTransition(async () => {
          const result = await requestDeletionAction({ confirm: checked as true });
          if (!result.ok) return setError(result.error.fieldErrors?.confirm ?? result.error.message);
          setDone(t(result.data.existing ? "me.deleteAlready" : "me.deleteSent", { reference: requestReference(result.data.number) }));
          router.refresh();
        });
      }}
    >
      <h3 className="font-semibold text-red-900">{t("me.deleteConfirmTitle")}</h3>
      <ul className="list-disc space-y-1 pl-5 text-sm text-zinc-800">
        <li>{t("me.deleteWhat1")}</li>
        <li>{t("me.deleteWhat2")}</li>
        <li>{t("me.deleteWhat3")}</li>
      </ul>
      <label className="flex items-start gap-2 text-sm">
        <input
          type="checkbox"
          className="mt-0.5 size-4"
          checked={checked}
          onChange={(e) => setChecked(e.target.checked)}
          aria-describedby={error ? "delete-error" : undefined}
        />
        <span>{t("me.deleteCheckbox")}</span>
      </label>
      {error && (
        <p id="delete-error" role="alert" className="text-sm text-red-700">
          {error}
        </p>
      )}
      <div className="flex flex-wrap gap-2">
        <Button type="submit" variant="danger" disabled={pending}>
          {t("me.deleteConfirm")}
        </Button>
        <Button type="button" variant="ghost" onClick={() => setStep("idle")}>
          {t("me.cancel")}
        </Button>
      </div>
    </form>
  );
}
