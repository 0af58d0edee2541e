// The database goes away under traffic (its TCP connections cut by a proxy in front of it, new ones
// refused): the app must answer 503 with Retry-After and say so on /api/health, then recover by
// itself when the database is back. Nothing it acknowledged may be lost.
import { db } from "@/lib/db";
import { startTcpProxy } from "@/tests/support/tcp-proxy";
import { type Outcome, sleep, startApp, submit, waitFor } from "./harness";

export async function databaseOutage(databaseUrl: string, slug: string, formId: string, seconds = 6): Promise<Outcome> {
  const target = new URL(databaseUrl);
  const proxy = await startTcpProxy({ host: target.hostname, port: Number(target.port || 5432) });
  const viaProxy = new URL(databaseUrl);
  viaProxy.hostname = "127.0.0.1";
  viaProxy.port = String(proxy.port);
  const app = await startApp({ DATABASE_URL: viaProxy.toString() });
  const acknowledged = new Set<string>();
  const statuses = new Map<number, number>();
  let withRetryAfter = 0;
  let healthWhileDown = 0;
  let stop = false;
  let n = 0;
  const traffic = (async () => {
    while (!stop) {
      const key = `db-${Date.now().toString(36)}-${n++}`;
      const r = await submit(app.url, slug, key);
      statuses.set(r.status, (statuses.get(r.status) ?? 0) + 1);
      if (r.status === 201) acknowledged.add(key);
      if (r.status === 503 && r.retryAfter) withRetryAfter++;
      await sleep(20);
    }
  })();
  await sleep(1500);
  proxy.cut();
  const cutAt = Date.now();
  await sleep(seconds * 1000 - 1000);
  const health = await fetch(`${app.url}/api/health`);
  if (health.status === 503 && (await health.json()).database === "unreachable") healthWhileDown++;
  await sleep(1000);
  proxy.restore();
  const recoveredIn = Date.now();
  await waitFor(async () => (await fetch(`${app.url}/api/health`)).ok, 30_000, "the app to see the database again");
  const before = acknowledged.size;
  await waitFor(() => acknowledged.size > before + 20, 30_000, "submissions to succeed again");
  const recovery = Date.now() - recoveredIn;
  stop = true;
  await traffic;
  await app.kill();
  await proxy.close();
  const rows = await db().submission.count({ where: { formId, idempotencyKey: { in: [...acknowledged] } } });
  const refused = statuses.get(503) ?? 0;
  return {
    name: "PostgreSQL connections cut under traffic",
    // Every answer is an acknowledgement or a 503 with Retry-After: never a bare 500.
    ok:
      rows === acknowledged.size &&
      refused > 0 &&
      withRetryAfter === refused &&
      healthWhileDown === 1 &&
      [...statuses.keys()].every((s) => s === 201 || s === 503),
    lines: [
      `traffic of one client; database cut for ${((recoveredIn - cutAt) / 1000).toFixed(1)} s, then restored — the app was not restarted`,
      `answers: ${[...statuses].map(([s, c]) => `${c}× ${s || "no answer"}`).join(", ")}; ${withRetryAfter} of the 503s carried Retry-After`,
      `/api/health while down: ${healthWhileDown ? "503, database unreachable" : "did not report the outage"}; back to normal ${(recovery / 1000).toFixed(1)} s after the database returned`,
      `database: ${rows} of ${acknowledged.size} acknowledged submissions present (${acknowledged.size - rows} lost)`,
    ],
  };
}
