import "server-only";
import { Prisma } from "@/generated/prisma/client";
import { db, type Db, type Tx } from "@/lib/db";

export type RateLimitResult = { key: string; count: number; allowed: boolean; remaining: number; retryAfterSeconds: number };
export type Bucket = { key: string; limit: number; windowSeconds: number };

/**
 * Fixed-window counters in PostgreSQL, so every app instance shares them. One atomic upsert counts a
 * hit in every bucket (one round trip on hot paths): a window that has ended starts again at 1.
 * Rows are written in key order, so concurrent calls never wait on each other in a cycle.
 */
export async function hitRateLimits(buckets: Bucket[], client: Db | Tx = db()): Promise<RateLimitResult[]> {
  const sorted = [...buckets].sort((a, b) => a.key.localeCompare(b.key));
  const values = Prisma.join(sorted.map((b) => Prisma.sql`(${b.key}, 1, now() + make_interval(secs => ${b.windowSeconds}))`));
  const rows = await client.$queryRaw<{ key: string; count: number; resetAt: Date }[]>`
    INSERT INTO "RateLimitBucket" (key, count, "resetAt") VALUES ${values}
    ON CONFLICT (key) DO UPDATE SET
      count = CASE WHEN "RateLimitBucket"."resetAt" <= now() THEN 1 ELSE "RateLimitBucket".count + 1 END,
      "resetAt" = CASE WHEN "RateLimitBucket"."resetAt" <= now() THEN EXCLUDED."resetAt" ELSE "RateLimitBucket"."resetAt" END
    RETURNING key, count, "resetAt"`;
  return buckets.map((bucket) => {
    const row = rows.find((r) => r.key === bucket.key)!;
    return {
      key: bucket.key,
      count: row.count,
      allowed: row.count <= bucket.limit,
      remaining: Math.max(0, bucket.limit - row.count),
      retryAfterSeconds: Math.max(1, Math.ceil((row.resetAt.getTime() - Date.now()) / 1000)),
    };
  });
}

export async function hitRateLimit(key: string, limit: number, windowSeconds: number): Promise<RateLimitResult> {
  return (await hitRateLimits([{ key, limit, windowSeconds }]))[0];
}

/** Removes long-expired buckets (called by the job runner). */
export async function pruneRateLimits() {
  return db()
    .rateLimitBucket.deleteMany({ where: { resetAt: { lt: new Date(Date.now() - 3_600_000) } } })
    .then((r) => r.count);
}
