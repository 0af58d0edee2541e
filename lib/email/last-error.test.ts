// The outbox shows the app's own notes in the reader's language, never as codes.
import { describe, expect, it } from "vitest";
import { translator } from "@/lib/i18n/translate";
import { describeLastError } from "./last-error";

describe("the outbox's last note", () => {
  it("puts the guard's verdicts, holds and a batch sent by an earlier attempt into words, in both languages", () => {
    const vi = translator("vi");
    const en = translator("en");
    expect(describeLastError("guard:WITHDRAWN", vi)).toBe(vi("campaigns.stopped", { reason: vi("campaigns.reason.WITHDRAWN") }));
    expect(describeLastError("guard:NO_CUSTOMER", en)).toBe("Not sent: Customer record no longer exists");
    expect(describeLastError("guard:CAMPAIGN_CANCELLED", en)).toBe("Not sent: Campaign cancelled");
    expect(describeLastError("held:DAILY_CAP", vi)).toBe(vi("campaigns.heldCap"));
    expect(describeLastError("held:SEND_WINDOW", en)).toBe("Held: outside sending hours");
    expect(describeLastError("sent:earlier_attempt", vi)).toMatch(/^Đã gửi ở một lần thử trước/);
    for (const note of ["guard:WITHDRAWN", "held:DAILY_CAP", "sent:earlier_attempt"]) {
      expect(describeLastError(note, vi)).not.toContain(note);
      expect(describeLastError(note, en)).not.toContain(note);
    }
    // The provider's own words, and a reason this version does not know, are shown as they came.
    expect(describeLastError("rate_limit_exceeded: Too many requests", vi)).toBe("rate_limit_exceeded: Too many requests");
    expect(describeLastError("guard:SOMETHING_NEW", en)).toBe("guard:SOMETHING_NEW");
  });
});
