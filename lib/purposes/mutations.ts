import "server-only";
import { recordAudit } from "@/lib/audit/mutations";
import { authorize, type Actor } from "@/lib/auth/actor";
import { rolesFor } from "@/lib/auth/permissions";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { rewordSchema } from "./schemas";

const WORDING = ["labelVi", "labelEn", "descriptionVi", "descriptionEn"] as const;

/**
 * Rewords a purpose as a new version: forms and the privacy page show the new text from now on;
 * every consent already given keeps the exact text the person saw (ConsentEvent.wording), and the
 * versions stay listed with who changed what and why. Rewording clarifies; a purpose whose meaning
 * changes needs a policy revision that names it, and consent asked again.
 */
export async function rewordPurpose(actor: Actor, raw: unknown) {
  authorize(actor, ...rolesFor("policies"));
  const { key, basedOn, reason, ...wording } = rewordSchema.parse(raw);
  return db().$transaction(async (tx) => {
    const [purpose] = await tx.$queryRaw<{ id: string; labelVi: string; labelEn: string; descriptionVi: string; descriptionEn: string }[]>`
      SELECT id, "labelVi", "labelEn", "descriptionVi", "descriptionEn" FROM "Purpose" WHERE key = ${key} FOR UPDATE`;
    if (!purpose) throw new AppError("NOT_FOUND", "purposes.notFound");
    const last = (await tx.purposeVersion.aggregate({ where: { purposeId: purpose.id }, _max: { number: true } }))._max.number ?? 0;
    if (basedOn !== last) throw new AppError("CONFLICT", "purposes.changedMeanwhile");
    if (WORDING.every((field) => wording[field] === purpose[field])) throw new AppError("BAD_INPUT", "purposes.unchanged");
    // A purpose that predates versioning gets its current wording recorded as version 1 first.
    if (last === 0) await tx.purposeVersion.create({ data: { purposeId: purpose.id, number: 1, ...pick(purpose) } });
    const number = Math.max(last, 1) + 1;
    const version = await tx.purposeVersion.create({
      data: { purposeId: purpose.id, number, ...wording, reason, createdById: actor.kind === "user" ? actor.id : null },
      select: { id: true, number: true },
    });
    await tx.purpose.update({ where: { id: purpose.id }, data: wording });
    await recordAudit(tx, actor, {
      action: "purpose.reworded",
      entityType: "Purpose",
      entityId: purpose.id,
      details: { key, version: number, reason, before: pick(purpose), after: wording },
    });
    return version;
  });
}

const pick = (p: Record<(typeof WORDING)[number], string>) => ({
  labelVi: p.labelVi,
  labelEn: p.labelEn,
  descriptionVi: p.descriptionVi,
  descriptionEn: p.descriptionEn,
});
