// The app is killed (SIGKILL) in the middle of a burst of public submissions. Every submission it
// acknowledged must be in the database; the client then retries everything with the same
// idempotency keys against the restarted app, and nothing may be recorded twice.
import { db } from "@/lib/db";
import { type Outcome, pool, startApp, submit, waitFor } from "./harness";

export async function killDuringBurst(slug: string, formId: string, total = 1000): Promise<Outcome> {
  const keys = Array.from({ length: total }, (_, i) => `kill-${Date.now().toString(36)}-${i}`);
  let app = await startApp({});
  const acknowledged = new Set<string>();
  let killed = false;
  let failedWhileDown = 0;
  await pool(keys, 24, async (key) => {
    const { status } = await submit(app.url, slug, key);
    if (status === 201) acknowledged.add(key);
    else failedWhileDown++;
    if (!killed && acknowledged.size >= total * 0.3) {
      killed = true;
      void app.kill("SIGKILL");
    }
  });
  const beforeKill = acknowledged.size;
  app = await startApp({}, app.port);
  let retried = 0;
  await pool(keys, 24, async (key) => {
    await waitFor(async () => (await submit(app.url, slug, key)).status === 201, 30_000, `submission ${key}`);
    retried++;
  });
  await app.kill();
  const rows = await db().submission.findMany({ where: { formId, idempotencyKey: { in: keys } }, select: { idempotencyKey: true } });
  const stored = new Set(rows.map((r) => r.idempotencyKey));
  const lost = [...acknowledged].filter((k) => !stored.has(k)).length;
  const duplicates = rows.length - stored.size;
  return {
    name: "SIGKILL during a burst of submissions",
    ok: lost === 0 && duplicates === 0 && rows.length === total,
    lines: [
      `${total} submissions sent by 24 clients; the app was killed with SIGKILL after ${beforeKill} were acknowledged (${failedWhileDown} failed while it was down)`,
      `restarted; all ${retried} retried with the same idempotency keys`,
      `database: ${rows.length} rows, ${lost} acknowledged submissions lost, ${duplicates} duplicates`,
    ],
  };
}
