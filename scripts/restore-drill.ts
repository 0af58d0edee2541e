// npm run db:restore-drill — proves a backup can be restored: pg_dump the database in DATABASE_URL,
// pg_restore it into a throwaway database on the same server, check that the audit chain still
// verifies there and that no table lost rows, then drop the copy.
// Exit code 0 when the drill passes. Needs pg_dump/pg_restore of the server's major version.
import { spawn } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";
import { createTestDatabase } from "./support/throwaway-database";

function run(command: string, args: string[], env: NodeJS.ProcessEnv = process.env) {
  return new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve, reject) => {
    const child = spawn(command, args, { env });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (d) => (stdout += d));
    child.stderr.on("data", (d) => (stderr += d));
    child.on("error", reject);
    child.on("close", (code) => resolve({ code, stdout, stderr }));
  });
}

/** Rows per table (exact counts: a drill is not a hot path). */
async function rowCounts(url: string) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ table: string }>(
      `SELECT table_name AS table FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY 1`,
    );
    const counts: Record<string, number> = {};
    for (const { table } of rows) counts[table] = Number((await client.query(`SELECT count(*) FROM "${table}"`)).rows[0].count);
    return counts;
  } finally {
    await client.end();
  }
}

async function main() {
  const source = process.env.DATABASE_URL;
  if (!source) throw new Error("Set DATABASE_URL to the database to back up (a PostgreSQL server; the embedded one cannot be dumped).");
  const dir = await mkdtemp(path.join(tmpdir(), "cr-restore-"));
  const file = path.join(dir, "backup.dump");
  const copy = await createTestDatabase("cr_restore_drill", { migrate: false });
  if (copy.embedded) throw new Error("No PostgreSQL server answers: the drill restores into a database on the same server.");
  try {
    // Counted before the dump, so the copy (a later snapshot) must hold at least as many rows.
    const before = await rowCounts(source);
    const started = Date.now();
    const dump = await run("pg_dump", ["--format=custom", "--no-owner", "--file", file, source]);
    if (dump.code !== 0) throw new Error(`pg_dump failed: ${dump.stderr.trim()}`);
    const restore = await run("pg_restore", ["--no-owner", "--exit-on-error", "--dbname", copy.url, file]);
    if (restore.code !== 0) throw new Error(`pg_restore failed: ${restore.stderr.trim()}`);
    console.log(`Dumped and restored in ${((Date.now() - started) / 1000).toFixed(1)} s.`);
    const after = await rowCounts(copy.url);
    const lost = Object.keys(before).filter((t) => (after[t] ?? -1) < before[t]);
    if (lost.length) throw new Error(`Rows missing after the restore in: ${lost.join(", ")}`);
    console.log(`${Object.keys(after).length} tables restored, ${Object.values(after).reduce((a, b) => a + b, 0)} rows.`);
    const verify = await run("npm", ["run", "--silent", "audit:verify"], { ...process.env, DATABASE_URL: copy.url });
    process.stdout.write(verify.stdout);
    process.stderr.write(verify.stderr);
    if (verify.code !== 0) throw new Error("The restored audit chain does not verify.");
    console.log("Restore drill passed.");
  } finally {
    await copy.drop();
    await rm(dir, { recursive: true, force: true });
  }
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
