// The embedded default database: PGlite (PostgreSQL compiled to WebAssembly) kept on disk and served
// over TCP by pglite-socket, so the app always talks to PostgreSQL through `pg` + @prisma/adapter-pg.
import { mkdir } from "node:fs/promises";
import { PGlite } from "@electric-sql/pglite";
import { pg_trgm } from "@electric-sql/pglite/contrib/pg_trgm";
import { unaccent } from "@electric-sql/pglite/contrib/unaccent";
import { PGLiteSocketServer } from "@electric-sql/pglite-socket";

export type EmbeddedDb = { url: string; stop(): Promise<void> };

export async function startEmbeddedDb(options: { dataDir?: string; port: number }): Promise<EmbeddedDb> {
  if (options.dataDir) await mkdir(options.dataDir, { recursive: true });
  const db = await PGlite.create({
    dataDir: options.dataDir ?? "memory://",
    extensions: { pg_trgm, unaccent },
  });
  const server = new PGLiteSocketServer({ db, port: options.port, host: "127.0.0.1", maxConnections: 20 });
  await server.start();
  return {
    url: `postgresql://postgres:postgres@127.0.0.1:${options.port}/postgres?sslmode=disable`,
    async stop() {
      await server.stop();
      await db.close();
    },
  };
}
