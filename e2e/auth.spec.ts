import { ROLES } from "@/lib/auth/roles";
import { expect, setupUser, test } from "./support/fixtures";
import { signIn } from "./support/sign-in";
import { createStaff } from "./support/staff";

const ROLE_LABEL_VI = { ADMIN: "Quản trị", STAFF: "Nhân viên", COMPLIANCE: "Tuân thủ" } as const;

test.describe("sign-in", () => {
  for (const role of ROLES) {
    test(`${role} signs in and sees the admin shell for that role`, async ({ page }) => {
      await signIn(page, setupUser(role));
      await expect(page.getByTestId("current-role")).toHaveText(ROLE_LABEL_VI[role]);
      await expect(page.getByRole("navigation", { name: "Điều hướng quản trị" })).toBeVisible();
      await expect(page.getByRole("heading", { level: 1 })).toContainText("Xin chào");
    });
  }

  test("a wrong password shows the error on the password field", async ({ page }) => {
    const staff = await createStaff("STAFF", "wrongpw");
    await page.goto("/login");
    await page.getByLabel("Email").fill(staff.email);
    await page.getByLabel("Mật khẩu").fill("not the password");
    await page.getByRole("button", { name: "Đăng nhập" }).click();
    const password = page.getByLabel("Mật khẩu");
    await expect(password).toHaveAttribute("aria-invalid", "true");
    await expect(page.getByText("Email hoặc mật khẩu không đúng.")).toBeVisible();
    await expect(page).toHaveURL(/\/login/);
  });

  test("a malformed email is refused on the field before anything is sent", async ({ page }) => {
    await page.goto("/login");
    await page.getByLabel("Email").fill("not-an-email");
    await page.getByLabel("Mật khẩu").fill("whatever");
    await page.getByRole("button", { name: "Đăng nhập" }).click();
    await expect(page.getByLabel("Email")).toHaveAttribute("aria-invalid", "true");
    await expect(page.getByText("Địa chỉ email không hợp lệ.")).toBeVisible();
  });

  test("signing out ends the session", async ({ page }) => {
    const staff = await createStaff("STAFF", "signout");
    await signIn(page, staff);
    await page.getByRole("button", { name: "Đăng xuất" }).click();
    await expect(page).toHaveURL(/\/login/);
    await page.goto("/admin");
    await expect(page).toHaveURL(/\/login/);
  });
});
