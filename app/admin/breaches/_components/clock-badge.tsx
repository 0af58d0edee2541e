import { Badge } from "@/components/ui/badge";
import type { Translate } from "@/lib/i18n/translate";
import type { authorityClock } from "@/lib/breaches/schemas";

/** Where a breach stands against the 72-hour clock, in words and colour. */
export function ClockBadge({ clock, t }: { clock: ReturnType<typeof authorityClock>; t: Translate }) {
  switch (clock.state) {
    case "overdue":
      return <Badge tone="danger">{t("breaches.clock.overdue")}</Badge>;
    case "dueSoon":
      return <Badge tone="warning">{t("breaches.clock.hoursLeft", { hours: Math.max(0, clock.hoursLeft ?? 0) })}</Badge>;
    case "running":
      return <Badge tone="info">{t("breaches.clock.hoursLeft", { hours: clock.hoursLeft ?? 0 })}</Badge>;
    case "onTime":
      return <Badge tone="success">{t("breaches.clock.onTime")}</Badge>;
    case "late":
      return <Badge tone="warning">{t("breaches.clock.late")}</Badge>;
  }
}
