import "server-only";
import { authorize, type Actor } from "@/lib/auth/actor";
import { rolesFor } from "@/lib/auth/permissions";
import { now } from "@/lib/clock";
import { db } from "@/lib/db";
import { Prisma } from "@/generated/prisma/client";

export type RegisterStats = {
  weeks: { week: string; customers: number; submissions: number }[];
  byStatus: { status: "LEAD" | "ACTIVE" | "TERMINATED" | "ERASED"; count: number }[];
  consent: { key: string; labelVi: string; labelEn: string; granted: number; withdrawn: number }[];
  totalCustomers: number;
  openRequests: number;
  computedAt: Date;
};

const CACHE_MS = 60_000;
let cached: { at: number; stats: Promise<RegisterStats> } | undefined;

async function compute(): Promise<RegisterStats> {
  const [weeks, byStatus, consent, openRequests] = await Promise.all([
    // Week boundaries are Vietnam time, converted to the UTC stored in the tables so indexes apply.
    db().$queryRaw<{ week: string; customers: bigint; submissions: bigint }[]>`
      WITH w AS (
        SELECT week, (week AT TIME ZONE 'Asia/Ho_Chi_Minh') AT TIME ZONE 'UTC' AS since,
               ((week + interval '1 week') AT TIME ZONE 'Asia/Ho_Chi_Minh') AT TIME ZONE 'UTC' AS until
        FROM generate_series(date_trunc('week', now() AT TIME ZONE 'Asia/Ho_Chi_Minh') - interval '11 weeks',
                             date_trunc('week', now() AT TIME ZONE 'Asia/Ho_Chi_Minh'), interval '1 week') AS week)
      SELECT to_char(w.week, 'YYYY-MM-DD') AS week,
        (SELECT count(*) FROM "Customer" c WHERE c."createdAt" >= w.since AND c."createdAt" < w.until) AS customers,
        (SELECT count(*) FROM "Submission" s WHERE s."createdAt" >= w.since AND s."createdAt" < w.until) AS submissions
      FROM w ORDER BY w.week`,
    db().customer.groupBy({ by: ["status"], _count: { _all: true } }),
    db().$queryRaw<{ key: string; labelVi: string; labelEn: string; granted: bigint; withdrawn: bigint }[]>`
      SELECT p.key, p."labelVi", p."labelEn",
        count(*) FILTER (WHERE s.action = 'GRANTED') AS granted,
        count(*) FILTER (WHERE s.action = 'WITHDRAWN') AS withdrawn
      FROM "Purpose" p LEFT JOIN "ConsentState" s ON s."purposeId" = p.id
      WHERE p.active GROUP BY p.id ORDER BY p."sortOrder"`,
    db().privacyRequest.count({ where: { status: { in: ["RECEIVED", "ACKNOWLEDGED", "IN_PROGRESS"] } } }),
  ]);
  const statuses = ["LEAD", "ACTIVE", "TERMINATED", "ERASED"] as const;
  const counts = Object.fromEntries(byStatus.map((s) => [s.status, s._count._all]));
  return {
    weeks: weeks.map((w) => ({ week: w.week, customers: Number(w.customers), submissions: Number(w.submissions) })),
    byStatus: statuses.map((status) => ({ status, count: counts[status] ?? 0 })),
    consent: consent.map((c) => ({ ...c, granted: Number(c.granted), withdrawn: Number(c.withdrawn) })),
    totalCustomers: statuses.filter((s) => s !== "ERASED").reduce((n, s) => n + (counts[s] ?? 0), 0),
    openRequests,
    computedAt: new Date(),
  };
}

/** Register figures for the dashboard, computed at most once a minute per instance. */
export async function registerStats(actor: Actor): Promise<RegisterStats> {
  authorize(actor, ...rolesFor("customers"));
  if (!cached || Date.now() - cached.at > CACHE_MS) {
    cached = { at: Date.now(), stats: compute() };
    cached.stats.catch(() => (cached = undefined));
  }
  return cached.stats;
}

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
