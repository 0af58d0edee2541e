// The outbox sender. Runs in every app instance (lib/jobs); the database decides who sends what.
import { Resend } from "resend";
import { env } from "@/lib/env";
import { claimDueEmails, markEmailCaptured, markEmailFailed, markEmailSent, type ClaimedEmail } from "./mutations";

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
    const { data, error } = await provider.emails.send(
      { from: env().EMAIL_FROM, to: message.to, subject: message.subject, html: message.html, text: message.text },
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
    else await markEmailCaptured(message.id);
  }
  return claimed.length;
}
