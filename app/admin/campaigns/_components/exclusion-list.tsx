"use client";
import { useI18n } from "@/components/i18n/i18n-provider";
import { formatNumber } from "@/lib/i18n/format";
import { EXCLUSION_REASONS, type ExclusionReason } from "@/lib/campaigns/schemas";

/** Who will get it, and who the guard leaves out by reason, as a small bar chart. */
export function ExclusionList({ eligible, excluded }: { eligible: number; excluded: Partial<Record<string, number>> }) {
  const { t, locale } = useI18n();
  const rows = EXCLUSION_REASONS.filter((r) => (excluded[r] ?? 0) > 0).map((r) => ({ reason: r as ExclusionReason, n: excluded[r] ?? 0 }));
  const max = Math.max(eligible, ...rows.map((r) => r.n), 1);
  return (
    <div className="mt-2 space-y-3">
      <p className="text-sm">
        <span className="text-2xl font-semibold tabular-nums" data-testid="eligible-count">
          {formatNumber(eligible, locale)}
        </span>{" "}
        {t("campaigns.willReceive")}
      </p>
      {rows.length === 0 ? (
        <p className="text-sm text-zinc-500">{t("campaigns.noneExcluded")}</p>
      ) : (
        <table className="w-full text-sm" data-testid="exclusions">
          <caption className="mb-1 text-left text-zinc-600">{t("campaigns.excludedCaption")}</caption>
          <tbody>
            {rows.map((r) => (
              <tr key={r.reason} data-reason={r.reason}>
                <th scope="row" className="w-1/2 py-1 pr-2 text-left font-normal">
                  {t(`campaigns.reason.${r.reason}`)}
                </th>
                <td className="py-1">
                  <div className="flex items-center gap-2">
                    <div className="h-2 rounded bg-amber-500" style={{ width: `${Math.max(2, (r.n / max) * 100)}%` }} aria-hidden />
                    <span className="tabular-nums">{formatNumber(r.n, locale)}</span>
                  </div>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}
