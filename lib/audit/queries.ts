import "server-only";
import { authorize, type Actor } from "@/lib/auth/actor";
import { rolesFor } from "@/lib/auth/permissions";
import { db } from "@/lib/db";

export type ChainReport =
  | { ok: true; checked: number }
  | { ok: false; checked: number; brokenAtId: string; reason: "hash" | "link" };

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

export async function listAuditEvents(actor: Actor, options: { page?: number } = {}) {
  authorize(actor, ...rolesFor("audit"));
  const page = Math.max(1, options.page ?? 1);
  const [rows, total] = await Promise.all([
    db().auditEvent.findMany({
      orderBy: { id: "desc" },
      skip: (page - 1) * PAGE_SIZE,
      take: PAGE_SIZE,
      select: {
        id: true,
        createdAt: true,
        actorType: true,
        actorLabel: true,
        action: true,
        entityType: true,
        entityId: true,
        ip: true,
        details: true,
      },
    }),
    db().auditEvent.count(),
  ]);
  return {
    rows: rows.map((r) => ({ ...r, id: r.id.toString() })),
    total,
    page,
    pageCount: Math.max(1, Math.ceil(total / PAGE_SIZE)),
  };
}

/** The audit trail of one customer: changes to the record, its submissions, and who viewed it. */
export async function customerAuditTrail(actor: Actor, customerId: string, take = 50) {
  authorize(actor, "STAFF", "COMPLIANCE", "ADMIN");
  const rows = await db().$queryRaw<{ id: bigint; createdAt: Date; actorType: string; actorLabel: string | null; action: string; entityType: string; details: unknown }[]>`
    SELECT id, "createdAt", "actorType", "actorLabel", action, "entityType", details FROM "AuditEvent"
    WHERE ("entityType" = 'Customer' AND "entityId" = ${customerId}) OR details ->> 'customerId' = ${customerId}
    ORDER BY id DESC LIMIT ${take}`;
  return rows.map((r) => ({ ...r, id: r.id.toString() }));
}
