import "server-only";
import { Prisma } from "@/generated/prisma/client";
import { authorize, type Actor } from "@/lib/auth/actor";
import { rolesFor } from "@/lib/auth/permissions";
import { now } from "@/lib/clock";
import { type Db, db, type Tx } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { holidaySet } from "@/lib/holidays/queries";
import { readSettings } from "@/lib/settings/queries";
import { addWorkingDays, type DeadlineRule, DUE_SOON_DAYS, urgencyOf } from "../deadlines";
import type { RequestFilter } from "../schemas";

// The privacy-request desk's reads. COMPLIANCE handles requests; STAFF may look.
const DESK_ROLES = rolesFor("requests");
const PAGE_SIZE = 25;
const OPEN = Prisma.sql`r.status IN ('RECEIVED', 'ACKNOWLEDGED', 'IN_PROGRESS')`;
/** The deadline that matters now: acknowledgement until acknowledged, then completion (extended if so). */
const CURRENT_DEADLINE = Prisma.sql`CASE WHEN r."acknowledgedAt" IS NULL THEN r."acknowledgeDueAt" ELSE coalesce(r."extendedDueAt", r."dueAt") END`;

type Row = {
  id: string;
  number: number;
  type: string;
  channel: string;
  status: string;
  receivedAt: Date;
  acknowledgedAt: Date | null;
  acknowledgeDueAt: Date;
  dueAt: Date;
  extendedDueAt: Date | null;
  completedAt: Date | null;
  customerId: string | null;
  customerName: string | null;
  customerStatus: string | null;
};

export async function listRequests(actor: Actor, filter: RequestFilter) {
  authorize(actor, ...DESK_ROLES);
  const at = await now();
  const holidays = await holidaySet();
  const soon = addWorkingDays(at, DUE_SOON_DAYS, holidays);
  const where = {
    open: OPEN,
    overdue: Prisma.sql`${OPEN} AND ${CURRENT_DEADLINE} < ${at}`,
    dueSoon: Prisma.sql`${OPEN} AND ${CURRENT_DEADLINE} >= ${at} AND ${CURRENT_DEADLINE} <= ${soon}`,
    closed: Prisma.sql`NOT (${OPEN})`,
    all: Prisma.sql`TRUE`,
  }[filter.view];
  const type = filter.type ? Prisma.sql`AND r.type = ${filter.type}::"PrivacyRequestType"` : Prisma.empty;
  const order =
    filter.view === "closed" || filter.view === "all" ? Prisma.sql`r."receivedAt" DESC, r.number DESC` : Prisma.sql`${CURRENT_DEADLINE} ASC, r.number ASC`;
  const [rows, [{ total }], counts] = await Promise.all([
    db().$queryRaw<Row[]>`
      SELECT r.id, r.number, r.type::text, r.channel::text, r.status::text, r."receivedAt", r."acknowledgedAt", r."acknowledgeDueAt", r."dueAt", r."extendedDueAt", r."completedAt",
             r."customerId", c."fullName" AS "customerName", c.status::text AS "customerStatus"
      FROM "PrivacyRequest" r LEFT JOIN "Customer" c ON c.id = r."customerId"
      WHERE ${where} ${type} ORDER BY ${order} LIMIT ${PAGE_SIZE} OFFSET ${(filter.page - 1) * PAGE_SIZE}`,
    db().$queryRaw<{ total: number }[]>`SELECT count(*)::int AS total FROM "PrivacyRequest" r WHERE ${where} ${type}`,
    requestCounts(actor),
  ]);
  return {
    rows: rows.map((r) => ({ ...r, ...urgencyOf(r, at, holidays) })),
    total,
    pageSize: PAGE_SIZE,
    counts,
  };
}

/** Open, overdue and due-soon counts (tabs, dashboard, daily email). */
export async function requestCounts(actor: Actor) {
  authorize(actor, ...DESK_ROLES, "ADMIN");
  const at = await now();
  const soon = addWorkingDays(at, DUE_SOON_DAYS, await holidaySet());
  const [row] = await db().$queryRaw<{ open: number; overdue: number; dueSoon: number }[]>`
    SELECT count(*)::int AS open,
           count(*) FILTER (WHERE ${CURRENT_DEADLINE} < ${at})::int AS overdue,
           count(*) FILTER (WHERE ${CURRENT_DEADLINE} >= ${at} AND ${CURRENT_DEADLINE} <= ${soon})::int AS "dueSoon"
    FROM "PrivacyRequest" r WHERE ${OPEN}`;
  return row;
}

export async function getRequest(actor: Actor, id: string) {
  authorize(actor, ...DESK_ROLES);
  if (!/^[0-9a-f-]{36}$/i.test(id)) return null;
  const request = await db().privacyRequest.findUnique({
    where: { id },
    select: {
      id: true,
      number: true,
      type: true,
      channel: true,
      status: true,
      details: true,
      purposeKey: true,
      involvesThirdParty: true,
      attachmentId: true,
      receivedAt: true,
      acknowledgeDueAt: true,
      dueAt: true,
      acknowledgedAt: true,
      extendedDueAt: true,
      extendedAt: true,
      extensionReason: true,
      extensionDays: true,
      rule: true,
      deadlineChanges: {
        orderBy: { createdAt: "asc" },
        select: {
          id: true,
          cause: true,
          reason: true,
          previousDueAt: true,
          dueAt: true,
          previousExtendedDueAt: true,
          extendedDueAt: true,
          actorLabel: true,
          createdAt: true,
        },
      },
      resolution: true,
      completedAt: true,
      handler: { select: { name: true } },
      customer: { select: { id: true, fullName: true, email: true, status: true, legalHoldReason: true, legalHoldSetAt: true, sharingObjectedAt: true } },
    },
  });
  if (!request) return null;
  const [at, holidays, history] = await Promise.all([
    now(),
    holidaySet(),
    db().auditEvent.findMany({
      where: { entityType: "PrivacyRequest", entityId: id },
      orderBy: { id: "asc" },
      select: { id: true, createdAt: true, action: true, actorType: true, actorLabel: true },
    }),
  ]);
  return {
    ...request,
    rule: request.rule as DeadlineRule,
    ...urgencyOf(request, at, holidays),
    history: history.map((h) => ({ ...h, id: h.id.toString() })),
  };
}

/** The last time we heard from a customer: created, a form submission, a consent change of theirs (not one the app recorded, like a lapse) or a request. */
export const LAST_CONTACT = Prisma.sql`GREATEST(c."createdAt",
  (SELECT max(s."createdAt") FROM "Submission" s WHERE s."customerId" = c.id),
  (SELECT max(e."givenAt") FROM "ConsentEvent" e WHERE e."customerId" = c.id AND e.source <> 'SYSTEM'),
  (SELECT max(q."receivedAt") FROM "PrivacyRequest" q WHERE q."customerId" = c.id))`;

/**
 * Who the retention rules let us erase now, as one SQL condition (the list, the confirmation and the
 * job all use it): customers terminated longer ago than the grace period, and leads who never became
 * customers and have not been in touch for the lead retention period. (The last contact is never
 * before the record was created, so the creation date is checked first and the costlier lookups
 * run only for old leads.)
 */
export async function retentionEligibleSql(at?: Date, client: Db | Tx = db()) {
  const { retentionGraceDays, leadRetentionMonths } = await readSettings(client);
  const when = at ?? (await now());
  const terminatedBefore = new Date(when.getTime() - retentionGraceDays * 86_400_000);
  return {
    // Never someone with a request still open (it could no longer be answered) or a breach they have
    // not yet been told of (the notice goes to them first).
    where: Prisma.sql`((c.status = 'TERMINATED' AND c."terminatedAt" < ${terminatedBefore})
      OR (c.status = 'LEAD' AND c."createdAt" < ${when}::timestamptz - make_interval(months => ${leadRetentionMonths})
          AND ${LAST_CONTACT} < ${when}::timestamptz - make_interval(months => ${leadRetentionMonths})))
      AND NOT EXISTS (SELECT 1 FROM "PrivacyRequest" q WHERE q."customerId" = c.id AND q.status IN ('RECEIVED', 'ACKNOWLEDGED', 'IN_PROGRESS'))
      AND NOT EXISTS (SELECT 1 FROM "BreachCustomer" bc JOIN "Breach" b ON b.id = bc."breachId"
                      WHERE bc."customerId" = c.id AND bc."notifiedAt" IS NULL AND b.status <> 'CLOSED')`,
    retentionGraceDays,
    leadRetentionMonths,
    terminatedBefore,
  };
}

/** Customers the retention rules let us erase: terminated ones first (oldest first), then expired leads; legal holds shown as blocked. */
export async function retentionCandidates(actor: Actor, take = 500) {
  authorize(actor, ...DESK_ROLES);
  const rule = await retentionEligibleSql();
  const [rows, [{ total }]] = await Promise.all([
    db().$queryRaw<
      {
        id: string;
        fullName: string | null;
        email: string | null;
        status: "TERMINATED" | "LEAD";
        terminatedAt: Date | null;
        lastContactAt: Date;
        legalHoldReason: string | null;
      }[]
    >`
      SELECT c.id, c."fullName", c.email, c.status::text AS status, c."terminatedAt", ${LAST_CONTACT} AS "lastContactAt", c."legalHoldReason"
      FROM "Customer" c WHERE ${rule.where}
      ORDER BY (c.status = 'LEAD'), c."terminatedAt" ASC NULLS LAST, c."createdAt" ASC
      LIMIT ${take}`,
    db().$queryRaw<{ total: number }[]>`SELECT count(*)::int AS total FROM "Customer" c WHERE ${rule.where}`,
  ]);
  return { rows, total, retentionGraceDays: rule.retentionGraceDays, leadRetentionMonths: rule.leadRetentionMonths, cutoff: rule.terminatedBefore };
}

export async function listErasureBatches(actor: Actor) {
  authorize(actor, ...DESK_ROLES);
  const rows = await db().erasureBatch.findMany({
    orderBy: { createdAt: "desc" },
    take: 10,
    select: {
      id: true,
      status: true,
      processed: true,
      erased: true,
      skipped: true,
      createdAt: true,
      finishedAt: true,
      customerIds: true,
      confirmedBy: { select: { name: true } },
    },
  });
  return rows.map(({ customerIds, ...r }) => ({ ...r, total: customerIds.length }));
}

export async function erasureBatchProgress(actor: Actor, id: string) {
  authorize(actor, ...DESK_ROLES);
  const batch = await db().erasureBatch.findUnique({
    where: { id },
    select: { status: true, processed: true, erased: true, skipped: true, customerIds: true },
  });
  if (!batch) throw new AppError("NOT_FOUND", "errors.notFound");
  const { customerIds, ...rest } = batch;
  return { ...rest, total: customerIds.length };
}

/** Requests of one customer, for their page in the register. */
export async function customerRequests(actor: Actor, customerId: string) {
  authorize(actor, ...DESK_ROLES);
  return db().privacyRequest.findMany({
    where: { customerId },
    orderBy: { receivedAt: "desc" },
    take: 20,
    select: { id: true, number: true, type: true, status: true, receivedAt: true },
  });
}
