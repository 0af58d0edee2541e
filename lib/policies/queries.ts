import "server-only";
import { Prisma } from "@/generated/prisma/client";
import { authorize, type Actor } from "@/lib/auth/actor";
import { db } from "@/lib/db";

const versionSelect = {
  id: true,
  number: true,
  status: true,
  bodyVi: true,
  bodyEn: true,
  summaryVi: true,
  summaryEn: true,
  materialPurposeKeys: true,
  shortNoticeReason: true,
  publishedAt: true,
  effectiveAt: true,
  createdAt: true,
  updatedAt: true,
} satisfies Prisma.PolicyVersionSelect;

const announced = { status: { in: ["SCHEDULED", "PUBLISHED"] } } satisfies Prisma.PolicyVersionWhereInput;

/**
 * The version in force at `at`: announced, with its effective date reached. (A scheduled version is
 * in force from its date even before the job has marked it PUBLISHED.)
 */
export async function findPolicyInForce(at = new Date()) {
  return db().policyVersion.findFirst({
    where: { ...announced, effectiveAt: { lte: at } },
    orderBy: [{ effectiveAt: "desc" }, { number: "desc" }],
    select: { id: true, number: true, effectiveAt: true, bodyVi: true, bodyEn: true, summaryVi: true, summaryEn: true },
  });
}

/** An announced version that is not in force yet: the banner "the policy changes on …". */
export async function findUpcomingPolicy(at = new Date()) {
  return db().policyVersion.findFirst({
    where: { ...announced, effectiveAt: { gt: at } },
    orderBy: { effectiveAt: "asc" },
    select: { number: true, effectiveAt: true },
  });
}

/** One announced version by number (public: every version stays readable). */
export async function findPublishedPolicy(number: number) {
  if (!Number.isInteger(number) || number < 1) return null;
  return db().policyVersion.findFirst({ where: { number, ...announced }, select: versionSelect });
}

/** Every announced version, newest first, for /privacy/versions. */
export async function listAnnouncedPolicies() {
  return db().policyVersion.findMany({
    where: announced,
    orderBy: { number: "desc" },
    select: { number: true, publishedAt: true, effectiveAt: true, summaryVi: true, summaryEn: true },
  });
}

export async function listPolicyVersions(actor: Actor) {
  authorize(actor, "COMPLIANCE");
  return db().policyVersion.findMany({
    orderBy: { number: "desc" },
    select: {
      id: true,
      number: true,
      status: true,
      publishedAt: true,
      effectiveAt: true,
      summaryVi: true,
      summaryEn: true,
      _count: { select: { notices: true } },
    },
  });
}

export async function getPolicyVersion(actor: Actor, id: string) {
  authorize(actor, "COMPLIANCE");
  if (!/^[0-9a-f-]{36}$/i.test(id)) return null;
  return db().policyVersion.findUnique({ where: { id }, select: versionSelect });
}

/** Live progress of a version's campaigns: queued so far and messages by status. */
export async function campaignProgress(actor: Actor, policyVersionId: string) {
  authorize(actor, "COMPLIANCE");
  const campaigns = await db().emailCampaign.findMany({
    where: { policyVersionId },
    orderBy: { createdAt: "asc" },
    select: { id: true, kind: true, status: true, queuedCount: true, createdAt: true, queuedAt: true },
  });
  const counts = await db().emailMessage.groupBy({
    by: ["campaignId", "status"],
    where: { campaignId: { in: campaigns.map((c) => c.id) } },
    _count: { _all: true },
  });
  return campaigns.map((c) => {
    const mine = counts.filter((x) => x.campaignId === c.id);
    const by = (status: string) => mine.find((x) => x.status === status)?._count._all ?? 0;
    return { ...c, sent: by("SENT"), failed: by("FAILED"), waiting: by("QUEUED"), captured: by("CAPTURED") };
  });
}
export type CampaignProgress = Awaited<ReturnType<typeof campaignProgress>>[number];

/**
 * A current consent (s, its event e, the version it was given under pv) that version v asks to be
 * given again: still granted under an older version (before v takes effect), or lapsed by v.
 */
export const STALE = Prisma.sql`((s.action = 'GRANTED' AND coalesce(pv.number, 0) < v.number) OR (s.action = 'LAPSED' AND e."policyVersionId" = v.id))`;

/** Customers whose current consent to a materially changed purpose was given under an older version. */
export async function reconsentCandidates(actor: Actor, policyVersionId: string, take = 50) {
  authorize(actor, "COMPLIANCE");
  const where = (limit: number) => db().$queryRaw<{ id: string; fullName: string | null; email: string | null; purpose: string; givenUnder: number | null }[]>`
    SELECT cu.id, cu."fullName", cu.email, p.key AS purpose, pv.number AS "givenUnder"
    FROM "PolicyVersion" v
    JOIN "Purpose" p ON p.key = ANY (v."materialPurposeKeys")
    JOIN "ConsentState" s ON s."purposeId" = p.id AND s.action IN ('GRANTED', 'LAPSED')
    JOIN "ConsentEvent" e ON e.id = s."eventId"
    LEFT JOIN "PolicyVersion" pv ON pv.id = e."policyVersionId"
    JOIN "Customer" cu ON cu.id = s."customerId" AND cu.status <> 'ERASED'
    WHERE v.id = ${policyVersionId}::uuid AND ${STALE}
    ORDER BY cu."fullName" NULLS LAST, cu.id LIMIT ${limit}`;
  const rows = await where(take);
  const [{ count }] = await db().$queryRaw<{ count: bigint }[]>`
    SELECT count(DISTINCT s."customerId") AS count FROM "PolicyVersion" v
    JOIN "Purpose" p ON p.key = ANY (v."materialPurposeKeys")
    JOIN "ConsentState" s ON s."purposeId" = p.id AND s.action IN ('GRANTED', 'LAPSED')
    JOIN "ConsentEvent" e ON e.id = s."eventId" LEFT JOIN "PolicyVersion" pv ON pv.id = e."policyVersionId"
    JOIN "Customer" cu ON cu.id = s."customerId" AND cu.status <> 'ERASED'
    WHERE v.id = ${policyVersionId}::uuid AND ${STALE}`;
  return { rows, customers: Number(count) };
}

/** The versions a customer was told about, and when (customer detail page). */
export async function customerNotices(actor: Actor, customerId: string) {
  authorize(actor, "STAFF", "COMPLIANCE");
  return db().policyNotice.findMany({
    where: { customerId },
    orderBy: { createdAt: "desc" },
    select: { id: true, channel: true, createdAt: true, sentAt: true, policyVersion: { select: { number: true, effectiveAt: true } } },
  });
}
