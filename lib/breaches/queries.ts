import "server-only";
import { Prisma } from "@/generated/prisma/client";
import { authorize, type Actor } from "@/lib/auth/actor";
import { rolesFor } from "@/lib/auth/permissions";
import { now } from "@/lib/clock";
import { db } from "@/lib/db";
import { authorityClock } from "./schemas";

// Reads of the breach register (COMPLIANCE only), and the notices a customer was sent.
const ROLES = rolesFor("breaches");

/** A linked customer (bc, with c their record) still to be told: not yet told, has an email, not erased. */
export const UNTOLD = Prisma.sql`bc."notifiedAt" IS NULL AND c.email IS NOT NULL AND c.status <> 'ERASED'`;

export async function listBreaches(actor: Actor) {
  authorize(actor, ...ROLES);
  const [rows, at] = await Promise.all([
    db().$queryRaw<
      {
        id: string;
        number: number;
        title: string;
        status: string;
        detectedAt: Date;
        authorityNotifiedAt: Date | null;
        approxSubjects: number;
        handler: string;
        linked: number;
        notified: number;
      }[]
    >`
      SELECT b.id, b.number, b.title, b.status::text, b."detectedAt", b."authorityNotifiedAt", b."approxSubjects", u.name AS handler,
             (SELECT count(*)::int FROM "BreachCustomer" bc WHERE bc."breachId" = b.id) AS linked,
             (SELECT count(*)::int FROM "BreachCustomer" bc WHERE bc."breachId" = b.id AND bc."notifiedAt" IS NOT NULL) AS notified
      FROM "Breach" b JOIN "User" u ON u.id = b."handlerId"
      ORDER BY (b.status = 'CLOSED'), b."detectedAt" DESC
      LIMIT 200`,
    now(),
  ]);
  return rows.map((r) => ({ ...r, clock: authorityClock(r, at) }));
}

export async function getBreach(actor: Actor, id: string) {
  authorize(actor, ...ROLES);
  if (!/^[0-9a-f-]{36}$/i.test(id)) return null;
  const breach = await db().breach.findUnique({ where: { id }, include: { handler: { select: { name: true, email: true } } } });
  if (!breach) return null;
  const [counts, sample, history, at] = await Promise.all([
    db().$queryRaw<{ linked: number; notified: number; withoutEmail: number; pending: number }[]>`
      SELECT count(*)::int AS linked,
             count(*) FILTER (WHERE bc."notifiedAt" IS NOT NULL)::int AS notified,
             count(*) FILTER (WHERE bc."notifiedAt" IS NULL AND c.email IS NULL AND c.status <> 'ERASED')::int AS "withoutEmail",
             count(*) FILTER (WHERE ${UNTOLD})::int AS pending
      FROM "BreachCustomer" bc JOIN "Customer" c ON c.id = bc."customerId" WHERE bc."breachId" = ${id}::uuid`,
    db().breachCustomer.findMany({
      where: { breachId: id },
      orderBy: { linkedAt: "asc" },
      take: 50,
      select: { notifiedAt: true, emailMessageId: true, customer: { select: { id: true, fullName: true, email: true, status: true } } },
    }),
    db().auditEvent.findMany({
      where: { entityType: "Breach", entityId: id },
      orderBy: { id: "asc" },
      select: { id: true, createdAt: true, action: true, actorLabel: true },
    }),
    now(),
  ]);
  return { ...breach, clock: authorityClock(breach, at), counts: counts[0], sample, history: history.map((h) => ({ ...h, id: h.id.toString() })) };
}

/** Breaches whose authority notification is still due, nearest deadline first (dashboard, daily digest). */
export async function breachesAwaitingAuthority(actor: Actor) {
  authorize(actor, ...ROLES);
  const [rows, at] = await Promise.all([
    db().breach.findMany({
      where: { authorityNotifiedAt: null, status: { not: "CLOSED" } },
      orderBy: { detectedAt: "asc" },
      select: { id: true, number: true, title: true, detectedAt: true, authorityNotifiedAt: true },
    }),
    now(),
  ]);
  return rows.map((r) => ({ ...r, clock: authorityClock(r, at) }));
}

/** Who may handle a breach: compliance officers with an active account (the only ones who can open it). */
export async function breachHandlers(actor: Actor) {
  authorize(actor, ...ROLES);
  return db().user.findMany({ where: { role: "COMPLIANCE", disabledAt: null }, orderBy: { name: "asc" }, select: { id: true, name: true } });
}

/** The breach notices a customer was sent (shown on their privacy page). */
export async function breachNoticesFor(customerId: string) {
  const rows = await db().breachCustomer.findMany({
    where: { customerId, notifiedAt: { not: null } },
    orderBy: { notifiedAt: "desc" },
    select: { notifiedAt: true, breach: { select: { number: true, detectedAt: true, customerNoticeVi: true, customerNoticeEn: true } } },
  });
  return rows.map((r) => ({ notifiedAt: r.notifiedAt as Date, ...r.breach }));
}
