import { spawnSync } from "node:child_process";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "@/scripts/support/throwaway-database";

// The CLI scripts, run as a user would run them (npm run …), against their own database.
let database: TestDatabase;

function npmRun(script: string, args: string[], input?: string) {
  return spawnSync("npm", ["run", "--silent", script, "--", ...args], {
    encoding: "utf8",
    input,
    env: { ...process.env, DATABASE_URL: database.url },
    timeout: 60_000,
  });
}

describe("command-line scripts", () => {
  beforeAll(async () => {
    database = await createTestDatabase("cr_cli");
  });
  afterAll(async () => {
    await database?.drop();
  });

  it("user:create makes an administrator with the password from stdin, and refuses bad input clearly", async () => {
    const ok = npmRun("user:create", ["--email", "First.Admin@Example.com", "--role", "ADMIN", "--name", "Ana"], "a strong password\n");
    expect(ok.stderr).toBe("");
    expect(ok.stdout).toContain("Created ADMIN account first.admin@example.com");

    const client = new pg.Client({ connectionString: database.url });
    await client.connect();
    const { rows } = await client.query(`SELECT role, "passwordHash" FROM "User" WHERE email = 'first.admin@example.com'`);
    await client.end();
    expect(rows).toHaveLength(1);
    expect(rows[0].role).toBe("ADMIN");
    expect(rows[0].passwordHash).toMatch(/^scrypt\$/);

    const bad = npmRun("user:create", ["--email", "nope", "--role", "KING"], "short\n");
    expect(bad.status).not.toBe(0);
    expect(bad.stderr).toContain("email: This email address is not valid.");
    expect(bad.stderr).toContain("role: Please choose a role.");
    expect(bad.stderr).not.toMatch(/at .*\.ts:\d+/); // no stack trace

    const dup = npmRun("user:create", ["--email", "first.admin@example.com"], "another password\n");
    expect(dup.stderr).toContain("This email already has an account.");
  });

  it("audit:verify reports an intact chain, then the event where it breaks", async () => {
    const ok = npmRun("audit:verify", []);
    expect(ok.status).toBe(0);
    expect(ok.stdout).toMatch(/Audit chain intact: \d+ events checked/);

    const client = new pg.Client({ connectionString: database.url });
    await client.connect();
    const { rows } = await client.query(`SELECT max(id) AS id FROM "AuditEvent"`);
    await client.query(`ALTER TABLE "AuditEvent" DISABLE TRIGGER "AuditEvent_append_only"`);
    await client.query(`UPDATE "AuditEvent" SET "actorLabel" = 'someone else' WHERE id = $1`, [rows[0].id]);
    await client.end();

    const broken = npmRun("audit:verify", []);
    expect(broken.status).toBe(1);
    expect(broken.stderr).toContain(`Audit chain BROKEN at event #${rows[0].id}: its content does not match its hash`);
  });

  it("db:migration:create finds nothing to create when the schema matches the migrations", () => {
    const result = spawnSync("npm", ["run", "--silent", "db:migration:create", "--", "nothing_new"], { encoding: "utf8", timeout: 120_000 });
    expect(result.stderr).toBe("");
    expect(result.stdout).toContain("The schema matches the migrations: nothing to create.");
  });

  it("db:migrate is a no-op on an up-to-date database", () => {
    const result = npmRun("db:migrate", []);
    expect(result.status).toBe(0);
    expect(result.stdout).toContain("Database is up to date.");
  });
});
