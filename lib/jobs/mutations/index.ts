import "server-only";
import { z } from "zod";
import type { Actor } from "@/lib/auth/actor";
import { authorize } from "@/lib/auth/actor";
import { recordAudit } from "@/lib/audit/mutations";
import { db, pool, type Tx } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { boss, txExecutor } from "./boss";
import { type DrainQueue, QUEUES, type QueueName } from "../queues";

export type Job<T = unknown> = { id: string; name: string; data: T };

/**
 * Queues a job in the caller's transaction: it exists exactly when the change that caused it does.
 * A `singletonKey` names the row the job is about (the email outbox uses the message id).
 */
export async function enqueueJob(tx: Tx, queue: QueueName, data: object | null, options: { singletonKey?: string; startAfter?: Date } = {}) {
  return boss().send(queue, data ?? {}, { ...options, db: txExecutor(tx) } as never);
}

/** A hint that in-process work should run soon (listeners wake this instance's loop). */
const listeners = new Set<() => void>();
export function onWake(listener: () => void) {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** Tells this instance's loops to look now (jobs were queued in a transaction that has committed). */
export function nudgeJobs() {
  for (const listener of listeners) listener();
}

/**
 * Asks a drain queue to look for work now. Stately queues keep at most one waiting job, so waking
 * an already-woken queue costs one INSERT … ON CONFLICT DO NOTHING. Work written without a wake is
 * still found: every instance wakes the drains on its poll (lib/jobs/runner.ts).
 */
export async function wake(...queues: DrainQueue[]) {
  await wakeQuietly(queues);
  for (const listener of listeners) listener();
}

/** The poll's wake: the same, without nudging this instance's loops (the poll runs them itself). */
export async function wakeQuietly(queues: DrainQueue[]) {
  try {
    // A queue whose job failed waits out its backoff: a fresh wake would run it again at once
    // (and pg-boss keeps one retry per stately queue, so the failure would be dropped).
    const { rows } = await pool().query<{ name: string }>(`SELECT DISTINCT name FROM pgboss.job WHERE name = ANY($1) AND state = 'retry'`, [queues]);
    const backingOff = new Set(rows.map((r) => r.name));
    const due = queues.filter((q) => !backingOff.has(q));
    if (due.length === 1) await boss().send(due[0], {});
    else if (due.length > 1) await boss().insert(due.map((name) => ({ name })));
  } catch (error) {
    // The change that needs the job is already committed; the next poll finds it.
    console.error("[jobs] wake failed:", (error as Error).message);
  }
}

export async function fetchJobs<T>(queue: QueueName, batchSize: number): Promise<Job<T>[]> {
  return (await boss().fetch<T>(queue, { batchSize, includeMetadata: true })) as Job<T>[];
}

export async function completeJobs(queue: QueueName, ids: string[]) {
  if (ids.length) await boss().complete(queue, ids);
}

/**
 * A wake or a schedule slot that found nothing to do leaves no trace (no archive row per poll).
 * Only a job this instance still holds is dropped: active, and fetched as many times as when we
 * fetched it (pg-boss raises retry_count each time a job that had started is fetched again). One
 * whose lease ran out and that another instance took over, or that was failed meanwhile, stays as
 * the job system left it.
 */
export async function dropJobs(queue: QueueName, jobs: { id: string; retryCount?: number }[]) {
  if (jobs.length === 0) return;
  await pool().query(
    `DELETE FROM pgboss.job j USING unnest($2::uuid[], $3::int[]) AS held(id, retry_count)
     WHERE j.name = $1 AND j.id = held.id AND j.state = 'active' AND j.retry_count = held.retry_count`,
    [queue, jobs.map((j) => j.id), jobs.map((j) => j.retryCount ?? 0)],
  );
}

/** Fails a job: pg-boss retries it with backoff, and after its retry limit it is dead (/admin/jobs). */
export async function failJob(queue: QueueName, id: string, error: unknown) {
  const message = error instanceof Error ? error.message : String(error);
  await boss().fail(queue, id, { message: message.slice(0, 2000) });
}

const queueNames = QUEUES.map((q) => q.name) as [QueueName, ...QueueName[]];
export const retryJobSchema = z.object({ queue: z.enum(queueNames), id: z.uuid() });

/** ADMIN only: puts a dead (failed) job back in its queue, recorded in the audit trail. */
export async function retryDeadJob(actor: Actor, raw: unknown) {
  authorize(actor, "ADMIN");
  const { queue, id } = retryJobSchema.parse(raw);
  try {
    await db().$transaction(async (tx) => {
      const result = (await boss().retry(queue, id, { db: txExecutor(tx) } as never)) as unknown as { affected: number };
      if (!result.affected) throw new AppError("CONFLICT", "jobs.notRetryable");
      await recordAudit(tx, actor, { action: "job.retried", entityType: "Job", entityId: id, details: { queue } });
    });
  } catch (error) {
    // A stately queue keeps one retry at a time: another of its jobs is already waiting to retry.
    if (JSON.stringify(error).includes("23505") || String(error).includes("duplicate key")) throw new AppError("CONFLICT", "jobs.retryWaiting");
    throw error;
  }
}
