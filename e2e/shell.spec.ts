import { randomUUID } from "node:crypto";
import { systemActor } from "@/lib/auth/actor";
import { inviteUser } from "@/lib/users/mutations";
import { signIn } from "./support/sign-in";
import { createStaff } from "./support/staff";
import { expect, pageAs, test } from "./support/fixtures";

test("the admin shell works in Vietnamese and English (screenshots)", async ({ browser, baseURL, page }) => {
  const admin = await createStaff("ADMIN", "polyglot");
  await signIn(page, admin);
  await page.goto("/admin/users");
  const nav = page.getByRole("navigation", { name: "Điều hướng quản trị" });
  await expect(nav.getByRole("link", { name: "Người dùng" })).toHaveAttribute("aria-current", "page");
  await page.screenshot({ path: "test-results/screenshots/admin-vi.png", fullPage: true });

  await page.getByRole("button", { name: "English" }).click();
  const navEn = page.getByRole("navigation", { name: "Back-office navigation" });
  await expect(navEn.getByRole("link", { name: "Users" })).toBeVisible();
  await expect(page.getByRole("heading", { level: 1, name: "Users" })).toBeVisible();
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
  await page.screenshot({ path: "test-results/screenshots/admin-en.png", fullPage: true });

  // The choice sticks across pages, and switching back works.
  await page.goto("/admin/outbox");
  await expect(page.getByRole("heading", { level: 1, name: "Outbox" })).toBeVisible();

  // The preference follows the person to a new browser.
  const other = await (await browser.newContext({ baseURL })).newPage();
  await other.goto("/login");
  await other.getByLabel("Email").fill(admin.email);
  await other.getByLabel("Mật khẩu").fill(admin.password);
  await other.getByRole("button", { name: "Đăng nhập" }).click();
  await expect(other.getByRole("heading", { level: 1 })).toHaveText(`Hello, ${admin.name}`);

  await page.getByRole("button", { name: "Tiếng Việt" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Hộp thư đi" })).toBeVisible();
});

test("at 375 px the back office fits the screen: a menu button opens the navigation and the account", async ({ browser, baseURL }) => {
  const staff = await createStaff("COMPLIANCE", "phone");
  const page = await (await browser.newContext({ baseURL, viewport: { width: 375, height: 812 }, isMobile: true, hasTouch: true })).newPage();
  await signIn(page, staff);
  for (const path of ["/admin", "/admin/customers", "/admin/requests", "/admin/audit", "/admin/disclosures", "/admin/policies", "/admin/account"]) {
    await page.goto(path);
    // The message names the outermost elements that stick out, to say what to fix.
    const { width, culprits } = await page.evaluate(() => {
      const limit = document.documentElement.clientWidth;
      const out = [...document.body.querySelectorAll("*")].filter((el) => {
        const parent = el.parentElement;
        return el.getBoundingClientRect().right > limit + 0.5 && (!parent || parent.getBoundingClientRect().right <= limit + 0.5);
      });
      return {
        width: document.documentElement.scrollWidth,
        culprits: out.slice(0, 5).map((el) => `${el.tagName.toLowerCase()}.${el.className}`.slice(0, 120)),
      };
    });
    expect(width, `no sideways scrolling on ${path}: ${culprits.join(" | ")}`).toBeLessThanOrEqual(375);
  }
  const menu = page.getByRole("button", { name: "Menu" });
  await expect(menu).toHaveAttribute("aria-expanded", "false");
  await expect(page.getByRole("navigation", { name: "Điều hướng quản trị" })).toBeHidden();
  await menu.click();
  await expect(menu).toHaveAttribute("aria-expanded", "true");
  await page.screenshot({ path: "test-results/screenshots/admin-menu-375-vi.png", fullPage: true });
  const nav = page.getByRole("navigation", { name: "Điều hướng quản trị" });
  await expect(page.getByRole("button", { name: "Đăng xuất" })).toBeVisible();
  await page.keyboard.press("Escape");
  await expect(nav).toBeHidden();
  await expect(page.getByRole("button", { name: "Menu" })).toBeFocused();
  await page.getByRole("button", { name: "Menu" }).click();
  await nav.getByRole("link", { name: "Yêu cầu về dữ liệu" }).click();
  await expect(page).toHaveURL(/\/admin\/requests$/);
  await expect(nav).toBeHidden();
});

test("the outbox shows each message with its status, HTML and text", async ({ browser, baseURL }) => {
  const email = `outbox-${randomUUID().slice(0, 8)}@e2e.test`;
  await inviteUser(systemActor("e2e"), { email, name: "Hộp Thư", role: "STAFF" });
  const page = await pageAs(browser, "COMPLIANCE", baseURL);
  await page.goto("/admin/outbox");
  const row = page.getByRole("row").filter({ hasText: email });
  await expect(row.getByText("Đã gửi"))
    .toBeVisible({ timeout: 15_000 })
    .catch(async () => {
      await page.reload();
      await expect(row.getByText("Đã gửi")).toBeVisible();
    });
  await page.screenshot({ path: "test-results/screenshots/outbox-vi.png", fullPage: true });
  await row.getByRole("link").click();
  // The invitation's one-time link is not shown: only the recipient can use it.
  await expect(page.getByTestId("email-text")).toContainText("chỉ người nhận dùng được");
  await expect(page.getByTestId("email-text")).not.toContainText("/set-password/");
  await expect(page.getByText("Email này chứa đường dẫn dùng một lần.")).toBeVisible();
  await expect(page.frameLocator("iframe").getByRole("link", { name: "Đặt mật khẩu" })).toBeVisible();
  await expect(page.frameLocator("iframe").getByRole("link", { name: "Đặt mật khẩu" })).not.toHaveAttribute("href", /set-password/);
});

test("the health endpoint reports the database", async ({ request }) => {
  const response = await request.get("/api/health");
  expect(response.status()).toBe(200);
  expect(await response.json()).toEqual({ status: "ok", database: "ok" });
});
