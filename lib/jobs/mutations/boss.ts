import "server-only";
import PgBoss from "pg-boss";
import { pool, type Tx } from "@/lib/db";
import { env } from "@/lib/env";

// pg-boss runs on the app's own connection pool (one pool per process) and never migrates itself:
// its schema is a Prisma migration (20261203080000_job_system), like every other table.
const state = globalThis as unknown as { pgBoss?: PgBoss };

type Executor = { executeSql: (text: string, values?: unknown[]) => Promise<{ rows: unknown[] }> };

let lastLogged = 0;

/**
 * pg-boss's statements on the shared pool. Its maintenance sends "BEGIN; …; COMMIT;" as one text:
 * when that fails midway the connection is rolled back before it returns to the pool, so no app
 * query ever lands in an aborted transaction. pg-boss swallows errors of its fetch; they are
 * logged here (at most every 30 s) so an outage shows.
 */
const poolExecutor: Executor = {
  executeSql: async (text, values) => {
    const client = await pool().connect();
    try {
      const result = await client.query(text, values as unknown[] | undefined);
      const last = Array.isArray(result) ? result[result.length - 1] : result;
      return { rows: last?.rows ?? [] };
    } catch (error) {
      if (/^\s*BEGIN;/.test(text)) await client.query("ROLLBACK").catch(() => {});
      if ((error as { code?: string }).code !== "23505" && Date.now() - lastLogged > 30_000) {
        lastLogged = Date.now();
        console.error("[jobs] the job system could not reach its tables:", (error as Error).message);
      }
      throw error;
    } finally {
      client.release();
    }
  },
};

/**
 * Runs pg-boss's statements on a Prisma transaction, so a job exists exactly when the change that
 * caused it does. pg-boss hands its JSON data as an object; Prisma's raw parameters want text.
 */
export function txExecutor(tx: Tx): Executor {
  return {
    executeSql: async (text, values = []) => {
      const params = values.map((v) =>
        v === undefined ? null : v !== null && typeof v === "object" && !(v instanceof Date) && !Array.isArray(v) ? JSON.stringify(v) : v,
      );
      const rows = await tx.$queryRawUnsafe<unknown[]>(text, ...params);
      return { rows };
    },
  };
}

export function boss(): PgBoss {
  if (!state.pgBoss) {
    const created = new PgBoss({
      db: poolExecutor,
      schema: "pgboss",
      migrate: false,
      // Expired leases are found by the maintenance pass; failed jobs stay visible at /admin/jobs
      // for a week, finished ones are archived after ten minutes and deleted after a day.
      maintenanceIntervalSeconds: env().JOB_MAINTENANCE_SECONDS,
      archiveCompletedAfterSeconds: 600,
      archiveFailedAfterSeconds: 7 * 24 * 3600,
      deleteAfterDays: 1,
    });
    created.on("error", (error: Error) => console.error("[jobs]", error.message));
    state.pgBoss = created;
  }
  return state.pgBoss;
}

export function clearBoss() {
  state.pgBoss = undefined;
}
