import "server-only";
import { recordAudit } from "@/lib/audit/mutations";
import { authorize, type Actor } from "@/lib/auth/actor";
import { db } from "@/lib/db";

/**
 * Publishes the very first version of the policy (setup and demo data): with no earlier version
 * there is nobody to notify beforehand, so it takes effect on the given date.
 */
export async function publishInitialPolicy(actor: Actor, input: { bodyVi: string; bodyEn: string; summaryVi: string; summaryEn: string; effectiveAt: Date }) {
  authorize(actor, "COMPLIANCE");
  return db().$transaction(async (tx) => {
    if ((await tx.policyVersion.count()) > 0) return null;
    const version = await tx.policyVersion.create({
      data: { number: 1, status: "PUBLISHED", ...input, publishedAt: new Date(), createdById: actor.kind === "user" ? actor.id : null },
      select: { id: true, number: true },
    });
    await recordAudit(tx, actor, { action: "policy.published", entityType: "PolicyVersion", entityId: version.id, details: { number: 1, initial: true } });
    return version;
  });
}
