"use client";
import { useState, useTransition } from "react";
import { useI18n } from "@/components/i18n/i18n-provider";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { confirmSubmissionAction } from "../../actions";

/** Uses the emailed link up on a press, then says what now applies. */
export function ConfirmButton({ token }: { token: string }) {
  const { t } = useI18n();
  const [result, setResult] = useState<{ ok: boolean; message: string; detailsLeft?: boolean }>();
  const [pending, startTransition] = useTransition();
  if (result?.ok) {
    return (
      <div role="status" className="space-y-3">
        <h2 className="text-lg font-semibold text-emerald-800">{t("confirm.done")}</h2>
        <p className="text-zinc-700">{t("confirm.doneBody")}</p>
        {result.detailsLeft && <p className="text-zinc-700">{t("confirm.detailsLeft")}</p>}
        <a href="/privacy/me" className="inline-block text-sm font-medium text-brand-800 underline">
          {t("confirm.manage")}
        </a>
      </div>
    );
  }
  return (
    <div className="space-y-3">
      {result && <Alert tone="error">{result.message}</Alert>}
      <Button
        type="button"
        size="lg"
        disabled={pending}
        onClick={() =>
          startTransition(async () => {
            const r = await confirmSubmissionAction({ token });
            setResult(r.ok ? { ok: true, message: "", detailsLeft: r.data.detailsLeftForStaff } : { ok: false, message: r.error.message });
          })
        }
      >
        {pending ? t("confirm.confirming") : t("confirm.button")}
      </Button>
      <p className="text-sm text-zinc-600">{t("confirm.notYou")}</p>
    </div>
  );
}
