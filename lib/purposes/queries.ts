import "server-only";
import type { Prisma } from "@/generated/prisma/client";
import { authorize, type Actor } from "@/lib/auth/actor";
import { rolesFor } from "@/lib/auth/permissions";
import { db } from "@/lib/db";

export const purposeSelect = {
  id: true,
  key: true,
  legalBasis: true,
  labelVi: true,
  labelEn: true,
  descriptionVi: true,
  descriptionEn: true,
} satisfies Prisma.PurposeSelect;

/** The purpose catalogue (public information: it is in the privacy policy). */
export async function listPurposes() {
  return db().purpose.findMany({ where: { active: true }, orderBy: { sortOrder: "asc" }, select: purposeSelect });
}
export type PurposeItem = Awaited<ReturnType<typeof listPurposes>>[number];

/** Which other parts of the app check consent to a purpose before they act (besides the forms that ask for it). */
export const PURPOSE_GATES: Record<string, "advertisingDisclosures" | "promotionalMedia"> = {
  advertising: "advertisingDisclosures",
  promotional_media: "promotionalMedia",
};

/**
 * The purpose catalogue as the compliance officer manages it: legal basis, current wording and its
 * version, how many customers agree or withdrew, and what uses each purpose (forms that ask for it,
 * advertising partners or promotional media that need it).
 */
export async function purposeCatalogue(actor: Actor) {
  authorize(actor, ...rolesFor("policies"));
  const [purposes, consent, recipients, media] = await Promise.all([
    db().purpose.findMany({
      orderBy: { sortOrder: "asc" },
      select: {
        ...purposeSelect,
        active: true,
        immediate: true,
        forms: { orderBy: { form: { createdAt: "asc" } }, select: { form: { select: { id: true, slug: true, titleVi: true, titleEn: true, status: true } } } },
        versions: { orderBy: { number: "desc" }, take: 1, select: { number: true, createdAt: true } },
      },
    }),
    db().consentState.groupBy({ by: ["purposeId", "action"], _count: { _all: true } }),
    db().recipient.findMany({ where: { category: "ADVERTISING", active: true }, orderBy: { name: "asc" }, select: { id: true, name: true } }),
    db().mediaItem.count({ where: { status: { not: "TAKEN_DOWN" } } }),
  ]);
  const count = (purposeId: string, action: "GRANTED" | "WITHDRAWN") => consent.find((c) => c.purposeId === purposeId && c.action === action)?._count._all ?? 0;
  return purposes.map(({ versions, forms, ...p }) => ({
    ...p,
    version: versions[0]?.number ?? 1,
    rewordedAt: versions[0] && versions[0].number > 1 ? versions[0].createdAt : null,
    forms: forms.map((f) => f.form),
    granted: count(p.id, "GRANTED"),
    withdrawn: count(p.id, "WITHDRAWN"),
    gate: PURPOSE_GATES[p.key] ?? null,
    recipients: PURPOSE_GATES[p.key] === "advertisingDisclosures" ? recipients : [],
    mediaItems: PURPOSE_GATES[p.key] === "promotionalMedia" ? media : 0,
  }));
}
export type CatalogueEntry = Awaited<ReturnType<typeof purposeCatalogue>>[number];

/** One purpose with every wording it has had, newest first. */
export async function purposeWithVersions(actor: Actor, key: string) {
  authorize(actor, ...rolesFor("policies"));
  if (!/^[a-z0-9_]{1,60}$/.test(key)) return null;
  return db().purpose.findUnique({
    where: { key },
    select: {
      ...purposeSelect,
      versions: {
        orderBy: { number: "desc" },
        select: {
          number: true,
          labelVi: true,
          labelEn: true,
          descriptionVi: true,
          descriptionEn: true,
          reason: true,
          createdAt: true,
          createdBy: { select: { name: true } },
        },
      },
    },
  });
}
