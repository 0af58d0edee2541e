import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";
import { freePort } from "@/scripts/support/throwaway-database";
import { startEmbeddedDb } from "./embedded-db";

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
});
