import "server-only";
import type { Prisma } from "@/generated/prisma/client";
import { recordAudit } from "@/lib/audit/mutations";
import { authorize, type Actor } from "@/lib/auth/actor";
import { rolesFor } from "@/lib/auth/permissions";
import { db, type Tx } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { forgetPublishedForms, slugTaken } from "./queries";
import { formInputSchema, formUpdateSchema, type FormValues } from "./schemas";

async function resolvePurposes(tx: Tx, keys: string[]) {
  const purposes = await tx.purpose.findMany({ where: { key: { in: keys }, active: true }, select: { id: true, key: true, legalBasis: true } });
  // Checkboxes are for consent: purposes that rest on a contract or the law are not asked for.
  const usable = purposes.filter((p) => p.legalBasis === "CONSENT");
  if (usable.length !== keys.length) throw new AppError("BAD_INPUT", "forms.unknownPurpose", { purposeKeys: "forms.unknownPurpose" });
  return keys.map((key, sortOrder) => ({ purposeId: usable.find((p) => p.key === key)!.id, sortOrder }));
}

function columns(v: FormValues) {
  return {
    slug: v.slug,
    kind: v.kind,
    status: v.status,
    titleVi: v.titleVi,
    titleEn: v.titleEn,
    introVi: v.introVi,
    introEn: v.introEn,
    fields: v.fields as Prisma.InputJsonObject,
    questions: v.questions as unknown as Prisma.InputJsonArray,
    thankYouVi: v.thankYouVi,
    thankYouEn: v.thankYouEn,
    redirectUrl: v.redirectUrl || null,
    allowedOrigins: v.allowedOrigins,
  };
}

export async function createForm(actor: Actor, raw: unknown) {
  authorize(actor, ...rolesFor("forms"));
  const input = formInputSchema.parse(raw);
  if (await slugTaken(input.slug)) throw new AppError("CONFLICT", "forms.slugTaken", { slug: "forms.slugTaken" });
  return db().$transaction(async (tx) => {
    const purposes = await resolvePurposes(tx, input.purposeKeys);
    const form = await tx.form.create({
      data: { ...columns(input), createdById: actor.kind === "user" ? actor.id : null, purposes: { create: purposes } },
      select: { id: true },
    });
    await recordAudit(tx, actor, { action: "form.created", entityType: "Form", entityId: form.id, details: { slug: input.slug, status: input.status } });
    return form;
  });
}

export async function updateForm(actor: Actor, raw: unknown) {
  authorize(actor, ...rolesFor("forms"));
  const { id, ...input } = formUpdateSchema.parse(raw);
  if (await slugTaken(input.slug, id)) throw new AppError("CONFLICT", "forms.slugTaken", { slug: "forms.slugTaken" });
  await db().$transaction(async (tx) => {
    const before = await tx.form.findUnique({ where: { id }, select: { status: true, slug: true } });
    if (!before) throw new AppError("NOT_FOUND", "errors.notFound");
    const purposes = await resolvePurposes(tx, input.purposeKeys);
    await tx.formPurpose.deleteMany({ where: { formId: id } });
    await tx.form.update({ where: { id }, data: { ...columns(input), purposes: { create: purposes } } });
    await recordAudit(tx, actor, {
      action: "form.updated",
      entityType: "Form",
      entityId: id,
      details: { slug: input.slug, status: { before: before.status, after: input.status }, purposes: input.purposeKeys },
    });
  });
  forgetPublishedForms();
  return { id };
}
