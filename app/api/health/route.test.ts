import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { assertEnv } from "@/lib/env";
import { startTcpProxy } from "@/tests/support/tcp-proxy";

// The app reaches its database through a proxy we can cut, like a network partition or a restart.
let proxy: Awaited<ReturnType<typeof startTcpProxy>>;
let GET: () => Promise<Response>;

describe("GET /api/health", () => {
  beforeAll(async () => {
    const real = new URL(process.env.DATABASE_URL!);
    proxy = await startTcpProxy({ host: real.hostname, port: Number(real.port || 5432) });
    real.host = `127.0.0.1:${proxy.port}`;
    process.env.DATABASE_URL = real.toString();
    assertEnv();
    delete (globalThis as { prisma?: unknown }).prisma;
    ({ GET } = await import("./route"));
  });
  afterAll(async () => {
    await proxy.close();
  });

  it("answers 200 while the database is up, 503 while it is unreachable, and recovers by itself", async () => {
    let response = await GET();
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: "ok", database: "ok" });

    proxy.cut();
    response = await GET();
    expect(response.status).toBe(503);
    expect(await response.json()).toEqual({ status: "unavailable", database: "unreachable" });
    expect(response.headers.get("cache-control")).toBe("no-store");

    proxy.restore();
    response = await GET();
    expect(response.status).toBe(200);
  });
});
