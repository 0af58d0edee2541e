// npm run bench:submissions -- [--requests 3000] [--concurrency 50]
// Fires JSON submissions at the production build on a real PostgreSQL, then the same number at the
// baseline (bench/support/baseline-submission-server.ts) in the same run, and prints both.
import { spawn, type ChildProcess } from "node:child_process";
import { randomUUID } from "node:crypto";
import path from "node:path";
import { parseArgs } from "node:util";
import { createTestDatabase, freePort } from "@/scripts/support/throwaway-database";
import { buildApp, buildIsStale } from "../scripts/support/build";
import { runLoad, rssMiB, type LoadResult } from "./support/load";

const { values } = parseArgs({ options: { requests: { type: "string", default: "3000" }, concurrency: { type: "string", default: "50" } } });
const N = Number(values.requests);
const C = Number(values.concurrency);
const root = path.resolve(import.meta.dirname, "..");

async function waitFor(url: string, ok: (status: number) => boolean = () => true) {
  for (let i = 0; i < 300; i++) {
    try {
      if (ok((await fetch(url)).status)) return;
    } catch {}
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`${url} did not come up`);
}

function body(i: number) {
  return JSON.stringify({
    fields: { fullName: `Khách ${i}`, email: `bench-${i % Math.ceil(N * 0.8)}@example.com` },
    answers: { topic: "web" },
    consents: ["inquiries", "advertising"],
    locale: "vi",
    idempotencyKey: randomUUID(),
  });
}

async function measure(name: string, url: string, pid: number): Promise<LoadResult & { peakRssMiB: number }> {
  let peak = 0;
  const sampler = setInterval(async () => (peak = Math.max(peak, await rssMiB(pid))), 250);
  // Warm up (JIT, connection pools), then measure.
  await runLoad(Math.min(200, N), C, (i) => post(url, i + N * 10));
  const result = await runLoad(N, C, (i) => post(url, i));
  clearInterval(sampler);
  peak = Math.max(peak, await rssMiB(pid));
  console.log(
    `${name}: ${result.throughput.toFixed(0)} req/s, p50 ${result.p50.toFixed(1)} ms, p99 ${result.p99.toFixed(1)} ms, failures ${result.failures}, peak RSS ${peak.toFixed(0)} MiB`,
    result.statuses,
  );
  return { ...result, peakRssMiB: peak };
}

async function post(url: string, i: number) {
  const response = await fetch(url, {
    method: "POST",
    headers: { "content-type": "application/json", "x-forwarded-for": `10.${(i >> 16) & 255}.${(i >> 8) & 255}.${i & 255}` },
    body: body(i),
  });
  await response.arrayBuffer();
  return response.status;
}

async function main() {
  const children: ChildProcess[] = [];
  const appDb = await createTestDatabase("bench_app");
  const baseDb = await createTestDatabase("bench_base");
  try {
    // The same form in both databases, made through the app's own code path.
    process.env.DATABASE_URL = appDb.url;
    process.env.NEXTAUTH_SECRET = "bench-secret-bench-secret-bench-secret-000";
    const { systemActor } = await import("@/lib/auth/actor");
    const { createForm } = await import("@/lib/forms/mutations");
    const { DEMO_FORMS } = await import("@/prisma/demo/forms");
    await createForm(systemActor("bench"), {
      ...DEMO_FORMS[0],
      slug: "bench",
      questions: [{ key: "topic", type: "short_text", labelVi: "Chủ đề", labelEn: "Topic", required: false, options: [] }],
    });
    const pg = (await import("pg")).default;
    const base = new pg.Client({ connectionString: baseDb.url });
    await base.connect();
    const form = await base.query(
      `INSERT INTO "Form" (slug, kind, status, "titleVi", "titleEn", fields, "updatedAt") VALUES ('bench', 'LEAD', 'PUBLISHED', 'x', 'x', '{}', now()) RETURNING id`,
    );
    const purpose = await base.query(`SELECT id FROM "Purpose" WHERE key = 'inquiries'`);
    await base.end();

    if (buildIsStale(root)) buildApp(root, process.env);
    const appPort = await freePort();
    // The load generator stands in for a proxy in front of the app: trusting loopback lets each
    // simulated visitor have its own X-Forwarded-For address (and its own rate limit).
    const app = spawn(process.execPath, [path.join(root, "scripts/server.mjs")], {
      cwd: root,
      env: {
        ...process.env,
        PORT: String(appPort),
        HOSTNAME: "127.0.0.1",
        TRUSTED_PROXIES: "127.0.0.1",
        NODE_OPTIONS: process.env.BENCH_APP_NODE_OPTIONS ?? "",
        NODE_ENV: "production",
        DATABASE_URL: appDb.url,
        FORM_RATE_LIMIT_PER_IP: "20",
        FORM_RATE_LIMIT_PER_FORM: "0",
        WORKER_ENABLED: "0",
        APP_URL: `http://127.0.0.1:${appPort}`,
      },
      stdio: "ignore",
    });
    children.push(app);
    const basePort = await freePort();
    const baseline = spawn(process.execPath, ["--import", "tsx", path.join(root, "bench/support/baseline-submission-server.ts")], {
      cwd: root,
      env: { ...process.env, DATABASE_URL: baseDb.url, PORT: String(basePort), FORM_ID: form.rows[0].id, PURPOSE_ID: purpose.rows[0].id },
      stdio: "ignore",
    });
    children.push(baseline);
    await waitFor(`http://127.0.0.1:${appPort}/api/health`, (status) => status === 200);
    await waitFor(`http://127.0.0.1:${basePort}/`);

    console.log(`${N} submissions at concurrency ${C}, each with 2 consents; 20 % are repeat visitors.`);
    const idle = await rssMiB(app.pid!);
    const ours = await measure("app (next start)", `http://127.0.0.1:${appPort}/api/public/forms/bench/submissions`, app.pid!);
    const bare = await measure("baseline (node:http + pg)", `http://127.0.0.1:${basePort}/`, baseline.pid!);
    console.log("");
    console.log(`throughput: ${((ours.throughput / bare.throughput) * 100).toFixed(0)} % of the baseline (target ≥ 60 %)`);
    console.log(`p99: ${(ours.p99 / bare.p99).toFixed(2)} × the baseline (target ≤ 5 ×)`);
    console.log(`app memory: ${idle.toFixed(0)} MiB idle, ${ours.peakRssMiB.toFixed(0)} MiB peak under load`);
  } finally {
    for (const child of children) child.kill("SIGTERM");
    await appDb.drop();
    await baseDb.drop();
  }
}

await main();
process.exit(0);
