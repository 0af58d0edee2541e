// How long a sign-in must wait. Failures are counted per (account, address) and per address: the
// owner of an account signing in from another address is never held back by someone guessing
// elsewhere, and no one can lock anybody else out. Delays grow with each failure beyond the free
// ones (1, 2, 4 … minutes, at most an hour) after the last counted failure; tries made while held
// back are not counted, so they extend nothing.
export const THROTTLE = {
  /** Free failures for one account from one address (since its last success there). */
  perAccountAndAddress: 5,
  /** Free failures from one address, whatever the accounts. */
  perAddress: 20,
  windowHours: 24,
  maxDelayMinutes: 60,
} as const;

export type FailureCount = { failures: number; lastFailureAt: Date | null };

export function delayMinutes(failures: number, free: number): number {
  if (failures < free) return 0;
  return Math.min(THROTTLE.maxDelayMinutes, 2 ** (failures - free));
}

/** Whole minutes left to wait (0 = may try now), from the two counts. */
export function minutesLeft(pair: FailureCount, address: FailureCount, now: Date): number {
  const until = (count: FailureCount, free: number) => (count.lastFailureAt ? count.lastFailureAt.getTime() + delayMinutes(count.failures, free) * 60_000 : 0);
  const wait = Math.max(until(pair, THROTTLE.perAccountAndAddress), until(address, THROTTLE.perAddress)) - now.getTime();
  return wait > 0 ? Math.max(1, Math.ceil(wait / 60_000)) : 0;
}
