// Throwaway databases (tests, benchmarks, creating migrations): a fresh database on the real PostgreSQL server (TEST_DATABASE_URL,
// DATABASE_URL or the local default), or, on a machine without PostgreSQL, a fresh in-memory
// embedded PGlite server.
import net from "node:net";
import pg from "pg";
import { startEmbeddedDb } from "../embedded-db";
import { applyMigrations } from "../migrations/engine";

export const DEFAULT_SERVER_URL = "postgresql://postgres@127.0.0.1:5432/postgres";

export type TestDatabase = { url: string; name: string; embedded: boolean; drop(): Promise<void> };

export function serverUrl() {
  return process.env.TEST_DATABASE_URL || process.env.DATABASE_URL || DEFAULT_SERVER_URL;
}

export async function serverIsReachable(url = serverUrl()) {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 3000 });
  try {
    await client.connect();
    await client.query("SELECT 1");
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => {});
  }
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

function withDatabase(url: string, database: string) {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}

export async function createTestDatabase(prefix = "cr_test", options: { migrate?: boolean } = {}): Promise<TestDatabase> {
  const migrate = options.migrate ?? true;
  const base = serverUrl();
  let db: TestDatabase;
  if (await serverIsReachable(base)) {
    const name = `${prefix}_${Date.now().toString(36)}_${Math.random().toString(36).slice(2, 8)}`;
    const admin = new pg.Client({ connectionString: base });
    await admin.connect();
    await admin.query(`CREATE DATABASE "${name}"`);
    await admin.end();
    db = {
      url: withDatabase(base, name),
      name,
      embedded: false,
      async drop() {
        const c = new pg.Client({ connectionString: base });
        await c.connect();
        await c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
        await c.end();
      },
    };
  } else {
    const embedded = await startEmbeddedDb({ port: await freePort() });
    db = { url: embedded.url, name: "postgres", embedded: true, drop: () => embedded.stop() };
  }
  if (migrate) await applyMigrations(db.url);
  return db;
}
