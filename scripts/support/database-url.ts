// For CLI scripts: use DATABASE_URL, or else the embedded database — the running app's (on
// PGLITE_PORT) or, when the app is stopped, the one on disk in .data/pglite.
import { existsSync, readFileSync } from "node:fs";
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

/**
 * Sets DATABASE_URL and NEXTAUTH_SECRET before lib/ reads env. Scripts that seal something the app
 * must open later (a webhook signing secret, a reseal) need the app's own secret: NEXTAUTH_SECRET, or the
 * embedded app's in .data/; the others get a throwaway one they never use.
 */
export async function prepareCliEnv(root: string, options: { needsAppSecret?: boolean } = {}) {
  const { url, embedded } = await resolveDatabaseUrl(root);
  process.env.DATABASE_URL = url;
  const secretFile = path.join(root, ".data/nextauth-secret");
  if (!process.env.NEXTAUTH_SECRET && existsSync(secretFile)) process.env.NEXTAUTH_SECRET = readFileSync(secretFile, "utf8").trim();
  if (options.needsAppSecret && !process.env.NEXTAUTH_SECRET) {
    await embedded?.stop();
    throw new Error("Set NEXTAUTH_SECRET to the app's value: this command seals stored secrets with it, or opens them.");
  }
  process.env.NEXTAUTH_SECRET ??= "cli-scripts-do-not-sign-sessions-0000000000";
  return { stop: async () => embedded?.stop() };
}
