import { expect, type Page } from "@playwright/test";

/** Signs in through the real form (in whatever language the page is in). */
export async function signIn(page: Page, user: { email: string; password: string }) {
  await page.goto("/login");
  await page.getByLabel("Email").fill(user.email);
  await page.getByLabel(/Mật khẩu|Password/).fill(user.password);
  await page.getByRole("button", { name: /^(Đăng nhập|Sign in)$/ }).click();
  await expect(page).toHaveURL(/\/admin$/);
}
