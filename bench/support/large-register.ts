// What the email benchmarks share: a throwaway database loaded with N customers, the real Resend SDK
// pointed at a fake server that only counts, and the app's sending step run by several workers until
// the queue is empty, with the process's memory sampled meanwhile.
import pg from "pg";
import { createTestDatabase } from "@/scripts/support/throwaway-database";
import { seedLarge } from "@/scripts/support/seed-large";
import { type FakeResend, startFakeResend } from "@/tests/support/fake-resend";

export const seconds = (t0: number) => (performance.now() - t0) / 1000;

export type LargeRegister = { raw: pg.Client; resend: FakeResend };

export async function withLargeRegister(name: string, customers: number, run: (register: LargeRegister) => Promise<void>) {
  const database = await createTestDatabase(name);
  const resend = await startFakeResend(0, { keepBodies: false, keepEmails: false });
  Object.assign(process.env, {
    DATABASE_URL: database.url,
    NEXTAUTH_SECRET: "bench-secret-bench-secret-bench-secret-000",
    RESEND_API_KEY: "re_bench",
    RESEND_BASE_URL: resend.url,
  });
  try {
    const t0 = performance.now();
    await seedLarge(database.url, customers, (done) => process.stdout.write(`\rloading ${done.toLocaleString("en")} / ${customers.toLocaleString("en")}`));
    console.log(`\nloaded ${customers.toLocaleString("en")} customers in ${seconds(t0).toFixed(0)} s`);
    const raw = new pg.Client({ connectionString: database.url });
    await raw.connect();
    raw.on("error", () => {}); // the database is dropped at the end; do not hide the real error
    try {
      await run({ raw, resend });
    } finally {
      await raw.end();
    }
  } finally {
    await resend.close();
    await database.drop();
  }
}

/** Runs `deliver` (one batch per call) on `workers` workers until it finds nothing; progress every tenth. */
export async function sendEverything(workers: number, expected: number, deliver: () => Promise<number>) {
  global.gc?.();
  const rssBefore = process.memoryUsage().rss;
  let rssPeak = rssBefore;
  const sampler = setInterval(() => (rssPeak = Math.max(rssPeak, process.memoryUsage().rss)), 200);
  const t0 = performance.now();
  let sent = 0;
  let last = 0;
  await Promise.all(
    Array.from({ length: workers }, async () => {
      for (;;) {
        const n = await deliver();
        if (n === 0) break;
        sent += n;
        if (sent - last >= expected / 10) {
          last = sent;
          process.stdout.write(`\rsent ${sent.toLocaleString("en")} / ${expected.toLocaleString("en")}`);
        }
      }
    }),
  );
  clearInterval(sampler);
  const mib = (bytes: number) => (bytes / 2 ** 20).toFixed(0);
  return { sent, seconds: seconds(t0), rss: `RSS ${mib(rssBefore)} → peak ${mib(rssPeak)} MiB` };
}
