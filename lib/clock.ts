// The app's "now" for anything with a date (policies coming into force, deadlines). In production it
// is the system clock. End-to-end tests run the app with TEST_CLOCK=1 and move time forward through
// the `testClock.offsetMs` setting, so behaviour "after the date" can be seen without waiting.
import { env } from "@/lib/env";

export const TEST_CLOCK_SETTING = "testClock.offsetMs";

let offset = { value: 0, readAt: 0 };

/** The current time (with the test offset when TEST_CLOCK=1; re-read at most once a second). */
export async function now(): Promise<Date> {
  if (!env().TEST_CLOCK) return new Date();
  if (Date.now() - offset.readAt > 1000) {
    const { readClockOffset } = await import("@/lib/settings/queries");
    offset = { value: await readClockOffset(), readAt: Date.now() };
  }
  return new Date(Date.now() + offset.value);
}

export function forgetClockOffset() {
  offset = { value: 0, readAt: 0 };
}
