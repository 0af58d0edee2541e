import { readdirSync } from "node:fs";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "@/scripts/support/throwaway-database";
import { applyMigrations, MIGRATIONS_DIR } from "./engine";

const migrationDirs = readdirSync(MIGRATIONS_DIR, { withFileTypes: true })
  .filter((d) => d.isDirectory())
  .map((d) => d.name)
  .sort();

describe("migrations (WebAssembly schema engine)", () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase("cr_migrate", { migrate: false });
  });
  afterAll(async () => {
    await database?.drop();
  });

  it("apply every migration to an empty database, then nothing the second time", async () => {
    expect(await applyMigrations(database.url)).toEqual(migrationDirs);
    expect(await applyMigrations(database.url)).toEqual([]);

    const client = new pg.Client({ connectionString: database.url });
    await client.connect();
    try {
      const recorded = await client.query(
        `SELECT migration_name FROM _prisma_migrations WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL ORDER BY migration_name`,
      );
      expect(recorded.rows.map((r) => r.migration_name)).toEqual(migrationDirs);
      const tables = await client.query(`SELECT tablename FROM pg_tables WHERE schemaname = 'public'`);
      expect(tables.rows.map((r) => r.tablename)).toEqual(expect.arrayContaining(["User", "Customer", "ConsentEvent", "AuditEvent", "EmailMessage"]));
      // The hand-written part is there too: the append-only trigger refuses an update.
      await client.query(`INSERT INTO "AuditEvent" ("actorType", action, "entityType") VALUES ('SYSTEM', 'test', 'Test')`);
      await expect(client.query(`UPDATE "AuditEvent" SET action = 'changed'`)).rejects.toThrow(/append-only/);
    } finally {
      await client.end();
    }
  });
});
