"use client";
import { useState, useTransition } from "react";
import { useI18n } from "@/components/i18n/i18n-provider";
import { Button } from "@/components/ui/button";
import type { QueueName } from "@/lib/jobs/queues";
import { retryJobAction } from "../actions";

export function RetryJobButton({ queue, id }: { queue: QueueName; id: string }) {
  const { t } = useI18n();
  const [pending, startTransition] = useTransition();
  const [message, setMessage] = useState<{ ok: boolean; text: string }>();
  return (
    <span className="inline-flex flex-wrap items-center gap-2">
      <Button
        size="sm"
        variant="secondary"
        disabled={pending}
        aria-describedby={message ? `retry-${id}` : undefined}
        onClick={() =>
          startTransition(async () => {
            const result = await retryJobAction({ queue, id });
            setMessage(result.ok ? { ok: true, text: t("jobs.retried") } : { ok: false, text: result.error.message });
          })
        }
      >
        {t("jobs.retry")}
      </Button>
      {message && (
        <span id={`retry-${id}`} role={message.ok ? "status" : "alert"} className={message.ok ? "text-sm text-green-800" : "text-sm text-red-700"}>
          {message.text}
        </span>
      )}
    </span>
  );
}
