import { gzipSync } from "node:zlib";
import { randomUUID } from "node:crypto";
import { expect, pageAs, test, waitForEmail } from "./support/fixtures";
import { createLeadForm } from "./support/forms";
import { startHostPage } from "./support/host-page";

test.describe("embedded lead form", () => {
  test("a visitor on another site fills the embedded form, ticks one of two purposes, and staff see exactly that", async ({ page, browser, baseURL }) => {
    const form = await createLeadForm();
    const host = await startHostPage(
      () => `<!doctype html><html><body><h1>Customer site</h1><script src="${baseURL}/embed.js" data-form="${form.slug}" async></script></body></html>`,
    );
    await form.allow([host.origin]);
    try {
      await page.goto(host.origin);
      const frame = page.frameLocator("iframe[data-customer-register]");
      const email = `visitor-${randomUUID().slice(0, 8)}@e2e.test`;
      await frame.getByLabel("Họ và tên").fill("Vũ Thị Khách");
      await frame.getByLabel("Email").fill(email);
      await frame.getByRole("checkbox", { name: /Chiến dịch quảng cáo/ }).check();
      await expect(frame.getByRole("checkbox", { name: /Trả lời yêu cầu tư vấn/ })).not.toBeChecked();
      // The iframe has grown to fit its content.
      await expect.poll(async () => (await page.locator("iframe[data-customer-register]").boundingBox())?.height ?? 0).toBeGreaterThan(600);
      await frame.getByRole("button", { name: "Gửi" }).click();
      await expect(frame.getByRole("heading", { name: "Đã nhận thông tin của bạn" })).toBeVisible();
      await expect(frame.getByText("Cảm ơn bạn, chúng tôi đã nhận được.")).toBeVisible();
      await expect(frame.getByText(/hãy nhấn đường dẫn trong email/)).toBeVisible();

      // Until the owner of the address confirms, the consent is only pending.
      const staff = await pageAs(browser, "STAFF", baseURL);
      await staff.goto(`/admin/forms/${form.id}/submissions`);
      const rows = staff.getByTestId("submission-row");
      await expect(rows).toHaveCount(1);
      await expect(rows.first()).toContainText("Vũ Thị Khách");
      await expect(rows.first()).toContainText(email);
      const consents = rows.first().locator("td").nth(2);
      await expect(consents).toHaveText("Chiến dịch quảng cáo · Chờ xác nhận");

      // The visitor confirms from the email: the page opened by the link changes nothing until pressed.
      const message = await waitForEmail(email, (m) => m.subject === "Xác nhận lựa chọn của bạn");
      const link = /https?:\/\/[^\s"<>]+\/confirm\/[A-Za-z0-9_-]+/.exec(message.text)?.[0];
      expect(link).toBeTruthy();
      await page.goto(link!);
      await expect(page.getByRole("heading", { name: "Xác nhận lựa chọn" })).toBeVisible();
      await expect(page.getByText("Chiến dịch quảng cáo")).toBeVisible();
      await page.screenshot({ path: "test-results/screenshots/confirm-vi.png", fullPage: true });
      await page.getByRole("button", { name: "Tôi xác nhận" }).click();
      await expect(page.getByText("Đã xác nhận. Cảm ơn bạn!")).toBeVisible();
      await page.goto(link!);
      await expect(page.getByText("Liên kết này đã được dùng")).toBeVisible();

      await staff.reload();
      await expect(consents).toHaveText("Chiến dịch quảng cáo");
    } finally {
      await host.close();
    }
  });

  test("a site that is not allowed cannot frame the form", async ({ page, baseURL }) => {
    const form = await createLeadForm();
    const host = await startHostPage(
      () => `<!doctype html><html><body><iframe id="f" src="${baseURL}/f/${form.slug}?embed=1" style="width:600px;height:600px"></iframe></body></html>`,
    );
    try {
      const blocked = page.waitForEvent("console", (m) => /frame-ancestors/.test(m.text()));
      await page.goto(host.origin);
      await blocked;
      const child = page.frames().find((f) => f !== page.mainFrame());
      expect(child).toBeTruthy();
      await expect(page.frameLocator("#f").getByRole("button", { name: "Gửi" })).toHaveCount(0);
    } finally {
      await host.close();
    }
  });

  test("the form page ships under 50 KB of JavaScript (gzip)", async ({ page }) => {
    const form = await createLeadForm();
    const scripts: Buffer[] = [];
    page.on("response", async (response) => {
      if (response.request().resourceType() === "script") scripts.push(await response.body());
    });
    await page.goto(`/f/${form.slug}?embed=1`);
    await page.waitForLoadState("networkidle");
    expect(scripts.length).toBeGreaterThan(0);
    const total = scripts.reduce((n, body) => n + gzipSync(body).length, 0);
    expect(total).toBeLessThan(50 * 1024);
  });
});
