import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";
import PgBoss from "pg-boss";
import { afterAll, describe, expect, it } from "vitest";
import { freePort } from "@/scripts/support/throwaway-database";
import { startEmbeddedDb } from "./embedded-db";
import { applyMigrations } from "./migrations/engine";

const dir = mkdtempSync(path.join(tmpdir(), "cr-pglite-"));

async function query(url: string, sql: string) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query(sql)).rows;
  } finally {
    await client.end();
  }
}

describe("embedded database", () => {
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("serves PostgreSQL over TCP and keeps data on disk across restarts", async () => {
    const port = await freePort();
    const first = await startEmbeddedDb({ dataDir: dir, port });
    await query(first.url, "CREATE TABLE kept (v text); INSERT INTO kept VALUES ('survives')");
    await query(first.url, "CREATE EXTENSION IF NOT EXISTS pg_trgm");
    expect(await query(first.url, "SELECT similarity('Nguyễn', 'Nguyen') > 0 AS trgm")).toEqual([{ trgm: true }]);
    await first.stop();

    const second = await startEmbeddedDb({ dataDir: dir, port });
    try {
      expect(await query(second.url, "SELECT v FROM kept")).toEqual([{ v: "survives" }]);
    } finally {
      await second.stop();
    }
  });

  it("answers many connections' parameterised queries at once, even when a large one arrives in several packets", async () => {
    const db = await startEmbeddedDb({ port: await freePort() });
    const pool = new pg.Pool({ connectionString: db.url, max: 8 });
    try {
      // Statements with different numbers of parameters, outside any transaction. A large parameter
      // reaches the server in several TCP packets, between which other connections' messages arrive:
      // they must not land between this connection's Parse and Bind.
      const big = (i: number) => "x".repeat(200_000 + i);
      const results = await Promise.all(
        Array.from({ length: 40 }, (_, i) =>
          i % 2 === 0
            ? pool.query("SELECT $1::int + $2::int AS v", [i, 1000]).then((r) => r.rows[0].v)
            : pool.query("SELECT length($1::text) + $2::int + $3::int AS v", [big(i), 0, 0]).then((r) => r.rows[0].v),
        ),
      );
      expect(results).toEqual(Array.from({ length: 40 }, (_, i) => (i % 2 === 0 ? i + 1000 : 200_000 + i)));
      // A statement the server refuses leaves the connections usable.
      await expect(pool.query("SELECT $1::int AS v", ["not a number"])).rejects.toThrow(/invalid input/);
      expect((await pool.query("SELECT $1::int AS v", [7])).rows).toEqual([{ v: 7 }]);
    } finally {
      await pool.end();
      await db.stop();
    }
  });

  it("runs the job system: the migrated queues take, lease and finish jobs, and maintenance runs", async () => {
    const db = await startEmbeddedDb({ port: await freePort() });
    const pool = new pg.Pool({ connectionString: db.url, max: 4 });
    // As lib/jobs/mutations/boss.ts runs it: on the app's pool, schema from our migration only.
    const boss = new PgBoss({
      db: { executeSql: async (text: string, values?: unknown[]) => ({ rows: (await pool.query(text, values)).rows }) },
      schema: "pgboss",
      migrate: false,
      supervise: false,
      schedule: false,
    });
    try {
      await applyMigrations(db.url);
      await boss.start();
      expect(await boss.getQueue("email")).toMatchObject({ name: "email", policy: "standard" });
      const id = await boss.send("email", { messageId: "m1" }, { singletonKey: "m1" });
      // A drain (stately) keeps one waiting job however often it is woken.
      expect(await boss.send("customer-import", {})).not.toBeNull();
      expect(await boss.send("customer-import", {})).toBeNull();
      const [job] = await boss.fetch<{ messageId: string }>("email");
      expect(job).toMatchObject({ id, data: { messageId: "m1" } });
      expect(await boss.fetch("email")).toEqual([]);
      await boss.complete("email", job.id);
      await boss.maintain();
      const { rows } = await pool.query(`SELECT state::text FROM pgboss.job WHERE id = $1`, [id]);
      expect(rows).toEqual([{ state: "completed" }]);
    } finally {
      await boss.stop({ graceful: false, close: false }).catch(() => {});
      await pool.end();
      await db.stop();
    }
  }, 120_000);
});
