import { spawn } from "node:child_process";
import { createHash } from "node:crypto";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "@/scripts/support/throwaway-database";

// The CLI scripts, run as a user would run them (npm run …), against their own database.
let database: TestDatabase;

type Run = { status: number | null; stdout: string; stderr: string };

/**
 * Runs a command without blocking this process: on a machine without PostgreSQL the throwaway
 * database is an embedded server in this very process, which must keep answering meanwhile.
 */
function runAsync(command: string, args: string[], options: { input?: string; env?: NodeJS.ProcessEnv; timeout: number }): Promise<Run> {
  return new Promise((resolve) => {
    const child = spawn(command, args, { env: options.env ?? process.env, timeout: options.timeout });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (d) => (stdout += d));
    child.stderr.on("data", (d) => (stderr += d));
    child.on("close", (status) => resolve({ status, stdout, stderr }));
    child.stdin.end(options.input ?? "");
  });
}

function npmRun(script: string, args: string[], input?: string) {
  return runAsync("npm", ["run", "--silent", script, "--", ...args], { input, env: { ...process.env, DATABASE_URL: database.url }, timeout: 60_000 });
}

describe("command-line scripts", () => {
  beforeAll(async () => {
    database = await createTestDatabase("cr_cli");
  });
  afterAll(async () => {
    await database?.drop();
  });

  it("user:create makes an administrator with the password from stdin, and refuses bad input clearly", async () => {
    const ok = await npmRun("user:create", ["--email", "First.Admin@Example.com", "--role", "ADMIN", "--name", "Ana"], "a strong password\n");
    expect(ok.stderr).toBe("");
    expect(ok.stdout).toContain("Created ADMIN account first.admin@example.com");

    const client = new pg.Client({ connectionString: database.url });
    await client.connect();
    const { rows } = await client.query(`SELECT role, "passwordHash" FROM "User" WHERE email = 'first.admin@example.com'`);
    await client.end();
    expect(rows).toHaveLength(1);
    expect(rows[0].role).toBe("ADMIN");
    expect(rows[0].passwordHash).toMatch(/^scrypt\$/);

    const bad = await npmRun("user:create", ["--email", "nope", "--role", "KING"], "short\n");
    expect(bad.status).not.toBe(0);
    expect(bad.stderr).toContain("email: This email address is not valid.");
    expect(bad.stderr).toContain("role: Please choose a role.");
    expect(bad.stderr).not.toMatch(/at .*\.ts:\d+/); // no stack trace

    const dup = await npmRun("user:create", ["--email", "first.admin@example.com"], "another password\n");
    expect(dup.stderr).toContain("This email already has an account.");
  });

  it("apikey:create prints the key alone on its last line; only its hash is stored", async () => {
    const ok = await npmRun("apikey:create", ["--name", "Sales CRM", "--scopes", "customers:read,consents:write"]);
    expect(ok.stderr).toBe("");
    const key = ok.stdout.trim().split("\n").at(-1)!;
    expect(key).toMatch(/^crk_[a-z0-9]{10}_[A-Za-z0-9_-]{43}$/);
    const client = new pg.Client({ connectionString: database.url });
    await client.connect();
    const { rows } = await client.query(`SELECT name, scopes, hash FROM "ApiKey" WHERE prefix = $1`, [key.split("_")[1]]);
    await client.end();
    expect(rows).toEqual([{ name: "Sales CRM", scopes: ["customers:read", "consents:write"], hash: createHash("sha256").update(key).digest("hex") }]);
    const bad = await npmRun("apikey:create", ["--name", "X", "--scopes", "everything"]);
    expect(bad.status).not.toBe(0);
    expect(bad.stderr).toContain("scopes.0: No such scope.");
    expect(bad.stderr).toContain("name: Please name the key.");
  });

  it("webhook:create prints the signing secret alone on its last line, stored sealed", async () => {
    const ok = await npmRun("webhook:create", ["--url", "https://crm.example.com/hooks", "--events", "consent.changed,customer.erased"]);
    expect(ok.stderr).toBe("");
    const secret = ok.stdout.trim().split("\n").at(-1)!;
    expect(secret).toMatch(/^whsec_[A-Za-z0-9+/]{43}=$/);
    const client = new pg.Client({ connectionString: database.url });
    await client.connect();
    const { rows } = await client.query(`SELECT url, events, secret FROM "WebhookEndpoint"`);
    await client.end();
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ url: "https://crm.example.com/hooks", events: ["consent.changed", "customer.erased"] });
    expect(rows[0].secret).not.toContain(secret.slice(6));
    const bad = await npmRun("webhook:create", ["--url", "ftp://x", "--events", "nothing.happened"]);
    expect(bad.status).not.toBe(0);
    expect(bad.stderr).toContain("events.0: No such event.");
  });

  it("secrets:reseal moves stored secrets to a new NEXTAUTH_SECRET, and names what no listed secret opens", async () => {
    const old = process.env.NEXTAUTH_SECRET as string;
    const rotated = { NEXTAUTH_SECRET: `rotated-${old}`, NEXTAUTH_SECRET_PREVIOUS: old };
    const run = (env: Record<string, string>) =>
      runAsync("npm", ["run", "--silent", "secrets:reseal"], { env: { ...process.env, DATABASE_URL: database.url, ...env }, timeout: 60_000 });
    const first = await run(rotated);
    expect(first.stderr).toBe("");
    expect(first.stdout).toContain("webhook signing secrets: 1 sealed again, 0 already under the current secret, 0 unreadable");
    // With the old secret dropped, nothing is left that needs it; under a secret never used, it says so.
    const again = await run({ NEXTAUTH_SECRET: rotated.NEXTAUTH_SECRET });
    expect(again.stdout).toContain("webhook signing secrets: 0 sealed again, 1 already under the current secret, 0 unreadable");
    const lost = await run({ NEXTAUTH_SECRET: `another-${old}` });
    expect(lost.status).toBe(1);
    expect(lost.stdout).toContain("webhook signing secrets: 0 sealed again, 0 already under the current secret, 1 unreadable");
  });

  it("db:restore-drill dumps, restores into a throwaway database and verifies the audit chain there", async () => {
    const result = await npmRun("db:restore-drill", []);
    expect(result.stderr).toBe("");
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(/Audit chain intact: [1-9]\d* events checked/);
    expect(result.stdout).toContain("Restore drill passed.");
    // A broken chain in the backup fails the drill.
    const client = new pg.Client({ connectionString: database.url });
    await client.connect();
    const { rows } = await client.query(`SELECT id, "actorLabel" FROM "AuditEvent" ORDER BY id LIMIT 1`);
    const tamper = async (label: string | null) => {
      await client.query(`ALTER TABLE "AuditEvent" DISABLE TRIGGER "AuditEvent_append_only"`);
      await client.query(`UPDATE "AuditEvent" SET "actorLabel" = $2 WHERE id = $1`, [rows[0].id, label]);
      await client.query(`ALTER TABLE "AuditEvent" ENABLE TRIGGER "AuditEvent_append_only"`);
    };
    await tamper("tampered");
    try {
      const broken = await npmRun("db:restore-drill", []);
      expect(broken.status).toBe(1);
      expect(broken.stderr).toContain("The restored audit chain does not verify.");
    } finally {
      await tamper(rows[0].actorLabel);
      await client.end();
    }
  });

  it("audit:verify reports an intact chain, then the event where it breaks", async () => {
    const ok = await npmRun("audit:verify", []);
    expect(ok.status).toBe(0);
    expect(ok.stdout).toMatch(/Audit chain intact: \d+ events checked/);

    const client = new pg.Client({ connectionString: database.url });
    await client.connect();
    const { rows } = await client.query(`SELECT max(id) AS id FROM "AuditEvent"`);
    await client.query(`ALTER TABLE "AuditEvent" DISABLE TRIGGER "AuditEvent_append_only"`);
    await client.query(`UPDATE "AuditEvent" SET "actorLabel" = 'someone else' WHERE id = $1`, [rows[0].id]);
    await client.end();

    const broken = await npmRun("audit:verify", []);
    expect(broken.status).toBe(1);
    expect(broken.stderr).toContain(`Audit chain BROKEN at event #${rows[0].id}: its content does not match its hash`);
  });

  it("db:migration:create finds nothing to create when the schema matches the migrations", async () => {
    const result = await runAsync("npm", ["run", "--silent", "db:migration:create", "--", "nothing_new"], { timeout: 120_000 });
    expect(result.stderr).toBe("");
    expect(result.stdout).toContain("The schema matches the migrations: nothing to create.");
  });

  it("db:migrate is a no-op on an up-to-date database", async () => {
    const result = await npmRun("db:migrate", []);
    expect(result.status).toBe(0);
    expect(result.stdout).toContain("Database is up to date.");
  });
});
