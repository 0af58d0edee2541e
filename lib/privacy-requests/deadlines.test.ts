import { describe, expect, it } from "vitest";
import {
  addCalendarDays,
  addPeriod,
  addWorkingDays,
  type DeadlineRule,
  deadlinesFor,
  extendedDeadline,
  missingHolidayYears,
  urgencyOf,
  vnDay,
  workingDaysLeft,
} from "./deadlines";

// The 2026 holidays as the migration seeds them (Tết: 16–20 February).
const HOLIDAYS_2026 = new Set([
  "2026-01-01",
  "2026-02-16",
  "2026-02-17",
  "2026-02-18",
  "2026-02-19",
  "2026-02-20",
  "2026-04-27",
  "2026-04-30",
  "2026-05-01",
  "2026-09-01",
  "2026-09-02",
]);
const NONE = new Set<string>();
// Rows as the migration installs them (lib/privacy-requests/requests.test.ts checks the table agrees).
const rule = (type: string, completePeriod: number, completeUnit: DeadlineRule["completeUnit"], thirdPartyPeriod: number | null = null): DeadlineRule => ({
  type,
  acknowledgePeriod: 2,
  acknowledgeUnit: "WORKING_DAYS",
  completePeriod,
  completeUnit,
  thirdPartyPeriod,
  extensionPeriod: 15,
  legalReference: "Decree 356/2025/ND-CP, Art. 5",
  version: 1,
});
const ACCESS = rule("ACCESS", 10, "WORKING_DAYS");
const RECTIFY = rule("RECTIFY", 10, "WORKING_DAYS");
const WITHDRAW = rule("WITHDRAW_CONSENT", 15, "CALENDAR_DAYS", 20);
const DELETE = rule("DELETE", 20, "CALENDAR_DAYS");
const vn = (local: string) => new Date(`${local}+07:00`);
const day = (d: Date) => vnDay(d);

describe("deadlines per type of request, received on Friday 13 February 2026 (the last working day before Tết)", () => {
  const friday = vn("2026-02-13T15:00:00");

  it("access and correction: acknowledged within 2 working days and completed within 10, Tết skipped", () => {
    expect(deadlinesFor(friday, ACCESS, false, HOLIDAYS_2026)).toEqual({
      acknowledgeDueAt: vn("2026-02-24T23:59:59.999"),
      dueAt: vn("2026-03-06T23:59:59.999"),
    });
    expect(day(deadlinesFor(friday, RECTIFY, false, HOLIDAYS_2026).dueAt)).toBe("2026-03-06");
    // A third party does not lengthen an access request.
    expect(day(deadlinesFor(friday, ACCESS, true, HOLIDAYS_2026).dueAt)).toBe("2026-03-06");
    // Without the holiday table Tết would count: a week earlier.
    expect(day(deadlinesFor(friday, ACCESS, false, NONE).dueAt)).toBe("2026-02-27");
  });

  it("deletion: 20 calendar days from the next day, ending on a working day", () => {
    // 14 February + 19 days = Thursday 5 March, a working day.
    expect(day(deadlinesFor(friday, DELETE, false, HOLIDAYS_2026).dueAt)).toBe("2026-03-05");
  });

  it("withdrawal: 15 calendar days, moved off a weekend; 20 when a processor or third party must stop too", () => {
    // Saturday 28 February → Monday 2 March.
    expect(day(deadlinesFor(friday, WITHDRAW, false, HOLIDAYS_2026).dueAt)).toBe("2026-03-02");
    expect(day(deadlinesFor(friday, WITHDRAW, true, HOLIDAYS_2026).dueAt)).toBe("2026-03-05");
  });

  it("the acknowledgement is never due after completion, whatever the rule's units", () => {
    const fast = { ...ACCESS, completePeriod: 24, completeUnit: "HOURS" as const, acknowledgePeriod: 5 };
    const due = deadlinesFor(friday, fast, false, HOLIDAYS_2026);
    expect(due.dueAt).toEqual(vn("2026-02-14T15:00:00"));
    expect(due.acknowledgeDueAt).toEqual(due.dueAt);
  });

  it("an extension counts in the rule's completion unit from the first deadline", () => {
    const due = deadlinesFor(friday, DELETE, false, HOLIDAYS_2026).dueAt; // Thursday 5 March
    expect(day(extendedDeadline(due, 15, DELETE, HOLIDAYS_2026))).toBe("2026-03-20");
    const access = deadlinesFor(friday, ACCESS, false, HOLIDAYS_2026).dueAt; // Friday 6 March
    expect(day(extendedDeadline(access, 15, ACCESS, HOLIDAYS_2026))).toBe("2026-03-27");
  });
});

describe("calendar days and hours", () => {
  it("count calendar days from the day after receipt; a last day in Tết moves past the whole break and the weekend", () => {
    // Sunday 1 February + 15 = Monday 16 February, the first day of Tết → Monday 23 February.
    expect(day(addCalendarDays(vn("2026-02-01T09:00:00"), 15, HOLIDAYS_2026))).toBe("2026-02-23");
    expect(day(addCalendarDays(vn("2026-02-01T09:00:00"), 15, NONE))).toBe("2026-02-16");
    // Received late in the evening in Hà Nội (still the same Vietnamese day).
    expect(day(addCalendarDays(new Date("2026-03-02T16:30:00Z"), 1, NONE))).toBe("2026-03-03");
  });

  it("count hours from the moment of receipt, through weekends and holidays", () => {
    expect(addPeriod(vn("2026-02-13T10:00:00"), 72, "HOURS", HOLIDAYS_2026)).toEqual(vn("2026-02-16T10:00:00"));
  });

  it("refuse a negative or fractional period in any unit", () => {
    for (const unit of ["WORKING_DAYS", "CALENDAR_DAYS", "HOURS"] as const) {
      expect(() => addPeriod(new Date(), -1, unit, NONE)).toThrow(RangeError);
      expect(() => addPeriod(new Date(), 0.5, unit, NONE)).toThrow(RangeError);
    }
  });
});

describe("working-day deadlines", () => {
  it("do not count the day of receipt, weekends or holidays, and end at midnight in Vietnam", () => {
    // Friday → Monday (1), Tuesday (2).
    const due = addWorkingDays(vn("2026-11-27T10:00:00"), 2, HOLIDAYS_2026);
    expect(day(due)).toBe("2026-12-01");
    expect(due.toISOString()).toBe("2026-12-01T16:59:59.999Z");
    // Saturday and Sunday receipts count from Monday as well.
    expect(day(addWorkingDays(vn("2026-11-28T09:00:00"), 2, HOLIDAYS_2026))).toBe("2026-12-01");
    expect(day(addWorkingDays(vn("2026-11-29T23:59:00"), 2, HOLIDAYS_2026))).toBe("2026-12-01");
  });

  it("use the Vietnamese calendar day, not the server's (UTC)", () => {
    // 23:00 Thursday in Hà Nội is still Thursday: Friday (1), Monday (2).
    expect(day(addWorkingDays(new Date("2026-11-26T16:00:00Z"), 2, NONE))).toBe("2026-11-30");
    // 00:30 Friday in Hà Nội is Thursday 17:30 UTC: Monday (1), Tuesday (2).
    expect(day(addWorkingDays(new Date("2026-11-26T17:30:00Z"), 2, NONE))).toBe("2026-12-01");
  });

  it("skip the whole Tết break", () => {
    const friday = vn("2026-02-13T15:00:00");
    // Without the holiday table the answer would be due on Tuesday in the middle of Tết.
    expect(day(addWorkingDays(friday, 2, NONE))).toBe("2026-02-17");
    expect(day(addWorkingDays(friday, 2, HOLIDAYS_2026))).toBe("2026-02-24");
    expect(day(addWorkingDays(friday, 15, HOLIDAYS_2026))).toBe("2026-03-13");
    expect(day(addWorkingDays(friday, 15, NONE))).toBe("2026-03-06");
  });

  it("skip 30 April and 1 May, and the compensatory day for the Hùng Kings", () => {
    expect(day(addWorkingDays(vn("2026-04-29T09:00:00"), 2, HOLIDAYS_2026))).toBe("2026-05-05");
    expect(day(addWorkingDays(vn("2026-04-24T09:00:00"), 1, HOLIDAYS_2026))).toBe("2026-04-28");
  });

  it("refuse a negative or fractional number of days", () => {
    expect(() => addWorkingDays(new Date(), -1, NONE)).toThrow(RangeError);
    expect(() => addWorkingDays(new Date(), 1.5, NONE)).toThrow(RangeError);
  });
});

describe("days left", () => {
  const due = vn("2026-12-01T23:59:59.999"); // a Tuesday

  it("count working days up to the due day, 0 on the day itself", () => {
    expect(workingDaysLeft(vn("2026-11-27T10:00:00"), due, NONE)).toBe(2);
    expect(workingDaysLeft(vn("2026-11-28T10:00:00"), due, NONE)).toBe(2);
    expect(workingDaysLeft(vn("2026-11-30T08:00:00"), due, NONE)).toBe(1);
    expect(workingDaysLeft(vn("2026-12-01T23:00:00"), due, NONE)).toBe(0);
  });

  it("go negative once the deadline has passed, even over a weekend", () => {
    expect(workingDaysLeft(vn("2026-12-02T00:30:00"), due, NONE)).toBe(-1);
    const friday = vn("2026-11-27T23:59:59.999");
    expect(workingDaysLeft(vn("2026-11-28T10:00:00"), friday, NONE)).toBe(-1);
    expect(workingDaysLeft(vn("2026-11-30T10:00:00"), friday, NONE)).toBe(-1);
    expect(workingDaysLeft(vn("2026-12-01T10:00:00"), friday, NONE)).toBe(-2);
  });

  it("classify requests: acknowledgement first, then completion, extension honoured, closed ones ignored", () => {
    const base = {
      status: "RECEIVED",
      acknowledgedAt: null,
      acknowledgeDueAt: vn("2026-12-01T23:59:59.999"),
      dueAt: vn("2026-12-18T23:59:59.999"),
      extendedDueAt: null,
    };
    expect(urgencyOf(base, vn("2026-11-27T10:00:00"), NONE)).toMatchObject({ urgency: "dueSoon", daysLeft: 2 });
    expect(urgencyOf(base, vn("2026-12-02T10:00:00"), NONE)).toMatchObject({ urgency: "overdue", daysLeft: -1 });
    const acknowledged = { ...base, status: "ACKNOWLEDGED", acknowledgedAt: vn("2026-11-30T10:00:00") };
    expect(urgencyOf(acknowledged, vn("2026-12-02T10:00:00"), NONE)).toMatchObject({ urgency: "onTrack", daysLeft: 12 });
    expect(urgencyOf(acknowledged, vn("2026-12-21T10:00:00"), NONE).urgency).toBe("overdue");
    const extended = { ...acknowledged, extendedDueAt: vn("2027-01-08T23:59:59.999") };
    expect(urgencyOf(extended, vn("2026-12-21T10:00:00"), NONE)).toMatchObject({ urgency: "onTrack", daysLeft: 14 });
    expect(urgencyOf({ ...extended, status: "COMPLETED" }, vn("2027-02-01T10:00:00"), NONE)).toMatchObject({ urgency: "closed", daysLeft: null });
  });
});

describe("the holiday table's coverage", () => {
  it("needs this year's holidays, and next year's from October on", () => {
    expect(missingHolidayYears(HOLIDAYS_2026, "2026-03-10")).toEqual([]);
    expect(missingHolidayYears(HOLIDAYS_2026, "2026-09-30")).toEqual([]);
    expect(missingHolidayYears(HOLIDAYS_2026, "2026-10-01")).toEqual([2027]);
    expect(missingHolidayYears([...HOLIDAYS_2026, "2027-02-05"], "2026-12-31")).toEqual([]);
    expect(missingHolidayYears(HOLIDAYS_2026, "2027-01-02")).toEqual([2027]);
    expect(missingHolidayYears(NONE, "2027-11-02")).toEqual([2027, 2028]);
  });
});
