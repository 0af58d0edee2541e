import "server-only";
import { saveAttachment } from "@/lib/attachments/mutations";
import { recordAudit } from "@/lib/audit/mutations";
import { authorize, type Actor } from "@/lib/auth/actor";
import { rolesFor } from "@/lib/auth/permissions";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { staffConsentSchema } from "./schemas";

/**
 * Records consent given or withdrawn outside the app as a ConsentEvent with source STAFF: who
 * recorded it, how it was given, the document reference and an optional scan. The current consent
 * (ConsentState) follows in the same transaction, so a withdrawal takes effect at once.
 */
export async function recordStaffConsent(actor: Actor, raw: unknown) {
  authorize(actor, ...rolesFor("customers"));
  const input = staffConsentSchema.parse(raw);
  const givenAt = new Date(`${input.givenOn}T12:00:00+07:00`);
  if (givenAt.getTime() > Date.now() + 12 * 3_600_000) throw new AppError("BAD_INPUT", "consent.futureDate", { givenOn: "consent.futureDate" });

  return db().$transaction(async (tx) => {
    const [customer, purpose] = await Promise.all([
      tx.customer.findUnique({ where: { id: input.customerId }, select: { id: true, status: true, locale: true } }),
      tx.purpose.findUnique({ where: { key: input.purposeKey }, select: { id: true, key: true, labelVi: true, labelEn: true, descriptionVi: true, descriptionEn: true } }),
    ]);
    if (!customer || customer.status === "ERASED") throw new AppError("NOT_FOUND", "errors.notFound");
    if (!purpose) throw new AppError("BAD_INPUT", "consent.unknownPurpose", { purposeKey: "consent.unknownPurpose" });
    const policy = await tx.policyVersion.findFirst({
      where: { status: "PUBLISHED", effectiveAt: { lte: givenAt } },
      orderBy: [{ effectiveAt: "desc" }, { number: "desc" }],
      select: { id: true, number: true },
    });
    const attachment = input.file && input.file.size > 0 ? await saveAttachment(tx, actor, input.file) : null;
    const wording = customer.locale === "en" ? `${purpose.labelEn}: ${purpose.descriptionEn}` : `${purpose.labelVi}: ${purpose.descriptionVi}`;
    const event = await tx.consentEvent.create({
      data: {
        customerId: customer.id,
        purposeId: purpose.id,
        action: input.action,
        source: "STAFF",
        policyVersionId: policy?.id,
        wording,
        locale: customer.locale,
        staffId: actor.kind === "user" ? actor.id : null,
        method: input.method,
        documentRef: input.documentRef,
        givenAt,
        evidence: {
          method: input.method,
          documentRef: input.documentRef,
          note: input.note || null,
          attachment: attachment ? { id: attachment.id, filename: attachment.filename, sha256: attachment.sha256 } : null,
          policyVersion: policy?.number ?? null,
        },
      },
      select: { id: true },
    });
    await recordAudit(tx, actor, {
      action: input.action === "GRANTED" ? "consent.granted_by_staff" : "consent.withdrawn_by_staff",
      entityType: "ConsentEvent",
      entityId: event.id,
      details: { customerId: customer.id, purpose: purpose.key, givenOn: input.givenOn, method: input.method, documentRef: input.documentRef },
    });
    return event;
  });
}
