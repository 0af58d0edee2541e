// For CLI scripts: use DATABASE_URL, or else the embedded database — the running app's (on
// PGLITE_PORT) or, when the app is stopped, the one on disk in .data/pglite.
import path from "node:path";
import pg from "pg";
import { startEmbeddedDb, type EmbeddedDb } from "../embedded-db";

export async function resolveDatabaseUrl(root: string): Promise<{ url: string; embedded?: EmbeddedDb }> {
  if (process.env.DATABASE_URL) return { url: process.env.DATABASE_URL };
  const port = Number(process.env.PGLITE_PORT ?? 54329);
  const url = `postgresql://postgres:postgres@127.0.0.1:${port}/postgres?sslmode=disable`;
  const probe = new pg.Client({ connectionString: url, connectionTimeoutMillis: 1500 });
  try {
    await probe.connect();
    return { url };
  } catch {
    const embedded = await startEmbeddedDb({ dataDir: path.join(root, ".data/pglite"), port });
    return { url: embedded.url, embedded };
  } finally {
    await probe.end().catch(() => {});
  }
}

/** Sets DATABASE_URL (and a throwaway secret, which CLI scripts do not use) before lib/ reads env. */
export async function prepareCliEnv(root: string) {
  const { url, embedded } = await resolveDatabaseUrl(root);
  process.env.DATABASE_URL = url;
  process.env.NEXTAUTH_SECRET ??= "cli-scripts-do-not-sign-sessions-0000000000";
  return { stop: async () => embedded?.stop() };
}
