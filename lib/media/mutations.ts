import "server-only";
import { recordAudit } from "@/lib/audit/mutations";
import { authorize, type Actor } from "@/lib/auth/actor";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { normalizeEmail } from "@/lib/forms/normalize";
import { mediaSchema } from "./schemas";

/** Registers a photo or video of delivered work and the customers it shows (found by email). */
export async function createMediaItem(actor: Actor, raw: unknown) {
  authorize(actor, "STAFF", "COMPLIANCE");
  const input = mediaSchema.parse(raw);
  const emails = [
    ...new Set(
      input.customerEmails
        .split(/[\s,;]+/)
        .filter(Boolean)
        .map(normalizeEmail),
    ),
  ];
  if (emails.length === 0) throw new AppError("BAD_INPUT", "media.noCustomers", { customerEmails: "media.noCustomers" });
  const customers = await db().customer.findMany({ where: { email: { in: emails }, status: { not: "ERASED" } }, select: { id: true, email: true } });
  const unknown = emails.filter((e) => !customers.some((c) => c.email === e));
  if (unknown.length) throw new AppError("BAD_INPUT", "media.unknownCustomers", { customerEmails: "media.unknownCustomers" }, { emails: unknown.join(", ") });
  return db().$transaction(async (tx) => {
    const item = await tx.mediaItem.create({
      data: {
        title: input.title,
        link: input.link,
        publishedWhere: input.publishedWhere,
        createdById: actor.kind === "user" ? actor.id : null,
        appearances: { create: customers.map((c) => ({ customerId: c.id })) },
      },
      select: { id: true },
    });
    await recordAudit(tx, actor, { action: "media.created", entityType: "MediaItem", entityId: item.id, details: { customers: customers.map((c) => c.id) } });
    return item;
  });
}

type Blocked = { mediaId: string; id: string; fullName: string | null; reason: "NO_CONSENT" | "OBJECTED" | "ERASED" };

/** Customers shown in the given items who may not (or no longer) be shown: no current consent, or objected. */
export async function blockedAppearancesOf(mediaIds: string[]): Promise<Blocked[]> {
  if (mediaIds.length === 0) return [];
  return db().$queryRaw<Blocked[]>`
    SELECT a."mediaId", c.id, c."fullName",
      CASE WHEN c.status = 'ERASED' THEN 'ERASED' WHEN c."sharingObjectedAt" IS NOT NULL THEN 'OBJECTED' ELSE 'NO_CONSENT' END AS reason
    FROM "MediaAppearance" a JOIN "Customer" c ON c.id = a."customerId"
    WHERE a."mediaId" = ANY (${mediaIds}::uuid[]) AND (c.status = 'ERASED' OR c."sharingObjectedAt" IS NOT NULL OR NOT EXISTS (
      SELECT 1 FROM "ConsentState" s JOIN "Purpose" p ON p.id = s."purposeId"
      WHERE s."customerId" = c.id AND p.key = 'promotional_media' AND s.action = 'GRANTED'))`;
}

const blockedAppearances = (mediaId: string) => blockedAppearancesOf([mediaId]);

/** Publishing is allowed only when everyone shown has current consent to promotional media. */
export async function publishMediaItem(actor: Actor, id: string) {
  authorize(actor, "STAFF", "COMPLIANCE");
  const blocked = await blockedAppearances(id);
  if (blocked.length) throw new AppError("CONFLICT", "media.consentMissing", undefined, { names: blocked.map((b) => b.fullName ?? b.id).join(", ") });
  await db().$transaction(async (tx) => {
    const { count } = await tx.mediaItem.updateMany({ where: { id, status: "DRAFT" }, data: { status: "PUBLISHED", publishedAt: new Date() } });
    if (count === 0) throw new AppError("CONFLICT", "media.notDraft");
    await recordAudit(tx, actor, { action: "media.published", entityType: "MediaItem", entityId: id });
  });
}

/** Records that a published item was taken down after an objection or a withdrawal. */
export async function markMediaTakenDown(actor: Actor, id: string) {
  authorize(actor, "STAFF", "COMPLIANCE");
  const blocked = await blockedAppearances(id);
  await db().$transaction(async (tx) => {
    const { count } = await tx.mediaItem.updateMany({
      where: { id, status: { in: ["PUBLISHED", "TAKEDOWN_REQUESTED"] } },
      data: { status: "TAKEN_DOWN", takenDownAt: new Date(), takedownReason: blocked.map((b) => b.reason).join(", ") || null },
    });
    if (count === 0) throw new AppError("CONFLICT", "media.notPublished");
    await recordAudit(tx, actor, {
      action: "media.taken_down",
      entityType: "MediaItem",
      entityId: id,
      details: { because: blocked.map((b) => ({ customerId: b.id, reason: b.reason })) },
    });
  });
}
