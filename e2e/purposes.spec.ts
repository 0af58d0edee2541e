import { randomUUID } from "node:crypto";
import { db } from "@/lib/db";
import { expect, pageAs, test } from "./support/fixtures";
import { createLeadForm } from "./support/forms";

test("the compliance officer sees what each purpose is for and rewords one: the form shows the new text, the history keeps the old", async ({
  browser,
  baseURL,
}) => {
  // A purpose of this test's own, so the catalogue other specs rely on stays as it is.
  const key = `e2e_${randomUUID().replaceAll("-", "").slice(0, 10)}`;
  await db().purpose.create({
    data: {
      key,
      legalBasis: "CONSENT",
      labelVi: `Bản tin ${key}`,
      labelEn: `Newsletter ${key}`,
      descriptionVi: "Gửi bản tin.",
      descriptionEn: "A newsletter.",
      sortOrder: 900,
    },
  });
  const form = await createLeadForm({ purposeKeys: ["inquiries", key] });

  const officer = await pageAs(browser, "COMPLIANCE", baseURL);
  await officer.goto("/admin/policies");
  await officer.getByRole("link", { name: "Mục đích xử lý" }).click();
  await expect(officer.getByRole("heading", { level: 1, name: "Mục đích xử lý dữ liệu" })).toBeVisible();
  const card = officer.getByTestId("purpose-card").filter({ hasText: `Bản tin ${key}` });
  await expect(card).toContainText("Cần sự đồng ý");
  await expect(card).toContainText("Có hiệu lực sau khi xác nhận qua email");
  await expect(card.getByRole("link", { name: "Đăng ký tư vấn" })).toHaveAttribute("href", `/admin/forms/${form.id}`);
  const advertising = officer.getByTestId("purpose-card").filter({ hasText: "Chiến dịch quảng cáo" });
  await expect(advertising).toContainText("Chỉ khách hàng đồng ý mới được đưa vào lần chia sẻ");
  await officer.screenshot({ path: "test-results/screenshots/purposes-vi.png", fullPage: true });

  await card.getByRole("link", { name: "Sửa cách diễn đạt" }).click();
  const reword = officer.getByRole("form", { name: "Sửa cách diễn đạt" });
  await reword.getByLabel("Giải thích (tiếng Việt)").fill("Mỗi tháng một email tóm tắt tin tức.");
  await reword.getByRole("button", { name: "Lưu thành phiên bản mới" }).click();
  await expect(reword.getByText("Vui lòng ghi lý do, ít nhất 10 ký tự.")).toBeVisible();
  await reword.getByLabel("Lý do sửa").fill("Khách hàng hỏi bao lâu gửi một lần.");
  await reword.getByRole("button", { name: "Lưu thành phiên bản mới" }).click();
  await expect(officer.getByRole("status").filter({ hasText: "Đã lưu thành phiên bản 2" })).toBeVisible();
  const versions = officer.getByTestId("purpose-versions");
  await expect(versions.getByRole("listitem")).toHaveCount(2);
  await expect(versions.getByRole("listitem").first()).toContainText("Lý do: Khách hàng hỏi bao lâu gửi một lần.");
  await expect(versions.getByRole("listitem").last()).toContainText("Gửi bản tin.");
  await officer.screenshot({ path: "test-results/screenshots/purpose-reword-vi.png", fullPage: true });

  // A visitor sees the new wording on the form.
  const visitor = await (await browser.newContext({ baseURL })).newPage();
  await visitor.goto(`/f/${form.slug}`);
  await expect(visitor.getByText("Mỗi tháng một email tóm tắt tin tức.")).toBeVisible();
});
