import { Badge } from "@/components/ui/badge";
import type { Translate } from "@/lib/i18n/translate";

type Status = "DRAFT" | "SCHEDULED" | "QUEUING" | "QUEUED" | "PAUSED" | "CANCELLED";
const TONES = { DRAFT: "neutral", SCHEDULED: "info", QUEUING: "info", QUEUED: "info", PAUSED: "warning", CANCELLED: "neutral" } as const;

/** A campaign still sending reads "Sending"; one with nothing left to send reads "Sent". */
export function CampaignStatus({ status, left, t }: { status: string; left: number; t: Translate }) {
  const s = status as Status;
  const label = s === "QUEUED" && left === 0 ? "SENT" : s;
  return <Badge tone={label === "SENT" ? "success" : TONES[s]}>{t(`campaigns.status.${label as Status | "SENT"}`)}</Badge>;
}
