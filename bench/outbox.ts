// npm run bench:outbox -- [--emails 5000] [--workers 2]
// The transactional outbox (sign-in links, receipts, notices: one email per provider call), sent by
// the app's own step (`deliverDueEmails`: take a batch of email jobs from the job system, send
// through the real Resend SDK to a local fake server, SEND_CONCURRENCY at a time, mark sent, complete
// the jobs) on several workers until the queue is empty. Baseline, in the same run: the same number
// of emails sent straight through the SDK by as many concurrent loops (workers × SEND_CONCURRENCY),
// with no database — what the provider calls alone cost.
import { parseArgs } from "node:util";
import { Resend } from "resend";
import { seconds, sendEverything, withLargeRegister } from "./support/large-register";

const { values } = parseArgs({ options: { emails: { type: "string", default: "5000" }, workers: { type: "string", default: "2" } } });
const M = Number(values.emails);
const W = Number(values.workers);

await withLargeRegister("bench_outbox", 1000, async ({ raw, resend }) => {
  const { deliverDueEmails, SEND_CONCURRENCY } = await import("@/lib/email/delivery");
  const loops = W * SEND_CONCURRENCY;
  await raw.query(
    `INSERT INTO "EmailMessage" ("to", locale, template, subject, html, text, "updatedAt")
     SELECT 'khach' || g || '@example.test', 'vi', 'receipt', 'Xác nhận yêu cầu #' || g,
            '<p>Chúng tôi đã nhận yêu cầu của bạn.</p>', 'Chúng tôi đã nhận yêu cầu của bạn.', now()
     FROM generate_series(1, $1) g`,
    [M],
  );
  // Each email has its job, as enqueueEmail makes it (singleton key = the email's id).
  await raw.query(
    `INSERT INTO pgboss.job (name, data, singleton_key, retry_limit, retry_delay, retry_backoff, expire_in, policy)
     SELECT 'email', jsonb_build_object('id', id), id::text, 20, 5, true, interval '120 seconds', 'standard'
     FROM "EmailMessage" WHERE status = 'QUEUED' AND "campaignId" IS NULL`,
  );
  const callsBefore = resend.calls.length;
  const app = await sendEverything(W, M, () => deliverDueEmails(20));
  const calls = resend.calls.length - callsBefore;
  const {
    rows: [left],
  } = await raw.query(
    `SELECT count(*) FILTER (WHERE status = 'SENT')::int AS sent, count(*) FILTER (WHERE status <> 'SENT')::int AS other FROM "EmailMessage"`,
  );
  console.log(
    `\noutbox: ${app.sent.toLocaleString("en")} emails in ${app.seconds.toFixed(1)} s = ${Math.round(app.sent / app.seconds).toLocaleString("en")} emails/s on ${W} workers; ${calls.toLocaleString("en")} provider calls; ${left.sent} sent, ${left.other} not; ${app.rss}`,
  );

  // Baseline: the provider calls alone.
  const client = new Resend("re_bench", { baseUrl: resend.url });
  let next = 0;
  const t0 = performance.now();
  await Promise.all(
    Array.from({ length: loops }, async () => {
      while (next < M) {
        const k = next++;
        await client.emails.send(
          { from: "bench@example.test", to: `baseline${k}@example.test`, subject: `Baseline #${k}`, html: "<p>x</p>", text: "x" },
          { idempotencyKey: `baseline-${k}` },
        );
      }
    }),
  );
  const bare = seconds(t0);
  console.log(
    `baseline (the SDK alone, ${loops} loops, no database): ${M.toLocaleString("en")} emails in ${bare.toFixed(1)} s = ${Math.round(M / bare).toLocaleString("en")} emails/s → the outbox runs at ${((bare / app.seconds) * 100).toFixed(0)} % of it`,
  );
});
process.exit(0);
