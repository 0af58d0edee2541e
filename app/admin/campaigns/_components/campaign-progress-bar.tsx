import type { Translate } from "@/lib/i18n/translate";
import { formatNumber } from "@/lib/i18n/format";
import type { Locale } from "@/lib/i18n/config";

type Progress = { queued: number; held: number; sent: number; cancelled: number; failed: number; captured: number };

/** Sent (and kept in the outbox when no provider is set), stopped by the guard, failed, still waiting. */
export function CampaignProgressBar({ progress, t, locale, label }: { progress: Progress; t: Translate; locale: Locale; label: string }) {
  const done = progress.sent + progress.captured;
  const total = Math.max(1, done + progress.cancelled + progress.failed + progress.queued + progress.held);
  const pct = (n: number) => `${(n / total) * 100}%`;
  return (
    <div className="space-y-1">
      <div
        role="progressbar"
        aria-label={label}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={Math.round(((done + progress.cancelled + progress.failed) / total) * 100)}
        className="flex h-3 min-w-40 overflow-hidden rounded-full bg-zinc-100"
      >
        <div className="bg-emerald-600" style={{ width: pct(progress.sent) }} />
        <div className="bg-emerald-300" style={{ width: pct(progress.captured) }} />
        <div className="bg-zinc-400" style={{ width: pct(progress.cancelled) }} />
        <div className="bg-red-600" style={{ width: pct(progress.failed) }} />
      </div>
      <p className="text-xs tabular-nums text-zinc-600" data-testid="campaign-progress">
        {t("campaigns.progress", {
          sent: formatNumber(done, locale),
          stopped: formatNumber(progress.cancelled, locale),
          failed: formatNumber(progress.failed, locale),
          waiting: formatNumber(progress.queued + progress.held, locale),
        })}
      </p>
    </div>
  );
}
