import "server-only";
import { db } from "@/lib/db";

/** The policy version in force now: published, with its effective date reached. */
export async function findPolicyInForce(now = new Date()) {
  return db().policyVersion.findFirst({
    where: { status: "PUBLISHED", effectiveAt: { lte: now } },
    orderBy: [{ effectiveAt: "desc" }, { number: "desc" }],
    select: { id: true, number: true, effectiveAt: true, bodyVi: true, bodyEn: true, summaryVi: true, summaryEn: true },
  });
}

/** One published version by number (public: every earlier version stays readable). */
export async function findPublishedPolicy(number: number) {
  if (!Number.isInteger(number) || number < 1) return null;
  return db().policyVersion.findFirst({
    where: { number, status: "PUBLISHED" },
    select: { id: true, number: true, effectiveAt: true, publishedAt: true, bodyVi: true, bodyEn: true, summaryVi: true, summaryEn: true },
  });
}
