// The database's rules are kept as source files by the domain that owns them (lib/<domain>/sql), and
// the migrations must produce exactly those definitions — no rule lives only in a migration, and no
// source file says something the database does not do.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { changedSqlSources, listSqlSources, objectsIn, sourcesMigrationSql, unownedObjects } from "@/scripts/migrations/sql-sources";
import { createTestDatabase, type TestDatabase } from "@/scripts/support/throwaway-database";

let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase("cr_sql_sources");
}, 120_000);
afterAll(async () => {
  await database?.drop();
});

describe("SQL rules as source files", () => {
  it("define every function and trigger of the database, each once", async () => {
    const sources = await listSqlSources();
    expect(sources.length).toBeGreaterThan(10);
    expect(await unownedObjects(database.url, sources)).toEqual({ functions: [], triggers: [] });
    const names = sources.flatMap((s) => s.functions);
    expect(new Set(names).size).toBe(names.length);
  });

  it("say exactly what the migrations made: nothing left for a new migration", async () => {
    const changed = await changedSqlSources(database.url);
    expect(changed.map((s) => s.file)).toEqual([]);
  }, 60_000);

  it("notice an edit that no migration carries yet, and put it in the next migration", async () => {
    const [source] = (await listSqlSources()).filter((s) => s.file.endsWith("consent-wording.sql"));
    const edited = { ...source, sql: source.sql.replace("$function$\n", "$function$\n-- a changed rule\n") };
    expect(edited.sql).not.toBe(source.sql);
    expect((await changedSqlSources(database.url, [source, edited])).map((s) => s.sql)).toEqual([edited.sql]);
    expect(sourcesMigrationSql([edited])).toContain(`-- From ${source.file}\n`);
    // A trigger taken out of its source is not dropped by re-running the source: the database still
    // has it and no source owns it — a migration must drop it by hand, and until then this fails.
    const sources = await listSqlSources();
    const edited2 = sources.map((s) => {
      if (!s.file.endsWith("webhooks/sql/events.sql")) return s;
      const sql = s.sql.replace(/DROP TRIGGER IF EXISTS "webhook_disclosure_approved"[^;]*;\s*CREATE TRIGGER webhook_disclosure_approved[^;]*;/, "");
      expect(sql).not.toBe(s.sql);
      return { ...s, sql, ...objectsIn(sql) };
    });
    expect(await unownedObjects(database.url, edited2)).toEqual({ functions: [], triggers: ["webhook_disclosure_approved"] });
  }, 60_000);

  it("read the functions and triggers a file defines", () => {
    expect(
      objectsIn(`CREATE OR REPLACE FUNCTION public.a_b(x int) RETURNS int AS $$ SELECT 1 $$ LANGUAGE sql;
      CREATE TRIGGER "T_x" AFTER INSERT ON public."Table" FOR EACH ROW EXECUTE FUNCTION a_b();`),
    ).toEqual({ functions: ["a_b"], triggers: [{ name: "T_x", table: "Table" }] });
  });
});
