// Staff accounts: forgotten password, changing it, two-step sign-in — journeys in Chromium.
import { base32Decode, hotp, stepAt } from "@/lib/auth/totp";
import { db } from "@/lib/db";
import { expect, test, waitForEmail } from "./support/fixtures";
import { signIn } from "./support/sign-in";
import { createStaff } from "./support/staff";

const codeFor = (secret: string, offsetSteps = 0) => hotp(base32Decode(secret.replaceAll(" ", "")), stepAt(new Date()) + offsetSteps);

test("a forgotten password: same answer for anyone, a link by email, a new password that signs in", async ({ page }) => {
  const staff = await createStaff("STAFF", "forgot");
  await page.goto("/login");
  await page.getByRole("link", { name: "Quên mật khẩu?" }).click();
  await expect(page.getByRole("heading", { name: "Quên mật khẩu" })).toBeVisible();
  await page.getByLabel("Email").fill(staff.email);
  await page.getByRole("button", { name: "Gửi đường dẫn" }).click();
  await expect(page.getByText(`Nếu ${staff.email} có tài khoản`)).toBeVisible();

  const message = await waitForEmail(staff.email, (m) => m.subject === "Đặt mật khẩu mới cho Sổ khách hàng");
  const link = /https?:\/\/[^\s"<>]+\/set-password\/[A-Za-z0-9_-]+/.exec(message.text)?.[0];
  expect(link).toBeTruthy();
  await page.goto(link!);
  await page.getByLabel("Mật khẩu mới").fill("a forgotten one replaced");
  await page.getByLabel("Nhập lại mật khẩu").fill("a forgotten one replaced");
  await page.getByRole("button", { name: "Lưu mật khẩu" }).click();
  await expect(page.getByText("Đã lưu mật khẩu.")).toBeVisible();
  await signIn(page, { email: staff.email, password: "a forgotten one replaced" });
});

test("two-step sign-in: set up with the app's code, recovery codes once, then asked at every sign-in (English)", async ({ page, context }) => {
  const staff = await createStaff("STAFF", "totp");
  await context.addCookies([{ name: "locale", value: "en", url: test.info().project.use.baseURL! }]);
  await signIn(page, staff);
  await page.goto("/admin/account");
  await expect(page.getByRole("heading", { level: 1, name: "My account" })).toBeVisible();
  await page.getByRole("button", { name: "Turn on two-step sign-in" }).click();
  await expect(page.getByRole("img", { name: "QR code to add the account to an authenticator app" })).toBeVisible();
  const secret = (await page.getByTestId("totp-secret").textContent())!;
  await page.getByLabel("6-digit code from the app").fill("000000");
  await page.getByRole("button", { name: "Confirm and turn on" }).click();
  await expect(page.getByText("The code is wrong or has already been used.")).toBeVisible();
  await page.screenshot({ path: "test-results/screenshots/two-factor-setup-en.png", fullPage: true });
  await page.getByLabel("6-digit code from the app").fill(codeFor(secret));
  await page.getByRole("button", { name: "Confirm and turn on" }).click();
  await expect(page.getByTestId("recovery-codes").getByRole("listitem")).toHaveCount(10);
  await page.getByRole("button", { name: "I have saved the codes" }).click();
  await expect(page.getByTestId("two-factor-status")).toContainText("10 unused recovery codes");

  await page.getByRole("button", { name: "Sign out" }).click();
  await page.getByLabel("Email").fill(staff.email);
  await page.getByLabel("Password").fill(staff.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByText("This account uses two-step sign-in")).toBeVisible();
  await page.getByLabel("Verification code").fill("123456");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByText("The code is wrong or has already been used.")).toBeVisible();
  await page.getByLabel("Verification code").fill(codeFor(secret, 1));
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/admin$/);
  await db().loginAttempt.deleteMany({ where: { email: staff.email } });
});

test("changing the password signs out the other browser", async ({ page, browser, baseURL }) => {
  const staff = await createStaff("STAFF", "changepw");
  await signIn(page, staff);
  const other = await (await browser.newContext({ baseURL })).newPage();
  await signIn(other, staff);
  await page.goto("/admin/account");
  await page.getByLabel("Mật khẩu hiện tại").fill("not my password");
  await page.getByLabel("Mật khẩu mới", { exact: true }).fill("my next long password");
  await page.getByLabel("Nhập lại mật khẩu mới").fill("my next long password");
  await page.getByRole("button", { name: "Đổi mật khẩu" }).click();
  await expect(page.getByText("Mật khẩu hiện tại không đúng.")).toBeVisible();
  await page.getByLabel("Mật khẩu hiện tại").fill(staff.password);
  await page.getByRole("button", { name: "Đổi mật khẩu" }).click();
  await expect(page.getByText("Đã đổi mật khẩu.")).toBeVisible();
  await other.goto("/admin/customers");
  await expect(other).toHaveURL(/\/login/);
  await page.goto("/admin/customers");
  await expect(page).toHaveURL(/\/admin\/customers$/);
});
