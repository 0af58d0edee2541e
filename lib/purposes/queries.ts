import "server-only";
import type { Prisma } from "@/generated/prisma/client";
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
