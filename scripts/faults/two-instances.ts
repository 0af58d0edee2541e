// Two app instances on one database behind a small round-robin proxy: a staff session works on
// both, every email is claimed and sent once while both workers run, and emails claimed by
// instances killed in the middle of sending are taken over by a new one when their job's lease
// ends (the job system, lib/jobs, notices the expired lease and retries the job).
import http from "node:http";
import type { AddressInfo } from "node:net";
import { encode } from "next-auth/jwt";
import { systemActor } from "@/lib/auth/actor";
import { authenticate } from "@/lib/auth/mutations";
import { db, pool } from "@/lib/db";
import { enqueueEmail } from "@/lib/email/mutations";
import { renderEmail } from "@/lib/email/render";
import { createUserWithPassword } from "@/lib/users/mutations";
import { startFakeResend } from "@/tests/support/fake-resend";
import { freePort } from "@/scripts/support/throwaway-database";
import { type Outcome, SECRET, sleep, startApp, waitFor } from "./harness";

/** Alternates requests between the upstream ports; counts what each served. */
async function roundRobin(ports: number[]) {
  const served = ports.map(() => 0);
  let next = 0;
  const server = http.createServer((req, res) => {
    const i = next++ % ports.length;
    served[i]++;
    const upstream = http.request({ host: "127.0.0.1", port: ports[i], path: req.url, method: req.method, headers: req.headers }, (r) => {
      res.writeHead(r.statusCode ?? 502, r.headers);
      r.pipe(res);
    });
    upstream.on("error", () => {
      res.writeHead(502);
      res.end();
    });
    req.pipe(upstream);
  });
  const port = await freePort();
  await new Promise<void>((resolve) => server.listen(port, "127.0.0.1", resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, served, close: () => new Promise<void>((r) => server.close(() => r())) };
}

/** Queues `count` emails, one transaction each, or all in one (`together`: they become due at once). */
async function queue(count: number, tag: string, together = false) {
  const email = await renderEmail("privacy_digest", "vi", { overdue: [], dueSoon: [], missingHolidayYears: [2031], link: "http://x/admin" }, "Công ty");
  const to = Array.from({ length: count }, (_, i) => `${tag}-${i}@faults.test`);
  const ids: string[] = [];
  if (together)
    await db().$transaction(async (tx) => {
      for (const address of to) ids.push((await enqueueEmail(tx, address, email)).id);
    });
  else for (const address of to) ids.push((await db().$transaction((tx) => enqueueEmail(tx, address, email))).id);
  return ids;
}

export async function twoInstances(): Promise<Outcome> {
  const resend = await startFakeResend();
  const [portA, portB] = [await freePort(), await freePort()];
  const proxy = await roundRobin([portA, portB]);
  const common = {
    APP_URL: proxy.url,
    NEXTAUTH_URL: proxy.url,
    WORKER_ENABLED: "1",
    WORKER_POLL_MS: "200",
    RESEND_API_KEY: "re_faults",
    RESEND_BASE_URL: resend.url,
    EMAIL_RETRY_BASE_SECONDS: "1",
    EMAIL_SEND_TIMEOUT_MS: "2000",
    EMAIL_LEASE_SECONDS: "5",
    JOB_MAINTENANCE_SECONDS: "1",
  };
  const a = await startApp(common, portA);
  const b = await startApp(common, portB);
  const lines: string[] = [];
  let ok = true;

  // A staff session made on one instance is good on the other (sessions live in the database).
  const email = `faults-${Date.now().toString(36)}@faults.test`;
  await createUserWithPassword(systemActor("faults"), { email, name: "Nhân viên thử lỗi", role: "STAFF", password: "fault suite password" });
  const { sessionId } = await authenticate({ email, password: "fault suite password", ip: "127.0.0.1" });
  const cookie = `next-auth.session-token=${await encode({ token: { sid: sessionId, email, name: "x" }, secret: SECRET })}`;
  const statuses: number[] = [];
  for (let i = 0; i < 6; i++) statuses.push((await fetch(`${proxy.url}/admin/customers`, { headers: { cookie }, redirect: "manual" })).status);
  const sessionOk = statuses.every((s) => s === 200) && proxy.served.every((n) => n >= 3);
  ok &&= sessionOk;
  lines.push(`one staff session, 6 page loads through the proxy (${proxy.served.join(" + ")} per instance): ${statuses.join(", ")}`);

  // Both workers running: each email claimed and sent once.
  const burst = await queue(60, `both-${Date.now().toString(36)}`);
  await waitFor(async () => (await db().emailMessage.count({ where: { id: { in: burst }, status: "SENT" } })) === burst.length, 60_000, "the burst to be sent");
  const callsPerKey = burst.map((id) => resend.calls.filter((c) => c.idempotencyKey === `email-${id}`).length);
  const claimedTwice = callsPerKey.filter((n) => n > 1).length;
  ok &&= claimedTwice === 0;
  lines.push(`60 emails with both workers running: ${callsPerKey.filter((n) => n === 1).length} sent with one call each, ${claimedTwice} claimed twice`);

  // Both instances killed while their calls hang: a new instance takes the emails over when the
  // lease runs out, and each is delivered once.
  resend.outage("hang", 12);
  // All ten due at once, so the workers take them together and hang on them together (queued one by
  // one on a slow machine, they were taken a few at a time, timed out and went back to wait for a
  // retry, and fewer than eight were ever running at one moment).
  const stuck = await queue(10, `kill-${Date.now().toString(36)}`, true);
  // Claimed = each email's job is running (leased) in one of the instances.
  const running = async () =>
    (
      await pool().query<{ n: number }>(`SELECT count(*)::int AS n FROM pgboss.job WHERE name = 'email' AND state = 'active' AND singleton_key = ANY($1)`, [
        stuck,
      ])
    ).rows[0].n;
  await waitFor(async () => (await running()) >= Math.min(stuck.length, 8), 20_000, "the emails to be claimed");
  await Promise.all([a.kill("SIGKILL"), b.kill("SIGKILL")]);
  const killedAt = Date.now();
  const c = await startApp(common, portA);
  await waitFor(async () => (await db().emailMessage.count({ where: { id: { in: stuck }, status: "SENT" } })) === stuck.length, 60_000, "the take-over");
  const tookOver = (Date.now() - killedAt) / 1000;
  const delivered = stuck.map((id) => resend.emails.filter((e) => e.idempotencyKey === `email-${id}`).length);
  const takeoverOk = delivered.every((n) => n === 1);
  ok &&= takeoverOk;
  lines.push(
    `10 emails claimed, then both instances killed mid-send: a new instance sent all ${delivered.filter((n) => n === 1).length} after the lease (${tookOver.toFixed(1)} s), ${delivered.filter((n) => n > 1).length} delivered twice`,
  );
  await c.kill();
  await sleep(100);
  await proxy.close();
  await resend.close();
  return { name: "two instances behind a proxy, one database", ok, lines };
}
