"use client";
import { useEffect, useState, useTransition } from "react";
import { useI18n } from "@/components/i18n/i18n-provider";
import { Button } from "@/components/ui/button";
import type { CampaignProgress } from "@/lib/policies/queries";
import { campaignProgressAction, retryCampaignAction } from "../actions";

/** Queued / sent / failed for each campaign of a version, refreshed every two seconds while moving. */
export function CampaignProgressPanel({ versionId, initial }: { versionId: string; initial: CampaignProgress[] }) {
  const { t } = useI18n();
  const [campaigns, setCampaigns] = useState(initial);
  const [pending, startTransition] = useTransition();
  const moving = campaigns.some((c) => c.status === "QUEUING" || c.waiting > 0);
  useEffect(() => {
    if (!moving) return;
    const timer = setInterval(async () => {
      const result = await campaignProgressAction({ id: versionId });
      if (result.ok) setCampaigns(result.data);
    }, 2000);
    return () => clearInterval(timer);
  }, [moving, versionId]);
  if (campaigns.length === 0) return <p className="text-sm text-zinc-500">{t("policies.noCampaign")}</p>;
  return (
    <ul className="space-y-4">
      {campaigns.map((c) => {
        const total = Math.max(1, c.queuedCount);
        const done = c.sent + c.captured;
        return (
          <li key={c.id} className="space-y-2" data-testid={`campaign-${c.kind}`}>
            <div className="flex flex-wrap items-center justify-between gap-2 text-sm">
              <span className="font-medium">{t(`policies.campaign.${c.kind}`)}</span>
              <span className="tabular-nums text-zinc-600" data-testid="campaign-counts">
                {t("policies.campaignCounts", { queued: c.queuedCount, sent: c.sent, failed: c.failed, waiting: c.waiting, kept: c.captured })}
              </span>
            </div>
            <div
              role="progressbar"
              aria-label={t(`policies.campaign.${c.kind}`)}
              aria-valuemin={0}
              aria-valuemax={100}
              aria-valuenow={Math.round((done / total) * 100)}
              className="flex h-3 overflow-hidden rounded-full bg-zinc-100"
            >
              <div className="bg-emerald-600" style={{ width: `${(c.sent / total) * 100}%` }} />
              <div className="bg-amber-500" style={{ width: `${(c.captured / total) * 100}%` }} />
              <div className="bg-red-600" style={{ width: `${(c.failed / total) * 100}%` }} />
            </div>
            {c.status === "QUEUING" && <p className="text-xs text-zinc-500">{t("policies.stillQueuing")}</p>}
            {c.failed > 0 && (
              <Button
                size="sm"
                variant="secondary"
                disabled={pending}
                onClick={() => startTransition(async () => void (await retryCampaignAction({ campaignId: c.id })))}
              >
                {t("policies.retryFailed", { count: c.failed })}
              </Button>
            )}
          </li>
        );
      })}
    </ul>
  );
}
