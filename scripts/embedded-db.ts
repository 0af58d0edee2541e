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
  keepExchangesTogether(server);
  await server.start();
  return {
    url: `postgresql://postgres:postgres@127.0.0.1:${options.port}/postgres?sslmode=disable`,
    async stop() {
      await server.stop();
      await db.close();
    },
  };
}

// Message types that end a client's exchange: Sync (after Parse/Bind/Describe/Execute), a simple
// Query, Terminate, and the end or failure of a COPY FROM STDIN.
const EXCHANGE_ENDS = new Set(["S", "Q", "X", "c", "f"].map((c) => c.charCodeAt(0)));

type QueueItem = { handlerId: number; message: Uint8Array; resolve(bytes: number): void; reject(error: unknown): void; onData(data: Uint8Array): void };
type QueryQueue = {
  queue: QueueItem[];
  processing: boolean;
  lastHandlerId: number | null;
  db: PGlite;
  processQueue(): Promise<void>;
  clearQueueForHandler(handlerId: number): void;
};

/**
 * pglite-socket 0.2 multiplexes every connection onto PGlite one protocol message at a time, and
 * keeps a connection's messages together only inside a transaction. Outside one, when a large
 * message (a Bind carrying an uploaded scan, say) arrives in several TCP packets, other connections'
 * messages run between this connection's Parse and its Bind ("bind message supplies 2 parameters,
 * but prepared statement "" requires 1", "portal "" does not exist"). This keeps each connection's
 * exchange together until its Sync (or simple Query) as well.
 */
function keepExchangesTogether(server: PGLiteSocketServer) {
  const queue = (server as unknown as { queryQueue?: QueryQueue }).queryQueue;
  if (!queue || !Array.isArray(queue.queue) || typeof queue.processQueue !== "function" || typeof queue.clearQueueForHandler !== "function") {
    throw new Error("@electric-sql/pglite-socket changed its query queue: review keepExchangesTogether() in scripts/embedded-db.ts");
  }
  let midExchange = false;
  queue.processQueue = async function processQueue(this: QueryQueue) {
    if (this.processing || this.queue.length === 0) return;
    this.processing = true;
    try {
      while (this.queue.length > 0) {
        const sticky = this.lastHandlerId !== null && (midExchange || this.db.isInTransaction());
        const index = sticky ? this.queue.findIndex((q) => q.handlerId === this.lastHandlerId) : 0;
        if (index === -1) break; // wait for that connection's next message
        const [item] = this.queue.splice(index, 1);
        let bytes = 0;
        try {
          await this.db.runExclusive(() =>
            this.db.execProtocolRawStream(item.message, {
              onRawData: (data: Uint8Array) => {
                bytes += data.length;
                item.onData(data);
              },
            }),
          );
        } catch (error) {
          item.reject(error);
          continue;
        }
        midExchange = !EXCHANGE_ENDS.has(item.message[0]) && !isStartup(item.message);
        this.lastHandlerId = item.handlerId;
        item.resolve(bytes);
      }
    } finally {
      this.processing = false;
    }
  };
  const clear = queue.clearQueueForHandler.bind(queue);
  queue.clearQueueForHandler = (handlerId: number) => {
    clear(handlerId);
    // A connection that went away mid-exchange must not hold the others back.
    if (queue.lastHandlerId === handlerId && midExchange) {
      midExchange = false;
      void queue.processQueue();
    }
  };
}

/** The startup message has no type byte: a length, then protocol version 3.0. */
const isStartup = (m: Uint8Array) => m.length >= 8 && new DataView(m.buffer, m.byteOffset).getInt32(4) === 196608;
