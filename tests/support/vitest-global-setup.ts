// One migrated database per test run, dropped at the end. scripts/test.ts may pass one in through
// VITEST_DATABASE_URL; otherwise this creates its own (so `npx vitest` works on its own too).
import type { TestProject } from "vitest/node";
import { createTestDatabase, type TestDatabase } from "../../scripts/support/throwaway-database";

let created: TestDatabase | undefined;

export async function setup(_project: TestProject) {
  if (!process.env.VITEST_DATABASE_URL) {
    created = await createTestDatabase("cr_unit");
    process.env.VITEST_DATABASE_URL = created.url;
  }
  process.env.DATABASE_URL = process.env.VITEST_DATABASE_URL;
  process.env.NEXTAUTH_SECRET ??= "test-secret-that-is-long-enough-for-next-auth-0123456789";
  process.env.WORKER_ENABLED = "0";
  process.env.TEST_CLOCK = "1";
  // Webhook receivers in tests listen on 127.0.0.1 (lib/webhooks/webhooks.test.ts turns this off to test the refusal).
  process.env.WEBHOOKS_ALLOW_PRIVATE_NETWORKS = "1";
  // Hundreds of test accounts: a cheaper hash keeps the suite fast (lib/auth/password.test.ts checks the default).
  process.env.PASSWORD_SCRYPT_LOG_N = "14";
}

export async function teardown() {
  await created?.drop();
}
