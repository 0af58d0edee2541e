"use client";
import { useEffect, useState } from "react";
import { useI18n } from "@/components/i18n/i18n-provider";
import type { ImportProgress } from "@/lib/imports/queries";
import { isMessageKey, type MessageKey } from "@/lib/i18n/translate";
import { importProgressAction } from "../actions";

/** A live progress bar, polling while the job runs (the job itself lives in the database). */
export function ImportProgressBar({ initial }: { initial: ImportProgress }) {
  const { t } = useI18n();
  const [job, setJob] = useState(initial);
  const running = job.status === "QUEUED" || job.status === "RUNNING";
  useEffect(() => {
    if (!running) return;
    const timer = setInterval(async () => {
      const result = await importProgressAction({ id: job.id });
      if (result.ok && result.data) setJob(result.data);
    }, 1000);
    return () => clearInterval(timer);
  }, [running, job.id]);
  const valid = Math.max(1, job.people);
  const pct = Math.min(100, Math.round((job.processedRows / valid) * 100));
  return (
    <div className="space-y-2">
      <div className="flex justify-between text-sm">
        <span data-testid="import-status">{t(`imports.status.${job.status}`)}</span>
        <span className="tabular-nums">{t("imports.progressText", { done: job.processedRows, total: valid })}</span>
      </div>
      <div
        role="progressbar"
        aria-label={t("imports.progress")}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={pct}
        className="h-3 w-full rounded-full bg-zinc-100"
      >
        <div className="h-3 rounded-full bg-brand-600 transition-all" style={{ width: `${pct}%` }} />
      </div>
      {job.status === "FAILED" && (
        <p role="alert" className="text-sm text-red-700" data-testid="import-failure">
          {t(job.failure && isMessageKey(job.failure) ? (job.failure as MessageKey) : "imports.failedGeneric")}
        </p>
      )}
      {!running && (
        <p className="text-sm text-zinc-700" data-testid="import-summary">
          {t("imports.summary", { created: job.createdCount, updated: job.updatedCount, unchanged: job.unchangedCount, skipped: job.errorCount })}
        </p>
      )}
    </div>
  );
}
