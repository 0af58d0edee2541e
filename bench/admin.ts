// npm run bench:admin -- [--customers 1000000] [--sessions 20] [--requests 400] [--think 1000]
// The back office under load: a register of N customers, the production build, and staff sessions
// browsing what they browse all day — the customer list, a search by name, by email, a customer's
// page. First one session alone (the baseline, measured in the same run), then `sessions` at once.
// Prints p50/p95 per kind and overall, the errors, and the p95 ratio (target ≤ 3×). Staff are
// people: each session waits `think` ms on average (uniform ½–1½×) between pages; --think 0 is a
// closed loop of back-to-back requests, which on 2 cores measures queueing, not the app.
import { parseArgs } from "node:util";
import { encode } from "next-auth/jwt";
import pg from "pg";
import { person } from "@/prisma/demo/people";
import { SECRET, root, startApp } from "@/scripts/faults/harness";
import { buildApp, buildIsStale } from "@/scripts/support/build";
import { seedLarge } from "@/scripts/support/seed-large";
import { createTestDatabase } from "@/scripts/support/throwaway-database";

const { values } = parseArgs({
  options: {
    customers: { type: "string", default: "1000000" },
    sessions: { type: "string", default: "20" },
    requests: { type: "string", default: "400" },
    think: { type: "string", default: "1000" },
  },
});
const N = Number(values.customers);
const SESSIONS = Number(values.sessions);
const REQUESTS = Number(values.requests);
const THINK = Number(values.think);

type Visit = { kind: string; path: string };
const pct = (xs: number[], p: number) => (xs.length ? [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))] : 0);

function visits(ids: string[], count: number): Visit[] {
  return Array.from({ length: count }, (_, k) => {
    const p = person((k * 104_729) % N);
    switch (k % 4) {
      case 0:
        return { kind: "list", path: "/admin/customers" };
      case 1:
        return { kind: "search: name", path: `/admin/customers?q=${encodeURIComponent(p.fullName.split(" ").slice(-2).join(" "))}` };
      case 2:
        return { kind: "search: email", path: `/admin/customers?q=${encodeURIComponent(p.email.slice(0, p.email.indexOf("@")))}` };
      default:
        return { kind: "customer page", path: `/admin/customers/${ids[k % ids.length]}` };
    }
  });
}

async function browse(baseUrl: string, cookies: string[], work: Visit[]) {
  const samples: { kind: string; ms: number; ok: boolean }[] = [];
  let next = 0;
  await Promise.all(
    cookies.map(async (cookie) => {
      while (next < work.length) {
        const visit = work[next++];
        const t0 = performance.now();
        let ok = false;
        try {
          const response = await fetch(`${baseUrl}${visit.path}`, { headers: { cookie }, redirect: "manual" });
          await response.arrayBuffer();
          ok = response.status === 200;
        } catch {}
        samples.push({ kind: visit.kind, ms: performance.now() - t0, ok });
        if (THINK > 0) await new Promise((r) => setTimeout(r, THINK * (0.5 + Math.random())));
      }
    }),
  );
  return samples;
}

function report(label: string, samples: { kind: string; ms: number; ok: boolean }[]) {
  const kinds = [...new Set(samples.map((s) => s.kind))];
  for (const kind of kinds) {
    const ms = samples.filter((s) => s.kind === kind).map((s) => s.ms);
    console.log(`  ${label.padEnd(12)} ${kind.padEnd(14)} p50 ${pct(ms, 50).toFixed(0).padStart(5)} ms  p95 ${pct(ms, 95).toFixed(0).padStart(5)} ms`);
  }
  const all = samples.map((s) => s.ms);
  const errors = samples.filter((s) => !s.ok).length;
  console.log(
    `  ${label.padEnd(12)} ${"all".padEnd(14)} p50 ${pct(all, 50).toFixed(0).padStart(5)} ms  p95 ${pct(all, 95).toFixed(0).padStart(5)} ms  (${samples.length} pages, ${errors} errors)`,
  );
  return { p95: pct(all, 95), errors };
}

async function main() {
  const database = await createTestDatabase("bench_admin");
  process.env.DATABASE_URL = database.url;
  process.env.NEXTAUTH_SECRET = SECRET;
  process.env.PASSWORD_SCRYPT_LOG_N = "14";
  try {
    const t0 = performance.now();
    await seedLarge(database.url, N, (done) => process.stdout.write(`\rloading ${done.toLocaleString("en")} / ${N.toLocaleString("en")}`));
    console.log(`\nloaded ${N.toLocaleString("en")} customers in ${((performance.now() - t0) / 1000).toFixed(0)} s`);
    if (buildIsStale(root)) buildApp(root, { ...process.env, NODE_ENV: "production" });
    const { systemActor } = await import("@/lib/auth/actor");
    const { authenticate } = await import("@/lib/auth/mutations");
    const { createUserWithPassword } = await import("@/lib/users/mutations");
    const { closeDb } = await import("@/lib/db");
    const cookies: string[] = [];
    for (let i = 0; i < SESSIONS; i++) {
      const email = `bench-staff-${i}@bench.test`;
      await createUserWithPassword(systemActor("bench"), { email, name: `Nhân viên ${i}`, role: "STAFF", password: "bench password 2026" });
      const { sessionId } = await authenticate({ email, password: "bench password 2026", ip: `10.0.0.${i + 1}` });
      cookies.push(`next-auth.session-token=${await encode({ token: { sid: sessionId, email, name: "x" }, secret: SECRET })}`);
    }
    const raw = new pg.Client({ connectionString: database.url });
    await raw.connect();
    const { rows } = await raw.query<{ id: string }>(`SELECT id FROM "Customer" TABLESAMPLE SYSTEM (1) LIMIT 200`);
    await raw.end();
    const app = await startApp({});
    try {
      await browse(
        app.url,
        cookies.slice(0, 2),
        visits(
          rows.map((r) => r.id),
          20,
        ),
      ); // warm up
      console.log(`\nback office at ${N.toLocaleString("en")} customers (server-rendered pages, one app instance; think time ${THINK} ms)`);
      const single = report(
        "1 session",
        await browse(
          app.url,
          cookies.slice(0, 1),
          visits(
            rows.map((r) => r.id),
            Math.max(40, REQUESTS / 5),
          ),
        ),
      );
      const many = report(
        `${SESSIONS} sessions`,
        await browse(
          app.url,
          cookies,
          visits(
            rows.map((r) => r.id),
            REQUESTS,
          ),
        ),
      );
      const ratio = many.p95 / single.p95;
      console.log(`\np95 with ${SESSIONS} sessions / p95 alone: ${ratio.toFixed(2)}× (target ≤ 3×), errors: ${many.errors + single.errors}`);
    } finally {
      await app.kill();
      await closeDb();
    }
  } finally {
    await database.drop();
  }
}

await main();
