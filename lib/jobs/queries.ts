import "server-only";
import { pool } from "@/lib/db";
import { QUEUES, type QueueName } from "./queues";

export type QueueSummary = {
  name: QueueName;
  kind: (typeof QUEUES)[number]["kind"];
  waiting: number;
  running: number;
  dead: number;
  doneLastHour: number;
  oldestWaitingSeconds: number | null;
};

/** One row per queue of lib/jobs/queues.ts, in that order (read with the pool: pg-boss's own schema). */
export async function queueSummaries(): Promise<QueueSummary[]> {
  const { rows } = await pool().query<{ name: string; waiting: number; running: number; dead: number; oldest: number | null }>(
    `SELECT name,
            count(*) FILTER (WHERE state IN ('created', 'retry') AND start_after <= now())::int AS waiting,
            count(*) FILTER (WHERE state = 'active')::int AS running,
            count(*) FILTER (WHERE state = 'failed')::int AS dead,
            extract(epoch FROM now() - min(created_on) FILTER (WHERE state IN ('created', 'retry') AND start_after <= now()))::float AS oldest
       FROM pgboss.job GROUP BY name`,
  );
  const { rows: done } = await pool().query<{ name: string; n: number }>(
    `SELECT name, count(*)::int AS n FROM (
       SELECT name FROM pgboss.job WHERE state = 'completed' AND completed_on > now() - interval '1 hour'
       UNION ALL SELECT name FROM pgboss.archive WHERE state = 'completed' AND completed_on > now() - interval '1 hour') d
     GROUP BY name`,
  );
  const byName = new Map(rows.map((r) => [r.name, r]));
  const doneByName = new Map(done.map((r) => [r.name, r.n]));
  return QUEUES.map((q) => {
    const r = byName.get(q.name);
    return {
      name: q.name,
      kind: q.kind,
      waiting: r?.waiting ?? 0,
      running: r?.running ?? 0,
      dead: r?.dead ?? 0,
      doneLastHour: doneByName.get(q.name) ?? 0,
      oldestWaitingSeconds: r?.oldest == null ? null : Math.max(0, Math.round(r.oldest)),
    };
  });
}

export type DeadJob = { id: string; queue: QueueName; data: unknown; error: string | null; attempts: number; createdOn: Date; failedOn: Date | null };

export const DEAD_PAGE_SIZE = 25;

/** Jobs that used up their retries, newest first (failed jobs stay in the job table for a week). */
export async function deadJobs(page = 1, queue?: QueueName): Promise<{ rows: DeadJob[]; total: number }> {
  const params: unknown[] = [queue ?? null];
  const where = `state = 'failed' AND ($1::text IS NULL OR name = $1)`;
  const [{ rows }, { rows: count }] = await Promise.all([
    pool().query<{
      id: string;
      queue: QueueName;
      data: unknown;
      output: { message?: string } | null;
      attempts: number;
      createdOn: Date;
      failedOn: Date | null;
    }>(
      `SELECT id, name AS queue, data, output, retry_count + 1 AS attempts, created_on AS "createdOn", completed_on AS "failedOn"
         FROM pgboss.job WHERE ${where} ORDER BY completed_on DESC NULLS LAST, id LIMIT ${DEAD_PAGE_SIZE} OFFSET $2`,
      [...params, (Math.max(1, page) - 1) * DEAD_PAGE_SIZE],
    ),
    pool().query<{ n: number }>(`SELECT count(*)::int AS n FROM pgboss.job WHERE ${where}`, params),
  ]);
  return {
    rows: rows.map(({ output, ...r }) => ({ ...r, error: errorText(output) })),
    total: count[0].n,
  };
}

/** pg-boss keeps a failure as { message } (a thrown error) or { value: { message } } (a lease that ran out). */
function errorText(output: unknown): string | null {
  if (!output || typeof output !== "object") return null;
  const o = output as { message?: unknown; value?: { message?: unknown } };
  if (typeof o.message === "string") return o.message;
  if (typeof o.value?.message === "string") return o.value.message;
  return JSON.stringify(output);
}
