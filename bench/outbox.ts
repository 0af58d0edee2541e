// npm run bench:outbox -- [--emails 5000] [--workers 2]
// The transactional outbox (sign-in links, receipts, notices: one email per provider call), sent by
// the app's own step (`deliverDueEmails`: claim with a lease, send through the real Resend SDK to a
// local fake server, mark sent) on several workers until the queue is empty. Baseline, in the same
// run: the same number of emails sent straight through the SDK by as many loops, with no database —
// what the provider calls alone cost. This is the "before" figure for moving the outbox onto a job
// system (issue 16).
import { parseArgs } from "node:util";
import { Resend } from "resend";
import { seconds, sendEverything, withLargeRegister } from "./support/large-register";

const { values } = parseArgs({ options: { emails: { type: "string", default: "5000" }, workers: { type: "string", default: "2" } } });
const M = Number(values.emails);
const W = Number(values.workers);

await withLargeRegister("bench_outbox", 1000, async ({ raw, resend }) => {
  const { deliverDueEmails } = await import("@/lib/email/delivery");
  await raw.query(
    `INSERT INTO "EmailMessage" ("to", locale, template, subject, html, text, "updatedAt")
     SELECT 'khach' || g || '@example.test', 'vi', 'receipt', 'Xác nhận yêu cầu #' || g,
            '<p>Chúng tôi đã nhận yêu cầu của bạn.</p>', 'Chúng tôi đã nhận yêu cầu của bạn.', now()
     FROM generate_series(1, $1) g`,
    [M],
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
    Array.from({ length: W }, async () => {
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
    `baseline (the SDK alone, no database): ${M.toLocaleString("en")} emails in ${bare.toFixed(1)} s = ${Math.round(M / bare).toLocaleString("en")} emails/s → the outbox runs at ${((bare / app.seconds) * 100).toFixed(0)} % of it`,
  );
});
process.exit(0);
