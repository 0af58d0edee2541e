import { expect, pageAs, test } from "./support/fixtures";
import { signIn } from "./support/sign-in";
import { createStaff } from "./support/staff";

test("a disabled user is signed out on the next request", async ({ browser, baseURL, page }) => {
  const staff = await createStaff("STAFF", "tobedisabled");
  await signIn(page, staff);

  const admin = await pageAs(browser, "ADMIN", baseURL);
  await admin.goto("/admin/users");
  const row = admin.getByTestId(`user-row-${staff.email}`);
  await row.getByRole("button", { name: `Khoá tài khoản của ${staff.name}` }).click();
  await expect(row).toContainText("Đã khoá");

  await page.reload();
  await expect(page).toHaveURL(/\/login/);

  // And cannot sign in again.
  await page.getByLabel("Email").fill(staff.email);
  await page.getByLabel("Mật khẩu").fill(staff.password);
  await page.getByRole("button", { name: "Đăng nhập" }).click();
  await expect(page.getByText("Email hoặc mật khẩu không đúng.")).toBeVisible();
});

test("a role change takes effect on the user's next request", async ({ browser, baseURL, page }) => {
  const staff = await createStaff("STAFF", "promoted");
  await signIn(page, staff);
  expect((await page.goto("/admin/audit"))?.status()).toBe(403);

  const admin = await pageAs(browser, "ADMIN", baseURL);
  await admin.goto("/admin/users");
  await admin.getByLabel(`Vai trò của ${staff.name}`).selectOption("COMPLIANCE");
  await expect(admin.getByTestId(`user-row-${staff.email}`).getByText("Đã lưu vai trò.")).toBeVisible();

  expect((await page.goto("/admin/audit"))?.status()).toBe(200);
  await expect(page.getByTestId("current-role")).toHaveText("Tuân thủ");
});
