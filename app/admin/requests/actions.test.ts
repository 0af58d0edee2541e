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
    expect(await extendRequestAction({ id, days: "5", reason: "Cần đối chiếu hồ sơ giấy" })).toMatchObject({ ok: true });
    expect(await extendRequestAction({ id, days: "99", reason: "x" })).toMatchObject({
      ok: false,
      error: { fieldErrors: { days: expect.any(String), reason: expect.any(String) } },
    });
    expect(await completeRequestAction({ id, resolution: "Đã gửi bản sao dữ liệu" })).toMatchObject({ ok: true });
    expect((await db().privacyRequest.findUniqueOrThrow({ where: { id } })).status).toBe("COMPLETED");
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
    expect(await clearLegalHoldAction({ customerId: c.id })).toMatchObject({ ok: true });
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
