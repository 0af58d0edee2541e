import { beforeEach, describe, expect, it } from "vitest";
import { retryJobAction } from "@/app/admin/jobs/actions";
import { db, pool } from "@/lib/db";
import { makeJobsDue } from "@/tests/support/jobs";
import { actAsStaff } from "@/tests/support/session";
import { dropJobs, enqueueJob, fetchJobs, wake } from "./mutations";
import { deadJobs, queueSummaries } from "./queries";
import { QUEUES, queueOptions } from "./queues";
import { runJob } from "./runner";

// A queue no other test file wakes; the handlers below stand in for its domain work, the job
// system under them is the real one.
const Q = "recipient-notices" as const;

async function states() {
  const { rows } = await pool().query<{ state: string; n: number }>(
    `SELECT state::text, count(*)::int AS n FROM pgboss.job WHERE name = $1 GROUP BY state ORDER BY state`,
    [Q],
  );
  return Object.fromEntries(rows.map((r) => [r.state, r.n]));
}

describe("the job system", () => {
  beforeEach(async () => {
    await pool().query(`DELETE FROM pgboss.job WHERE name = $1`, [Q]);
  });

  it("has every queue of the registry in the migrated database, with its policy", async () => {
    const { rows } = await pool().query<{ name: string; policy: string }>(`SELECT name, policy FROM pgboss.queue`);
    const policies = new Map(rows.map((r) => [r.name, r.policy]));
    for (const q of QUEUES) expect([q.name, policies.get(q.name)]).toEqual([q.name, queueOptions(q.kind).policy]);
  });

  it("creates a job only when the transaction that asked for it commits", async () => {
    await expect(
      db().$transaction(async (tx) => {
        await enqueueJob(tx, Q, { n: 1 }, { singletonKey: "rolled-back" });
        throw new Error("the change failed");
      }),
    ).rejects.toThrow("the change failed");
    expect(await states()).toEqual({});
    await db().$transaction((tx) => enqueueJob(tx, Q, { n: 2 }, { singletonKey: "kept" }));
    expect(await states()).toEqual({ created: 1 });
  });

  it("keeps one waiting job per drain however often it is woken, and runs one at a time", async () => {
    await wake(Q);
    await wake(Q);
    expect(await states()).toEqual({ created: 1 });
    let release: () => void = () => {};
    let runs = 0;
    const blocking = runJob(Q, async () => {
      runs++;
      await new Promise<void>((r) => {
        release = r;
      });
      return 0;
    });
    await new Promise((r) => setTimeout(r, 100));
    await wake(Q); // new work while the first runs: one waits, it does not start beside it
    expect(await states()).toEqual({ active: 1, created: 1 });
    expect(await runJob(Q, async () => ++runs)).toBe(false);
    expect(runs).toBe(1);
    release();
    expect(await blocking).toBe(true);
    // The waiting one runs now; a handler that found work leaves a completed job behind.
    let calls = 0;
    expect(await runJob(Q, async () => (++calls === 1 ? 3 : 0))).toBe(true);
    expect(await states()).toEqual({ completed: 1 });
  });

  it("retries a failing job with backoff until it is dead; ADMIN alone brings it back, and it is audited", async () => {
    await wake(Q);
    const failing = async () => {
      throw new Error("receiver said 500");
    };
    expect(await runJob(Q, failing)).toBe(true);
    const { rows } = await pool().query<{ state: string; wait: number }>(
      `SELECT state::text, extract(epoch FROM start_after - now())::float AS wait FROM pgboss.job WHERE name = $1`,
      [Q],
    );
    expect(rows).toHaveLength(1);
    expect(rows[0].state).toBe("retry");
    expect(rows[0].wait).toBeGreaterThan(1); // backoff, not at once
    // Waking it (an action, every instance's poll) does not cut the backoff short.
    await wake(Q);
    expect(await states()).toEqual({ retry: 1 });
    const limit = queueOptions("drain").retryLimit;
    for (let i = 0; i < limit; i++) {
      await makeJobsDue(Q);
      expect(await runJob(Q, failing)).toBe(true);
    }
    expect(await states()).toEqual({ failed: 1 });
    const dead = await deadJobs(1, Q);
    expect(dead.rows).toHaveLength(1);
    expect(dead.rows[0]).toMatchObject({ queue: Q, error: "receiver said 500", attempts: limit + 1 });
    expect((await queueSummaries()).find((s) => s.name === Q)).toMatchObject({ dead: 1, waiting: 0 });

    const input = { queue: Q, id: dead.rows[0].id };
    for (const role of ["STAFF", "COMPLIANCE"] as const) {
      await actAsStaff(role);
      expect(await retryJobAction(input)).toMatchObject({ ok: false, error: { code: "FORBIDDEN" } });
    }
    expect(await states()).toEqual({ failed: 1 });
    const admin = await actAsStaff("ADMIN");
    expect(await retryJobAction({ queue: "no-such-queue", id: "x" } as never)).toMatchObject({ ok: false, error: { code: "BAD_INPUT" } });
    // Another job of the queue already waits to retry: one retry at a time, said plainly.
    await pool().query(`INSERT INTO pgboss.job (name, data, state, policy, start_after) VALUES ($1, '{}', 'retry', 'stately', now() + interval '1 hour')`, [Q]);
    expect(await retryJobAction(input)).toMatchObject({
      ok: false,
      error: { code: "CONFLICT", message: expect.stringMatching(/đã có một lần thử lại đang chờ/) },
    });
    await pool().query(`DELETE FROM pgboss.job WHERE name = $1 AND state = 'retry'`, [Q]);
    expect(await retryJobAction(input)).toMatchObject({ ok: true });
    expect(await states()).toEqual({ retry: 1 });
    const audit = await db().auditEvent.findFirst({ where: { action: "job.retried", entityId: input.id } });
    expect(audit).toMatchObject({ actorId: admin.id, details: { queue: Q } });
    // Retried once: it is no longer dead, so a second press is refused with a reason.
    expect(await retryJobAction(input)).toMatchObject({
      ok: false,
      error: { code: "CONFLICT", message: expect.stringMatching(/không còn ở trạng thái hỏng/) },
    });
    expect(await runJob(Q, async () => 0)).toBe(true);
  });

  it("leaves no trace of a wake that found nothing to do", async () => {
    await wake(Q);
    expect(await runJob(Q, async () => 0)).toBe(true);
    expect(await states()).toEqual({});
    expect(await runJob(Q, async () => 0)).toBe(false);
  });

  it("leaves no trace of a schedule slot that found nothing to do either", async () => {
    const S = "housekeeping" as const;
    await pool().query(`DELETE FROM pgboss.job WHERE name = $1`, [S]);
    await db().$transaction((tx) => enqueueJob(tx, S, {}));
    expect(await runJob(S, async () => 0)).toBe(true);
    const { rows } = await pool().query(`SELECT state FROM pgboss.job WHERE name = $1`, [S]);
    expect(rows).toEqual([]);
  });

  it("drops only a job this instance still holds", async () => {
    await wake(Q);
    const [job] = await fetchJobs(Q, 1);
    expect(job).toBeDefined();
    // Its lease ran out meanwhile and the job system put it back for another instance.
    await pool().query(`UPDATE pgboss.job SET state = 'retry', start_after = now() WHERE id = $1`, [job.id]);
    await dropJobs(Q, [job]);
    expect(await states()).toEqual({ retry: 1 });
    // Another instance fetched it again: it is active once more, but not ours to drop.
    const [again] = await fetchJobs(Q, 1);
    expect(again?.id).toBe(job.id);
    await dropJobs(Q, [job]);
    expect(await states()).toEqual({ active: 1 });
    // The instance that holds it now may.
    await dropJobs(Q, [again]);
    expect(await states()).toEqual({});
  });
});
