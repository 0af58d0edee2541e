import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { db, pool } from "@/lib/db";
import { assertEnv } from "@/lib/env";
import { startFakeResend, type FakeResend } from "@/tests/support/fake-resend";
import { makeStaff, uniqueEmail } from "@/tests/support/factories";
import { expireLeases, jobStates, makeJobsDue } from "@/tests/support/jobs";
import { fetchJobs } from "@/lib/jobs/mutations";
import { deliverDueEmails } from "./delivery";
import { backoffSeconds, enqueueEmail, failOrphanedEmails, MAX_ATTEMPTS, requeueEmail } from "./mutations";
import { SECRET_LINK } from "./secret-link";
import { renderEmail } from "./render";

let resend: FakeResend;

function useProvider(on: boolean) {
  if (on) {
    process.env.RESEND_API_KEY = "re_test_key";
    process.env.RESEND_BASE_URL = resend.url;
  } else {
    delete process.env.RESEND_API_KEY;
    delete process.env.RESEND_BASE_URL;
  }
  assertEnv();
}

async function queue(count: number) {
  const rendered = await renderEmail(
    "invite",
    "vi",
    { name: "An", inviterName: "Bình", role: "Nhân viên", link: "http://x/set-password/abc", hours: 48 },
    "Công ty Test",
  );
  return db().$transaction(async (tx) => {
    const ids: string[] = [];
    for (let i = 0; i < count; i++) ids.push((await enqueueEmail(tx, uniqueEmail("to"), rendered)).id);
    return ids;
  });
}

async function drain(workers: number) {
  const worker = async () => {
    while ((await deliverDueEmails(3)) > 0) {}
  };
  await Promise.all(Array.from({ length: workers }, worker));
}

const statuses = async (ids: string[]) => (await db().emailMessage.findMany({ where: { id: { in: ids } }, select: { status: true } })).map((r) => r.status);

describe("email outbox worker", () => {
  beforeAll(async () => {
    resend = await startFakeResend();
    await drain(1); // whatever earlier test files queued
    // Campaign messages other files queued (and may have left to retry later) would share batches
    // with this file's campaign; they are not this file's business.
    await db().emailMessage.updateMany({ where: { campaignId: { not: null }, status: "QUEUED" }, data: { status: "CANCELLED" } });
  });
  afterEach(() => {
    resend.reset();
    useProvider(false);
  });
  afterAll(async () => {
    await resend.close();
  });

  it("sends through the Resend SDK with the row id as idempotency key", async () => {
    useProvider(true);
    const [id] = await queue(1);
    await drain(1);
    const row = await db().emailMessage.findUniqueOrThrow({ where: { id } });
    expect(row.status).toBe("SENT");
    expect(resend.emails).toHaveLength(1);
    expect(resend.emails[0]).toMatchObject({ to: row.to, subject: row.subject, idempotencyKey: `email-${id}` });
    expect(resend.emails[0].html).toContain("http://x/set-password/abc");
    expect(row.providerId).toBe(resend.emails[0].id);
  });

  it("keeps a message queued with its error when the provider fails, and retries it later", async () => {
    useProvider(true);
    const [id] = await queue(1);
    resend.failNext(1, 500);
    await drain(1);
    let row = await db().emailMessage.findUniqueOrThrow({ where: { id } });
    expect(row).toMatchObject({ status: "QUEUED", attempts: 1 });
    expect(row.lastError).toContain("Injected failure");
    expect(row.nextAttemptAt.getTime()).toBeGreaterThan(Date.now() + 20_000);

    // Not due yet: nothing happens.
    await drain(1);
    expect(resend.calls).toHaveLength(1);

    // The retry waits in a job of its own until the backoff is over.
    expect(await jobStates("email", id)).toEqual(["completed", "created"]);
    // Time passes: the message and its job are both due.
    await db().emailMessage.update({ where: { id }, data: { nextAttemptAt: new Date() } });
    await makeJobsDue("email", [id]);
    await drain(1);
    row = await db().emailMessage.findUniqueOrThrow({ where: { id } });
    expect(row).toMatchObject({ status: "SENT", attempts: 2 });
    expect(resend.emails.map((e) => e.idempotencyKey)).toEqual([`email-${id}`]);
  });

  it("backs off exponentially and gives up after the last attempt", async () => {
    expect([1, 2, 3, 4].map(backoffSeconds)).toEqual([30, 60, 120, 240]);
    expect(backoffSeconds(20)).toBe(3600);
    useProvider(true);
    const [id] = await queue(1);
    await db().emailMessage.update({ where: { id }, data: { attempts: MAX_ATTEMPTS - 1 } });
    resend.failNext(1, 503);
    await drain(1);
    expect(await statuses([id])).toEqual(["FAILED"]);
  });

  it("never sends a message twice when several workers run at once", async () => {
    useProvider(true);
    const ids = await queue(30);
    await drain(4);
    expect(await statuses(ids)).toEqual(ids.map(() => "SENT"));
    const keys = resend.calls.map((c) => c.idempotencyKey);
    expect(keys).toHaveLength(30);
    expect(new Set(keys).size).toBe(30);
    expect(resend.emails).toHaveLength(30);
  });

  it("fills a one-time link in only when sending, and keeps no copy afterwards or in the outbox", async () => {
    useProvider(true);
    const link = `http://x/set-password/${"s".repeat(43)}`;
    const rendered = await renderEmail("invite", "en", { name: "An", inviterName: "Bình", role: "Staff", link: SECRET_LINK, hours: 48 }, "Test Co");
    const queueSecret = () => db().$transaction((tx) => enqueueEmail(tx, uniqueEmail("secret"), rendered, { secretLink: link }));
    const { id } = await queueSecret();
    const queued = await db().emailMessage.findUniqueOrThrow({ where: { id } });
    expect(queued.carriesSecret).toBe(true);
    expect(JSON.stringify(queued)).not.toContain("s".repeat(43));
    await drain(1);
    expect(resend.emails[0].html).toContain(link);
    expect(resend.emails[0].text).toContain(link);
    expect(resend.emails[0].html).not.toContain(SECRET_LINK);
    const sent = await db().emailMessage.findUniqueOrThrow({ where: { id } });
    expect(sent).toMatchObject({ status: "SENT", secret: null });

    // Without a provider the message is kept, its link gone; sending it again would need a new link.
    useProvider(false);
    const kept = await queueSecret();
    await drain(1);
    expect(await db().emailMessage.findUniqueOrThrow({ where: { id: kept.id } })).toMatchObject({ status: "CAPTURED", secret: null });
    const officer = await makeStaff("COMPLIANCE");
    await expect(requeueEmail(officer, kept.id)).rejects.toMatchObject({ code: "CONFLICT", userMessage: "outbox.secretNotRetryable" });
    // A link must be passed when the body has the placeholder, and the placeholder used when a link is passed.
    await expect(db().$transaction((tx) => enqueueEmail(tx, uniqueEmail("x"), rendered))).rejects.toThrow(/without a link/);
  });

  it("keeps messages readable but unsent when no API key is configured", async () => {
    useProvider(false);
    const [id] = await queue(1);
    await drain(1);
    expect(await statuses([id])).toEqual(["CAPTURED"]);
    expect(resend.calls).toHaveLength(0);
  });

  it("retries a message whose worker crashed mid-send once its lease runs out", async () => {
    useProvider(true);
    const [id] = await queue(1);
    // A worker took its job and died: the job is active, its lease still running.
    expect(await fetchJobs("email", 1)).toHaveLength(1);
    await drain(1);
    expect(resend.calls).toHaveLength(0);
    expect(await jobStates("email", id)).toEqual(["active"]);
    // The lease runs out: the job system fails the job by timeout and retries it (with backoff).
    await expireLeases("email");
    expect(await jobStates("email", id)).toEqual(["retry"]);
    await makeJobsDue("email", [id]);
    await drain(1);
    expect(await statuses([id])).toEqual(["SENT"]);
    expect(await jobStates("email", id)).toEqual(["completed"]);
  });

  it("marks a message FAILED, to be sent again by staff, when its job died and nothing else would send it", async () => {
    useProvider(true);
    const [orphan, young, alive] = await queue(3);
    await db().emailMessage.updateMany({ where: { id: { in: [orphan, young, alive] } }, data: { createdAt: new Date(Date.now() - 2 * 3_600_000) } });
    await db().emailMessage.update({ where: { id: young }, data: { createdAt: new Date() } });
    // The job of `orphan` and of `young` died (failed after its retries); `alive` still has its job.
    await pool().query(`UPDATE pgboss.job SET state = 'failed', completed_on = now() WHERE name = 'email' AND singleton_key = ANY($1)`, [[orphan, young]]);
    expect(await failOrphanedEmails()).toBeGreaterThanOrEqual(1);
    const rows = await db().emailMessage.findMany({ where: { id: { in: [orphan, young, alive] } }, select: { id: true, status: true, lastError: true } });
    const byId = new Map(rows.map((r) => [r.id, r]));
    expect(byId.get(orphan)).toMatchObject({ status: "FAILED", lastError: expect.stringContaining("/admin/jobs") });
    expect(byId.get(young)?.status).toBe("QUEUED"); // less than an hour old: not yet
    expect(byId.get(alive)?.status).toBe("QUEUED");
    // Staff send it again from the outbox: a new job, and it goes.
    await requeueEmail(await makeStaff("COMPLIANCE"), orphan);
    await drain(1);
    expect(await statuses([orphan, alive])).toEqual(expect.arrayContaining(["SENT"]));
    expect((await db().emailMessage.findUniqueOrThrow({ where: { id: orphan } })).status).toBe("SENT");
    await db().emailMessage.update({ where: { id: young }, data: { status: "CANCELLED" } });
  });

  it("go out in batches of at most 100 per call, each batch once, and stamp the notices they prove", async () => {
    const { settleAnnouncements, day, draftInput } = await import("@/tests/support/policies");
    const { createDraft, schedulePolicy } = await import("@/lib/policies/mutations");
    const { queueCampaignChunk } = await import("@/lib/campaigns/mutations/queue");
    const { deliverCampaignBatch } = await import("./delivery");
    const { makeStaff } = await import("@/tests/support/factories");
    const { makeCustomer } = await import("@/tests/support/customers");
    for (let i = 0; i < 130; i++) await makeCustomer();
    await settleAnnouncements();
    const officer = await makeStaff("COMPLIANCE");
    const { id } = await createDraft(officer, draftInput("campaign"));
    await schedulePolicy(officer, { id, effectiveOn: await day(31) });
    while ((await queueCampaignChunk()) > 0) {}
    const campaign = await db().emailCampaign.findFirstOrThrow({ where: { policyVersionId: id } });
    const total = campaign.queuedCount;
    expect(total).toBeGreaterThanOrEqual(130);

    useProvider(true);
    // The single-message sender leaves campaign messages to the batch sender.
    const { deliverDueEmails } = await import("./delivery");
    while ((await deliverDueEmails(50)) > 0) {}
    expect(await db().emailMessage.count({ where: { campaignId: campaign.id, status: "QUEUED", attempts: 0 } })).toBe(total);
    // (Other files' emails still waiting in the outbox may go out here: only this campaign's count.)
    const singleKeys = new Set((await db().emailMessage.findMany({ where: { campaignId: campaign.id }, select: { id: true } })).map((m) => `email-${m.id}`));
    expect(resend.calls.filter((c) => c.path === "/emails" && c.idempotencyKey && singleKeys.has(c.idempotencyKey))).toHaveLength(0);
    resend.failNext(1, 500); // the first batch fails once and is retried with the same key
    const workers = async () => {
      while ((await deliverCampaignBatch()) > 0) {}
    };
    await Promise.all([workers(), workers()]);
    await db().emailMessage.updateMany({ where: { campaignId: campaign.id, status: "QUEUED" }, data: { nextAttemptAt: new Date() } });
    await Promise.all([workers(), workers()]);

    expect(await db().emailMessage.count({ where: { campaignId: campaign.id, status: "SENT" } })).toBe(total);
    const batchCalls = resend.calls.filter((c) => c.path === "/emails/batch");
    expect(batchCalls.every((c) => c.count <= 100)).toBe(true);
    // Other test files may queue campaign messages in the same database meanwhile, and these workers
    // send them too: count this campaign's batches by their idempotency keys.
    const mine = await db().emailMessage.findMany({ where: { campaignId: campaign.id }, select: { batchId: true, to: true } });
    const keys = new Set(mine.map((m) => `batch-${m.batchId}`));
    const recipients = new Set(mine.map((m) => m.to));
    const ours = batchCalls.filter((c) => c.idempotencyKey && keys.has(c.idempotencyKey));
    // Each batch accepted once; full batches (a cut may end in another campaign's messages: one more at most).
    expect(ours.filter((c) => c.status === 200)).toHaveLength(keys.size);
    expect(keys.size).toBeLessThanOrEqual(Math.ceil(total / 100) + 1);
    // Sent in this campaign's batches (the same people may get another file's campaign meanwhile).
    // (The fake server keys each email of a batch "<batch key>:<index>".)
    const delivered = resend.emails.filter(
      (e) => e.idempotencyKey && keys.has(e.idempotencyKey.replace(/:\d+$/, "")) && recipients.has(Array.isArray(e.to) ? e.to[0] : e.to),
    );
    expect(delivered).toHaveLength(total);
    // Each message once (two records of one address, left by another file, are two messages).
    expect(new Set(delivered.map((e) => e.idempotencyKey)).size).toBe(total);
    expect(await db().policyNotice.count({ where: { policyVersionId: id, sentAt: null } })).toBe(0);
    const sample = delivered[0];
    expect(sample.subject).toMatch(/Chính sách bảo mật thay đổi|Our privacy policy changes/);
    expect(sample.html).not.toContain("{{name}}");
  }, 60_000);
});
