import "server-only";
import { authorize, type Actor } from "@/lib/auth/actor";
import { rolesFor } from "@/lib/auth/permissions";
import { now } from "@/lib/clock";
import { db } from "@/lib/db";
import { Prisma } from "@/generated/prisma/client";

// The two charts the compliance officer looks at first: how much personal data left the company
// each month, and whether customers' requests were answered within their legal deadline.
// Months are Vietnam months; the boundaries are converted to UTC so the indexes apply.

const MONTHS = 12;

export type DisclosureMonth = { month: string; disclosures: number; customers: number };
export type SlaMonth = { month: string; onTime: number; late: number };

const monthSeries = (at: Date) => Prisma.sql`
  SELECT month,
         (month AT TIME ZONE 'Asia/Ho_Chi_Minh') AT TIME ZONE 'UTC' AS since,
         ((month + interval '1 month') AT TIME ZONE 'Asia/Ho_Chi_Minh') AT TIME ZONE 'UTC' AS until
  FROM generate_series(date_trunc('month', ${at}::timestamptz AT TIME ZONE 'Asia/Ho_Chi_Minh') - make_interval(months => ${MONTHS - 1}::int),
                       date_trunc('month', ${at}::timestamptz AT TIME ZONE 'Asia/Ho_Chi_Minh'), interval '1 month') AS month`;

/**
 * Approved disclosures (downloaded or not) per month they were prepared in, as the disclosure list
 * dates them, with the number of customers whose data they carried.
 */
export async function disclosuresPerMonth(actor: Actor): Promise<DisclosureMonth[]> {
  authorize(actor, ...rolesFor("disclosures"));
  const at = await now();
  return db().$queryRaw<DisclosureMonth[]>`
    WITH m AS (${monthSeries(at)})
    SELECT to_char(m.month, 'YYYY-MM') AS month,
           count(d.id)::int AS disclosures,
           coalesce(sum(d."itemsIncluded"), 0)::int AS customers
    FROM m LEFT JOIN "Disclosure" d
      ON d.status IN ('APPROVED', 'DELIVERED') AND d."createdAt" >= m.since AND d."createdAt" < m.until
    GROUP BY m.month ORDER BY m.month`;
}

/**
 * Requests closed per month (by the month they were closed): answered by their deadline, extended
 * one included, or late. Cancelled requests are not answers and do not count.
 */
export async function requestSlaPerMonth(actor: Actor): Promise<SlaMonth[]> {
  authorize(actor, ...rolesFor("requests"));
  const at = await now();
  return db().$queryRaw<SlaMonth[]>`
    WITH m AS (${monthSeries(at)})
    SELECT to_char(m.month, 'YYYY-MM') AS month,
           count(r.id) FILTER (WHERE r."completedAt" <= coalesce(r."extendedDueAt", r."dueAt"))::int AS "onTime",
           count(r.id) FILTER (WHERE r."completedAt" > coalesce(r."extendedDueAt", r."dueAt"))::int AS late
    FROM m LEFT JOIN "PrivacyRequest" r
      ON r.status IN ('COMPLETED', 'REJECTED') AND r."completedAt" >= m.since AND r."completedAt" < m.until
    GROUP BY m.month ORDER BY m.month`;
}
