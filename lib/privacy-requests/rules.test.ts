import { describe, expect, it } from "vitest";
import type { CustomerActor } from "@/lib/auth/actor";
import { db } from "@/lib/db";
import { addHoliday, removeHoliday } from "@/lib/holidays/mutations";
import { readSettings } from "@/lib/settings/queries";
import { makeCustomer } from "@/tests/support/customers";
import { makeStaff } from "@/tests/support/factories";
import { failure, invalid } from "@/tests/support/outcomes";
import { type DeadlineRule, vnDay } from "./deadlines";
import { logRequest } from "./mutations/desk";
import { setThirdParty, updateRequestRule } from "./mutations/rules";
import { requestCorrection } from "./mutations/self-service";
import { listRequestRules } from "./queries/rules";

const stored = (id: string) => db().privacyRequest.findUniqueOrThrow({ where: { id }, include: { deadlineChanges: { orderBy: { createdAt: "asc" } } } });
const due = async (id: string) => vnDay((await stored(id)).dueAt);

async function logged(type: "ACCESS" | "DELETE" | "WITHDRAW_CONSENT" | "GRANT_CONSENT" | "RECTIFY", receivedOn: string) {
  const officer = await makeStaff("COMPLIANCE");
  const c = await makeCustomer();
  const purposeKey = type === "WITHDRAW_CONSENT" || type === "GRANT_CONSENT" ? "advertising" : "";
  const request = await logRequest(officer, { customerId: c.id, type, channel: "PHONE", receivedOn, details: "Khách gọi điện đề nghị", purposeKey });
  return { officer, customer: c, id: request.id };
}

describe("the deadline rules table", () => {
  it("holds one row per type of request, with its legal reference, as the migration installs it", async () => {
    const rules = await listRequestRules(await makeStaff("STAFF"));
    const summary = Object.fromEntries(
      rules.map((r) => [r.type, `${r.acknowledgePeriod} ${r.acknowledgeUnit} / ${r.completePeriod} ${r.completeUnit} / ${r.thirdPartyPeriod ?? "-"}`]),
    );
    expect(summary).toMatchObject({
      ACCESS: "2 WORKING_DAYS / 10 WORKING_DAYS / -",
      RECTIFY: "2 WORKING_DAYS / 10 WORKING_DAYS / -",
      WITHDRAW_CONSENT: "2 WORKING_DAYS / 15 CALENDAR_DAYS / 20",
      STOP_SHARING: "2 WORKING_DAYS / 15 CALENDAR_DAYS / 20",
      DELETE: "2 WORKING_DAYS / 20 CALENDAR_DAYS / -",
    });
    expect(rules).toHaveLength(7);
    for (const r of rules) expect(r.legalReference).toMatch(/356\/2025/);
  });

  it("gives each request its type's deadline (received Friday 13 February 2026, before Tết) and keeps the rule on the request", async () => {
    const access = await logged("ACCESS", "2026-02-13");
    const deletion = await logged("DELETE", "2026-02-13");
    const withdrawal = await logged("WITHDRAW_CONSENT", "2026-02-13");
    // 10 working days with the Tết week skipped; 20 calendar days; 15 calendar days ending on a Saturday → Monday.
    expect([await due(access.id), await due(deletion.id), await due(withdrawal.id)]).toEqual(["2026-03-06", "2026-03-05", "2026-03-02"]);
    expect(vnDay((await stored(access.id)).acknowledgeDueAt)).toBe("2026-02-24");
    const rule = (await stored(access.id)).rule as DeadlineRule;
    expect(rule).toMatchObject({ type: "ACCESS", completePeriod: 10, completeUnit: "WORKING_DAYS", version: expect.any(Number) });
    expect(rule.legalReference).toContain("Điều 5");
  });

  it("tells the customer the period of their own request's rule, in their language", async () => {
    for (const [locale, words] of [
      ["vi", "10 ngày làm việc"],
      ["en", "10 working days"],
    ] as const) {
      const c = await makeCustomer({ locale });
      const me: CustomerActor = { kind: "customer", customerId: c.id, sessionId: "test" };
      await requestCorrection(me, { details: "Số điện thoại mới là 0912345678" });
      const email = await db().emailMessage.findFirstOrThrow({ where: { to: c.email!, template: "privacy_request" }, orderBy: { createdAt: "desc" } });
      expect(email.text).toContain(words);
      // Signed with the company's name in the email's language (the English name is a setting of its own).
      if (locale === "en") expect(email.text).toContain((await readSettings()).companyNameEn);
    }
  });

  it("changes a row only for the compliance officer, with a reason and the version read; open requests of that type move with it, audited", async () => {
    // GRANT_CONSENT: the one type other test files never check a deadline of.
    const { officer, id } = await logged("GRANT_CONSENT", "2026-06-01"); // Monday; 15 calendar days → Tuesday 16 June
    expect(await due(id)).toBe("2026-06-16");
    const [before] = (await listRequestRules(officer)).filter((r) => r.type === "GRANT_CONSENT");
    const change = {
      type: "GRANT_CONSENT",
      version: before.version,
      acknowledgePeriod: 2,
      acknowledgeUnit: "WORKING_DAYS",
      completePeriod: 10,
      completeUnit: "WORKING_DAYS",
      thirdPartyPeriod: "",
      extensionPeriod: 10,
      legalReference: before.legalReference,
      reason: "Đọc lại văn bản: thời hạn tính theo ngày làm việc",
    } as const;
    expect(await failure(updateRequestRule(await makeStaff("STAFF"), change))).toMatchObject({ code: "FORBIDDEN" });
    expect(await failure(updateRequestRule(await makeStaff("ADMIN"), change))).toMatchObject({ code: "FORBIDDEN" });
    expect(await invalid(updateRequestRule(officer, { ...change, reason: "" }))).toEqual({ reason: "rules.reasonRequired" });
    expect(await invalid(updateRequestRule(officer, { ...change, thirdPartyPeriod: 5 }))).toEqual({ thirdPartyPeriod: "rules.thirdPartyShorter" });
    expect(await failure(updateRequestRule(officer, { ...change, version: before.version + 5 }))).toMatchObject({ userMessage: "rules.changedMeanwhile" });
    expect(await due(id)).toBe("2026-06-16");

    try {
      const result = await updateRequestRule(officer, change);
      expect(result.version).toBe(before.version + 1);
      expect(result.moved).toBeGreaterThanOrEqual(1);
      // 10 working days from Monday 1 June: Monday 15 June.
      const request = await stored(id);
      expect(vnDay(request.dueAt)).toBe("2026-06-15");
      expect((request.rule as DeadlineRule).version).toBe(before.version + 1);
      expect(request.deadlineChanges).toMatchObject([{ cause: "RULE_CHANGED", reason: change.reason }]);
      expect(vnDay(request.deadlineChanges[0].previousDueAt)).toBe("2026-06-16");
      expect(await db().auditEvent.count({ where: { action: "request_rule.changed", entityId: "GRANT_CONSENT", actorId: officer.id } })).toBe(1);
      expect(await db().auditEvent.count({ where: { action: "request.deadline_recomputed", entityId: id } })).toBe(1);
      // The same change twice is not a change.
      expect(await failure(updateRequestRule(officer, { ...change, version: before.version + 1 }))).toMatchObject({ userMessage: "rules.nothingChanged" });
    } finally {
      await db().requestRule.update({
        where: { type: "GRANT_CONSENT" },
        data: { completePeriod: before.completePeriod, completeUnit: before.completeUnit, extensionPeriod: before.extensionPeriod },
      });
    }
  });

  it("moves open requests when the holiday table changes, and back again, each move recorded on the request", async () => {
    const admin = await makeStaff("ADMIN");
    const { id } = await logged("ACCESS", "2025-06-02"); // Monday; 10 working days → Monday 16 June 2025
    expect(await due(id)).toBe("2025-06-16");
    await addHoliday(admin, { date: "2025-06-10", name: "Ngày nghỉ thử" });
    try {
      expect(await due(id)).toBe("2025-06-17");
    } finally {
      await removeHoliday(admin, { date: "2025-06-10" });
    }
    expect(await due(id)).toBe("2025-06-16");
    const changes = (await stored(id)).deadlineChanges;
    expect(changes.map((c) => [c.cause, vnDay(c.previousDueAt), vnDay(c.dueAt)])).toEqual([
      ["HOLIDAYS_CHANGED", "2025-06-16", "2025-06-17"],
      ["HOLIDAYS_CHANGED", "2025-06-17", "2025-06-16"],
    ]);
    expect(changes[0].actorLabel).toBe(admin.email);
  });

  it("lengthens a withdrawal when a third party must stop too, and shortens it again when cleared, only with a reason", async () => {
    const { officer, id } = await logged("WITHDRAW_CONSENT", "2026-06-01"); // 15 calendar days → Tuesday 16 June
    expect(await due(id)).toBe("2026-06-16");
    expect(await failure(setThirdParty(await makeStaff("STAFF"), { id, involved: true, reason: "Đối tác quảng cáo cũng phải dừng" }))).toMatchObject({
      code: "FORBIDDEN",
    });
    expect(await invalid(setThirdParty(officer, { id, involved: true, reason: "" }))).toEqual({ reason: "rules.reasonRequired" });
    await setThirdParty(officer, { id, involved: true, reason: "Đối tác quảng cáo cũng phải dừng" });
    expect(await due(id)).toBe("2026-06-22"); // 20 days → Sunday 21 June → Monday 22 June
    expect(await failure(setThirdParty(officer, { id, involved: true, reason: "Đối tác quảng cáo cũng phải dừng" }))).toMatchObject({
      userMessage: "rules.thirdPartyUnchanged",
    });
    await setThirdParty(officer, { id, involved: false, reason: "Đối tác xác nhận chưa nhận dữ liệu này" });
    const request = await stored(id);
    expect([vnDay(request.dueAt), request.involvesThirdParty]).toEqual(["2026-06-16", false]);
    expect(request.deadlineChanges.map((c) => c.cause)).toEqual(["THIRD_PARTY_SET", "THIRD_PARTY_CLEARED"]);

    // An access request is not lengthened by a third party: the flag is recorded, the deadline stays.
    const access = await logged("ACCESS", "2026-06-01");
    const before = await due(access.id);
    await setThirdParty(officer, { id: access.id, involved: true, reason: "Nhà cung cấp email giữ bản sao" });
    expect([await due(access.id), (await stored(access.id)).involvesThirdParty]).toEqual([before, true]);
  });
});
