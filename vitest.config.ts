import path from "node:path";
import { defineConfig } from "vitest/config";

export default defineConfig({
  resolve: {
    alias: {
      "@": path.resolve(import.meta.dirname),
      "server-only": path.resolve(import.meta.dirname, "tests/support/empty-module.ts"),
      // Server actions and route code run under Vitest against a simulated request (real sessions).
      "next/headers": path.resolve(import.meta.dirname, "tests/support/next-request.ts"),
      "next/cache": path.resolve(import.meta.dirname, "tests/support/next-cache.ts"),
    },
  },
  test: {
    include: ["{lib,scripts,app,components,tests}/**/*.test.{ts,tsx}"],
    globalSetup: ["tests/support/vitest-global-setup.ts"],
    // Integration tests share one database and the outbox; run files one after another.
    fileParallelism: false,
    testTimeout: 30_000,
    hookTimeout: 120_000,
  },
});
