"use client";
import { useState, useTransition } from "react";
import { useI18n } from "@/components/i18n/i18n-provider";
import { Button } from "@/components/ui/button";
import { sendReconsentAction } from "../actions";

export function ReconsentButton({ id, count }: { id: string; count: number }) {
  const { t } = useI18n();
  const [pending, startTransition] = useTransition();
  const [message, setMessage] = useState<{ ok: boolean; text: string }>();
  return (
    <div className="flex flex-wrap items-center gap-3">
      <Button
        disabled={pending || count === 0}
        onClick={() =>
          startTransition(async () => {
            const result = await sendReconsentAction({ id });
            setMessage(result.ok ? { ok: true, text: t("policies.reconsentQueued") } : { ok: false, text: result.error.message });
          })
        }
      >
        {t("policies.sendReconsent", { count })}
      </Button>
      {message && (
        <span role={message.ok ? "status" : "alert"} className={message.ok ? "text-sm text-emerald-700" : "text-sm text-red-700"}>
          {message.text}
        </span>
      )}
    </div>
  );
}
