import "server-only";
import type { Prisma } from "@/generated/prisma/client";
import { actorFields, type Actor } from "@/lib/auth/actor";
import type { Tx } from "@/lib/db";

export type AuditInput = {
  action: string;
  entityType: string;
  entityId?: string | null;
  details?: Prisma.InputJsonObject;
  ip?: string | null;
};

/**
 * Appends to the audit chain inside the caller's transaction, so the record exists exactly when the
 * change it describes does. The database trigger assigns the id, prevHash and hash.
 */
export async function recordAudit(tx: Tx, actor: Actor, input: AuditInput) {
  const who = actorFields(actor);
  await tx.auditEvent.create({
    data: {
      ...who,
      ip: input.ip ?? who.ip,
      action: input.action,
      entityType: input.entityType,
      entityId: input.entityId ?? null,
      details: input.details ?? {},
    },
    select: { id: true },
  });
}
