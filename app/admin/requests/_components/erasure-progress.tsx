"use client";
import { useEffect, useState } from "react";
import { useI18n } from "@/components/i18n/i18n-provider";
import { erasureProgressAction } from "../actions";

type Progress = { status: string; processed: number; erased: number; total: number; skipped: unknown };

/** A confirmed retention batch, polled while the job erases it. */
export function ErasureProgress({ id, initial }: { id: string; initial: Progress }) {
  const { t } = useI18n();
  const [p, setP] = useState(initial);
  const running = p.status !== "COMPLETED";
  useEffect(() => {
    if (!running) return;
    const timer = setInterval(async () => {
      const result = await erasureProgressAction({ id });
      if (result.ok) setP(result.data);
    }, 1000);
    return () => clearInterval(timer);
  }, [running, id]);
  const pct = Math.round((p.processed / Math.max(1, p.total)) * 100);
  const skipped = Array.isArray(p.skipped) ? p.skipped.length : 0;
  return (
    <div className="space-y-1.5">
      <div className="flex justify-between text-sm">
        <span data-testid="erasure-status">{t(`retention.status.${p.status as "QUEUED"}`)}</span>
        <span className="tabular-nums">{t("retention.progress", { done: p.processed, total: p.total })}</span>
      </div>
      <div
        role="progressbar"
        aria-label={t("retention.progressLabel")}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={pct}
        className="h-2.5 w-full rounded-full bg-zinc-100"
      >
        <div className="h-2.5 rounded-full bg-red-600 transition-all" style={{ width: `${pct}%` }} />
      </div>
      {!running && (
        <p className="text-sm text-zinc-700" data-testid="erasure-summary">
          {t("retention.summary", { erased: p.erased, skipped })}
        </p>
      )}
    </div>
  );
}
