import "server-only";
import { recordAudit, sealForCustomer } from "@/lib/audit/mutations";
import { authorize, type Actor } from "@/lib/auth/actor";
import { rolesFor } from "@/lib/auth/permissions";
import { mergeSchema } from "@/lib/customers/schemas";
import { db, type Tx } from "@/lib/db";
import { AppError } from "@/lib/errors";

/** Filled into the kept record when it has none. Never the email: it is how a customer signs in. */
const FILLABLE = ["fullName", "phone", "address", "organization"] as const;
const OPEN_REQUEST = ["RECEIVED", "ACKNOWLEDGED", "IN_PROGRESS"] as const;
/** A written approval must say something. */
const MIN_REASON = 10;

type MergeRow = Record<(typeof FILLABLE)[number] | "id" | "status" | "email", string | null> & {
  terminatedAt: Date | null;
  terminationReason: string | null;
  sharingObjectedAt: Date | null;
  legalHoldReason: string | null;
};

const earliest = (a: Date | null, b: Date | null) => (a && b ? (a < b ? a : b) : (a ?? b));

/** The kept record takes the stricter state of the two: termination and objection survive a merge. */
function strictest(keep: MergeRow, merge: MergeRow) {
  const terminated = [keep, merge].find((r) => r.status === "TERMINATED");
  return {
    status: terminated ? "TERMINATED" : keep.status === "ACTIVE" || merge.status === "ACTIVE" ? "ACTIVE" : "LEAD",
    terminatedAt: terminated ? earliest(keep.terminatedAt, merge.terminatedAt) : null,
    terminationReason: terminated ? (keep.terminationReason ?? merge.terminationReason) : null,
    sharingObjectedAt: earliest(keep.sharingObjectedAt, merge.sharingObjectedAt),
  } as const;
}

/** Refuses a merge that would lose evidence or a promise made to either person. */
async function checkMergeable(tx: Tx, actor: Actor, keep: MergeRow, merge: MergeRow, reason: string) {
  if (keep.status === "ERASED" || merge.status === "ERASED") throw new AppError("CONFLICT", "customers.mergeErased");
  if (keep.legalHoldReason || merge.legalHoldReason) throw new AppError("CONFLICT", "customers.mergeLegalHold");
  const open = await tx.privacyRequest.count({ where: { customerId: { in: [keep.id!, merge.id!] }, status: { in: [...OPEN_REQUEST] } } });
  if (open > 0) throw new AppError("CONFLICT", "customers.mergeOpenRequest");
  // Only the same email is enough on its own: a phone number on a form proves nothing (anyone can
  // type someone else's next to their own email, confirm, and have the records merged).
  if (keep.email && keep.email === merge.email) return "same_email" as const;
  // Anything less is two people until compliance says otherwise, in writing.
  if (actor.kind !== "system" && !(actor.kind === "user" && actor.role === "COMPLIANCE")) throw new AppError("FORBIDDEN", "customers.mergeNeedsApproval");
  if (reason.length < MIN_REASON) throw new AppError("BAD_INPUT", "customers.mergeReasonRequired", { reason: "customers.mergeReasonRequired" });
  return "compliance_approval" as const;
}

/**
 * Merges a duplicate into the record that is kept: every consent event (marked with the record it
 * was given under), submission, disclosure, notice, request and media appearance moves over; empty
 * fields of the kept record are filled from the duplicate; the kept record takes the stricter
 * state of the two; current consent is recomputed from the ledger (per purpose the later of
 * grant and withdrawal wins); the duplicate is removed. One transaction, audited on both sides.
 */
export async function mergeCustomers(actor: Actor, raw: unknown) {
  authorize(actor, ...rolesFor("customers"));
  const { keepId, mergeId, reason } = mergeSchema.parse(raw);
  return db().$transaction(async (tx) => {
    const rows = await tx.$queryRaw<MergeRow[]>`
      SELECT id, status::text, "fullName", email, phone, address, organization, "terminatedAt", "terminationReason", "sharingObjectedAt", "legalHoldReason"
      FROM "Customer" WHERE id IN (${keepId}::uuid, ${mergeId}::uuid) ORDER BY id FOR UPDATE`;
    const keep = rows.find((r) => r.id === keepId);
    const merge = rows.find((r) => r.id === mergeId);
    if (!keep || !merge) throw new AppError("NOT_FOUND", "errors.notFound");
    const basis = await checkMergeable(tx, actor, keep, merge, reason);

    // The consent ledger accepts this one update (the customer link, and whose it was) while the flag is set.
    await tx.$executeRaw`SELECT set_config('customer_register.merging', 'on', true)`;
    const consentEvents = await tx.$executeRaw`
      UPDATE "ConsentEvent" SET "customerId" = ${keepId}::uuid, "mergedFromId" = coalesce("mergedFromId", "customerId")
      WHERE "customerId" = ${mergeId}::uuid`;
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
    const disclosureItems = await tx.disclosureItem.updateMany({
      where: { customerId: mergeId, disclosure: { items: { none: { customerId: keepId } } } },
      data: { customerId: keepId },
    });
    const requests = await tx.privacyRequest.updateMany({ where: { customerId: mergeId }, data: { customerId: keepId } });
    await tx.mediaAppearance.deleteMany({ where: { customerId: mergeId, media: { appearances: { some: { customerId: keepId } } } } });
    const media = await tx.mediaAppearance.updateMany({ where: { customerId: mergeId }, data: { customerId: keepId } });
    // Breaches the duplicate was affected by now name the kept record (keeping its notice evidence).
    await tx.breachCustomer.deleteMany({ where: { customerId: mergeId, breach: { affected: { some: { customerId: keepId } } } } });
    await tx.breachCustomer.updateMany({ where: { customerId: mergeId }, data: { customerId: keepId } });
    await tx.authToken.deleteMany({ where: { customerId: mergeId } });
    // Marketing messages (queued or sent) follow the person: the send-time guard, the 24-hour cap and
    // the unsubscribe link all find them by the kept record.
    const emails = await tx.emailMessage.updateMany({ where: { customerId: mergeId }, data: { customerId: keepId } });

    // Both records in one disclosure: the evidence of that disclosure must stay as it is.
    if ((await tx.disclosureItem.count({ where: { customerId: mergeId } })) > 0) throw new AppError("CONFLICT", "customers.mergeSharedDisclosure");
    // Notices already sent to recipients follow the rows they were about; and if the merged history
    // now ends in a withdrawn advertising consent, the advertising partners of either record are told.
    await tx.recipientNotice.updateMany({ where: { customerId: mergeId }, data: { customerId: keepId } });
    await tx.$executeRaw`
      SELECT queue_recipient_notices(ARRAY[${keepId}::uuid], 'STOP', ARRAY['ADVERTISING']::"RecipientCategory"[])
      WHERE EXISTS (SELECT 1 FROM "ConsentState" s JOIN "Purpose" p ON p.id = s."purposeId"
        WHERE s."customerId" = ${keepId}::uuid AND p.key = 'advertising' AND s.action = 'WITHDRAWN')`;

    const filled = FILLABLE.filter((f) => !keep[f] && merge[f]);
    const state = strictest(keep, merge);
    // The duplicate's key (its sealed audit values, its encrypted files) follows the kept record, so
    // erasing that one shreds both.
    await tx.customerKey.updateMany({ where: { OR: [{ customerId: mergeId }, { mergedIntoId: mergeId }] }, data: { mergedIntoId: keepId } });
    await tx.customer.delete({ where: { id: mergeId } });
    await tx.customer.update({ where: { id: keepId }, data: { ...Object.fromEntries(filled.map((f) => [f, merge[f]])), ...state } });
    const moved = {
      consentEvents,
      submissions: submissions.count,
      disclosureItems: disclosureItems.count,
      notices: notices.count,
      requests: requests.count,
      media: media.count,
      emails: emails.count,
    };
    await recordAudit(tx, actor, {
      action: "customer.merged",
      entityType: "Customer",
      entityId: keepId,
      details: {
        customerId: keepId,
        mergedId: mergeId,
        basis,
        // Free text about people: sealed with the kept record's key (the merged one's is now theirs too).
        reason: reason ? await sealForCustomer(tx, keepId, reason) : null,
        filledFields: [...filled],
        moved,
        state: { status: state.status, sharingObjected: !!state.sharingObjectedAt },
      },
    });
    await recordAudit(tx, actor, {
      action: "customer.merged_into",
      entityType: "Customer",
      entityId: mergeId,
      // (The reason is on the kept record's "customer.merged", sealed with its key.)
      details: { customerId: mergeId, keptId: keepId, basis },
    });
    // Another system holding the merged-away id learns which record it is now (so a later erasure of
    // that record reaches what it holds under the old id too).
    await tx.$executeRaw`
      SELECT webhook_emit('customer.merged', jsonb_build_array(jsonb_build_object('mergedId', ${mergeId}::text, 'keptId', ${keepId}::text)))
      WHERE webhook_listened('customer.merged')`;
    return { keepId, moved: consentEvents + submissions.count };
  });
}
