import { describe, expect, it } from "vitest";
import { addWorkingDays, deadlinesFor, missingHolidayYears, urgencyOf, vnDay, workingDaysLeft } from "./deadlines";

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
const vn = (local: string) => new Date(`${local}+07:00`);
const day = (d: Date) => vnDay(d);

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
    expect(deadlinesFor(friday, false, HOLIDAYS_2026)).toEqual({ acknowledgeDueAt: vn("2026-02-24T23:59:59.999"), dueAt: vn("2026-03-13T23:59:59.999") });
    expect(day(deadlinesFor(friday, false, NONE).dueAt)).toBe("2026-03-06");
    // A processor or third party must act too: 20 working days.
    expect(day(deadlinesFor(friday, true, HOLIDAYS_2026).dueAt)).toBe("2026-03-20");
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
