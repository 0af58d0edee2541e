import { defineConfig } from "@playwright/test";

// Started by scripts/test.ts, which builds the app, starts it against a fresh database and a fake
// Resend server, and passes their addresses in BASE_URL and FAKE_RESEND_URL.
// Specs that change what every other spec shares run after the others: the app clock, then (alone,
// since it makes every compliance session without two-step sign-in a restricted one) the
// requirement of two-step sign-in.
const LATE_SPECS = /policies\.spec\.ts$/;
const LAST_SPECS = /two-factor-required\.spec\.ts$/;

export default defineConfig({
  testDir: "e2e",
  outputDir: "test-results/playwright",
  workers: 2,
  timeout: 45_000,
  expect: { timeout: 10_000 },
  reporter: [["list"], ["json"]],
  globalSetup: "./e2e/support/global-setup.ts",
  use: {
    baseURL: process.env.BASE_URL ?? "http://127.0.0.1:3000",
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
    launchOptions: {
      executablePath: "/usr/bin/chromium",
      args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
    },
  },
  // Specs that move the app's shared test clock (weeks forward, for policy dates) run after all the
  // others, so no other spec sees its deadlines or "days left" jump in the middle of a test.
  projects: [
    { name: "chromium", testIgnore: [LATE_SPECS, LAST_SPECS], use: { browserName: "chromium", viewport: { width: 1280, height: 800 } } },
    { name: "clock", testMatch: LATE_SPECS, dependencies: ["chromium"], use: { browserName: "chromium", viewport: { width: 1280, height: 800 } } },
    { name: "last", testMatch: LAST_SPECS, dependencies: ["clock"], use: { browserName: "chromium", viewport: { width: 1280, height: 800 } } },
  ],
});
