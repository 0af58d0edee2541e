import { readFileSync } from "node:fs";
import { systemActor } from "@/lib/auth/actor";
import { recordStaffConsent } from "@/lib/consent/mutations";
import { recordSharingObjection } from "@/lib/customers/mutations";
import { createRecipient } from "@/lib/disclosures/mutations";
import { expect, pageAs, test } from "./support/fixtures";
import { createCustomerFor, tag } from "./support/customers";

const system = systemActor("e2e");
const today = () => new Date(Date.now() + 7 * 3_600_000).toISOString().slice(0, 10);

test("an advertising disclosure over a filter of three customers, one of whom objected: preview, second-person approval, download, visible on the customers", async ({
  browser,
  baseURL,
}) => {
  test.setTimeout(60_000);
  const t = tag();
  const customers = [
    await createCustomerFor(`Quảng Cáo Một ${t}`),
    await createCustomerFor(`Quảng Cáo Hai ${t}`),
    await createCustomerFor(`Quảng Cáo Ba ${t}`),
  ];
  for (const c of customers)
    await recordStaffConsent(system, {
      customerId: c.id,
      purposeKey: "advertising",
      action: "GRANTED",
      givenOn: today(),
      method: "PAPER",
      documentRef: "Phiếu QC",
    });
  await recordSharingObjection(system, { customerId: customers[2].id, note: "Gọi điện yêu cầu ngừng chia sẻ" });
  const partner = `Đối tác QC ${t}`;
  await createRecipient(system, { name: partner, category: "ADVERTISING", agreementRef: "HĐ-01" });

  const staff = await pageAs(browser, "STAFF", baseURL);
  await staff.goto(`/admin/customers?q=${t}`);
  await expect(staff.getByTestId("customer-row")).toHaveCount(3);
  await staff.getByRole("link", { name: "Chia sẻ các khách hàng này" }).click();
  const form = staff.getByRole("form", { name: "Chuẩn bị chia sẻ" });
  await form.getByLabel("Bên nhận").selectOption({ label: `${partner} — Đối tác quảng cáo` });
  // Only what the policy allows advertising partners is offered.
  await expect(form.getByRole("checkbox")).toHaveCount(2);
  await form.getByRole("checkbox", { name: "Họ và tên" }).check();
  await form.getByRole("checkbox", { name: "Địa chỉ" }).check();
  await form.getByLabel("Lý do chia sẻ").fill("Gửi thư mời hội thảo khách hàng tháng 12");
  await expect(form.getByRole("radio", { name: /theo bộ lọc của sổ/ })).toBeChecked();
  await form.getByRole("button", { name: "Chuẩn bị" }).click();

  await expect(staff.getByTestId("disclosure-status")).toHaveText("Chờ duyệt", { timeout: 20_000 });
  await expect(staff.getByTestId("disclosure-counts")).toHaveText("2 khách hàng được gửi, 1 bị loại.");
  await expect(staff.getByTestId("excluded-list")).toContainText(`Quảng Cáo Ba ${t} — đã phản đối việc chia sẻ`);
  await expect(staff.getByText("Đang chờ một cán bộ tuân thủ khác duyệt.")).toBeVisible();
  await staff.screenshot({ path: "test-results/screenshots/disclosure-preview-vi.png", fullPage: true });
  const url = staff.url();

  const officer = await pageAs(browser, "COMPLIANCE", baseURL);
  await officer.goto(url);
  await officer.getByRole("button", { name: "Duyệt và tạo gói dữ liệu" }).click();
  await expect(officer.getByTestId("disclosure-status")).toHaveText("Đã duyệt");
  const download = officer.waitForEvent("download");
  await officer.getByRole("button", { name: "Tải gói CSV" }).click();
  const csv = readFileSync((await (await download).path())!, "utf8")
    .replace(/^\uFEFF/, "")
    .trim()
    .split("\n");
  expect(csv[0]).toBe("Mã dòng,Họ và tên,Địa chỉ"); // a row reference, then column names in the approving officer's language
  expect(
    csv
      .slice(1)
      .map((line) => line.replace(/^"[0-9a-f-]{36}",/, ""))
      .sort(),
  ).toEqual([`"Quảng Cáo Hai ${t}","25 Lý Thường Kiệt, Hoàn Kiếm, Hà Nội"`, `"Quảng Cáo Một ${t}","25 Lý Thường Kiệt, Hoàn Kiếm, Hà Nội"`]);

  for (const c of customers.slice(0, 2)) {
    await staff.goto(`/admin/customers/${c.id}`);
    await expect(staff.getByTestId("customer-disclosures")).toContainText(partner);
  }
  await staff.goto(`/admin/customers/${customers[2].id}`);
  await expect(staff.getByText("Chưa được chia sẻ cho ai.")).toBeVisible();
  await staff.goto("/admin/disclosures");
  await expect(staff.getByTestId("disclosure-row").filter({ hasText: partner })).toContainText("Đã giao");
});

test("disclosures are closed to administrators", async ({ browser, baseURL }) => {
  const admin = await pageAs(browser, "ADMIN", baseURL);
  expect((await admin.goto("/admin/disclosures"))?.status()).toBe(403);
  expect((await admin.goto("/admin/disclosures/new"))?.status()).toBe(403);
});
