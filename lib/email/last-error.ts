// What the outbox shows for a message's last note: the app's own notes (the marketing guard's
// verdicts, a hold, a batch found sent by an earlier attempt) in the reader's language; anything
// else is the provider's or the network's own message, shown as it came.
import { EXCLUSION_REASONS, type ExclusionReason } from "@/lib/campaigns/schemas";
import type { Translate } from "@/lib/i18n/translate";

export function describeLastError(lastError: string, t: Translate): string {
  if (lastError.startsWith("guard:")) {
    const reason = lastError.slice("guard:".length);
    if (reason === "CAMPAIGN_CANCELLED") return t("campaigns.stopped", { reason: t("campaigns.reason.CAMPAIGN_CANCELLED") });
    if ((EXCLUSION_REASONS as readonly string[]).includes(reason))
      return t("campaigns.stopped", { reason: t(`campaigns.reason.${reason as ExclusionReason}`) });
  }
  if (lastError === "held:DAILY_CAP") return t("campaigns.heldCap");
  if (lastError === "held:SEND_WINDOW") return t("campaigns.heldWindow");
  if (lastError === "sent:earlier_attempt") return t("outbox.sentEarlierAttempt");
  return lastError;
}
