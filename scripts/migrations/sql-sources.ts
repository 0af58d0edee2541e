// The database's rules (PL/pgSQL and SQL functions, and the triggers that call them) live as source
// files next to the code of their domain: lib/<domain>/sql/*.sql. Each file is the whole current
// definition of its functions and triggers, written so it can be run again (CREATE OR REPLACE,
// DROP TRIGGER IF EXISTS … CREATE TRIGGER). Migrations still carry every change to the database;
// `npm run db:migration:create` copies into the new migration each source file whose definitions
// differ from what the existing migrations produce, and a test checks that none differs.
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import pg from "pg";

export const LIB_DIR = path.join(process.cwd(), "lib");

export type SqlSource = { file: string; sql: string; functions: string[]; triggers: { name: string; table: string }[] };

/** Every lib/<domain>/sql/*.sql, in path order (a file's number prefix orders its domain's files). */
export async function listSqlSources(root = LIB_DIR): Promise<SqlSource[]> {
  const out: SqlSource[] = [];
  for (const domain of (await readdir(root, { withFileTypes: true })).filter((d) => d.isDirectory()).map((d) => d.name)) {
    const dir = path.join(root, domain, "sql");
    const files = await readdir(dir).catch(() => [] as string[]);
    for (const name of files.filter((f) => f.endsWith(".sql")).sort()) {
      const file = path.join(dir, name);
      const sql = await readFile(file, "utf8");
      out.push({ file: path.relative(process.cwd(), file), sql, ...objectsIn(sql) });
    }
  }
  return out.sort((a, b) => a.file.localeCompare(b.file));
}

/** The functions and triggers a source file defines. */
export function objectsIn(sql: string) {
  const functions = [...sql.matchAll(/CREATE\s+OR\s+REPLACE\s+FUNCTION\s+(?:public\.)?"?([a-z_][a-z0-9_]*)"?\s*\(/gi)].map((m) => m[1]);
  const triggers = [...sql.matchAll(/CREATE\s+(?:OR\s+REPLACE\s+)?TRIGGER\s+"?([^"\s]+)"?\s+[\s\S]*?\bON\s+(?:public\.)?"?([A-Za-z_]+)"?/gi)].map((m) => ({
    name: m[1],
    table: m[2],
  }));
  return { functions: [...new Set(functions)], triggers };
}

/** What the database holds for these objects, as PostgreSQL prints it back. */
async function definitions(client: pg.Client, source: SqlSource) {
  const { rows: fns } = await client.query<{ def: string }>(
    `SELECT pg_get_functiondef(p.oid) AS def FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
     WHERE n.nspname = 'public' AND p.proname = ANY($1) ORDER BY p.proname, p.oid`,
    [source.functions],
  );
  const { rows: trs } = await client.query<{ def: string }>(
    `SELECT pg_get_triggerdef(t.oid) || ' ' || t.tgenabled::text AS def FROM pg_trigger t
     WHERE NOT t.tgisinternal AND t.tgname = ANY($1) ORDER BY t.tgrelid::regclass::text, t.tgname`,
    [source.triggers.map((t) => t.name)],
  );
  return JSON.stringify([fns.map((r) => r.def), trs.map((r) => r.def)]);
}

/**
 * The source files whose definitions differ from the database at `url` (migrated): each is run in a
 * transaction that is rolled back, and what PostgreSQL holds before and after is compared.
 */
export async function changedSqlSources(url: string, sources?: SqlSource[]) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const changed: SqlSource[] = [];
  try {
    for (const source of sources ?? (await listSqlSources())) {
      await client.query("BEGIN");
      try {
        const before = await definitions(client, source);
        await client.query(source.sql);
        const after = await definitions(client, source);
        if (before !== after) changed.push(source);
      } finally {
        await client.query("ROLLBACK");
      }
    }
  } finally {
    await client.end();
  }
  return changed;
}

/** Functions and triggers in the database that no source file defines (there should be none). */
export async function unownedObjects(url: string, sources?: SqlSource[]) {
  const all = sources ?? (await listSqlSources());
  const functions = new Set(all.flatMap((s) => s.functions));
  const triggers = new Set(all.flatMap((s) => s.triggers.map((t) => t.name)));
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows: fns } = await client.query<{ name: string }>(
      `SELECT DISTINCT p.proname AS name FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
       WHERE n.nspname = 'public' AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.objid = p.oid AND d.deptype = 'e')`,
    );
    const { rows: trs } = await client.query<{ name: string }>(`SELECT tgname AS name FROM pg_trigger WHERE NOT tgisinternal`);
    return {
      functions: fns.map((r) => r.name).filter((n) => !functions.has(n)),
      triggers: trs.map((r) => r.name).filter((n) => !triggers.has(n)),
    };
  } finally {
    await client.end();
  }
}

/** The part of a new migration that brings the database's rules up to their source files. */
export function sourcesMigrationSql(changed: SqlSource[]) {
  return changed.map((s) => `-- From ${s.file}\n${s.sql.trim()}\n`).join("\n");
}
