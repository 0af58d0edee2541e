import "server-only";
import { recordAudit } from "@/lib/audit/mutations";
import { authorize, type Actor } from "@/lib/auth/actor";
import { rolesFor } from "@/lib/auth/permissions";
import { mergeSchema } from "@/lib/customers/schemas";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";

const FILLABLE = ["fullName", "email", "phone", "address", "organization"] as const;

/**
 * Merges a duplicate into the record that is kept: every consent event, submission, disclosure,
 * notice and request moves over, empty fields of the kept record are filled from the duplicate,
 * current consent is recomputed from the ledger, and the duplicate is removed. One transaction,
 * audited with what moved.
 */
export async function mergeCustomers(actor: Actor, raw: unknown) {
  authorize(actor, ...rolesFor("customers"));
  const { keepId, mergeId } = mergeSchema.parse(raw);
  return db().$transaction(async (tx) => {
    const rows = await tx.$queryRaw<Record<string, string | null>[]>`
      SELECT id, status::text, "fullName", email, phone, address, organization FROM "Customer"
      WHERE id IN (${keepId}::uuid, ${mergeId}::uuid) ORDER BY id FOR UPDATE`;
    const keep = rows.find((r) => r.id === keepId);
    const merge = rows.find((r) => r.id === mergeId);
    if (!keep || !merge) throw new AppError("NOT_FOUND", "errors.notFound");
    if (keep.status === "ERASED" || merge.status === "ERASED") throw new AppError("CONFLICT", "customers.mergeErased");

    // The consent ledger accepts this one update (the customer link only) while the flag is set.
    await tx.$executeRaw`SELECT set_config('customer_register.merging', 'on', true)`;
    const consentEvents = await tx.consentEvent.updateMany({ where: { customerId: mergeId }, data: { customerId: keepId } });
    // Notices of a version both records were told about: one of them is enough evidence.
    await tx.policyNotice.deleteMany({ where: { customerId: mergeId, policyVersion: { notices: { some: { customerId: keepId } } } } });
    const notices = await tx.policyNotice.updateMany({ where: { customerId: mergeId }, data: { customerId: keepId } });
    await tx.$executeRaw`SELECT set_config('customer_register.merging', 'off', true)`;
    await tx.consentState.deleteMany({ where: { customerId: { in: [keepId, mergeId] } } });
    await tx.$executeRaw`
      INSERT INTO "ConsentState" ("customerId", "purposeId", action, "eventId", "givenAt")
      SELECT DISTINCT ON ("purposeId") "customerId", "purposeId", action, id, "givenAt" FROM "ConsentEvent"
      WHERE "customerId" = ${keepId}::uuid ORDER BY "purposeId", "givenAt" DESC, "createdAt" DESC, id DESC`;

    const submissions = await tx.submission.updateMany({ where: { customerId: mergeId }, data: { customerId: keepId } });
    const disclosureItems = await tx.disclosureItem.updateMany({ where: { customerId: mergeId, disclosure: { items: { none: { customerId: keepId } } } }, data: { customerId: keepId } });
    const requests = await tx.privacyRequest.updateMany({ where: { customerId: mergeId }, data: { customerId: keepId } });
    await tx.authToken.deleteMany({ where: { customerId: mergeId } });

    // Both records in one disclosure: the evidence of that disclosure must stay as it is.
    if ((await tx.disclosureItem.count({ where: { customerId: mergeId } })) > 0) throw new AppError("CONFLICT", "customers.mergeSharedDisclosure");

    const filled = FILLABLE.filter((f) => !keep[f] && merge[f]);
    await tx.customer.delete({ where: { id: mergeId } });
    if (filled.length) await tx.customer.update({ where: { id: keepId }, data: Object.fromEntries(filled.map((f) => [f, merge[f]])) });
    await recordAudit(tx, actor, {
      action: "customer.merged",
      entityType: "Customer",
      entityId: keepId,
      details: {
        mergedId: mergeId,
        filledFields: [...filled],
        moved: { consentEvents: consentEvents.count, submissions: submissions.count, disclosureItems: disclosureItems.count, notices: notices.count, requests: requests.count },
      },
    });
    return { keepId, moved: consentEvents.count + submissions.count };
  });
}
