// Vietnam's legal clock for privacy requests. Each type of request has a rule (the RequestRule
// table) whose periods are counted in working days (Monday to Friday except the Holiday table, Tết
// included), calendar days (Civil Code counting) or hours. Pure functions: the rule and the holiday
// set are passed in, so the arithmetic is tested without a database. Days are calendar days in
// Vietnam (UTC+7, no DST).

/** Highlighted (and in the daily email) when this few working days remain. */
export const DUE_SOON_DAYS = 2;

/** How a period is counted. Working days skip weekends and the holiday table; calendar days follow the Civil Code; hours are hours. */
export const DEADLINE_UNITS = ["WORKING_DAYS", "CALENDAR_DAYS", "HOURS"] as const;
export type DeadlineUnit = (typeof DEADLINE_UNITS)[number];

/**
 * One row of the rules table (RequestRule): the periods the law gives one type of request. Kept as
 * data so the compliance officer can read it, correct it with a reason, and see which rule each
 * request's deadline came from (a copy is stored on the request).
 */
export type DeadlineRule = {
  type: string;
  acknowledgePeriod: number;
  acknowledgeUnit: DeadlineUnit;
  completePeriod: number;
  completeUnit: DeadlineUnit;
  /** The completion period when a processor or third party must also act; null when they do not lengthen it. */
  thirdPartyPeriod: number | null;
  /** The one extension allowed, at most this long, in the completion unit. */
  extensionPeriod: number;
  legalReference: string;
  version: number;
};

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

/**
 * The end of a period of calendar days, as the Civil Code counts it (Articles 147–148): from the day
 * after `from`; when the last day is a weekly rest day or a public holiday, the period ends at the
 * end of the next working day.
 */
export function addCalendarDays(from: Date, n: number, holidays: ReadonlySet<string>): Date {
  if (!Number.isInteger(n) || n < 0) throw new RangeError(`calendar days must be a whole number ≥ 0, got ${n}`);
  let day = vnDay(from);
  for (let left = n; left > 0; left--) day = nextDay(day);
  while (n > 0 && !isWorkingDay(day, holidays)) day = nextDay(day);
  return endOfVnDay(day);
}

/** The end of a period counted in `unit` from `from`. */
export function addPeriod(from: Date, n: number, unit: DeadlineUnit, holidays: ReadonlySet<string>): Date {
  if (unit === "WORKING_DAYS") return addWorkingDays(from, n, holidays);
  if (unit === "CALENDAR_DAYS") return addCalendarDays(from, n, holidays);
  if (!Number.isInteger(n) || n < 0) throw new RangeError(`hours must be a whole number ≥ 0, got ${n}`);
  return new Date(from.getTime() + n * 3_600_000);
}

export type RequestDeadlines = { acknowledgeDueAt: Date; dueAt: Date };

/** The completion period a rule gives, with or without a third party. */
export function completionPeriod(rule: DeadlineRule, involvesThirdParty: boolean): number {
  return involvesThirdParty && rule.thirdPartyPeriod !== null ? rule.thirdPartyPeriod : rule.completePeriod;
}

/**
 * A request's deadlines under its rule. An acknowledgement is never due after completion: where a
 * rule's periods would say so, the earlier one wins.
 */
export function deadlinesFor(receivedAt: Date, rule: DeadlineRule, involvesThirdParty: boolean, holidays: ReadonlySet<string>): RequestDeadlines {
  const dueAt = addPeriod(receivedAt, completionPeriod(rule, involvesThirdParty), rule.completeUnit, holidays);
  const acknowledgeDueAt = addPeriod(receivedAt, rule.acknowledgePeriod, rule.acknowledgeUnit, holidays);
  return { acknowledgeDueAt: new Date(Math.min(acknowledgeDueAt.getTime(), dueAt.getTime())), dueAt };
}

/** The deadline after the one extension: `days` more, counted in the rule's completion unit from the original deadline. */
export function extendedDeadline(dueAt: Date, days: number, rule: DeadlineRule, holidays: ReadonlySet<string>): Date {
  return addPeriod(dueAt, days, rule.completeUnit, holidays);
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
  const urgency = now > current ? "overdue" : daysLeft <= DUE_SOON_DAYS ? "dueSoon" : "onTrack";
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
