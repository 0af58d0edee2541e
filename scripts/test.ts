// npm test — every suite, against real parts:
//  0. lint and formatting (Biome), on a full run;
//  1. unit + integration tests (Vitest) on a fresh database on the real PostgreSQL server
//     (TEST_DATABASE_URL / DATABASE_URL / postgresql://postgres@127.0.0.1:5432/postgres), or on an
//     embedded PGlite when no server answers;
//  2. end-to-end tests (Playwright, Debian Chromium) against a production build, with email sent
//     through the real Resend SDK to a local fake Resend server.
// Ends with one line: "N passed, N failed".
import { spawn, spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { createTestDatabase, freePort, serverIsReachable, serverUrl, type TestDatabase } from "@/scripts/support/throwaway-database";
import { startFakeResend } from "@/tests/support/fake-resend";
import { buildApp, buildIsStale } from "./support/build";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const results = path.join(root, "test-results");
const args = process.argv.slice(2);
const only = args.find((a) => a === "--unit" || a === "--e2e");
/** Anything else is passed to the runner: `npm test -- --e2e forms-admin`, `npm test -- --unit lib/forms`. */
const extra = args.filter((a) => a !== only);
const CHROMIUM = "/usr/bin/chromium";

type Tally = { name: string; passed: number; failed: number };

function run(command: string, args: string[], env: NodeJS.ProcessEnv): Promise<number> {
  return new Promise((resolve) => {
    const child = spawn(command, args, { cwd: root, env, stdio: "inherit" });
    child.on("exit", (code) => resolve(code ?? 1));
  });
}

function ensureChromium() {
  if (existsSync(CHROMIUM)) return;
  console.log("Chromium is missing: installing Debian's chromium package…");
  const asRoot = process.getuid?.() === 0 ? [] : ["sudo"];
  const apt = (args: string[]) => spawnSync(asRoot[0] ?? "apt-get", asRoot.length ? ["apt-get", ...args] : args, { stdio: "inherit" });
  apt(["update"]);
  apt(["install", "-y", "chromium"]);
  if (!existsSync(CHROMIUM)) throw new Error("Could not install Chromium (apt-get install -y chromium).");
}

async function waitForHealth(url: string, timeoutMs: number) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    try {
      if ((await fetch(`${url}/api/health`)).ok) return;
    } catch {}
    await new Promise((r) => setTimeout(r, 300));
  }
  throw new Error(`The app did not become healthy at ${url}`);
}

/** Biome: lint rules and the one formatting (npm run lint; npm run format fixes the formatting). */
async function lint(): Promise<Tally> {
  const code = await run(path.join(root, "node_modules/.bin/biome"), ["check", "."], process.env);
  return { name: "lint and format (biome)", passed: code === 0 ? 1 : 0, failed: code === 0 ? 0 : 1 };
}

async function unitSuite(): Promise<Tally> {
  const database = await createTestDatabase("cr_unit");
  try {
    const out = path.join(results, "vitest.json");
    const code = await run(
      path.join(root, "node_modules/.bin/vitest"),
      ["run", "--reporter=default", "--reporter=json", `--outputFile.json=${out}`, ...extra],
      {
        ...process.env,
        VITEST_DATABASE_URL: database.url,
        EMBEDDED_DB: database.embedded ? "1" : "0",
      },
    );
    const report = existsSync(out) ? JSON.parse(readFileSync(out, "utf8")) : null;
    if (!report) return { name: "unit + integration", passed: 0, failed: Math.max(1, code) };
    return { name: "unit + integration", passed: report.numPassedTests, failed: report.numFailedTests + (code !== 0 && report.numFailedTests === 0 ? 1 : 0) };
  } finally {
    await database.drop();
  }
}

async function e2eSuite(): Promise<Tally> {
  ensureChromium();
  const database: TestDatabase = await createTestDatabase("cr_e2e");
  const resend = await startFakeResend();
  const port = await freePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  const appEnv: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: "production",
    DATABASE_URL: database.url,
    NEXTAUTH_SECRET: "e2e-secret-that-is-long-enough-for-next-auth-0123456789",
    APP_URL: baseUrl,
    NEXTAUTH_URL: baseUrl,
    RESEND_API_KEY: "re_e2e_key",
    RESEND_BASE_URL: resend.url,
    WORKER_POLL_MS: "300",
    TEST_CLOCK: "1",
    EMBEDDED_DB: database.embedded ? "1" : "0",
    // The webhook receiver in e2e/integrations.spec.ts listens on 127.0.0.1.
    WEBHOOKS_ALLOW_PRIVATE_NETWORKS: "1",
  };
  let app: ReturnType<typeof spawn> | undefined;
  try {
    if (buildIsStale(root)) {
      console.log("\nBuilding the app for end-to-end tests…");
      buildApp(root, appEnv);
    }
    app = spawn(process.execPath, [path.join(root, "scripts/server.mjs")], {
      cwd: root,
      env: { ...appEnv, PORT: String(port), HOSTNAME: "127.0.0.1" },
      stdio: ["ignore", "inherit", "inherit"],
    });
    await waitForHealth(baseUrl, 60_000);
    const out = path.join(results, "playwright.json");
    // A filtered run (e.g. `npm test -- --e2e policies`) runs just the matching specs, not the
    // projects the clock project depends on.
    const code = await run(path.join(root, "node_modules/.bin/playwright"), ["test", ...(extra.length ? ["--no-deps"] : []), ...extra], {
      ...process.env,
      BASE_URL: baseUrl,
      FAKE_RESEND_URL: resend.url,
      DATABASE_URL: database.url,
      NEXTAUTH_SECRET: appEnv.NEXTAUTH_SECRET,
      TEST_CLOCK: "1",
      WEBHOOKS_ALLOW_PRIVATE_NETWORKS: "1",
      PLAYWRIGHT_JSON_OUTPUT_NAME: out,
      NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ""} --import ${path.join(root, "scripts/support/register.mjs")}`.trim(),
    });
    const report = existsSync(out) ? JSON.parse(readFileSync(out, "utf8")) : null;
    if (!report) return { name: "end-to-end", passed: 0, failed: Math.max(1, code) };
    const { expected = 0, unexpected = 0, flaky = 0 } = report.stats ?? {};
    return { name: "end-to-end", passed: expected + flaky, failed: unexpected + (code !== 0 && unexpected === 0 ? 1 : 0) };
  } finally {
    app?.kill("SIGTERM");
    await resend.close();
    await database.drop();
  }
}

async function main() {
  mkdirSync(results, { recursive: true });
  console.log(
    (await serverIsReachable()) ? `PostgreSQL: ${serverUrl().replace(/:[^:@/]*@/, ":***@")}` : "PostgreSQL not reachable: using the embedded PGlite.",
  );
  const tallies: Tally[] = [];
  if (!only && extra.length === 0) tallies.push(await lint());
  if (only !== "--e2e") tallies.push(await unitSuite());
  if (only !== "--unit") tallies.push(await e2eSuite());
  // The fault suite (npm run test:faults) on the build the end-to-end tests just used.
  if (!only && extra.length === 0) {
    const { runFaultSuite } = await import("./test-faults");
    tallies.push({ name: "faults", ...(await runFaultSuite()) });
  }
  console.log("");
  for (const t of tallies) console.log(`${t.name}: ${t.passed} passed, ${t.failed} failed`);
  const passed = tallies.reduce((n, t) => n + t.passed, 0);
  const failed = tallies.reduce((n, t) => n + t.failed, 0);
  console.log(`${passed} passed, ${failed} failed`);
  process.exit(failed > 0 ? 1 : 0);
}

main().catch((error) => {
  console.error(error);
  console.log("0 passed, 1 failed");
  process.exit(1);
});
