// npm run test:faults — what production does to the app, on loopback and bounded in time: a SIGKILL
// in the middle of a burst of submissions, the database's connections cut under traffic, the email
// provider failing in three ways, two instances behind a proxy with workers killed mid-send. Each scenario prints what it did and its counts and fails on any
// lost acknowledged write or duplicate. Builds the app first when the build is stale.
// FAULT_OUTAGE_SECONDS sets how long the provider stays down per mode (default 8; 120 for the
// two-minute drill).
import path from "node:path";
import { createTestDatabase } from "./support/throwaway-database";
import { buildApp, buildIsStale } from "./support/build";
import { root, type Outcome, SECRET } from "./faults/harness";

export async function runFaultSuite(): Promise<{ passed: number; failed: number }> {
  const database = await createTestDatabase("cr_faults");
  process.env.DATABASE_URL = database.url;
  process.env.NEXTAUTH_SECRET ??= SECRET;
  const { closeDb } = await import("@/lib/db");
  try {
    if (database.embedded) {
      console.log("\nFault suite: skipped (no PostgreSQL server to cut; the embedded database runs in this process).");
      return { passed: 0, failed: 0 };
    }
    if (buildIsStale(root)) {
      console.log("\nBuilding the app for the fault suite…");
      buildApp(root, { ...process.env, NODE_ENV: "production" });
    }
    const { systemActor } = await import("@/lib/auth/actor");
    const { createForm } = await import("@/lib/forms/mutations");
    const slug = `faults-${Date.now().toString(36)}`;
    const form = await createForm(systemActor("faults"), {
      slug,
      kind: "LEAD",
      status: "PUBLISHED",
      titleVi: "Thử lỗi",
      titleEn: "Faults",
      introVi: "",
      introEn: "",
      thankYouVi: "",
      thankYouEn: "",
      redirectUrl: "",
      fields: { fullName: "required", email: "required", phone: "off", address: "off", organization: "off" },
      questions: [],
      purposeKeys: [],
      allowedOrigins: "",
    });
    const { killDuringBurst } = await import("./faults/kill");
    const { databaseOutage } = await import("./faults/database-outage");
    const { emailOutage } = await import("./faults/email-outage");
    const { twoInstances } = await import("./faults/two-instances");
    const scenarios: (() => Promise<Outcome>)[] = [
      () => killDuringBurst(slug, form.id),
      () => databaseOutage(database.url, slug, form.id),
      () => emailOutage(Number(process.env.FAULT_OUTAGE_SECONDS ?? 8)),
      () => twoInstances(),
    ];
    let passed = 0;
    let failed = 0;
    for (const scenario of scenarios) {
      const started = Date.now();
      let outcome: Outcome;
      try {
        outcome = await scenario();
      } catch (error) {
        outcome = { name: scenario.toString().slice(6, 40), ok: false, lines: [`did not finish: ${(error as Error).message}`] };
      }
      console.log(`\n${outcome.ok ? "✓" : "✘"} ${outcome.name} (${((Date.now() - started) / 1000).toFixed(0)} s)`);
      for (const line of outcome.lines) console.log(`    ${line}`);
      if (outcome.ok) passed++;
      else failed++;
    }
    return { passed, failed };
  } finally {
    await closeDb();
    await database.drop();
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(root, "scripts/test-faults.ts")) {
  const { passed, failed } = await runFaultSuite();
  console.log(`\nfaults: ${passed} passed, ${failed} failed`);
  process.exit(failed > 0 ? 1 : 0);
}
