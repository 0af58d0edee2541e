// Runs after every other spec (playwright.config.ts: LAST_SPECS): while two-step sign-in is
// required, new sign-ins of administrators and compliance officers elsewhere would be restricted.
import { systemActor } from "@/lib/auth/actor";
import { base32Decode, hotp, stepAt } from "@/lib/auth/totp";
import { updateSettings } from "@/lib/settings/mutations";
import { readSettings } from "@/lib/settings/queries";
import { expect, pageAs, test } from "./support/fixtures";
import { createStaff } from "./support/staff";

test("when the company requires two-step sign-in, a compliance officer without it can only set it up", async ({ browser, baseURL, page }) => {
  const admin = await pageAs(browser, "ADMIN", baseURL);
  await admin.goto("/admin/settings");
  await admin.getByLabel("Bắt buộc xác thực hai bước cho Quản trị viên và Tuân thủ").check();
  await admin.getByRole("button", { name: "Lưu cài đặt" }).click();
  await expect(admin.getByText("Đã lưu cài đặt.")).toBeVisible();
  try {
    const officer = await createStaff("COMPLIANCE", "required2fa");
    await page.goto("/login");
    await page.getByLabel("Email").fill(officer.email);
    await page.getByLabel("Mật khẩu").fill(officer.password);
    await page.getByRole("button", { name: "Đăng nhập" }).click();
    // Straight to the account page, and back there from anywhere else.
    await expect(page).toHaveURL(/\/admin\/account$/);
    await page.goto("/admin/customers");
    await expect(page).toHaveURL(/\/admin\/account$/);
    await expect(page.getByText("Công ty yêu cầu vai trò của bạn dùng xác thực hai bước")).toBeVisible();
    await expect(page.getByRole("navigation", { name: "Điều hướng quản trị" }).getByRole("link")).toHaveText(["Tài khoản của tôi"]);
    await page.screenshot({ path: "test-results/screenshots/two-factor-required-vi.png", fullPage: true });
    await page.getByRole("button", { name: "Bật xác thực hai bước" }).click();
    const secret = (await page.getByTestId("totp-secret").textContent())!.replaceAll(" ", "");
    await page.getByLabel("Mã 6 chữ số từ ứng dụng").fill(hotp(base32Decode(secret), stepAt(new Date())));
    await page.getByRole("button", { name: "Xác nhận và bật" }).click();
    await expect(page.getByTestId("recovery-codes")).toBeVisible();
    await page.goto("/admin/customers");
    await expect(page).toHaveURL(/\/admin\/customers$/);
  } finally {
    await updateSettings(systemActor("e2e"), { ...(await readSettings()), requireTwoFactor: false });
  }
});
