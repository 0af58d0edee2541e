// Vietnam's legal clock for privacy requests, in working days: Monday to Friday except public
// holidays (the Holiday table, Tết included). Pure functions: the holiday set is passed in, so the
// arithmetic is tested without a database. Days are calendar days in Vietnam (UTC+7, no DST).

export const RULES = {
  /** Acknowledge receipt within 2 working days. */
  acknowledgeDays: 2,
  /** Complete within 15 working days… */
  completeDays: 15,
  /** …or 20 when a processor or third party must also act. */
  completeDaysWithThirdParty: 20,
  /** One extension of at most 15 working days, with a reason sent to the customer. */
  maxExtensionDays: 15,
  /** Highlighted (and in the daily email) when this few working days remain. */
  dueSoonDays: 2,
} as const;

const VN_OFFSET_MS = 7 * 3_600_000;
const DAY_MS = 86_400_000;

/** The calendar day in Vietnam of an instant, as YYYY-MM-DD. */
export function vnDay(at: Date): string {
  return new Date(at.getTime() + VN_OFFSET_MS).toISOString().slice(0, 10);
}

/** The last millisecond of a Vietnamese calendar day. */
export function endOfVnDay(day: string): Date {
  return new Date(`${day}T23:59:59.999+07:00`);
}

function nextDay(day: string): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + DAY_MS).toISOString().slice(0, 10);
}

export function isWorkingDay(day: string, holidays: ReadonlySet<string>): boolean {
  const weekday = new Date(`${day}T00:00:00Z`).getUTCDay();
  return weekday !== 0 && weekday !== 6 && !holidays.has(day);
}

/**
 * The end of the n-th working day after `from`. The day something arrives does not count, whatever
 * the hour: a request received on Friday evening with 2 days to answer is due Tuesday night.
 */
export function addWorkingDays(from: Date, n: number, holidays: ReadonlySet<string>): Date {
  if (!Number.isInteger(n) || n < 0) throw new RangeError(`working days must be a whole number ≥ 0, got ${n}`);
  let day = vnDay(from);
  for (let left = n; left > 0; ) {
    day = nextDay(day);
    if (isWorkingDay(day, holidays)) left--;
  }
  return endOfVnDay(day);
}

/**
 * Working days left before `due`: 0 on the due day itself, 1 the working day before, and so on;
 * negative once it has passed (−1 on the first working day after). Non-working days in between do
 * not count.
 */
export function workingDaysLeft(now: Date, due: Date, holidays: ReadonlySet<string>): number {
  const today = vnDay(now);
  const dueDay = vnDay(due);
  if (today === dueDay) return 0;
  const [from, to, sign] = today < dueDay ? [today, dueDay, 1] : [dueDay, today, -1];
  let count = 0;
  for (let day = nextDay(from); day <= to; day = nextDay(day)) if (isWorkingDay(day, holidays)) count++;
  // Overdue on a weekend still reads as overdue, never as "0 days left".
  return sign === -1 ? -Math.max(1, count) : count;
}

export type RequestDeadlines = { acknowledgeDueAt: Date; dueAt: Date };

export function deadlinesFor(receivedAt: Date, involvesThirdParty: boolean, holidays: ReadonlySet<string>): RequestDeadlines {
  return {
    acknowledgeDueAt: addWorkingDays(receivedAt, RULES.acknowledgeDays, holidays),
    dueAt: addWorkingDays(receivedAt, involvesThirdParty ? RULES.completeDaysWithThirdParty : RULES.completeDays, holidays),
  };
}

export const CLOSED_STATUSES: readonly string[] = ["COMPLETED", "REJECTED", "CANCELLED"];

export type Urgency = "overdue" | "dueSoon" | "onTrack" | "closed";

/** How a request stands against its current deadline (the extended one if it was extended). */
export function urgencyOf(
  request: { status: string; acknowledgedAt: Date | null; acknowledgeDueAt: Date; dueAt: Date; extendedDueAt: Date | null },
  now: Date,
  holidays: ReadonlySet<string>,
): { urgency: Urgency; daysLeft: number | null; deadline: Date } {
  const deadline = request.extendedDueAt ?? request.dueAt;
  if (CLOSED_STATUSES.includes(request.status)) return { urgency: "closed", daysLeft: null, deadline };
  // Before acknowledgement, the nearer deadline is the acknowledgement's.
  const current = request.acknowledgedAt ? deadline : request.acknowledgeDueAt;
  const daysLeft = workingDaysLeft(now, current, holidays);
  const urgency = now > current ? "overdue" : daysLeft <= RULES.dueSoonDays ? "dueSoon" : "onTrack";
  return { urgency, daysLeft, deadline: current };
}

/** From this day of the year on, next year's holidays (Tết may fall in late January) must be in the table. */
const NEXT_YEAR_NEEDED_FROM = "10-01";

/**
 * Years whose holidays are missing from the table, so deadlines in them would count public holidays
 * (Tết above all) as working days: this year, and next year from October on.
 */
export function missingHolidayYears(holidays: Iterable<string>, today: string): number[] {
  const years = new Set([...holidays].map((d) => Number(d.slice(0, 4))));
  const year = Number(today.slice(0, 4));
  const needed = today.slice(5) >= NEXT_YEAR_NEEDED_FROM ? [year, year + 1] : [year];
  return needed.filter((y) => !years.has(y));
}
