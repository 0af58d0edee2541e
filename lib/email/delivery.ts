// The outbox sender. Runs in every app instance (lib/jobs); the database decides who sends what.
import { Resend } from "resend";
import { env } from "@/lib/env";
import { campaignContent } from "./campaign-content";
import {
  claimCampaignBatch,
  claimDueEmails,
  markBatchCaptured,
  markBatchFailed,
  markBatchSent,
  markEmailCaptured,
  markEmailFailed,
  markEmailSent,
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

async function sendOne(provider: Resend, message: ClaimedEmail) {
  try {
    const body = fillLink(message, message.secret);
    const { data, error } = await provider.emails.send(
      { from: env().EMAIL_FROM, to: message.to, subject: message.subject, html: body.html, text: body.text },
      { idempotencyKey: `email-${message.id}` },
    );
    if (error) await markEmailFailed(message.id, message.attempts, `${error.name}: ${error.message}`);
    else await markEmailSent(message.id, data?.id ?? null);
  } catch (error) {
    await markEmailFailed(message.id, message.attempts, error instanceof Error ? error.message : String(error));
  }
}

/** Sends what is due; returns how many messages were handled. */
export async function deliverDueEmails(limit = 20): Promise<number> {
  const claimed = await claimDueEmails(limit);
  const provider = resend();
  for (const message of claimed) {
    if (provider) await sendOne(provider, message);
    else {
      // Demo (embedded database, no provider): whoever runs the app is every recipient, so a
      // one-time link is printed on its terminal; nowhere else does it appear.
      if (message.secret && env().EMBEDDED_DB)
        console.log(`[outbox] not sent (no RESEND_API_KEY): "${message.subject}" to ${message.to}: ${openLink(message.secret)}`);
      await markEmailCaptured(message.id);
    }
  }
  return claimed.length;
}

/** Sends one batch of campaign messages (up to 100) with a single call to Resend's batch API. */
export async function deliverCampaignBatch(): Promise<number> {
  const batch = await claimCampaignBatch(100);
  if (batch.length === 0) return 0;
  const ids = batch.map((m) => m.id);
  const provider = resend();
  if (!provider) {
    await markBatchCaptured(ids);
    return batch.length;
  }
  try {
    const payload = [];
    for (const m of batch) {
      const template = await campaignTemplate(m.campaignId);
      if (!template) throw new Error(`campaign ${m.campaignId} not found`);
      payload.push({ from: env().EMAIL_FROM, to: m.to, subject: m.subject, ...campaignContent(template, m.locale, m.variables) });
    }
    const { data, error } = await provider.batch.send(payload, { idempotencyKey: `batch-${batch[0].batchId}` });
    if (error) await markBatchFailed(batch[0].batchId, batch[0].attempts, `${error.name}: ${error.message}`);
    else
      await markBatchSent(
        ids,
        ids.map((_, i) => data?.data?.[i]?.id ?? null),
      );
  } catch (error) {
    await markBatchFailed(batch[0].batchId, batch[0].attempts, error instanceof Error ? error.message : String(error));
  }
  return batch.length;
}
