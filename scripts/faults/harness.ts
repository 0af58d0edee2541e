// What the fault scenarios share: app instances started from the production build (scripts/server.mjs)
// that can be killed, a form to submit to, and a client that keeps count of what was acknowledged.
import { type ChildProcess, spawn } from "node:child_process";
import { createWriteStream, mkdirSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { freePort } from "@/scripts/support/throwaway-database";

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
export const SECRET = "fault-suite-secret-that-is-long-enough-0123456789";

export type App = { url: string; port: number; process: ChildProcess; kill(signal?: NodeJS.Signals): Promise<void> };

export async function startApp(env: Record<string, string>, port?: number): Promise<App> {
  const p = port ?? (await freePort());
  const url = `http://127.0.0.1:${p}`;
  const child = spawn(process.execPath, [path.join(root, "scripts/server.mjs")], {
    cwd: root,
    env: {
      ...process.env,
      NEXTAUTH_SECRET: SECRET,
      APP_URL: url,
      NEXTAUTH_URL: url,
      FORM_RATE_LIMIT_PER_IP: "0",
      FORM_RATE_LIMIT_PER_FORM: "0",
      WORKER_ENABLED: "0",
      ...env,
      NODE_ENV: "production",
      PORT: String(p),
      HOSTNAME: "127.0.0.1",
    },
    stdio: ["ignore", "ignore", "pipe"],
  });
  // The app's own complaints (expected during a fault) go to a log file, not the suite's output.
  mkdirSync(path.join(root, "test-results"), { recursive: true });
  child.stderr?.pipe(createWriteStream(path.join(root, "test-results/faults-app.log"), { flags: "a" }));
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  await waitFor(async () => (await fetch(`${url}/api/health`)).ok, 60_000, `the app at ${url} to start`);
  return {
    url,
    port: p,
    process: child,
    async kill(signal: NodeJS.Signals = "SIGTERM") {
      child.kill(signal);
      await exited;
    },
  };
}

export async function waitFor(check: () => Promise<boolean> | boolean, timeoutMs: number, what: string) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      if (await check()) return;
    } catch {}
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await sleep(200);
  }
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** One public submission with its idempotency key: the status (0 when the connection failed). */
export async function submit(baseUrl: string, slug: string, key: string): Promise<{ status: number; retryAfter: string | null }> {
  try {
    const response = await fetch(`${baseUrl}/api/public/forms/${slug}/submissions`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({
        fields: { fullName: "Khách Thử Lỗi", email: `${key}@faults.test` },
        answers: {},
        consents: [],
        locale: "vi",
        idempotencyKey: key,
      }),
      signal: AbortSignal.timeout(15_000),
    });
    await response.arrayBuffer();
    return { status: response.status, retryAfter: response.headers.get("retry-after") };
  } catch {
    return { status: 0, retryAfter: null };
  }
}

/** Runs `work` over the items with at most `concurrency` in flight. */
export async function pool<T>(items: T[], concurrency: number, work: (item: T) => Promise<void>) {
  let next = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < items.length) await work(items[next++]);
    }),
  );
}

export type Outcome = { name: string; ok: boolean; lines: string[] };
