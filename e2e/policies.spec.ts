import { randomUUID } from "node:crypto";
import { systemActor } from "@/lib/auth/actor";
import { createDraft, schedulePolicy } from "@/lib/policies/mutations";
import { createCustomer } from "@/lib/customers/mutations";
import { advanceClock, day, settleAnnouncements } from "@/tests/support/policies";
import { expect, pageAs, test, waitForEmail } from "./support/fixtures";
import { createLeadForm } from "./support/forms";

const compliance = systemActor("e2e");

test("compliance drafts a version, reviews the diff, announces it; customers see the banner and get the email; it applies on its date", async ({
  browser,
  baseURL,
}) => {
  test.setTimeout(90_000);
  // A version in force to compare with (published through the app's own code, then brought into force).
  await settleAnnouncements();
  const base = await createDraft(compliance, {
    bodyVi: "# Chính sách\n\nChúng tôi giữ dữ liệu đến khi bạn ngừng dùng dịch vụ.\n\nChúng tôi không bán dữ liệu.",
    bodyEn: "# Policy\n\nWe keep data until you stop using our services.\n\nWe never sell data.",
    summaryVi: "Bản gốc",
    summaryEn: "Original",
    materialPurposeKeys: [],
  });
  await schedulePolicy(compliance, { id: base.id, effectiveOn: await day(1), shortNoticeReason: "Phiên bản nền cho kiểm thử đầu-cuối, không cần báo trước." });
  await settleAnnouncements();

  const email = `policy-${randomUUID().slice(0, 8)}@e2e.test`;
  await createCustomer(compliance, { fullName: "Khách Nhận Thông Báo", email, phone: "", address: "", organization: "", locale: "vi", status: "ACTIVE" });
  const form = await createLeadForm();

  const page = await pageAs(browser, "COMPLIANCE", baseURL);
  await page.goto("/admin/policies/new");
  const editor = page.getByRole("form", { name: "Soạn chính sách" });
  await expect(editor.getByLabel("Nội dung (Markdown)")).toHaveValue(/Chúng tôi giữ dữ liệu đến khi bạn ngừng dùng dịch vụ/);
  await editor
    .getByLabel("Nội dung (Markdown)")
    .fill("# Chính sách\n\nChúng tôi giữ dữ liệu thêm 12 tháng sau khi bạn ngừng dùng dịch vụ.\n\nChúng tôi không bán dữ liệu.");
  await editor.getByLabel("Tóm tắt thay đổi").fill("Thời hạn lưu giữ kéo dài thêm 12 tháng.");
  await expect(page.getByRole("region", { name: "Xem trước" })).toContainText("thêm 12 tháng");
  await editor.getByRole("tab", { name: "English" }).click();
  await editor.getByLabel("Nội dung (Markdown)").fill("# Policy\n\nWe keep data for 12 more months after you stop using our services.\n\nWe never sell data.");
  await editor.getByLabel("Tóm tắt thay đổi").fill("We keep data 12 months longer.");
  await editor.getByRole("button", { name: "Lưu bản nháp" }).click();
  await expect(page).toHaveURL(/\/admin\/policies\/[0-9a-f-]{36}$/);

  const diff = page.getByTestId("policy-diff");
  await expect(diff.locator("ins")).toContainText(["thêm 12 tháng sau"]);
  await expect(diff.locator("del")).toContainText(["đến"]);
  await page.screenshot({ path: "test-results/screenshots/policy-draft-diff-vi.png", fullPage: true });

  const schedule = page.getByRole("form", { name: "Lên lịch công bố" });
  await schedule.getByLabel("Ngày có hiệu lực").fill(await day(3));
  await schedule.getByRole("button", { name: "Công bố và gửi thông báo" }).click();
  await expect(schedule.getByText(/cần một lý do bằng văn bản/)).toBeVisible();
  await schedule.getByLabel("Ngày có hiệu lực").fill(await day(31));
  await schedule.getByRole("button", { name: "Công bố và gửi thông báo" }).click();
  await expect(page.getByText(/Công bố lúc .*; sẽ có hiệu lực vào ngày/)).toBeVisible();
  const number = Number(/phiên bản (\d+)/.exec((await page.getByRole("heading", { level: 1, name: /Chính sách phiên bản/ }).textContent()) ?? "")?.[1]);

  // The banner on a public form, the email in the (fake) Resend inbox, the live campaign progress.
  const visitor = await browser.newPage({ baseURL });
  await expect
    .poll(
      async () => {
        await visitor.goto(`/f/${form.slug}`);
        return visitor.getByText(/Chính sách bảo mật sẽ thay đổi từ ngày/).count();
      },
      { timeout: 15_000 },
    )
    .toBeGreaterThan(0);
  await visitor.screenshot({ path: "test-results/screenshots/form-with-policy-banner-vi.png", fullPage: true });
  const message = await waitForEmail(email, (e) => e.html.includes(`/privacy/diff?to=${number}`));
  expect(message.subject).toMatch(/^Chính sách bảo mật thay đổi từ ngày/);
  expect(message.html).toContain("Khách Nhận Thông Báo");
  expect(message.html).toContain(`/privacy/diff?to=${number}`);
  await expect(page.getByTestId("campaign-POLICY_NOTICE").getByTestId("campaign-counts")).toContainText(/ 0 lỗi/, { timeout: 20_000 });

  // Thirty-two days later (moved clock), the new version applies and the banner is gone.
  await advanceClock(32 * 86_400_000);
  await expect
    .poll(
      async () => {
        await visitor.goto("/privacy");
        return visitor.getByText(new RegExp(`Phiên bản ${number}, có hiệu lực từ`)).count();
      },
      { timeout: 15_000 },
    )
    .toBe(1);
  await expect(visitor.getByText("Chúng tôi giữ dữ liệu thêm 12 tháng")).toBeVisible();
  await expect
    .poll(
      async () => {
        await visitor.goto(`/f/${form.slug}`);
        return visitor.getByText(/Chính sách bảo mật sẽ thay đổi/).count();
      },
      { timeout: 15_000 },
    )
    .toBe(0);
  await page.goto("/admin/policies");
  await expect(page.getByTestId(`policy-row-${number}`)).toContainText("Đang áp dụng");
});

test("the policy area is for compliance only", async ({ browser, baseURL }) => {
  for (const role of ["STAFF", "ADMIN"] as const) {
    const page = await pageAs(browser, role, baseURL);
    expect((await page.goto("/admin/policies"))?.status()).toBe(403);
  }
});
