import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { hitRateLimit } from "./mutations";

describe("rate limits in PostgreSQL", () => {
  it("allow up to the limit in a window, then refuse with the time left", async () => {
    const key = `test:${randomUUID()}`;
    const results = [];
    for (let i = 0; i < 4; i++) results.push(await hitRateLimit(key, 3, 600));
    expect(results.map((r) => r.allowed)).toEqual([true, true, true, false]);
    expect(results[3].retryAfterSeconds).toBeGreaterThan(590);
  });

  it("count concurrent hits exactly (one shared counter, no lost updates)", async () => {
    const key = `test:${randomUUID()}`;
    const results = await Promise.all(Array.from({ length: 20 }, () => hitRateLimit(key, 10, 600)));
    expect(results.filter((r) => r.allowed)).toHaveLength(10);
  });

  it("start a fresh window once the old one has ended", async () => {
    const key = `test:${randomUUID()}`;
    await hitRateLimit(key, 1, 600);
    expect((await hitRateLimit(key, 1, 600)).allowed).toBe(false);
    await db().rateLimitBucket.update({ where: { key }, data: { resetAt: new Date(Date.now() - 1000) } });
    expect((await hitRateLimit(key, 1, 600)).allowed).toBe(true);
  });
});
