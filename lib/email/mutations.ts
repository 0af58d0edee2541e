import "server-only";
import { randomUUID } from "node:crypto";
import { Prisma } from "@/generated/prisma/client";
import type { Actor } from "@/lib/auth/actor";
import { authorize } from "@/lib/auth/actor";
import { rolesFor } from "@/lib/auth/permissions";
import { recordAudit } from "@/lib/audit/mutations";
import { env } from "@/lib/env";
import { db, type Tx } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { enqueueJob } from "@/lib/jobs/mutations";
import type { RenderedEmail } from "./render";
import { SECRET_LINK, sealLink } from "./secret-link";
import { type ResealCounts, resealEach } from "@/lib/auth/app-seal";

export const MAX_ATTEMPTS = 8;
const LEASE_SECONDS = () => env().EMAIL_LEASE_SECONDS;

/**
 * Queues an email in the caller's transaction: it exists exactly when the change that caused it does.
 * An email with a one-time link is rendered with SECRET_LINK in its place and the link passed as
 * `secretLink`: it is stored sealed and never shown in the outbox (lib/email/secret-link.ts).
 */
export async function enqueueEmail(tx: Tx, to: string, email: RenderedEmail, options: { eraseAfterSend?: boolean; secretLink?: string } = {}) {
  if (options.secretLink && !email.html.includes(SECRET_LINK)) throw new Error(`${email.template}: the one-time link must be rendered as SECRET_LINK`);
  if (!options.secretLink && email.html.includes(SECRET_LINK)) throw new Error(`${email.template}: SECRET_LINK rendered without a link to fill in`);
  const message = await tx.emailMessage.create({
    data: {
      to,
      locale: email.locale,
      template: email.template,
      subject: email.subject,
      html: email.html,
      text: email.text,
      eraseAfterSend: options.eraseAfterSend ?? false,
      carriesSecret: !!options.secretLink,
      secret: options.secretLink ? sealLink(options.secretLink) : null,
    },
    select: { id: true },
  });
  await enqueueJob(tx, "email", { id: message.id }, { singletonKey: message.id });
  return message;
}

// Campaign messages carry variables instead of a body and go out through the batch API
// (claimCampaignBatch), so the single-message queue never takes them.
export type ClaimedEmail = { id: string; to: string; subject: string; html: string; text: string; secret: string | null; attempts: number };

/**
 * Takes the messages of the email jobs this worker was given. The job system claimed each job once
 * and leases it; the row carries the same lease, so a second job for one message (left by an
 * expired lease, or a crash between handing back and completing) finds it taken and does nothing.
 * A message already sent, captured, cancelled or given up on is skipped, and so is one still
 * waiting out its backoff: its own job comes when it is due.
 */
export async function takeEmails(ids: string[]): Promise<ClaimedEmail[]> {
  if (ids.length === 0) return [];
  return db().$queryRaw<ClaimedEmail[]>`
    UPDATE "EmailMessage" SET attempts = attempts + 1, "lockedUntil" = now() + make_interval(secs => ${LEASE_SECONDS()}), "updatedAt" = now()
    WHERE id = ANY(${ids}::uuid[]) AND status = 'QUEUED' AND "campaignId" IS NULL AND "nextAttemptAt" <= now()
      AND ("lockedUntil" IS NULL OR "lockedUntil" < now())
    RETURNING id, "to", subject, html, text, secret, attempts`;
}

/** Messages taken but not tried (the lease was running out): back in the queue, as if never taken. */
export async function handBackEmails(ids: string[]) {
  await db().$transaction(async (tx) => {
    await tx.$executeRaw`UPDATE "EmailMessage" SET attempts = attempts - 1, "lockedUntil" = NULL, "updatedAt" = now() WHERE id = ANY(${ids}::uuid[]) AND status = 'QUEUED'`;
    for (const id of ids) await enqueueJob(tx, "email", { id }, { singletonKey: id });
  });
}

// The marks change a message only while it is still queued: an erasure that cancelled it meanwhile,
// or another worker's answer, is never overwritten.
export async function markEmailSent(id: string, providerId: string | null) {
  await db().emailMessage.updateMany({
    where: { id, status: "QUEUED" },
    data: { status: "SENT", providerId, sentAt: new Date(), lockedUntil: null, lastError: null },
  });
}

/** No provider configured: the message stays readable in /admin/outbox and is marked as not sent. */
export async function markEmailCaptured(id: string) {
  await db().emailMessage.updateMany({ where: { id, status: "QUEUED" }, data: { status: "CAPTURED", lockedUntil: null } });
}

/** Exponential backoff: 30 s, 1 min, 2 min … capped at 1 h (EMAIL_RETRY_BASE_SECONDS); FAILED after MAX_ATTEMPTS. */
export function backoffSeconds(attempts: number) {
  return Math.min(3600, env().EMAIL_RETRY_BASE_SECONDS * 2 ** Math.max(0, attempts - 1));
}

/** A failed attempt: the message waits its backoff in a new job of its own, or is given up on. */
export async function markEmailFailed(id: string, attempts: number, error: string) {
  const giveUp = attempts >= MAX_ATTEMPTS;
  const nextAttemptAt = new Date(Date.now() + backoffSeconds(attempts) * 1000);
  await db().$transaction(async (tx) => {
    const { count } = await tx.emailMessage.updateMany({
      where: { id, status: "QUEUED" },
      data: { status: giveUp ? "FAILED" : "QUEUED", lastError: error.slice(0, 1000), lockedUntil: null, nextAttemptAt },
    });
    if (count && !giveUp) await enqueueJob(tx, "email", { id }, { singletonKey: id, startAfter: nextAttemptAt });
  });
}

/**
 * Housekeeping: a single message still queued an hour on, with no job left to send it (its job died
 * after every retry, e.g. an instance that kept crashing on it), is marked FAILED with the reason,
 * so it shows in the outbox and staff can send it again, instead of waiting forever.
 */
export async function failOrphanedEmails(): Promise<number> {
  return db().$executeRaw`
    UPDATE "EmailMessage" m SET status = 'FAILED', "lockedUntil" = NULL, "updatedAt" = now(),
      "lastError" = 'Its delivery job stopped after every retry (see /admin/jobs); send it again from the outbox.'
    WHERE m.status = 'QUEUED' AND m."campaignId" IS NULL AND m."createdAt" < now() - interval '1 hour'
      AND NOT EXISTS (SELECT 1 FROM pgboss.job j WHERE j.name = 'email' AND j.singleton_key = m.id::text AND j.state IN ('created', 'retry', 'active'))`;
}

/**
 * Puts a failed or captured message back in the queue (e.g. after configuring Resend). A message
 * whose one-time link is gone cannot be sent again: a new link must be issued where it came from.
 */
export async function requeueEmail(actor: Actor, id: string) {
  authorize(actor, ...rolesFor("outbox"));
  await db().$transaction(async (tx) => {
    if (await tx.emailMessage.findFirst({ where: { id, carriesSecret: true }, select: { id: true } })) {
      throw new AppError("CONFLICT", "outbox.secretNotRetryable");
    }
    const { count } = await tx.emailMessage.updateMany({
      where: { id, status: { in: ["FAILED", "CAPTURED"] } },
      data: { status: "QUEUED", attempts: 0, nextAttemptAt: new Date(), lockedUntil: null },
    });
    if (count === 0) throw new AppError("CONFLICT", "outbox.notRetryable");
    await enqueueJob(tx, "email", { id }, { singletonKey: id });
    await recordAudit(tx, actor, { action: "email.requeued", entityType: "EmailMessage", entityId: id });
  });
}

export type CampaignMessage = {
  id: string;
  to: string;
  subject: string;
  locale: "vi" | "en";
  variables: Record<string, string> | null;
  campaignId: string;
  attempts: number;
  batchId: string;
  /** Marketing messages only: the customer it was queued for. */
  customerId: string | null;
  /** A message of a marketing campaign: it passes the guard again before it leaves (lib/campaigns/mutations/guard.ts). */
  marketing: boolean;
};

const campaignColumns = Prisma.sql`id, "to", subject, locale::text AS locale, variables, "campaignId", attempts, "batchId", "customerId",
  (SELECT k.kind = 'MARKETING' FROM "EmailCampaign" k WHERE k.id = "campaignId") AS marketing`;

/**
 * Claims up to `limit` campaign messages as one batch for Resend's batch API. The batch id is its
 * idempotency key, and a batch whose worker died is taken over whole (same messages, same key), so
 * a retry can never send anything twice.
 */
export async function claimCampaignBatch(limit = 100, blockedCampaigns: string[] = []): Promise<CampaignMessage[]> {
  const lease = Prisma.sql`now() + make_interval(secs => ${LEASE_SECONDS()})`;
  // A batch to take over is claimed whole under an advisory lock on its id, so two workers can never
  // each grab part of it (row locks taken in different orders would deadlock).
  const again = await db().$transaction(async (tx) => {
    const [candidate] = await tx.$queryRaw<{ batchId: string }[]>`
      SELECT b."batchId" FROM (
        SELECT DISTINCT "batchId" FROM "EmailMessage"
        WHERE "batchId" IS NOT NULL AND status = 'QUEUED' AND "nextAttemptAt" <= now() AND ("lockedUntil" IS NULL OR "lockedUntil" < now())
        LIMIT 10) b
      WHERE pg_try_advisory_xact_lock(hashtextextended(b."batchId"::text, 0)) LIMIT 1`;
    if (!candidate) return [];
    return tx.$queryRaw<CampaignMessage[]>`
      UPDATE "EmailMessage" SET "lockedUntil" = ${lease}, attempts = attempts + 1, "updatedAt" = now()
      WHERE "batchId" = ${candidate.batchId}::uuid AND status = 'QUEUED' AND ("lockedUntil" IS NULL OR "lockedUntil" < now())
      RETURNING ${campaignColumns}`;
  });
  if (again.length) return again;
  // New batches are cut one at a time (a few milliseconds each), so every batch is full but the
  // last: the number of API calls stays at N/100 however many workers send.
  return db().$transaction(async (tx) => {
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(${CUT_BATCH_LOCK})`;
    return tx.$queryRaw<CampaignMessage[]>`
      UPDATE "EmailMessage" SET "batchId" = ${randomUUID()}::uuid, "lockedUntil" = ${lease}, attempts = attempts + 1, "updatedAt" = now()
      WHERE id IN (
        SELECT id FROM "EmailMessage"
        WHERE "campaignId" IS NOT NULL AND "batchId" IS NULL AND status = 'QUEUED' AND "nextAttemptAt" <= now()
          AND NOT ("campaignId" = ANY (${blockedCampaigns}::uuid[]))
        ORDER BY "campaignId", id LIMIT ${limit} FOR UPDATE)
      RETURNING ${campaignColumns}`;
  });
}

// Advisory lock keys in use: 727001 audit chain (migration), 727002 policy version numbers, 727003 this,
// 727004 dossier versions (lib/records), 727005 request deadlines (lib/privacy-requests/mutations/rules.ts).
// Erasure and disclosure packages take turns on 727001 (lib/disclosures/rules.ts).
const CUT_BATCH_LOCK = 727_003;

/** Marks a batch sent, with each message's provider id, and stamps the notices it proves. */
export async function markBatchSent(ids: string[], providerIds: (string | null)[], note: string | null = null) {
  await db().$transaction([
    db().$executeRaw`
      UPDATE "EmailMessage" m SET status = 'SENT', "providerId" = x.pid, "sentAt" = now(), "lockedUntil" = NULL, "lastError" = ${note}
      FROM unnest(${ids}::uuid[], ${providerIds}::text[]) AS x(id, pid) WHERE m.id = x.id`,
    // Driven from the batch's ids (a nested loop on the index), whatever the table's statistics say.
    db().$executeRaw`UPDATE "PolicyNotice" p SET "sentAt" = now() FROM unnest(${ids}::uuid[]) AS x(id) WHERE p."emailMessageId" = x.id AND p."sentAt" IS NULL`,
  ]);
}

export async function markBatchFailed(batchId: string, attempts: number, error: string) {
  const giveUp = attempts >= MAX_ATTEMPTS;
  await db().emailMessage.updateMany({
    where: { batchId },
    data: {
      status: giveUp ? "FAILED" : "QUEUED",
      lastError: error.slice(0, 1000),
      lockedUntil: null,
      nextAttemptAt: new Date(Date.now() + backoffSeconds(attempts) * 1000),
    },
  });
}

export async function markBatchCaptured(ids: string[]) {
  await db().emailMessage.updateMany({ where: { id: { in: ids } }, data: { status: "CAPTURED", lockedUntil: null } });
}

/** Retries every failed message of a campaign (from /admin/policies). */
export async function requeueCampaignFailures(actor: Actor, campaignId: string) {
  authorize(actor, "COMPLIANCE");
  return db().$transaction(async (tx) => {
    const { count } = await tx.emailMessage.updateMany({
      where: { campaignId, status: "FAILED" },
      data: { status: "QUEUED", attempts: 0, nextAttemptAt: new Date(), lockedUntil: null, batchId: null },
    });
    await recordAudit(tx, actor, { action: "campaign.failures_requeued", entityType: "EmailCampaign", entityId: campaignId, details: { count } });
    return count;
  });
}

/** After NEXTAUTH_SECRET is rotated: the one-time links still waiting in the outbox sealed under the new one. */
export async function resealOutboxLinks(): Promise<ResealCounts> {
  const messages = await db().emailMessage.findMany({ where: { secret: { not: null } }, select: { id: true, secret: true } });
  return resealEach(
    "outbox one-time link",
    messages.map((m) => ({ id: m.id, sealed: m.secret as string })),
    (id, from, to) => db().emailMessage.updateMany({ where: { id, secret: from }, data: { secret: to } }),
  );
}
