// npm run bench:policy -- [--customers 1000000] [--workers 2]
// Publishing a policy version to every customer: the request itself, queuing the notices set-based
// (against a bare INSERT … SELECT of the same rows, in the same run), then sending them through the
// real Resend SDK to the local fake server with the batch API (calls ≤ N/100), with the memory used.
import { parseArgs } from "node:util";
import { seconds, sendEverything, withLargeRegister } from "./support/large-register";

const { values } = parseArgs({ options: { customers: { type: "string", default: "1000000" }, workers: { type: "string", default: "2" } } });
const N = Number(values.customers);
const WORKERS = Number(values.workers);

await withLargeRegister("bench_policy", N, async ({ raw, resend }) => {
  const eligible = Number((await raw.query(`SELECT count(*) FROM "Customer" WHERE email IS NOT NULL AND status <> 'ERASED'`)).rows[0].count);

  const { systemActor } = await import("@/lib/auth/actor");
  const { createDraft, schedulePolicy } = await import("@/lib/policies/mutations");
  const { queueCampaignChunk } = await import("@/lib/campaigns/mutations/queue");
  const { deliverCampaignBatch } = await import("@/lib/email/delivery");
  const actor = systemActor("bench");
  const { id } = await createDraft(actor, {
    bodyVi: `# Chính sách\n\n${"Nội dung chính sách. ".repeat(40)}`,
    bodyEn: `# Policy\n\n${"Policy text. ".repeat(40)}`,
    summaryVi: "Cập nhật thử nghiệm hiệu năng.",
    summaryEn: "A benchmark update.",
    materialPurposeKeys: [],
  });
  const effective = new Date(Date.now() + 31 * 86_400_000 + 7 * 3_600_000).toISOString().slice(0, 10);
  let t0 = performance.now();
  await schedulePolicy(actor, { id, effectiveOn: effective });
  console.log(`\nthe publish request itself: ${(seconds(t0) * 1000).toFixed(0)} ms (queuing happens in the background)`);

  t0 = performance.now();
  let chunks = 0;
  while ((await queueCampaignChunk()) > 0) chunks++;
  const queueSeconds = seconds(t0);
  const queued = Number((await raw.query(`SELECT count(*) FROM "PolicyNotice" WHERE "policyVersionId" = $1`, [id])).rows[0].count);

  // Baseline: the same rows, into the same tables (same indexes, keys and triggers), for a second
  // version, with two bare INSERT … SELECT statements: no chunks, no conflict handling.
  const { id: other } = await createDraft(actor, {
    bodyVi: `# Bản so sánh\n\n${"Chỉ để đo thời gian chèn dữ liệu trần. ".repeat(3)}`,
    bodyEn: `# Baseline\n\n${"Only used to time a bare insert. ".repeat(3)}`,
    summaryVi: "So sánh",
    summaryEn: "Baseline",
    materialPurposeKeys: [],
  });
  const campaign = (await raw.query(`SELECT id FROM "EmailCampaign" WHERE "policyVersionId" = $1`, [id])).rows[0].id;
  t0 = performance.now();
  await raw.query("BEGIN");
  await raw.query(
    `CREATE TEMP TABLE ids ON COMMIT DROP AS SELECT c.id AS cid, gen_random_uuid() AS mid FROM "Customer" c WHERE c.email IS NOT NULL AND c.status <> 'ERASED'`,
  );
  await raw.query(
    `INSERT INTO "EmailMessage" (id, "to", locale, template, subject, "campaignId", variables, "updatedAt")
      SELECT i.mid, c.email, c.locale, 'policy_notice', 'subject', $1, jsonb_build_object('name', coalesce(c."fullName", '')), now()
      FROM ids i JOIN "Customer" c ON c.id = i.cid`,
    [campaign],
  );
  await raw.query(
    `INSERT INTO "PolicyNotice" (id, "policyVersionId", "customerId", channel, "emailMessageId")
      SELECT gen_random_uuid(), $1, i.cid, 'EMAIL', i.mid FROM ids i`,
    [other],
  );
  await raw.query("COMMIT");
  // The baseline's rows are not meant to be sent.
  await raw.query(`UPDATE "EmailMessage" SET status = 'CAPTURED' WHERE template = 'policy_notice' AND subject = 'subject'`);
  const bareSeconds = seconds(t0);
  console.log(
    `queuing ${queued.toLocaleString("en")} notices (${eligible.toLocaleString("en")} eligible) in ${chunks} chunks: ${queueSeconds.toFixed(1)} s = ${Math.round(queued / queueSeconds).toLocaleString("en")}/s; bare INSERT … SELECT ${bareSeconds.toFixed(1)} s → ${(queueSeconds / bareSeconds).toFixed(2)}× (target ≤ 2×)`,
  );

  // Sending: the app's worker step, WORKERS at a time, until nothing is left.
  const { sent, seconds: sendSeconds, rss } = await sendEverything(WORKERS, queued, deliverCampaignBatch);
  const batchCalls = resend.calls.filter((c) => c.path === "/emails/batch");
  const calls = batchCalls.length;
  const partial = batchCalls.filter((c) => c.status === 200 && c.count < 100).map((c) => c.count);
  const failed = batchCalls.filter((c) => c.status !== 200).length;
  console.log(`\nbatches: ${calls - failed - partial.length} full, partial ${JSON.stringify(partial)}, failed ${failed}`);
  const status = (await raw.query(`SELECT status, count(*) FROM "EmailMessage" WHERE "campaignId" IS NOT NULL GROUP BY status`)).rows;
  console.log(
    `\nsending: ${Math.round(sent / sendSeconds).toLocaleString("en")} emails/s over ${sendSeconds.toFixed(0)} s with ${WORKERS} workers; ${calls.toLocaleString("en")} HTTP calls for ${sent.toLocaleString("en")} emails (limit N/100 = ${Math.ceil(sent / 100).toLocaleString("en")}); ${rss}; ${JSON.stringify(status)}`,
  );
});
process.exit(0);
