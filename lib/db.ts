import "server-only";
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { type Prisma, PrismaClient } from "@/generated/prisma/client";
import { env } from "@/lib/env";

// One pool and one client per process; kept on globalThis so dev hot reloads do not open new pools.
const globalForDb = globalThis as unknown as { prisma?: PrismaClient; pool?: pg.Pool };

/**
 * The connection pool, shared by Prisma and by the few hot paths that send one SQL statement
 * directly (see lib/submissions/mutations.ts), where Prisma's per-query work would be most of the cost.
 */
export function pool(): pg.Pool {
  globalForDb.pool ??= new pg.Pool({
    connectionString: env().DATABASE_URL,
    max: 10,
    // Fail fast when the database is down, so health checks answer 503 instead of hanging;
    // the pool opens fresh connections once it is back.
    connectionTimeoutMillis: 5000,
    idleTimeoutMillis: 30_000,
    // Timestamps are stored in UTC whatever the server's time zone is.
    options: "-c TimeZone=UTC",
  });
  return globalForDb.pool;
}

export function db(): PrismaClient {
  globalForDb.prisma ??= new PrismaClient({ adapter: new PrismaPg(pool()) });
  return globalForDb.prisma;
}

/** Columns are `timestamp(3)` holding UTC: read them as UTC whatever the process's time zone is. */
const TIMESTAMP = 1114;
const utcTypes = {
  getTypeParser: (oid: number, format?: "text" | "binary") =>
    oid === TIMESTAMP && format !== "binary" ? (v: string) => new Date(`${v.replace(" ", "T")}Z`) : pg.types.getTypeParser(oid, format),
};

/**
 * Runs one `Prisma.sql` statement straight on the pool: for hot reads where Prisma's per-query
 * work is a visible share of the time (the register's list page). Dates go in and come out as
 * UTC, as through Prisma; bigint columns come back as strings.
 */
export async function sqlRows<T>(query: Prisma.Sql): Promise<T[]> {
  const values = query.values.map((v) => (v instanceof Date ? v.toISOString() : v));
  return (await pool().query({ text: query.text, values, types: utcTypes as pg.CustomTypesConfig })).rows as T[];
}

export type Db = PrismaClient;
export type Tx = Parameters<Parameters<PrismaClient["$transaction"]>[0]>[0];

/** Closes the client and the pool (command-line scripts call this before exiting). */
export async function closeDb() {
  await globalForDb.prisma?.$disconnect();
  await globalForDb.pool?.end();
  globalForDb.prisma = undefined;
  globalForDb.pool = undefined;
}
