import { randomUUID } from "node:crypto";
import { expect, pageAs, test } from "./support/fixtures";
import { createLeadForm } from "./support/forms";

test.describe("public form", () => {
  test("works without JavaScript: plain POST, server-rendered errors, then thank-you", async ({ browser, baseURL }) => {
    const form = await createLeadForm();
    const context = await browser.newContext({ baseURL, javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`/f/${form.slug}`);
    await page.getByLabel("Email").fill("khong-hop-le");
    await page.getByRole("button", { name: "Gửi" }).click();
    await expect(page.getByText("Vui lòng sửa các mục được đánh dấu rồi gửi lại.")).toBeVisible();
    await expect(page.getByText("Email chưa đúng định dạng, ví dụ ten@congty.vn.")).toBeVisible();
    await expect(page.getByLabel("Họ và tên")).toHaveAttribute("aria-invalid", "true");
    await expect(page.getByLabel("Email")).toHaveValue("khong-hop-le");

    const email = `nojs-${randomUUID().slice(0, 8)}@e2e.test`;
    await page.getByLabel("Họ và tên").fill("Không Có JS");
    await page.getByLabel("Email").fill(email);
    await page.getByRole("checkbox", { name: /Trả lời yêu cầu tư vấn/ }).check();
    await page.getByRole("button", { name: "Gửi" }).click();
    await expect(page).toHaveURL(/done=1/);
    await expect(page.getByRole("heading", { name: "Đã nhận thông tin của bạn" })).toBeVisible();
    // Thanks said once: the heading says it arrived, the form's own text thanks.
    expect(((await page.locator("[data-thanks]").textContent()) ?? "").match(/cảm ơn/gi)).toHaveLength(1);

    const staff = await pageAs(browser, "COMPLIANCE", baseURL);
    await staff.goto(`/admin/forms/${form.id}/submissions`);
    await expect(staff.getByTestId("submission-row").filter({ hasText: email })).toContainText("Trả lời yêu cầu tư vấn");
  });

  test("shows errors inline without a reload, in Vietnamese and in English", async ({ page }) => {
    const form = await createLeadForm();
    await page.goto(`/f/${form.slug}`);
    await page.evaluate(() => ((window as unknown as { marker: number }).marker = 42));
    await page.getByRole("button", { name: "Gửi" }).click();
    await expect(page.getByText("Vui lòng điền mục này.").first()).toBeVisible();
    await expect(page.getByLabel("Email")).toHaveAttribute("aria-invalid", "true");
    expect(await page.evaluate(() => (window as unknown as { marker: number }).marker)).toBe(42); // same page, no reload

    await page.getByRole("link", { name: "English" }).click();
    await expect(page.getByRole("heading", { name: "Ask for advice" })).toBeVisible();
    await page.getByLabel("Full name").fill("Anna");
    await page.getByLabel("Email").fill("anna@");
    await page.getByLabel("Phone number").fill("12");
    await page.getByRole("button", { name: "Send" }).click();
    await expect(page.getByText("This email address does not look right, e.g. name@company.com.")).toBeVisible();
    await expect(page.getByText("This phone number does not look right, e.g. 0912 345 678.")).toBeVisible();
    await expect(page.getByLabel("Email")).toBeFocused();
  });

  test("looks right on desktop and on a 375 px phone, in both languages (screenshots)", async ({ browser, baseURL }) => {
    const form = await createLeadForm({
      questions: [
        {
          key: "topic",
          type: "single_choice",
          labelVi: "Chủ đề",
          labelEn: "Topic",
          required: true,
          options: [
            { key: "web", labelVi: "Website", labelEn: "Website" },
            { key: "app", labelVi: "Ứng dụng", labelEn: "App" },
          ],
        },
        { key: "score", type: "rating", labelVi: "Bạn đánh giá chúng tôi thế nào?", labelEn: "How do you rate us?", required: false, options: [] },
      ],
    });
    for (const [name, viewport] of [
      ["desktop", { width: 1280, height: 900 }],
      ["mobile", { width: 375, height: 812 }],
    ] as const) {
      for (const lang of ["vi", "en"] as const) {
        const page = await (await browser.newContext({ baseURL, viewport })).newPage();
        await page.goto(`/f/${form.slug}${lang === "en" ? "?lang=en" : ""}`);
        await expect(page.getByRole("button", { name: lang === "en" ? "Send" : "Gửi" })).toBeVisible();
        const width = await page.evaluate(() => document.documentElement.scrollWidth);
        expect(width, "no horizontal scrolling").toBeLessThanOrEqual(viewport.width);
        await page.screenshot({ path: `test-results/screenshots/form-${name}-${lang}.png`, fullPage: true });
      }
    }
  });

  test("the homepage shows the company's lead form", async ({ page }) => {
    await createLeadForm({ slug: "lien-he" }).catch(() => undefined); // the demo seed is not loaded in tests
    await page.goto("/");
    const frame = page.frameLocator('iframe[title="Biểu mẫu liên hệ"]');
    await expect(frame.getByRole("button", { name: "Gửi" })).toBeVisible();
    await page.screenshot({ path: "test-results/screenshots/home-vi.png", fullPage: true });
  });
});
