// The outbox sender. Runs in every app instance (lib/jobs); the database decides who sends what.
import { Resend } from "resend";
import { blockedMarketingCampaigns, guardBatch } from "@/lib/campaigns/mutations/guard";
import { readMarketingRules } from "@/lib/campaigns/queries";
import { unsubscribeUrl } from "@/lib/campaigns/mutations/unsubscribe";
import { env } from "@/lib/env";
import { completeJobs, fetchJobs } from "@/lib/jobs/mutations";
import { campaignContent } from "./campaign-content";
import {
  claimCampaignBatch,
  markBatchCaptured,
  markBatchFailed,
  markBatchSent,
  markEmailCaptured,
  markEmailFailed,
  handBackEmails,
  markEmailSent,
  takeEmails,
  type ClaimedEmail,
} from "./mutations";
import { campaignTemplate } from "./queries";
import { fillLink, openLink } from "./secret-link";

let cached: { config: string; client: Resend } | undefined;

function resend(): Resend | null {
  const { RESEND_API_KEY, RESEND_BASE_URL } = env();
  if (!RESEND_API_KEY) return null;
  const config = `${RESEND_API_KEY} ${RESEND_BASE_URL ?? ""}`;
  if (cached?.config !== config) {
    cached = { config, client: new Resend(RESEND_API_KEY, RESEND_BASE_URL ? { baseUrl: RESEND_BASE_URL } : undefined) };
  }
  return cached.client;
}

/**
 * A provider call that takes too long counts as failed: the message is retried later with the same
 * idempotency key, so if the slow call did go through, the provider does not send it twice.
 */
export function withTimeout<T>(work: Promise<T>, ms = env().EMAIL_SEND_TIMEOUT_MS): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer from the email provider within ${ms} ms`)), ms);
  });
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}

async function sendOne(provider: Resend, message: ClaimedEmail) {
  try {
    const body = fillLink(message, message.secret);
    const { data, error } = await withTimeout(
      provider.emails.send(
        { from: env().EMAIL_FROM, to: message.to, subject: message.subject, html: body.html, text: body.text },
        { idempotencyKey: `email-${message.id}` },
      ),
    );
    if (error) await markEmailFailed(message.id, message.attempts, `${error.name}: ${error.message}`);
    else await markEmailSent(message.id, data?.id ?? null);
  } catch (error) {
    await markEmailFailed(message.id, message.attempts, error instanceof Error ? error.message : String(error));
  }
}

/** Messages sent side by side within one batch of jobs. */
export const SEND_CONCURRENCY = 4;

/**
 * Sends what is due; returns how many jobs were handled. The job system leased the batch for
 * EMAIL_LEASE_SECONDS: messages that could not be started safely inside the lease (a provider that
 * hangs until the timeout) are handed back as fresh jobs rather than sent after the lease is gone.
 */
export async function deliverDueEmails(limit = 20): Promise<number> {
  const jobs = await fetchJobs<{ id: string }>("email", limit);
  if (jobs.length === 0) return 0;
  const started = Date.now();
  const claimed = await takeEmails(jobs.map((j) => j.data.id));
  const provider = resend();
  const leaseMs = env().EMAIL_LEASE_SECONDS * 1000;
  const left: string[] = [];
  for (let i = 0; i < claimed.length; i += SEND_CONCURRENCY) {
    const chunk = claimed.slice(i, i + SEND_CONCURRENCY);
    // The first chunk always goes (env.ts makes two timeouts fit in a lease): no batch is only handed back.
    if (provider && i > 0 && Date.now() - started + env().EMAIL_SEND_TIMEOUT_MS > leaseMs * 0.8) {
      left.push(...claimed.slice(i).map((m) => m.id));
      break;
    }
    await Promise.all(chunk.map((message) => deliverOne(provider, message)));
  }
  if (left.length) await handBackEmails(left);
  await completeJobs(
    "email",
    jobs.map((j) => j.id),
  );
  return jobs.length;
}

async function deliverOne(provider: Resend | null, message: ClaimedEmail) {
  if (provider) return sendOne(provider, message);
  // Demo (embedded database, no provider): whoever runs the app is every recipient, so a
  // one-time link is printed on its terminal; nowhere else does it appear.
  if (message.secret && env().EMBEDDED_DB)
    console.log(`[outbox] not sent (no RESEND_API_KEY): "${message.subject}" to ${message.to}: ${openLink(message.secret)}`);
  await markEmailCaptured(message.id);
}

/** Sends one batch of campaign messages (up to 100) with a single call to Resend's batch API. */
export async function deliverCampaignBatch(size = 100): Promise<number> {
  // Real time, not the app clock (lib/clock.ts): the sending hours and the 24-hour cap are about when
  // the email reaches a person, and sentAt is stamped by the database's own clock.
  const at = new Date();
  const rules = await readMarketingRules();
  const claimed = await claimCampaignBatch(size, await blockedMarketingCampaigns(at, rules));
  if (claimed.length === 0) return 0;
  // Marketing messages pass the guard again now; those it stops leave the batch before it is sent.
  const marketing = claimed.filter((m) => m.marketing || m.customerId);
  const allowed = new Set(
    marketing.length
      ? await guardBatch(
          claimed.map((m) => m.id),
          at,
          rules,
        )
      : claimed.map((m) => m.id),
  );
  const batch = claimed.filter((m) => allowed.has(m.id));
  if (batch.length === 0) return claimed.length;
  const ids = batch.map((m) => m.id);
  const provider = resend();
  if (!provider) {
    await markBatchCaptured(ids);
    return claimed.length;
  }
  // The batch id is the idempotency key, for every attempt. A retry of the same messages gets the
  // first answer back (nothing sent twice). When the guard has taken someone out since an attempt the
  // provider may have accepted, the smaller batch under the same key is refused as a reused key
  // (below) rather than sent again to everyone else — a new key there would mean a second email to
  // each of them.
  const key = `batch-${batch[0].batchId}`;
  try {
    const payload = [];
    for (const m of batch) {
      const template = await campaignTemplate(m.campaignId);
      if (!template) throw new Error(`campaign ${m.campaignId} not found`);
      if (m.marketing || m.customerId) {
        const link = unsubscribeUrl(m.id);
        payload.push({
          from: env().EMAIL_FROM,
          to: m.to,
          subject: m.subject,
          ...campaignContent(template, m.locale, { ...m.variables, unsubscribe: link }),
          // RFC 8058 one-click unsubscribe (RFC 2369 List-Unsubscribe).
          headers: { "List-Unsubscribe": `<${link}>`, "List-Unsubscribe-Post": "List-Unsubscribe=One-Click" },
        });
      } else payload.push({ from: env().EMAIL_FROM, to: m.to, subject: m.subject, ...campaignContent(template, m.locale, m.variables) });
    }
    const { data, error } = await withTimeout(provider.batch.send(payload, { idempotencyKey: key }));
    // The key was used for a different set of these messages: an earlier attempt was accepted after
    // all (its answer was lost), so these went then. Recorded as sent, without the provider's ids.
    if (error?.name === "invalid_idempotent_request")
      await markBatchSent(
        ids,
        ids.map(() => null),
        "sent:earlier_attempt",
      );
    else if (error) await markBatchFailed(batch[0].batchId, batch[0].attempts, `${error.name}: ${error.message}`);
    else
      await markBatchSent(
        ids,
        ids.map((_, i) => data?.data?.[i]?.id ?? null),
      );
  } catch (error) {
    await markBatchFailed(batch[0].batchId, batch[0].attempts, error instanceof Error ? error.message : String(error));
  }
  return claimed.length;
}
