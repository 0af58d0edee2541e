// The email provider fails: it answers 500, then 429 with Retry-After, then hangs, each for a while.
// Once it is back, every queued email must have been sent exactly once (the outbox row id is the
// idempotency key), and the sender must have waited as its backoff says between tries.
import { db } from "@/lib/db";
import { enqueueEmail } from "@/lib/email/mutations";
import { renderEmail } from "@/lib/email/render";
import { startFakeResend } from "@/tests/support/fake-resend";
import { type Outcome, sleep, startApp, waitFor } from "./harness";

const BASE_SECONDS = 1;

async function queue(count: number, tag: string) {
  const email = await renderEmail("privacy_digest", "vi", { overdue: [], dueSoon: [], missingHolidayYears: [2031], link: "http://x/admin" }, "Công ty");
  const ids: string[] = [];
  for (let i = 0; i < count; i++) ids.push((await db().$transaction((tx) => enqueueEmail(tx, `${tag}-${i}@faults.test`, email))).id);
  return ids;
}

export async function emailOutage(seconds: number): Promise<Outcome> {
  const resend = await startFakeResend();
  const app = await startApp({
    WORKER_ENABLED: "1",
    WORKER_POLL_MS: "200",
    RESEND_API_KEY: "re_faults",
    RESEND_BASE_URL: resend.url,
    EMAIL_RETRY_BASE_SECONDS: String(BASE_SECONDS),
    EMAIL_SEND_TIMEOUT_MS: "2000",
    EMAIL_LEASE_SECONDS: "10",
    JOB_MAINTENANCE_SECONDS: "1",
  });
  const ids: string[] = [];
  const lines: string[] = [];
  for (const mode of ["500", "429", "hang"] as const) {
    resend.outage(mode, seconds, 2);
    ids.push(...(await queue(10, `${mode}-${Date.now().toString(36)}`)));
    await sleep(seconds * 1000);
    lines.push(`provider ${mode === "hang" ? "hung" : `answered ${mode}`} for ${seconds} s with 10 more emails queued meanwhile`);
  }
  await waitFor(async () => (await db().emailMessage.count({ where: { id: { in: ids }, status: "SENT" } })) === ids.length, 90_000, "every email to be sent");
  await app.kill();
  await resend.close();
  const keys = new Map(ids.map((id) => [`email-${id}`, 0]));
  for (const e of resend.emails) if (e.idempotencyKey && keys.has(e.idempotencyKey)) keys.set(e.idempotencyKey, keys.get(e.idempotencyKey)! + 1);
  const delivered = [...keys.values()];
  const missing = delivered.filter((n) => n === 0).length;
  const twice = delivered.filter((n) => n > 1).length;
  // Backoff: the k-th retry of a message comes at least base·2^(k-1) seconds after the try before it
  // (a little slack for the poll interval).
  let tooSoon = 0;
  let tries = 0;
  for (const key of keys.keys()) {
    const times = resend.calls.filter((c) => c.idempotencyKey === key).map((c) => c.at);
    tries += times.length;
    for (let k = 1; k < times.length; k++) if (times[k] - times[k - 1] < BASE_SECONDS * 2 ** (k - 1) * 1000 * 0.9) tooSoon++;
  }
  const failed = await db().emailMessage.count({ where: { id: { in: ids }, status: "FAILED" } });
  lines.push(
    `after it recovered: ${ids.length - missing} of ${ids.length} emails delivered, ${twice} delivered twice, ${failed} given up; ${tries} calls in all, ${tooSoon} retries sooner than the backoff allows`,
  );
  return { name: "email provider outage (500, 429, hang)", ok: missing === 0 && twice === 0 && failed === 0 && tooSoon === 0, lines };
}
