import "server-only";
import { STALE } from "@/lib/policies/queries";
import { recordAudit } from "@/lib/audit/mutations";
import { systemActor } from "@/lib/auth/actor";
import { now } from "@/lib/clock";
import { db, type Tx } from "@/lib/db";
import { audienceSql } from "../queries";
import { customerGuard } from "./guard";
import { audienceSchema } from "../schemas";

export const QUEUE_CHUNK = 20_000;

type Campaign = {
  id: string;
  kind: "POLICY_NOTICE" | "RECONSENT" | "MARKETING";
  policyVersionId: string | null;
  cursor: string | null;
  subjectVi: string;
  subjectEn: string;
  purposeId: string | null;
  purposeKey: string | null;
  audience: unknown;
  excluded: Record<string, number>;
};
type Chunk = { last: string | null; scanned: bigint; queued: bigint; excluded?: Record<string, number> | null };

const FIRST = "00000000-0000-0000-0000-000000000000";

/**
 * One set-based statement per chunk of customers (in id order): a notice row per customer — the
 * unique (version, customer, channel) key makes a retried or concurrent run add nothing — and one
 * outbox row per mailbox: records that share an address (the same person entered twice) each get
 * their notice, all pointing at the one email that mailbox receives, whether it was queued in this
 * chunk or an earlier one. Erased customers and customers without email are never included.
 */
function queueNotices(tx: Tx, c: Campaign, size: number) {
  return tx.$queryRaw<Chunk[]>`
    WITH targets AS MATERIALIZED (
      SELECT cu.id, cu.email, lower(cu.email) AS mailbox, cu.locale, coalesce(cu."fullName", '') AS name, gen_random_uuid() AS mid
      FROM "Customer" cu
      WHERE cu.id > ${c.cursor ?? FIRST}::uuid AND cu.email IS NOT NULL AND cu.status <> 'ERASED'
      ORDER BY cu.id LIMIT ${size}),
    earlier AS MATERIALIZED (
      SELECT DISTINCT ON (lower(m."to")) lower(m."to") AS mailbox, m.id FROM "EmailMessage" m
      WHERE m."campaignId" = ${c.id}::uuid AND lower(m."to") IN (SELECT mailbox FROM targets)
      ORDER BY lower(m."to"), m."createdAt", m.id),
    firsts AS (SELECT DISTINCT ON (mailbox) mailbox, mid, email, locale, name FROM targets ORDER BY mailbox, id),
    notices AS (
      INSERT INTO "PolicyNotice" (id, "policyVersionId", "customerId", channel, "emailMessageId")
      SELECT gen_random_uuid(), ${c.policyVersionId}::uuid, t.id, 'EMAIL', coalesce(e.id, f.mid)
      FROM targets t JOIN firsts f ON f.mailbox = t.mailbox LEFT JOIN earlier e ON e.mailbox = t.mailbox
      ON CONFLICT ("policyVersionId", "customerId", channel) DO NOTHING
      RETURNING "emailMessageId"),
    messages AS (
      INSERT INTO "EmailMessage" (id, "to", locale, template, subject, "campaignId", variables, "updatedAt")
      SELECT f.mid, f.email, f.locale, 'policy_notice',
             CASE WHEN f.locale = 'en' THEN ${c.subjectEn} ELSE ${c.subjectVi} END, ${c.id}::uuid, jsonb_build_object('name', f.name), now()
      FROM firsts f WHERE f.mid IN (SELECT "emailMessageId" FROM notices)
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

/**
 * Marketing: the audience's next chunk, each customer with the guard's verdict; a message only for
 * those it lets through, carrying the consent event that allowed it. Who was left out is counted by
 * reason. A retried chunk (crash before commit) starts again from the same cursor.
 */
async function queueMarketing(tx: Tx, c: Campaign, size: number) {
  if (!c.purposeId || !c.purposeKey) throw new Error(`campaign ${c.id} has no purpose`);
  const at = await now();
  const audience = audienceSchema.parse(c.audience ?? {});
  const guard = await customerGuard(tx, { id: c.purposeId, key: c.purposeKey }, at, { after: c.cursor ?? FIRST });
  return tx.$queryRaw<Chunk[]>`
    WITH targets AS MATERIALIZED (
      SELECT c.id, c.email, c.locale, coalesce(c."fullName", '') AS name, s."eventId", ${guard.reason} AS reason
      FROM "Customer" c ${guard.joins}
      WHERE c.id > ${c.cursor ?? FIRST}::uuid AND ${audienceSql(audience)}
      ORDER BY c.id LIMIT ${size}),
    messages AS (
      INSERT INTO "EmailMessage" ("to", locale, template, subject, "campaignId", variables, "customerId", "consentEventId", "updatedAt")
      SELECT t.email, t.locale, 'marketing', CASE WHEN t.locale = 'en' THEN ${c.subjectEn} ELSE ${c.subjectVi} END, ${c.id}::uuid,
             jsonb_build_object('name', t.name), t.id, t."eventId", now()
      FROM targets t WHERE t.reason IS NULL
      RETURNING 1)
    SELECT (SELECT id::text FROM targets ORDER BY id DESC LIMIT 1) AS last, (SELECT count(*) FROM targets) AS scanned,
      (SELECT count(*) FROM messages) AS queued,
      (SELECT jsonb_object_agg(reason, n) FROM (SELECT reason, count(*)::int AS n FROM targets WHERE reason IS NOT NULL GROUP BY reason) r) AS excluded`;
}

function addCounts(a: Record<string, number>, b: Record<string, number> | null | undefined) {
  const sum = { ...a };
  for (const [k, n] of Object.entries(b ?? {})) sum[k] = (sum[k] ?? 0) + n;
  return sum;
}

const ANALYZE_AFTER = 10_000;

/** The job: queues the next chunk of the oldest campaign still queuing. Chunk and cursor commit together. */
export async function queueCampaignChunk(size = QUEUE_CHUNK): Promise<number> {
  let grewBy = 0;
  const handled = await db().$transaction(
    async (tx) => {
      const [campaign] = await tx.$queryRaw<Campaign[]>`
        SELECT k.id, k.kind, k."policyVersionId", k.cursor, k."subjectVi", k."subjectEn", k."purposeId", p.key AS "purposeKey", k.audience, k.excluded
        FROM "EmailCampaign" k LEFT JOIN "Purpose" p ON p.id = k."purposeId"
        WHERE k.status = 'QUEUING' ORDER BY k."createdAt" LIMIT 1 FOR UPDATE OF k`;
      if (!campaign) return 0;
      const [chunk] = await (campaign.kind === "POLICY_NOTICE"
        ? queueNotices(tx, campaign, size)
        : campaign.kind === "MARKETING"
          ? queueMarketing(tx, campaign, size)
          : queueReconsent(tx, campaign, size));
      const done = Number(chunk.scanned) < size;
      const updated = await tx.emailCampaign.update({
        where: { id: campaign.id },
        data: {
          cursor: chunk.last ?? campaign.cursor,
          queuedCount: { increment: Number(chunk.queued) },
          scannedCount: { increment: Number(chunk.scanned) },
          ...(campaign.kind === "MARKETING" ? { excluded: addCounts(campaign.excluded, chunk.excluded) } : {}),
          ...(done ? { status: "QUEUED", queuedAt: new Date() } : {}),
        },
        select: { queuedCount: true, excluded: true },
      });
      if (done) {
        grewBy = updated.queuedCount;
        await recordAudit(tx, systemActor("campaigns"), {
          action: "campaign.queued",
          entityType: "EmailCampaign",
          entityId: campaign.id,
          details: { kind: campaign.kind, policyVersionId: campaign.policyVersionId, messages: updated.queuedCount, excluded: updated.excluded },
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
