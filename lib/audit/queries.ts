import "server-only";
import { z } from "zod";
import type { Prisma } from "@/generated/prisma/client";
import { authorize, type Actor } from "@/lib/auth/actor";
import { rolesFor } from "@/lib/auth/permissions";
import { db } from "@/lib/db";
import { mapStrings, openWith, SEALED_PREFIX, sealedCustomerOf } from "./sealing";

export type ChainReport = { ok: true; checked: number } | { ok: false; checked: number; brokenAtId: string; reason: "hash" | "link" };

/**
 * Recomputes every row's digest with the same SQL function the insert trigger uses and checks each
 * row points at its predecessor. Reports the first row where the chain breaks.
 */
export async function verifyAuditChain(actor: Actor): Promise<ChainReport> {
  authorize(actor, ...rolesFor("audit"));
  const [broken] = await db().$queryRaw<{ id: bigint; reason: "hash" | "link" }[]>`
    SELECT id, CASE WHEN NOT hash_ok THEN 'hash' ELSE 'link' END AS reason FROM (
      SELECT id,
        "hash" = audit_event_digest("prevHash", id, "createdAt", "actorType", "actorId", "actorLabel",
          action, "entityType", "entityId", ip, details) AS hash_ok,
        "prevHash" = coalesce(lag("hash") OVER (ORDER BY id), '') AS link_ok
      FROM "AuditEvent") AS t
    WHERE NOT hash_ok OR NOT link_ok ORDER BY id LIMIT 1`;
  const checked = await db().auditEvent.count();
  if (!broken) return { ok: true, checked };
  return { ok: false, checked, brokenAtId: broken.id.toString(), reason: broken.reason };
}

const PAGE_SIZE = 50;

export const auditFilterSchema = z.object({
  actor: z.string().trim().max(200).optional().catch(undefined),
  action: z.string().trim().max(100).optional().catch(undefined),
  entity: z.string().trim().max(100).optional().catch(undefined),
  entityId: z.string().trim().max(100).optional().catch(undefined),
  from: z.iso.date().optional().catch(undefined),
  to: z.iso.date().optional().catch(undefined),
  before: z
    .string()
    .regex(/^\d{1,19}$/)
    .optional()
    .catch(undefined),
});
export type AuditFilter = z.output<typeof auditFilterSchema>;

/** The log, newest first, filtered; pages by id (keyset), so old pages stay fast on a long log. */
export async function listAuditEvents(actor: Actor, filter: AuditFilter = {}) {
  authorize(actor, ...rolesFor("audit"));
  const where: Prisma.AuditEventWhereInput = {
    ...(filter.actor ? { actorLabel: { contains: filter.actor, mode: "insensitive" } } : {}),
    ...(filter.action ? { action: { startsWith: filter.action } } : {}),
    ...(filter.entity ? { entityType: filter.entity } : {}),
    ...(filter.entityId ? { entityId: filter.entityId } : {}),
    ...(filter.from || filter.to
      ? {
          createdAt: {
            ...(filter.from ? { gte: new Date(`${filter.from}T00:00:00+07:00`) } : {}),
            ...(filter.to ? { lt: new Date(new Date(`${filter.to}T00:00:00+07:00`).getTime() + 86_400_000) } : {}),
          },
        }
      : {}),
  };
  const rows = await db().auditEvent.findMany({
    where: { ...where, ...(filter.before ? { id: { lt: BigInt(filter.before) } } : {}) },
    orderBy: { id: "desc" },
    take: PAGE_SIZE + 1,
    select: { id: true, createdAt: true, actorType: true, actorLabel: true, action: true, entityType: true, entityId: true, ip: true, details: true },
  });
  const shown = rows.slice(0, PAGE_SIZE).map((r) => ({ ...r, id: r.id.toString() }));
  // Customers' personal values are for compliance: administrators keep the log without reading them.
  const page = actor.kind === "user" && actor.role !== "COMPLIANCE" ? hideSealed(shown) : await openSealedDetails(shown);
  return { rows: page, next: rows.length > PAGE_SIZE ? page.at(-1)!.id : null };
}

export async function auditActions(actor: Actor) {
  authorize(actor, ...rolesFor("audit"));
  const rows = await db().$queryRaw<{ action: string }[]>`SELECT DISTINCT action FROM "AuditEvent" ORDER BY 1`;
  return rows.map((r) => r.action);
}

export async function auditEntityTypes(actor: Actor) {
  authorize(actor, ...rolesFor("audit"));
  const rows = await db().$queryRaw<{ entityType: string }[]>`SELECT DISTINCT "entityType" FROM "AuditEvent" ORDER BY 1`;
  return rows.map((r) => r.entityType);
}

/** The audit trail of one customer: changes to the record, its submissions, and who viewed it. */
export async function customerAuditTrail(actor: Actor, customerId: string, take = 50) {
  authorize(actor, "STAFF", "COMPLIANCE", "ADMIN");
  const rows = await db().$queryRaw<
    { id: bigint; createdAt: Date; actorType: string; actorLabel: string | null; action: string; entityType: string; details: unknown }[]
  >`
    SELECT id, "createdAt", "actorType", "actorLabel", action, "entityType", details FROM "AuditEvent"
    WHERE ("entityType" = 'Customer' AND "entityId" = ${customerId}) OR details ->> 'customerId' = ${customerId}
    ORDER BY id DESC LIMIT ${take}`;
  return rows.map((r) => ({ ...r, id: r.id.toString() }));
}

export const HIDDEN_VALUE = "[sealed]";

function hideSealed<E extends { details: unknown }>(events: E[]): E[] {
  return events.map((e) => ({ ...e, details: mapStrings(e.details, (s) => (s.startsWith(SEALED_PREFIX) ? HIDDEN_VALUE : s)) }));
}

/** For display: sealed values opened with their customer's key, or "[erased]" once it is gone. */
export async function openSealedDetails<E extends { entityType: string; entityId: string | null; details: unknown }>(events: E[]): Promise<E[]> {
  const sealed = events.filter((e) => JSON.stringify(e.details).includes(SEALED_PREFIX));
  const ids = [...new Set(sealed.map(sealedCustomerOf).filter((id): id is string => id !== null))];
  if (ids.length === 0) return events;
  const rows = await db().customerKey.findMany({ where: { customerId: { in: ids } }, select: { customerId: true, key: true } });
  const keys = new Map(rows.map((k) => [k.customerId, Buffer.from(k.key)]));
  return events.map((e) => {
    if (!sealed.includes(e)) return e;
    const key = keys.get(sealedCustomerOf(e) ?? "");
    return { ...e, details: mapStrings(e.details, (s) => (s.startsWith(SEALED_PREFIX) ? openWith(key, s) : s)) };
  });
}
