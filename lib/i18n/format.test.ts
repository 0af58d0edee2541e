import { describe, expect, it } from "vitest";
import { formatDate, formatDateTime, formatNumber, isoToText, textToIso } from "./format";

describe("dates and numbers follow the app's language, in Vietnam time", () => {
  it("dd/MM/yyyy in Vietnamese, day month year in English", () => {
    const at = new Date("2026-12-01T19:05:00Z"); // 02:05 on 2 December in Hanoi
    expect(formatDate(at, "vi")).toBe("02/12/2026");
    expect(formatDateTime(at, "vi")).toBe("02/12/2026 02:05");
    expect(formatDate(at, "en")).toBe("2 Dec 2026");
    expect(formatDateTime(at, "en")).toBe("2 Dec 2026, 02:05");
    expect(formatNumber(1234567, "vi")).toBe("1.234.567");
  });
});

describe("typed dates are read as day/month/year", () => {
  it("reads what an office types, and a pasted ISO date", () => {
    expect(textToIso("28/11/2027")).toBe("2027-11-28");
    expect(textToIso(" 3/1/2027 ")).toBe("2027-01-03");
    expect(textToIso("03.01.2027")).toBe("2027-01-03");
    expect(textToIso("2027-11-28")).toBe("2027-11-28");
  });
  it("refuses what is not a calendar day instead of guessing", () => {
    expect(textToIso("31/02/2027")).toBeNull();
    expect(textToIso("12/31/2027")).toBeNull();
    expect(textToIso("mai")).toBeNull();
    expect(textToIso("")).toBeNull();
  });
  it("shows a stored date the same way back", () => {
    expect(isoToText("2027-01-03")).toBe("03/01/2027");
    expect(textToIso(isoToText("2026-12-02"))).toBe("2026-12-02");
  });
});
