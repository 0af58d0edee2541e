import type { Page } from "@playwright/test";
import { systemActor } from "@/lib/auth/actor";
import { recordStaffConsent } from "@/lib/consent/mutations";
import { holidaySet } from "@/lib/holidays/queries";
import { addCalendarDays, workingDaysLeft } from "@/lib/privacy-requests/deadlines";
import { expect, pageAs, test, waitForEmail } from "./support/fixtures";
import { createCustomerFor, tag } from "./support/customers";

const system = systemActor("e2e");
const today = () => new Date(Date.now() + 7 * 3_600_000).toISOString().slice(0, 10);
const linkIn = (html: string) => html.match(/https?:\/\/[^"\s]+\/privacy\/me\/link\/[A-Za-z0-9_-]+(\?lang=\w+)?/)![0];

/** Asks for a link on the page, opens it from the fake email server and presses Continue. */
async function signInAsCustomer(page: Page, email: string) {
  await page.goto("/privacy/me?lang=vi");
  await page.getByLabel("Email hoặc số điện thoại").fill(email);
  await page.getByRole("button", { name: "Gửi liên kết đăng nhập" }).click();
  await expect(page.getByTestId("link-sent")).toContainText(email);
  const message = await waitForEmail(email, (e) => e.subject.includes("Liên kết đăng nhập"));
  const link = new URL(linkIn(message.html));
  await page.goto(link.pathname + link.search);
  await page.getByRole("button", { name: "Mở trang Dữ liệu của tôi" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Dữ liệu của tôi" })).toBeVisible();
  return link;
}

test("a customer signs in by email link, withdraws a purpose and objects to sharing; staff see the request, complete a deletion, the data is gone and the receipt email was sent", async ({
  browser,
  baseURL,
}) => {
  test.setTimeout(90_000);
  const t = tag();
  const customer = await createCustomerFor(`Khách Riêng Tư ${t}`);
  await recordStaffConsent(system, {
    customerId: customer.id,
    purposeKey: "promotions_events",
    action: "GRANTED",
    givenOn: today(),
    method: "PAPER",
    documentRef: "Phiếu số 3",
  });

  const context = await browser.newContext({ baseURL, viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
  const page = await context.newPage();
  const link = await signInAsCustomer(page, customer.email);
  await expect(page.getByTestId("my-details")).toContainText(`Khách Riêng Tư ${t}`);
  await page.screenshot({ path: "test-results/screenshots/privacy-me-mobile-vi.png", fullPage: true });
  // Service notices rest on the contract: the page says so and offers no switch that would change nothing.
  const contractual = page.getByTestId("my-purpose").filter({ has: page.getByTestId("not-consent-based") });
  await expect(contractual).toHaveCount(1);
  await expect(contractual).toContainText("Thông báo về dịch vụ và tài khoản");
  await expect(contractual.getByTestId("not-consent-based")).toContainText("hợp đồng");
  await expect(contractual.getByRole("button")).toHaveCount(0);

  // The link was used up: opening it again explains why it no longer works.
  const again = await browser.newPage();
  await again.goto(`${baseURL}${link.pathname}`);
  await again.getByRole("button", { name: "Mở trang Dữ liệu của tôi" }).click();
  await expect(again.getByText(/Liên kết này đã được dùng/)).toBeVisible();
  await again.goto(`${baseURL}/privacy/me/link/${"x".repeat(43)}`);
  await again.getByRole("button", { name: "Mở trang Dữ liệu của tôi" }).click();
  await expect(again.getByText(/Liên kết không hợp lệ/)).toBeVisible();
  await again.close();

  // The consent receipt prints as the receipt alone, under the company's name.
  await page.goto("/privacy/me/receipts/promotions_events");
  await expect(page.getByTestId("receipt")).toBeVisible();
  await page.emulateMedia({ media: "print" });
  await expect(page.getByTestId("receipt")).toBeVisible();
  await expect(page.getByRole("navigation")).toBeHidden();
  await expect(page.getByRole("button", { name: "In / lưu PDF" })).toBeHidden();
  await expect(page.getByRole("link", { name: /Dữ liệu của tôi/ }).first()).toBeHidden();
  await page.screenshot({ path: "test-results/screenshots/receipt-print-vi.png", fullPage: true });
  await page.emulateMedia({ media: "screen" });
  await page.goto("/privacy/me");
  // Whom to ask about their data: the settings' data-protection contact.
  await expect(page.getByTestId("dpo-contact")).toContainText("Bộ phận bảo vệ dữ liệu cá nhân · dpo@nencer.example");

  const promotions = page.getByTestId("my-purpose").filter({ hasText: "Khuyến mãi và sự kiện" });
  await expect(promotions).toContainText("Đã đồng ý");
  await promotions.getByRole("button", { name: "Rút lại đồng ý: Khuyến mãi và sự kiện" }).click();
  // Recorded at once; the toast offers a short undo, which is agreeing again.
  const toast = page.getByRole("status").filter({ hasText: "Đã rút lại đồng ý “Khuyến mãi và sự kiện”" });
  await expect(toast).toBeVisible();
  await expect(promotions).toContainText("Đã rút lại");
  await toast.getByRole("button", { name: "Hoàn tác" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Bạn đã đồng ý lại với “Khuyến mãi và sự kiện”" })).toBeVisible();
  await expect(promotions).toContainText("Đã đồng ý");
  await promotions.getByRole("button", { name: "Rút lại đồng ý: Khuyến mãi và sự kiện" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Đã rút lại đồng ý" }).first()).toBeVisible();
  await expect(promotions).toContainText("Đã rút lại");
  await page.getByRole("button", { name: "Ngừng chia sẻ dữ liệu của tôi" }).click();
  await expect(page.getByTestId("objection-state")).toBeVisible();
  await waitForEmail(customer.email, (e) => e.subject.includes("ngừng chia sẻ"));

  // Deletion, with its confirmation step.
  await page.getByRole("button", { name: "Yêu cầu xoá dữ liệu…" }).click();
  const confirm = page.getByRole("form", { name: "Xác nhận yêu cầu xoá" });
  await confirm.getByRole("button", { name: "Gửi yêu cầu xoá" }).click();
  await expect(confirm.getByRole("alert")).toContainText("Đánh dấu ô xác nhận");
  await confirm.getByLabel("Tôi hiểu và muốn xoá dữ liệu của mình.").check();
  await confirm.getByRole("button", { name: "Gửi yêu cầu xoá" }).click();
  await expect(page.getByText(/Đã gửi yêu cầu xoá YC-\d+/)).toBeVisible();
  await expect(page.getByTestId("my-requests")).toContainText("Xoá dữ liệu");
  await expect(page.getByTestId("my-requests")).toContainText("Rút lại đồng ý");
  await page.reload();
  await expect(page.getByTestId("deletion-pending")).toContainText(/Yêu cầu xoá YC-\d+ của bạn đang được xử lý/);
  await expect(page.getByRole("button", { name: "Yêu cầu xoá dữ liệu…" })).toHaveCount(0);
  await page.screenshot({ path: "test-results/screenshots/privacy-me-requests-mobile-vi.png", fullPage: true });

  // The compliance officer sees it with its deadline, and completes it.
  const officer = await pageAs(browser, "COMPLIANCE", baseURL);
  await officer.goto("/admin/requests?type=DELETE");
  const row = officer.getByTestId("request-row").filter({ hasText: `Khách Riêng Tư ${t}` });
  await expect(row).toContainText("Xoá dữ liệu");
  // A deletion: 20 calendar days (the rules table), shown as the working days left until then.
  const holidays = await holidaySet();
  const received = new Date();
  const left = workingDaysLeft(received, addCalendarDays(received, 20, holidays), holidays);
  await expect(row.getByTestId("days-left")).toHaveText(`còn ${left} ngày làm việc`);
  await officer.screenshot({ path: "test-results/screenshots/requests-desk-vi.png", fullPage: true });
  await row.getByRole("link", { name: /YC-\d+/ }).click();
  await expect(officer.getByTestId("request-deadlines")).toContainText("(20 ngày)");
  await officer.getByRole("button", { name: "Hoàn tất và xoá dữ liệu" }).click();
  const panel = officer.getByRole("form", { name: "Hoàn tất yêu cầu" });
  await panel.getByLabel("Cách xử lý").fill("Đã xoá theo yêu cầu của khách hàng");
  await panel.getByRole("button", { name: "Xác nhận hoàn tất" }).click();
  await expect(officer.getByTestId("customer-erased")).toBeVisible();
  await expect(officer.getByText("Hoàn tất").first()).toBeVisible();

  // The completion email went out (to the address that no longer exists in the register).
  const done = await waitForEmail(customer.email, (e) => e.subject.includes("Dữ liệu của bạn đã được xoá"));
  expect(done.text).not.toContain(`Khách Riêng Tư ${t}`);
  await officer.goto(`/admin/customers/${customer.id}`);
  await expect(officer.getByText("Đã xoá").first()).toBeVisible();
  await expect(officer.getByRole("heading", { name: "Khách hàng đã xoá dữ liệu" })).toBeVisible();
  await expect(officer.getByTestId("erased-notice")).toContainText("đã được xoá ngày");
  await expect(officer.getByText(`Khách Riêng Tư ${t}`)).toHaveCount(0);
  await officer.goto(`/admin/customers?q=${t}`);
  await expect(officer.getByTestId("customer-row")).toHaveCount(0);

  // The customer's session ended with their record.
  await page.reload();
  await expect(page.getByLabel("Email hoặc số điện thoại")).toBeVisible();
  await context.close();
});

test("the sign-in page answers the same for an unknown address, and names a wrong one on the field", async ({ page }) => {
  await page.goto("/privacy/me?lang=vi");
  await page.getByLabel("Email hoặc số điện thoại").fill("khong-ai@e2e.test");
  await page.getByRole("button", { name: "Gửi liên kết đăng nhập" }).click();
  await expect(page.getByTestId("link-sent")).toContainText("khong-ai@e2e.test");
  await page.getByRole("button", { name: "Dùng địa chỉ khác" }).click();
  await page.getByLabel("Email hoặc số điện thoại").fill("abc");
  await page.getByRole("button", { name: "Gửi liên kết đăng nhập" }).click();
  await expect(page.getByText("Đây không phải email hay số điện thoại hợp lệ.")).toBeVisible();
  await page.goto("/privacy/me?lang=en");
  await expect(page.getByRole("button", { name: "Send me a sign-in link" })).toBeVisible();
  await page.screenshot({ path: "test-results/screenshots/privacy-sign-in-en.png", fullPage: true });
});

test("a compliance officer logs a letter: a scan is required, an oversized one is refused, then the request is on the desk", async ({ browser, baseURL }) => {
  const customer = await createCustomerFor(`Người Gửi Thư ${tag()}`);
  const officer = await pageAs(browser, "COMPLIANCE", baseURL);
  await officer.goto(`/admin/customers/${customer.id}`);
  await officer.getByRole("link", { name: "Ghi nhận yêu cầu" }).click();
  const form = officer.getByRole("form", { name: "Ghi nhận yêu cầu" });
  await form.getByLabel("Loại yêu cầu").selectOption({ label: "Ngừng chia sẻ" });
  await form.getByLabel("Nội dung yêu cầu").fill("Thư tay đề nghị ngừng chia sẻ dữ liệu");
  await form.getByRole("button", { name: "Ghi nhận" }).click();
  await expect(form.getByText("Yêu cầu bằng văn bản cần kèm bản quét")).toBeVisible();
  await form.getByLabel(/Bản quét văn bản/).setInputFiles({ name: "thu.pdf", mimeType: "application/pdf", buffer: Buffer.alloc(11 * 1024 * 1024, 1) });
  await form.getByRole("button", { name: "Ghi nhận" }).click();
  await expect(form.getByText("Tệp lớn hơn 10 MB.", { exact: false })).toBeVisible();
  await form.getByLabel(/Bản quét văn bản/).setInputFiles({ name: "thu.pdf", mimeType: "application/pdf", buffer: Buffer.from("%PDF-1.4 thư yêu cầu") });
  await form.getByRole("button", { name: "Ghi nhận" }).click();
  await expect(officer).toHaveURL(/\/admin\/requests\/[0-9a-f-]{36}$/);
  await expect(officer.getByRole("button", { name: "Tải bản quét" })).toBeVisible();
  await officer.getByRole("button", { name: "Xác nhận đã nhận" }).click();
  await expect(officer.getByTestId("request-history")).toContainText("Xác nhận");
  await officer.getByRole("button", { name: "Gia hạn" }).click();
  const extend = officer.getByRole("form", { name: /Gia hạn/ });
  // An objection's rule counts calendar days, one extension of at most 15.
  await extend.getByLabel(/Số ngày theo lịch \(1–15\)/).fill("20");
  await extend.getByLabel("Lý do (gửi cho khách hàng)").fill("Cần đối tác vận chuyển xác nhận");
  await extend.getByRole("button", { name: "Gia hạn và báo khách hàng" }).click();
  await expect(extend.getByRole("alert")).toContainText("chỉ được gia hạn tối đa 15");
  await officer.screenshot({ path: "test-results/screenshots/request-detail-vi.png", fullPage: true });
});

test("staff may look at the desk but not act; administrators keep the holiday table", async ({ browser, baseURL }) => {
  const staff = await pageAs(browser, "STAFF", baseURL);
  await staff.goto("/admin/requests");
  await expect(staff.getByRole("heading", { level: 1, name: "Yêu cầu về dữ liệu" })).toBeVisible();
  await expect(staff.getByRole("link", { name: "Ghi nhận yêu cầu" })).toHaveCount(0);
  expect((await staff.goto("/admin/requests/new"))?.status()).toBe(403);
  expect((await staff.goto("/admin/settings/holidays"))?.status()).toBe(403);

  const admin = await pageAs(browser, "ADMIN", baseURL);
  expect((await admin.goto("/admin/requests"))?.status()).toBe(403);
  await admin.goto("/admin/settings/holidays");
  await expect(admin.getByTestId("holiday-list").first()).toContainText("Tết Nguyên Đán");
  const form = admin.getByRole("form", { name: "Thêm ngày nghỉ" });
  await form.getByLabel("Ngày", { exact: true }).fill("28/11/2027");
  await form.getByLabel("Tên ngày lễ").fill("Thử");
  await form.getByRole("button", { name: "Thêm ngày nghỉ" }).click();
  await expect(form.getByText("Ngày này là cuối tuần")).toBeVisible();
});
