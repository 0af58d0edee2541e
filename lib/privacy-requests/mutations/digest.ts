import "server-only";
import { recordAudit } from "@/lib/audit/mutations";
import { systemActor } from "@/lib/auth/actor";
import { now } from "@/lib/clock";
import { db } from "@/lib/db";
import { enqueueEmail } from "@/lib/email/mutations";
import { renderEmail } from "@/lib/email/render";
import { env } from "@/lib/env";
import { breachesAwaitingAuthority } from "@/lib/breaches/queries";
import { breachReference } from "@/lib/breaches/schemas";
import { formatDate, formatDateTime } from "@/lib/i18n/format";
import { translator } from "@/lib/i18n/translate";
import { holidaySet } from "@/lib/holidays/queries";
import { readSettings } from "@/lib/settings/queries";
import { addWorkingDays, missingHolidayYears, DUE_SOON_DAYS, urgencyOf, vnDay } from "../deadlines";
import { retentionCandidates } from "../queries/desk";
import { requestReference } from "../schemas";

// Once a day (from 08:00 in Vietnam), every compliance officer gets the breaches still to be
// reported to the authority, the overdue and due-soon requests, and a reminder when the holiday table lacks a year the deadlines need. Several
// instances may try: one row in Setting, claimed atomically, lets one send.
export const DIGEST_SETTING = "privacyDigest.lastSentOn";
const SEND_FROM_HOUR = 8;

export async function sendDailyDigest(at?: Date): Promise<number> {
  at ??= await now();
  const today = vnDay(at);
  if (new Date(at.getTime() + 7 * 3_600_000).getUTCHours() < SEND_FROM_HOUR) return 0;
  const claimed = await db().$executeRaw`
    INSERT INTO "Setting" (key, value, "updatedAt") VALUES (${DIGEST_SETTING}, to_jsonb(${today}::text), now())
    ON CONFLICT (key) DO UPDATE SET value = EXCLUDED.value, "updatedAt" = now() WHERE "Setting".value IS DISTINCT FROM EXCLUDED.value`;
  if (claimed === 0) return 0;

  const holidays = await holidaySet();
  const soon = addWorkingDays(at, DUE_SOON_DAYS, holidays);
  const open = await db().privacyRequest.findMany({
    where: { status: { in: ["RECEIVED", "ACKNOWLEDGED", "IN_PROGRESS"] } },
    select: { number: true, type: true, status: true, acknowledgedAt: true, acknowledgeDueAt: true, dueAt: true, extendedDueAt: true },
  });
  const rated = open.map((r) => ({ r, ...urgencyOf(r, at, holidays) })).filter((x) => x.urgency === "overdue" || x.deadline <= soon);
  const missing = missingHolidayYears(holidays, today);
  const breaches = await breachesAwaitingAuthority(systemActor("privacy-digest"));
  const retentionEligible = (await retentionCandidates(systemActor("privacy-digest"), 0)).total;
  if (rated.length === 0 && missing.length === 0 && breaches.length === 0) return 0;
  rated.sort((a, b) => a.deadline.getTime() - b.deadline.getTime());
  const officers = await db().user.findMany({ where: { role: "COMPLIANCE", disabledAt: null }, select: { email: true, locale: true } });
  const company = await readSettings();
  await db().$transaction(async (tx) => {
    for (const officer of officers) {
      const t = translator(officer.locale);
      const row = (x: (typeof rated)[number]) => ({
        reference: requestReference(x.r.number),
        type: t(`requests.type.${x.r.type}`),
        deadline: formatDate(x.deadline, officer.locale),
        daysLeft: x.daysLeft ?? 0,
      });
      const email = await renderEmail(
        "privacy_digest",
        officer.locale,
        {
          overdue: rated.filter((x) => x.urgency === "overdue").map(row),
          dueSoon: rated.filter((x) => x.urgency !== "overdue").map(row),
          missingHolidayYears: missing,
          retentionEligible,
          breaches: breaches.map((b) => ({
            reference: breachReference(b.number),
            title: b.title,
            due: formatDateTime(b.clock.dueAt, officer.locale),
            overdue: b.clock.state === "overdue",
          })),
          link: `${env().APP_URL}/admin/requests?view=overdue`,
        },
        company,
      );
      await enqueueEmail(tx, officer.email, email);
    }
    await recordAudit(tx, systemActor("privacy-digest"), {
      action: "request.digest_sent",
      entityType: "PrivacyRequest",
      details: { day: today, requests: rated.length, breaches: breaches.length, retentionEligible, missingHolidayYears: missing, officers: officers.length },
    });
  });
  return 0; // once a day; nothing to repeat this round
}
