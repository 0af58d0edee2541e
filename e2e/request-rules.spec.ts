import { systemActor } from "@/lib/auth/actor";
import { db } from "@/lib/db";
import { logRequest } from "@/lib/privacy-requests/mutations/desk";
import { expect, test } from "./support/fixtures";
import { createCustomerFor, tag } from "./support/customers";
import { signIn } from "./support/sign-in";
import { createStaff } from "./support/staff";

test("the compliance officer reads the deadline rules, changes one with a reason, and sees a request move when a third party is involved, in both languages", async ({
  page: officer,
}) => {
  const before = await db().requestRule.findUniqueOrThrow({ where: { type: "GRANT_CONSENT" } });
  const customer = await createCustomerFor(`Khách ${tag()}`);
  const request = await logRequest(systemActor("e2e"), {
    customerId: customer.id,
    type: "WITHDRAW_CONSENT",
    channel: "PHONE",
    receivedOn: "2026-06-01",
    details: "Khách gọi điện rút lại đồng ý quảng cáo",
    purposeKey: "advertising",
  });
  try {
    // Its own officer: the language choice is kept per person.
    await signIn(officer, await createStaff("COMPLIANCE", "rules"));
    await officer.goto("/admin/requests");
    await officer.getByRole("link", { name: "Thời hạn theo loại" }).click();
    await expect(officer.getByRole("heading", { level: 1, name: "Thời hạn theo loại yêu cầu" })).toBeVisible();
    await expect(officer.getByTestId("rule-ACCESS")).toContainText("10 ngày làm việc");
    await expect(officer.getByTestId("rule-DELETE")).toContainText("20 ngày");
    await expect(officer.getByTestId("rule-WITHDRAW_CONSENT")).toContainText("Nghị định 356/2025/NĐ-CP, Điều 5");
    await officer.screenshot({ path: "test-results/screenshots/request-rules-vi.png", fullPage: true });

    await officer.getByRole("link", { name: "Thay đổi: Đồng ý mục đích" }).click();
    const form = officer.getByRole("form", { name: "Thời hạn theo loại yêu cầu" });
    await form.getByLabel(/^Gia hạn một lần, tối đa/).fill("10");
    await form.getByRole("button", { name: "Lưu quy tắc" }).click();
    await expect(form.getByText("Ghi lý do thay đổi (ít nhất 10 ký tự).")).toBeVisible();
    await form.getByLabel("Lý do thay đổi (lưu vào nhật ký)").fill("Thống nhất gia hạn tối đa 10 ngày theo quy chế nội bộ");
    await form.getByRole("button", { name: "Lưu quy tắc" }).click();
    await expect(officer.getByRole("status").filter({ hasText: "Đã lưu quy tắc." })).toBeVisible();
    await expect(officer.getByTestId("rule-GRANT_CONSENT")).toContainText(`Phiên bản ${before.version + 1}`);
    await expect(officer.getByTestId("rule-GRANT_CONSENT")).toContainText("Thống nhất gia hạn tối đa 10 ngày");

    // A withdrawal: 15 days, 20 when a third party must stop too.
    await officer.goto(`/admin/requests/${request.id}`);
    const deadlines = officer.getByTestId("request-deadlines");
    await expect(deadlines).toContainText("16/06/2026 (15 ngày)");
    await expect(officer.getByTestId("request-rule")).toContainText("Điều 5");
    // The purpose by its name, not its key.
    await expect(officer.locator("main")).toContainText("Mục đích: Chiến dịch quảng cáo");
    await officer.getByRole("button", { name: "Cần bên thứ ba thực hiện…" }).click();
    await officer.getByLabel("Lý do (lưu cùng yêu cầu)").fill("Đối tác quảng cáo cũng phải dừng sử dụng");
    await officer.getByRole("button", { name: "Lưu và tính lại hạn" }).click();
    await expect(deadlines).toContainText("22/06/2026 (20 ngày)");
    await expect(officer.getByTestId("deadline-changes")).toContainText("Bên xử lý hoặc bên thứ ba cùng phải thực hiện: 16/06/2026 → 22/06/2026");
    await officer.screenshot({ path: "test-results/screenshots/request-deadline-moved-vi.png", fullPage: true });

    await officer.getByRole("button", { name: "English" }).click();
    await expect(deadlines).toContainText("(20 days)");
    await expect(officer.getByTestId("deadline-changes")).toContainText("A processor or third party must also act");
    await officer.goto("/admin/requests/rules");
    await expect(officer.getByRole("heading", { level: 1, name: "Deadline rules" })).toBeVisible();
    await expect(officer.getByTestId("rule-ACCESS")).toContainText("10 working days");
    await officer.screenshot({ path: "test-results/screenshots/request-rules-en.png", fullPage: true });
  } finally {
    await db().requestRule.update({ where: { type: "GRANT_CONSENT" }, data: { extensionPeriod: before.extensionPeriod } });
  }
});
