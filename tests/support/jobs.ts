// Test helpers for the job system (lib/jobs): move time along for jobs instead of waiting.
import { pool } from "@/lib/db";
import { boss } from "@/lib/jobs/mutations/boss";

/** Makes the waiting jobs of a queue due now (optionally only those for the given singleton keys). */
export async function makeJobsDue(queue: string, keys?: string[]) {
  await pool().query(
    `UPDATE pgboss.job SET start_after = now() - interval '1 second'
      WHERE name = $1 AND state IN ('created', 'retry') AND ($2::text[] IS NULL OR singleton_key = ANY($2))`,
    [queue, keys ?? null],
  );
}

/** Lets every running job's lease run out now, then runs the maintenance pass that notices. */
export async function expireLeases(queue: string) {
  await pool().query(`UPDATE pgboss.job SET started_on = now() - expire_in - interval '1 second' WHERE name = $1 AND state = 'active'`, [queue]);
  await boss().expire();
}

export async function jobStates(queue: string, key: string) {
  const { rows } = await pool().query<{ state: string }>(`SELECT state::text FROM pgboss.job WHERE name = $1 AND singleton_key = $2 ORDER BY created_on`, [
    queue,
    key,
  ]);
  return rows.map((r) => r.state);
}
