import { readFileSync } from "node:fs";
import { expect, pageAs, test } from "./support/fixtures";
import { createCustomerFor, tag } from "./support/customers";

test("staff search the register, open a customer, record paper consent with a scan, and export", async ({ browser, baseURL }) => {
  const t = tag();
  const customer = await createCustomerFor(`Đặng Thị Thu ${t}`);
  const page = await pageAs(browser, "STAFF", baseURL);

  await page.goto("/admin/customers");
  await page.getByRole("searchbox", { name: "Tìm khách hàng" }).fill(`dang thu ${t}`);
  await page.getByRole("button", { name: "Tìm", exact: true }).click();
  await expect(page).toHaveURL(new RegExp(`q=dang\\+thu\\+${t}`));
  const row = page.getByTestId("customer-row");
  await expect(row).toHaveCount(1);
  await expect(row).toContainText(`Đặng Thị Thu ${t}`);
  // The phone is masked for STAFF until revealed (and the reveal is audited).
  await expect(row).not.toContainText(customer.phone);
  await row.getByRole("button", { name: "Hiện số điện thoại (được ghi nhật ký)" }).click();
  await expect(row.getByTestId("revealed-phone")).toHaveText(customer.phone);
  await page.screenshot({ path: "test-results/screenshots/customers-list-vi.png", fullPage: true });

  // A fragment inside a word finds nobody at first; the empty list offers to search inside words.
  await page.getByRole("searchbox", { name: "Tìm khách hàng" }).fill(`ang hu ${t}`);
  await page.getByRole("button", { name: "Tìm", exact: true }).click();
  await expect(page.getByText("Không có khách hàng nào khớp với tìm kiếm này.")).toBeVisible();
  await page.getByRole("link", { name: /Tìm cả phần giữa từ/ }).click();
  await expect(page).toHaveURL(/match=inside/);
  await expect(row).toHaveCount(1);
  await expect(page.getByRole("status").filter({ hasText: "Đang tìm cả phần giữa từ." })).toBeVisible();
  await page.screenshot({ path: "test-results/screenshots/customers-search-inside-vi.png", fullPage: true });
  await page.getByRole("searchbox", { name: "Tìm khách hàng" }).fill(`dang thu ${t}`);
  await page.getByRole("button", { name: "Tìm", exact: true }).click();
  await expect(page).not.toHaveURL(/match=inside/);
  await expect(row).toHaveCount(1);

  await row.getByRole("link", { name: `Đặng Thị Thu ${t}` }).click();
  await expect(page.getByRole("heading", { level: 1, name: `Đặng Thị Thu ${t}` })).toBeVisible();
  const surveys = page.getByTestId("consent-surveys");
  await expect(surveys.getByTestId("consent-state")).toHaveText("Chưa có");

  const form = page.getByRole("form", { name: "Ghi nhận sự đồng ý ngoài hệ thống" });
  await form.getByLabel("Mục đích").selectOption("surveys");
  await form.getByLabel("Hình thức").selectOption("PAPER");
  await form.getByLabel("Số tham chiếu tài liệu").fill("Phiếu số 12");
  await form.getByLabel("Bản quét").setInputFiles({ name: "phieu-12.pdf", mimeType: "application/pdf", buffer: Buffer.from("%PDF-1.4 test") });
  await form.getByRole("button", { name: "Ghi nhận" }).click();
  await expect(form.getByText("Đã ghi nhận. Tình trạng đồng ý đã được cập nhật.")).toBeVisible();
  await expect(surveys.getByTestId("consent-state")).toContainText("Đồng ý");
  await surveys.locator("summary").click();
  await expect(surveys.getByText("Phiếu số 12")).toBeVisible();
  await expect(surveys.getByRole("button", { name: "phieu-12.pdf" })).toBeVisible();
  await page.screenshot({ path: "test-results/screenshots/customer-detail-vi.png", fullPage: true });

  // The list filtered by that consent now finds the customer; export what the filter shows.
  await page.goto(`/admin/customers?q=${t}&purpose=surveys&consent=GRANTED`);
  await expect(page.getByTestId("customer-row")).toHaveCount(1);
  const download = page.waitForEvent("download");
  await page.getByRole("button", { name: "Xuất CSV" }).click();
  const csv = readFileSync((await (await download).path())!, "utf8");
  const lines = csv
    .replace(/^\uFEFF/, "")
    .trim()
    .split("\n");
  expect(lines).toHaveLength(2);
  expect(lines[0]).not.toContain("Số điện thoại"); // STAFF exports carry no phone or address
  expect(lines[1]).toContain(`Đặng Thị Thu ${t}`);
  expect(lines[1]).toContain("Khảo sát ý kiến"); // purposes in words, in the exporter's language
});

test("compliance see contact details in full and the register refuses administrators", async ({ browser, baseURL }) => {
  const customer = await createCustomerFor(`Phó Đức ${tag()}`);
  const compliance = await pageAs(browser, "COMPLIANCE", baseURL);
  await compliance.goto(`/admin/customers/${customer.id}`);
  await expect(compliance.getByText(customer.phone)).toBeVisible();
  // A legal hold: set with a reason; lifted only with a reason too.
  const hold = compliance.getByRole("form", { name: "Tạm giữ theo pháp luật" });
  await hold.getByLabel("Lý do tạm giữ").fill("Quyết định của toà án số 12/2026");
  await hold.getByRole("button", { name: "Đặt tạm giữ pháp lý" }).click();
  const lift = compliance.getByRole("form", { name: "Gỡ tạm giữ" });
  await expect(lift).toContainText("Quyết định của toà án số 12/2026");
  await lift.getByRole("button", { name: "Gỡ tạm giữ" }).click();
  await expect(lift.getByRole("alert")).toContainText("không còn cần tạm giữ");
  await compliance.screenshot({ path: "test-results/screenshots/legal-hold-lift-vi.png", fullPage: true });
  await lift.getByLabel("Lý do không còn cần tạm giữ").fill("Toà đã có phán quyết cuối cùng");
  await lift.getByRole("button", { name: "Gỡ tạm giữ" }).click();
  await expect(compliance.getByRole("form", { name: "Tạm giữ theo pháp luật" })).toBeVisible();
  const admin = await pageAs(browser, "ADMIN", baseURL);
  expect((await admin.goto(`/admin/customers/${customer.id}`))?.status()).toBe(403);
  expect((await admin.request.post("/admin/customers/export", { headers: { origin: new URL(baseURL!).origin } })).status()).toBe(403);
});

test("a CSV import: dry-run report, then progress to completion", async ({ browser, baseURL }) => {
  const t = tag();
  const page = await pageAs(browser, "STAFF", baseURL);
  await page.goto("/admin/customers/import");
  const csv = `Họ và tên,Email,Điện thoại,Quảng cáo\nNhập Một ${t},mot.${t}@e2e.test,0912345001,có\nNhập Hai ${t},khong-hop-le,,\n\nNhập Ba ${t},ba.${t}@e2e.test,,không\n`;
  await page.getByLabel("Tệp CSV").setInputFiles({ name: "khach.csv", mimeType: "text/csv", buffer: Buffer.from(csv) });
  await page.getByRole("button", { name: "Tải lên" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "khach.csv" })).toBeVisible();
  await expect(page.getByLabel("Nhập cột Email vào")).toHaveValue("email");
  // A consent column asks where the consent comes from, and says the customers will be told.
  await page.getByLabel("Nhập cột Quảng cáo vào").selectOption("consent:advertising");
  await expect(page.getByText("mỗi khách hàng được ghi nhận đồng ý (nếu có email) sẽ nhận email báo việc này")).toBeVisible();
  await page.getByLabel("Nguồn gốc sự đồng ý trong tệp").fill("Phiếu đăng ký hội thảo 11/2026");
  await page.getByRole("button", { name: "Kiểm tra thử" }).click();
  const report = page.getByTestId("import-report");
  await expect(report).toContainText("2 dòng hợp lệ, 1 dòng có lỗi (sẽ bỏ qua), 1 dòng trống.");
  await expect(report.getByRole("row").filter({ hasText: "Email không hợp lệ." })).toContainText("3");
  await page.screenshot({ path: "test-results/screenshots/import-checked-vi.png", fullPage: true });
  await page.getByRole("button", { name: "Nhập 2 dòng hợp lệ" }).click();
  await expect(page.getByTestId("import-status")).toHaveText("Hoàn tất", { timeout: 20_000 });
  await expect(page.getByRole("progressbar", { name: "Tiến độ nhập" })).toHaveAttribute("aria-valuenow", "100");
  await expect(page.getByTestId("import-summary")).toContainText("2 khách hàng mới");
  await page.goto(`/admin/customers?q=${t}`);
  await expect(page.getByTestId("customer-row")).toHaveCount(2);
});
