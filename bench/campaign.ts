// npm run bench:campaign -- [--customers 1000000] [--workers 2] [--chunk 20000] [--queue-only] [--erase 100]
// A marketing campaign to every customer: the guard and the queue together (one set-based statement
// per chunk that checks consent, suppression, objections, holds and retention for each customer),
// against two bare INSERT … SELECTs into the same table in the same run (a message for every customer
// aimed at, as a queue with no guard would write; and only the messages the guard let through); then
// sending through the real Resend SDK to the local fake server with the batch API (calls ≤ N/100),
// each batch passing the guard again, with the process's memory. --queue-only stops before sending.
// --erase K: after queuing, erases K people the campaign wrote to, one at a time as a retention batch
// does, then K more with the outbox's lookup indexes dropped (the same-run baseline for them).
import { parseArgs } from "node:util";
import { seconds, sendEverything, withLargeRegister } from "./support/large-register";

const { values } = parseArgs({
  options: {
    customers: { type: "string", default: "1000000" },
    workers: { type: "string", default: "2" },
    chunk: { type: "string" },
    "queue-only": { type: "boolean" },
    erase: { type: "string", default: "0" },
  },
});
const N = Number(values.customers);
const WORKERS = Number(values.workers);
const CHUNK = values.chunk ? Number(values.chunk) : undefined;

await withLargeRegister("bench_campaign", N, async ({ raw, resend }) => {
  const { systemActor } = await import("@/lib/auth/actor");
  const { saveCampaign, scheduleCampaign, startDueCampaigns } = await import("@/lib/campaigns/mutations/marketing");
  const { queueCampaignChunk } = await import("@/lib/campaigns/mutations/queue");
  const { deliverCampaignBatch } = await import("@/lib/email/delivery");
  const { DEFAULT_MARKETING_RULES, MARKETING_RULES_SETTING } = await import("@/lib/campaigns/schemas");
  // The benchmark runs at any hour: sending hours open all day.
  await raw.query(`INSERT INTO "Setting" (key, value, "updatedAt") VALUES ($1, $2, now())`, [
    MARKETING_RULES_SETTING,
    JSON.stringify({ ...DEFAULT_MARKETING_RULES, windowStartHour: 0, windowEndHour: 24 }),
  ]);
  const actor = systemActor("bench");
  const { id } = await saveCampaign(actor, {
    name: "Benchmark",
    purposeKey: "promotions_events",
    subjectVi: "Ưu đãi cuối năm",
    subjectEn: "Year-end offer",
    bodyVi: `Chào {{name}},\n\n${"Nội dung khuyến mãi. ".repeat(30)}`,
    bodyEn: `Hello {{name}},\n\n${"Promotion text. ".repeat(30)}`,
    audience: { statuses: ["LEAD", "ACTIVE", "TERMINATED"] },
  });
  await scheduleCampaign(actor, { id });
  await startDueCampaigns();

  const t0 = performance.now();
  let chunks = 0;
  while ((await queueCampaignChunk(CHUNK)) > 0) chunks++;
  const guardSeconds = seconds(t0);
  const campaign = (await raw.query(`SELECT "queuedCount", "scannedCount", excluded FROM "EmailCampaign" WHERE id = $1`, [id])).rows[0];

  // Baselines, each into the same table (same indexes, foreign keys and triggers) with the same
  // column values the queue writes (campaign, template, subject, consent event), timed, then removed:
  // 1. the queue without the guard: one bare INSERT … SELECT of a message for every customer the
  //    campaign was aimed at — what guarding costs over not guarding at all (the target);
  // 2. only the rows the guard let through (their ids copied aside first, untimed): the floor, since
  //    the guard writes exactly these rows and must first find them.
  const insertBare = async (from: string, where = "true") => {
    await raw.query(`VACUUM "EmailMessage"`);
    const t = performance.now();
    const result = await raw.query(
      `INSERT INTO "EmailMessage" ("to", locale, template, subject, "campaignId", variables, "customerId", "consentEventId", "updatedAt")
       SELECT c.email, c.locale, 'bare', CASE WHEN c.locale = 'en' THEN 'Year-end offer' ELSE 'Ưu đãi cuối năm' END, $1::uuid,
              jsonb_build_object('name', coalesce(c."fullName", '')), c.id, s."eventId", now()
       FROM ${from}
       LEFT JOIN "ConsentState" s ON s."customerId" = c.id AND s."purposeId" = (SELECT "purposeId" FROM "EmailCampaign" WHERE id = $1)
       WHERE ${where}`,
      [id],
    );
    const took = seconds(t);
    await raw.query(`DELETE FROM "EmailMessage" WHERE template = 'bare'`);
    return { rows: result.rowCount ?? 0, seconds: took };
  };
  const all = await insertBare(`"Customer" c`, `c.status IN ('LEAD', 'ACTIVE', 'TERMINATED') AND c.email IS NOT NULL`);
  await raw.query(`CREATE TEMP TABLE passed AS SELECT "customerId" AS id FROM "EmailMessage" WHERE "campaignId" = $1`, [id]);
  const bare = await insertBare(`passed p JOIN "Customer" c ON c.id = p.id`);
  console.log(
    `guard + queue: ${campaign.scannedCount.toLocaleString("en")} customers checked, ${campaign.queuedCount.toLocaleString("en")} queued in ${chunks} chunks, ${guardSeconds.toFixed(1)} s; left out ${JSON.stringify(campaign.excluded)}`,
  );
  console.log(
    `the queue without the guard (bare INSERT … SELECT for all ${all.rows.toLocaleString("en")} customers aimed at): ${all.seconds.toFixed(1)} s → guard + queue = ${(guardSeconds / all.seconds).toFixed(2)}× (target ≤ 1×)`,
  );
  console.log(
    `floor (bare INSERT … SELECT of only the ${bare.rows.toLocaleString("en")} rows let through): ${bare.seconds.toFixed(1)} s → guard + queue = ${(guardSeconds / bare.seconds).toFixed(2)}×`,
  );

  const ERASE = Number(values.erase);
  if (ERASE > 0) {
    const { db } = await import("@/lib/db");
    const { eraseCustomer } = await import("@/lib/privacy-requests/mutations/erasure");
    const people = (await raw.query(`SELECT "customerId" AS id FROM "EmailMessage" WHERE "campaignId" = $1 ORDER BY id LIMIT $2`, [id, ERASE * 2])).rows.map(
      (r: { id: string }) => r.id,
    );
    const eraseAll = async (ids: string[]) => {
      const took: number[] = [];
      for (const customerId of ids) {
        const t = performance.now();
        await db().$transaction((tx) => eraseCustomer(tx, actor, customerId, {}), { timeout: 60_000 });
        took.push(performance.now() - t);
      }
      took.sort((a, b) => a - b);
      return `mean ${(took.reduce((a, b) => a + b, 0) / took.length).toFixed(1)} ms, p95 ${took[Math.floor(took.length * 0.95)].toFixed(1)} ms`;
    };
    const messages = (await raw.query(`SELECT count(*)::int AS n FROM "EmailMessage"`)).rows[0].n;
    const indexed = await eraseAll(people.slice(0, ERASE));
    await raw.query(`DROP INDEX "EmailMessage_to_lower"; DROP INDEX "EmailMessage_customerId"`);
    const scanning = await eraseAll(people.slice(ERASE));
    console.log(
      `erasing one person with ${messages.toLocaleString("en")} emails in the outbox (${ERASE} each): ${indexed}; without the outbox's lookup indexes ${scanning}`,
    );
  }

  if (values["queue-only"]) return;
  const { sent, seconds: sendSeconds, rss } = await sendEverything(WORKERS, campaign.queuedCount, () => deliverCampaignBatch());
  const batchCalls = resend.calls.filter((c) => c.path === "/emails/batch");
  const failed = batchCalls.filter((c) => c.status !== 200).length;
  const status = (await raw.query(`SELECT status, count(*)::int AS n FROM "EmailMessage" WHERE "campaignId" = $1 GROUP BY status`, [id])).rows;
  console.log(
    `\nsending (guard again per batch): ${Math.round(sent / sendSeconds).toLocaleString("en")} emails/s over ${sendSeconds.toFixed(0)} s with ${WORKERS} workers; ${batchCalls.length.toLocaleString("en")} HTTP calls (${failed} failed) for ${sent.toLocaleString("en")} emails (limit N/100 = ${Math.ceil(sent / 100).toLocaleString("en")}); ${rss}; ${JSON.stringify(status)}`,
  );
});
process.exit(0);
