import { Badge } from "@/components/ui/badge";
import type { Translate } from "@/lib/i18n/translate";

const TONES = { LEAD: "info", ACTIVE: "success", TERMINATED: "warning", ERASED: "neutral" } as const;

export function CustomerStatusBadge({ status, t }: { status: keyof typeof TONES; t: Translate }) {
  return <Badge tone={TONES[status]}>{t(`customers.statusValue.${status}`)}</Badge>;
}
