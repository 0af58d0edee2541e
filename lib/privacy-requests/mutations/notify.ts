import "server-only";
import type { Tx } from "@/lib/db";
import { enqueueEmail } from "@/lib/email/mutations";
import { renderEmail } from "@/lib/email/render";
import type { PrivacyRequestEmailProps } from "@/lib/email/templates/privacy-request-email";
import { env } from "@/lib/env";
import { formatDate } from "@/lib/i18n/format";
import { periodLabel } from "@/lib/i18n/labels";
import { translator } from "@/lib/i18n/translate";
import { completionPeriod, type DeadlineRule } from "../deadlines";
import { readSettings } from "@/lib/settings/queries";
import { requestReference } from "../schemas";

type Recipient = { email: string | null; locale: "vi" | "en" };
type Request = { number: number; type: string; rule?: unknown; involvesThirdParty?: boolean };

/**
 * Queues the email that tells a customer what happened to their request, in their language, in the
 * caller's transaction (so it exists exactly when the change does). No address, no email.
 */
export async function queueRequestEmail(
  tx: Tx,
  customer: Recipient,
  request: Request,
  event: PrivacyRequestEmailProps["event"],
  extra: { purpose?: { labelVi: string; labelEn: string }; date?: Date; reason?: string; eraseAfterSend?: boolean } = {},
) {
  if (!customer.email) return null;
  const locale = customer.locale;
  const t = translator(locale);
  const props: PrivacyRequestEmailProps = {
    event,
    reference: requestReference(request.number),
    type: t(`requests.type.${request.type as "ACCESS"}`),
    purpose: extra.purpose ? (locale === "en" ? extra.purpose.labelEn : extra.purpose.labelVi) : undefined,
    date: extra.date ? formatDate(extra.date, locale) : undefined,
    // The period the customer is told is their request's own rule.
    period: request.rule
      ? periodLabel(t, completionPeriod(request.rule as DeadlineRule, request.involvesThirdParty ?? false), (request.rule as DeadlineRule).completeUnit)
      : undefined,
    reason: extra.reason,
    link: event === "erased" ? undefined : `${env().APP_URL}/privacy/me?lang=${locale}`,
  };
  const email = await renderEmail("privacy_request", locale, props, await readSettings(tx));
  return enqueueEmail(tx, customer.email, email, { eraseAfterSend: extra.eraseAfterSend });
}
