import { Badge } from "@/components/ui/badge";
import type { Translate } from "@/lib/i18n/translate";

const TONES = { RECEIVED: "info", ACKNOWLEDGED: "info", IN_PROGRESS: "warning", COMPLETED: "success", REJECTED: "danger", CANCELLED: "neutral" } as const;

export function RequestStatusBadge({ status, t }: { status: string; t: Translate }) {
  const s = status as keyof typeof TONES;
  return <Badge tone={TONES[s] ?? "neutral"}>{t(`requests.status.${s}`)}</Badge>;
}

/** Working days left, in words and colour (never colour alone). */
export function DaysLeft({ urgency, daysLeft, t }: { urgency: string; daysLeft: number | null; t: Translate }) {
  if (daysLeft === null) return null;
  const text =
    urgency === "overdue"
      ? t("requests.overdueBy", { days: Math.abs(daysLeft) })
      : daysLeft === 0
        ? t("requests.dueToday")
        : t("requests.daysLeft", { days: daysLeft });
  const tone = urgency === "overdue" ? "text-red-700 font-semibold" : urgency === "dueSoon" ? "text-amber-800 font-medium" : "text-zinc-600";
  return (
    <div className={`text-xs ${tone}`} data-testid="days-left">
      {text}
    </div>
  );
}
