// The breach register's server actions through their real wrapper: field errors in the app's
// language, and nobody but the compliance officer gets through.
import { describe, expect, it } from "vitest";
import { now } from "@/lib/clock";
import { db } from "@/lib/db";
import { makeCustomer } from "@/tests/support/customers";
import { actAsStaff } from "@/tests/support/session";
import {
  closeBreachAction,
  linkBreachCustomersAction,
  logBreachAction,
  notifyBreachCustomersAction,
  recordAuthorityNoticeAction,
  saveCustomerNoticeAction,
  updateBreachAction,
} from "./actions";

const local = async () => new Date((await now()).getTime() + 7 * 3_600_000 - 3_600_000).toISOString();

describe("breach register actions", () => {
  it("log, report, link, tell and close a breach; field errors in Vietnamese; staff and administrators are refused", async () => {
    const officer = await actAsStaff("COMPLIANCE");
    const at = await local();
    const input = {
      title: "Máy tính xách tay bị mất",
      detectedOn: at.slice(0, 10),
      detectedTime: at.slice(11, 16),
      occurredOn: "",
      description: "Máy tính xách tay của nhân viên kinh doanh có bản xuất sổ khách hàng bị mất trên taxi.",
      dataCategories: ["fullName", "phone"] as ("fullName" | "phone")[],
      otherCategories: "",
      approxSubjects: "120",
      consequences: "Khách hàng có thể bị gọi điện quảng cáo hoặc lừa đảo.",
      measures: "Đã khoá tài khoản, đổi mật khẩu, báo công an nơi mất.",
      handlerId: officer.id,
    };
    expect(await logBreachAction({ ...input, title: "", dataCategories: [] })).toMatchObject({
      ok: false,
      error: { fieldErrors: { title: "Tóm tắt sự cố trong ít nhất 5 ký tự.", dataCategories: "Chọn ít nhất một loại dữ liệu." } },
    });
    const logged = await logBreachAction(input);
    expect(logged).toMatchObject({ ok: true, data: { id: expect.any(String) } });
    const id = logged.ok ? logged.data.id : "";
    expect(await updateBreachAction({ ...input, id, approxSubjects: "150" })).toMatchObject({ ok: true });
    expect((await db().breach.findUniqueOrThrow({ where: { id } })).approxSubjects).toBe(150);
    expect(
      await recordAuthorityNoticeAction({ id, notifiedOn: at.slice(0, 10), notifiedTime: "9:5", channel: "PORTAL", reference: "", lateReason: "" }),
    ).toMatchObject({
      ok: false,
      error: { fieldErrors: { notifiedTime: "Nhập giờ dạng giờ:phút, ví dụ 14:30.", reference: "Ghi số văn bản hoặc mã tiếp nhận." } },
    });
    const c = await makeCustomer();
    expect(await linkBreachCustomersAction({ id, mode: "list", list: c.email })).toMatchObject({ ok: true, data: { linked: 1 } });
    expect(await notifyBreachCustomersAction({ id })).toMatchObject({
      ok: false,
      error: { code: "CONFLICT", message: expect.stringContaining("cả hai ngôn ngữ") },
    });
    expect(
      await saveCustomerNoticeAction({
        id,
        noticeVi: "Một máy tính có họ tên và số điện thoại của bạn đã bị mất; chúng tôi đã khoá truy cập.",
        noticeEn: "A laptop holding your name and phone number was lost; we have locked access to it.",
      }),
    ).toMatchObject({ ok: true });
    expect(await notifyBreachCustomersAction({ id })).toMatchObject({ ok: true, data: { notified: 1 } });
    expect(await closeBreachAction({ id, note: "Đã xong" })).toMatchObject({ ok: false, error: { fieldErrors: { note: expect.any(String) } } });

    for (const role of ["STAFF", "ADMIN"] as const) {
      await actAsStaff(role);
      expect(await logBreachAction(input)).toMatchObject({ ok: false, error: { code: "FORBIDDEN" } });
      expect(await linkBreachCustomersAction({ id, mode: "list", list: c.email })).toMatchObject({ ok: false, error: { code: "FORBIDDEN" } });
      expect(await closeBreachAction({ id, note: "Người khác thử đóng sự cố" })).toMatchObject({ ok: false, error: { code: "FORBIDDEN" } });
    }
    expect(await db().breach.count({ where: { handlerId: officer.id } })).toBe(1);
  });
});
