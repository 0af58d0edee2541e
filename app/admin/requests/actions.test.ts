// The request desk's actions through their real wrappers: compliance acts, staff only look.
import { describe, expect, it } from "vitest";
import { now } from "@/lib/clock";
import { vnDay } from "@/lib/privacy-requests/deadlines";
import { db } from "@/lib/db";
import { makeCustomer } from "@/tests/support/customers";
import { actAsStaff } from "@/tests/support/session";
import {
  acknowledgeRequestAction,
  clearLegalHoldAction,
  completeRequestAction,
  confirmRetentionAction,
  erasureProgressAction,
  extendRequestAction,
  logRequestAction,
  rejectRequestAction,
  setLegalHoldAction,
  setThirdPartyAction,
  updateRequestRuleAction,
} from "./actions";

// "Today" on the app's clock (other test files move it forward).
const today = async () => vnDay(await now());
const form = (values: Record<string, string>) => {
  const data = new FormData();
  for (const [k, v] of Object.entries(values)) data.set(k, v);
  return data;
};

async function logged(type = "ACCESS") {
  const c = await makeCustomer();
  const result = await logRequestAction(
    form({ customerId: c.id, type, channel: "PHONE", receivedOn: await today(), details: "Khách gọi điện hỏi", purposeKey: "", involvesThirdParty: "" }),
  );
  expect(result).toMatchObject({ ok: true, data: { id: expect.any(String) } });
  return { customer: c, id: (result as { data: { id: string } }).data.id };
}

describe("request desk actions", () => {
  it("log, acknowledge, extend and complete a request; staff may not act", async () => {
    await actAsStaff("STAFF");
    expect(
      await logRequestAction(
        form({ customerId: (await makeCustomer()).id, type: "ACCESS", channel: "PHONE", receivedOn: await today(), details: "Khách gọi" }),
      ),
    ).toMatchObject({ ok: false, error: { code: "FORBIDDEN" } });
    await actAsStaff("COMPLIANCE");
    const { id } = await logged();
    expect(await acknowledgeRequestAction({ id })).toMatchObject({ ok: true });
    expect(await extendRequestAction({ id, days: "abc", reason: "x" })).toMatchObject({
      ok: false,
      error: { fieldErrors: { days: expect.any(String), reason: expect.any(String) } },
    });
    // An access request's rule allows one extension of at most 15 (working days).
    expect(await extendRequestAction({ id, days: "16", reason: "Cần đối chiếu hồ sơ giấy" })).toMatchObject({
      ok: false,
      error: { fieldErrors: { days: "Loại yêu cầu này chỉ được gia hạn tối đa 15." } },
    });
    expect(await extendRequestAction({ id, days: "5", reason: "Cần đối chiếu hồ sơ giấy" })).toMatchObject({ ok: true });
    expect(await completeRequestAction({ id, resolution: "Đã gửi bản sao dữ liệu" })).toMatchObject({ ok: true });
    expect((await db().privacyRequest.findUniqueOrThrow({ where: { id } })).status).toBe("COMPLETED");
  });

  it("change a deadline rule and set third parties on a request, only as the compliance officer and with a reason", async () => {
    await actAsStaff("COMPLIANCE");
    const { id } = await logged();
    expect(await setThirdPartyAction({ id, involved: "true", reason: "x" })).toMatchObject({
      ok: false,
      error: { fieldErrors: { reason: expect.any(String) } },
    });
    expect(await setThirdPartyAction({ id, involved: "true", reason: "Nhà cung cấp lưu trữ giữ bản sao" })).toMatchObject({ ok: true });
    expect((await db().privacyRequest.findUniqueOrThrow({ where: { id } })).involvesThirdParty).toBe(true);
    const rule = await db().requestRule.findUniqueOrThrow({ where: { type: "EXPORT" } });
    // A stale version: someone changed the row meanwhile; the form says so and nothing changes.
    expect(
      await updateRequestRuleAction({ ...rule, version: rule.version + 9, thirdPartyPeriod: "", reason: "Thử với phiên bản cũ của quy tắc" }),
    ).toMatchObject({ ok: false, error: { code: "CONFLICT", message: expect.stringContaining("Có người vừa thay đổi") } });
    expect(await updateRequestRuleAction({ ...rule, completePeriod: "0", reason: "" })).toMatchObject({
      ok: false,
      error: { fieldErrors: { completePeriod: "Nhập một số nguyên từ 1 đến 1000.", reason: expect.any(String) } },
    });
    await actAsStaff("STAFF");
    expect(await updateRequestRuleAction({ ...rule, thirdPartyPeriod: "", reason: "Nhân viên thử sửa quy tắc" })).toMatchObject({
      ok: false,
      error: { code: "FORBIDDEN" },
    });
    expect(await setThirdPartyAction({ id, involved: "false", reason: "Nhân viên thử bỏ bên thứ ba" })).toMatchObject({
      ok: false,
      error: { code: "FORBIDDEN" },
    });
    expect((await db().requestRule.findUniqueOrThrow({ where: { type: "EXPORT" } })).version).toBe(rule.version);
  });

  it("reject a request with a reason", async () => {
    await actAsStaff("COMPLIANCE");
    const { id } = await logged();
    expect(await rejectRequestAction({ id, reason: "Không xác minh được danh tính" })).toMatchObject({ ok: true });
    expect((await db().privacyRequest.findUniqueOrThrow({ where: { id } })).status).toBe("REJECTED");
  });

  it("set and clear a legal hold", async () => {
    const c = await makeCustomer();
    await actAsStaff("COMPLIANCE");
    expect(await setLegalHoldAction({ customerId: c.id, reason: "Quyết định của toà án số 12" })).toMatchObject({ ok: true });
    expect((await db().customer.findUniqueOrThrow({ where: { id: c.id } })).legalHoldReason).toBe("Quyết định của toà án số 12");
    // A second hold never silently replaces the first; lifting one needs a reason too.
    expect(await setLegalHoldAction({ customerId: c.id, reason: "Yêu cầu của cơ quan điều tra" })).toMatchObject({
      ok: false,
      error: { code: "CONFLICT", message: expect.stringContaining("đang bị tạm giữ") },
    });
    expect(await clearLegalHoldAction({ customerId: c.id, reason: "" })).toMatchObject({ ok: false, error: { fieldErrors: { reason: expect.any(String) } } });
    expect(await clearLegalHoldAction({ customerId: c.id, reason: "Toà án đã ra phán quyết cuối cùng" })).toMatchObject({ ok: true });
    expect((await db().customer.findUniqueOrThrow({ where: { id: c.id } })).legalHoldReason).toBeNull();
  });

  it("confirm a retention batch and follow its progress", async () => {
    const c = await makeCustomer({ status: "ACTIVE" });
    await db().customer.update({ where: { id: c.id }, data: { status: "TERMINATED", terminatedAt: new Date("2020-01-01") } });
    await actAsStaff("COMPLIANCE");
    const batch = await confirmRetentionAction({ customerIds: [c.id] });
    expect(batch).toMatchObject({ ok: true, data: { id: expect.any(String) } });
    expect(await erasureProgressAction({ id: (batch as { data: { id: string } }).data.id })).toMatchObject({ ok: true, data: { total: 1 } });
    expect(await confirmRetentionAction({ customerIds: [] })).toMatchObject({ ok: false, error: { code: "BAD_INPUT" } });
  });
});
