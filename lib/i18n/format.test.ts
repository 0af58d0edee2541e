import { describe, expect, it } from "vitest";
import { formatDate, formatDateTime, formatNumber } from "./format";

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
