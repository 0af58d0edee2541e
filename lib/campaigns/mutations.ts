import "server-only";
import { STALE } from "@/lib/policies/queries";
import { recordAudit } from "@/lib/audit/mutations";
import { systemActor } from "@/lib/auth/actor";
import { db, type Tx } from "@/lib/db";

export const QUEUE_CHUNK = 20_000;

type Campaign = {
  id: string;
  kind: "POLICY_NOTICE" | "RECONSENT";
  policyVersionId: string | null;
  cursor: string | null;
  subjectVi: string;
  subjectEn: string;
};
type Chunk = { last: string | null; scanned: bigint; queued: bigint };

const FIRST = "00000000-0000-0000-0000-000000000000";

/**
 * One set-based statement per chunk of customers (in id order): a notice row per customer — the
 * unique (version, customer, channel) key makes a retried or concurrent run add nothing — and an
 * outbox row for each notice actually added. Erased customers and customers without email are never
 * included.
 */
function queueNotices(tx: Tx, c: Campaign, size: number) {
  return tx.$queryRaw<Chunk[]>`
    WITH targets AS MATERIALIZED (
      SELECT cu.id, cu.email, cu.locale, coalesce(cu."fullName", '') AS name, gen_random_uuid() AS mid
      FROM "Customer" cu
      WHERE cu.id > ${c.cursor ?? FIRST}::uuid AND cu.email IS NOT NULL AND cu.status <> 'ERASED'
      ORDER BY cu.id LIMIT ${size}),
    notices AS (
      INSERT INTO "PolicyNotice" (id, "policyVersionId", "customerId", channel, "emailMessageId")
      SELECT gen_random_uuid(), ${c.policyVersionId}::uuid, t.id, 'EMAIL', t.mid FROM targets t
      ON CONFLICT ("policyVersionId", "customerId", channel) DO NOTHING
      RETURNING "customerId", "emailMessageId"),
    messages AS (
      INSERT INTO "EmailMessage" (id, "to", locale, template, subject, "campaignId", variables, "updatedAt")
      SELECT n."emailMessageId", t.email, t.locale, 'policy_notice',
             CASE WHEN t.locale = 'en' THEN ${c.subjectEn} ELSE ${c.subjectVi} END, ${c.id}::uuid, jsonb_build_object('name', t.name), now()
      FROM notices n JOIN targets t ON t.id = n."customerId"
      RETURNING 1)
    SELECT (SELECT id::text FROM targets ORDER BY id DESC LIMIT 1) AS last, (SELECT count(*) FROM targets) AS scanned, (SELECT count(*) FROM messages) AS queued`;
}

/** Re-consent: customers whose current consent to a materially changed purpose predates the version, or lapsed with it. */
function queueReconsent(tx: Tx, c: Campaign, size: number) {
  return tx.$queryRaw<Chunk[]>`
    WITH v AS (SELECT id, number, "materialPurposeKeys" FROM "PolicyVersion" WHERE id = ${c.policyVersionId}::uuid),
    targets AS MATERIALIZED (
      SELECT cu.id, cu.email, cu.locale, coalesce(cu."fullName", '') AS name
      FROM "Customer" cu
      WHERE cu.id > ${c.cursor ?? FIRST}::uuid AND cu.email IS NOT NULL AND cu.status <> 'ERASED'
        AND EXISTS (
          SELECT 1 FROM "ConsentState" s JOIN "Purpose" p ON p.id = s."purposeId" JOIN "ConsentEvent" e ON e.id = s."eventId"
          LEFT JOIN "PolicyVersion" pv ON pv.id = e."policyVersionId", v
          WHERE s."customerId" = cu.id AND p.key = ANY (v."materialPurposeKeys") AND ${STALE})
      ORDER BY cu.id LIMIT ${size}),
    messages AS (
      INSERT INTO "EmailMessage" ("to", locale, template, subject, "campaignId", variables, "updatedAt")
      SELECT t.email, t.locale, 'reconsent', CASE WHEN t.locale = 'en' THEN ${c.subjectEn} ELSE ${c.subjectVi} END, ${c.id}::uuid, jsonb_build_object('name', t.name), now()
      FROM targets t
      RETURNING 1)
    SELECT (SELECT id::text FROM targets ORDER BY id DESC LIMIT 1) AS last, (SELECT count(*) FROM targets) AS scanned, (SELECT count(*) FROM messages) AS queued`;
}

const ANALYZE_AFTER = 10_000;

/** The job: queues the next chunk of the oldest campaign still queuing. Chunk and cursor commit together. */
export async function queueCampaignChunk(size = QUEUE_CHUNK): Promise<number> {
  let grewBy = 0;
  const handled = await db().$transaction(
    async (tx) => {
      const [campaign] = await tx.$queryRaw<Campaign[]>`
        SELECT id, kind, "policyVersionId", cursor, "subjectVi", "subjectEn" FROM "EmailCampaign"
        WHERE status = 'QUEUING' ORDER BY "createdAt" LIMIT 1 FOR UPDATE SKIP LOCKED`;
      if (!campaign) return 0;
      const [chunk] = await (campaign.kind === "POLICY_NOTICE" ? queueNotices(tx, campaign, size) : queueReconsent(tx, campaign, size));
      const done = Number(chunk.scanned) < size;
      const updated = await tx.emailCampaign.update({
        where: { id: campaign.id },
        data: {
          cursor: chunk.last ?? campaign.cursor,
          queuedCount: { increment: Number(chunk.queued) },
          ...(done ? { status: "QUEUED", queuedAt: new Date() } : {}),
        },
        select: { queuedCount: true },
      });
      if (done) {
        grewBy = updated.queuedCount;
        await recordAudit(tx, systemActor("campaigns"), {
          action: "campaign.queued",
          entityType: "EmailCampaign",
          entityId: campaign.id,
          details: { kind: campaign.kind, policyVersionId: campaign.policyVersionId, messages: updated.queuedCount },
        });
      }
      return 1;
    },
    { timeout: 300_000 },
  );
  // A large campaign just grew the outbox many times over; fresh planner statistics keep the
  // sender's claim on its partial index (stale ones made it sort the whole queue on each claim).
  if (grewBy >= ANALYZE_AFTER) await db().$executeRawUnsafe(`ANALYZE "EmailMessage", "PolicyNotice"`);
  return handled;
}
