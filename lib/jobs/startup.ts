// Server start-up: fail fast on a bad environment (a clear message naming each variable, no stack
// trace), then start the background job runner.
import { assertEnv, EnvError } from "@/lib/env";
import { startJobRunner } from "./runner";

export function onServerStart() {
  try {
    assertEnv();
  } catch (error) {
    if (!(error instanceof EnvError)) throw error;
    console.error(`\n${error.message}\n`);
    process.exit(1);
  }
  void startJobRunner();
}
