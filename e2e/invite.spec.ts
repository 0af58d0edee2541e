import { randomUUID } from "node:crypto";
import { expect, pageAs, test, waitForEmail } from "./support/fixtures";

test("an admin invites a staff member, who sets a password from the email and signs in", async ({ browser, baseURL, page }) => {
  const admin = await pageAs(browser, "ADMIN", baseURL);
  const email = `invitee-${randomUUID().slice(0, 8)}@e2e.test`;
  await admin.goto("/admin/users");
  const form = admin.getByRole("form", { name: "Mời nhân viên" });
  await form.getByLabel("Họ và tên").fill("Đỗ Được Mời");
  await form.getByLabel("Email", { exact: true }).fill(email);
  await form.getByLabel("Vai trò").selectOption("COMPLIANCE");
  await form.getByRole("button", { name: "Gửi lời mời" }).click();
  await expect(admin.getByText(`Đã xếp lời mời gửi tới ${email}`)).toBeVisible();
  await expect(admin.getByTestId(`user-row-${email}`)).toContainText("Đã mời");

  // The worker sends it through the Resend SDK to the fake server.
  const message = await waitForEmail(email);
  expect(message.subject).toBe("Lời mời sử dụng Sổ khách hàng");
  const link = /https?:\/\/[^\s"<>]+\/set-password\/[A-Za-z0-9_-]+/.exec(message.text)?.[0];
  expect(link).toBeTruthy();

  await page.goto(link!);
  await expect(page.getByText(email)).toBeVisible();
  await page.getByLabel("Mật khẩu mới").fill("short");
  await page.getByLabel("Nhập lại mật khẩu").fill("short");
  await page.getByRole("button", { name: "Lưu mật khẩu" }).click();
  await expect(page.getByText("Mật khẩu cần ít nhất 10 ký tự.")).toBeVisible();

  await page.getByLabel("Mật khẩu mới").fill("a brand new password");
  await page.getByLabel("Nhập lại mật khẩu").fill("a brand new password");
  await page.getByRole("button", { name: "Lưu mật khẩu" }).click();
  await expect(page.getByText("Đã lưu mật khẩu.")).toBeVisible();

  // The link works once only.
  await page.goto(link!);
  await expect(page.getByText("Liên kết này không hợp lệ hoặc đã hết hạn.")).toBeVisible();

  await page.goto("/login");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Mật khẩu").fill("a brand new password");
  await page.getByRole("button", { name: "Đăng nhập" }).click();
  await expect(page.getByTestId("current-role")).toHaveText("Tuân thủ");

  // The invitation is in the outbox, marked as sent. (A compliance officer may by now have other mail
  // there too: a spec running alongside that creates a personal-data API key notifies every one.)
  await admin.goto("/admin/outbox?status=SENT");
  await expect(admin.getByRole("row").filter({ hasText: email }).filter({ hasText: "Lời mời sử dụng Sổ khách hàng" })).toBeVisible();
});

test("an invitation to an email that already has an account shows the error on the field", async ({ browser, baseURL }) => {
  const admin = await pageAs(browser, "ADMIN", baseURL);
  await admin.goto("/admin/users");
  const existing = await admin
    .getByTestId(/^user-row-/)
    .first()
    .getAttribute("data-testid");
  const form = admin.getByRole("form", { name: "Mời nhân viên" });
  await form.getByLabel("Họ và tên").fill("Trùng");
  await form.getByLabel("Email", { exact: true }).fill(existing!.replace("user-row-", ""));
  await form.getByRole("button", { name: "Gửi lời mời" }).click();
  await expect(form.getByLabel("Email", { exact: true })).toHaveAttribute("aria-invalid", "true");
  await expect(form.getByText("Email này đã có tài khoản.")).toBeVisible();
});
