import { Badge } from "@/components/ui/badge";
import type { EmailStatusName } from "@/lib/email/queries";
import type { Translate } from "@/lib/i18n/translate";

const tones = { QUEUED: "info", SENT: "success", FAILED: "danger", CAPTURED: "warning", CANCELLED: "neutral" } as const;

export function EmailStatusBadge({ status, t }: { status: EmailStatusName; t: Translate }) {
  return <Badge tone={tones[status]}>{t(`outbox.status.${status}`)}</Badge>;
}
