import { randomUUID } from "node:crypto";
import { expect, pageAs, test } from "./support/fixtures";

test("staff build a survey in the editor, preview it, collect an answer and see the results chart", async ({ browser, baseURL, request }) => {
  const page = await pageAs(browser, "STAFF", baseURL);
  const slug = `khao-sat-${randomUUID().slice(0, 6)}`;
  await page.goto("/admin/forms/new");
  const editor = page.getByRole("form", { name: "Trình soạn biểu mẫu" });

  // Save with mistakes first: errors appear on the fields.
  await editor.getByLabel("Đường dẫn").fill("Sai Đường Dẫn");
  await editor.getByRole("button", { name: "Lưu biểu mẫu" }).click();
  await expect(editor.getByText("Từ 3 đến 60 ký tự: chữ thường không dấu, số và dấu gạch ngang.")).toBeVisible();

  await editor.getByLabel("Tiêu đề (tiếng Việt)").fill("Khảo sát thử");
  await editor.getByLabel("Tiêu đề (tiếng Anh)").fill("Trial survey");
  await editor.getByLabel("Đường dẫn").fill(slug);
  await editor.getByLabel("Loại").selectOption("SURVEY");
  await editor.getByLabel("Trạng thái").selectOption("PUBLISHED");
  await editor.getByRole("button", { name: "Thêm câu hỏi" }).click();
  await editor.getByLabel("Kiểu câu hỏi").selectOption("single_choice");
  await editor.getByLabel("Câu hỏi (tiếng Việt)").fill("Bạn thích gì?");
  await editor.getByLabel("Câu hỏi (tiếng Anh)").fill("What do you like?");
  for (const [vi, en] of [
    ["Giá", "Price"],
    ["Chất lượng", "Quality"],
  ]) {
    await editor.getByRole("button", { name: "Thêm lựa chọn" }).click();
    const n = await editor.getByLabel(/Lựa chọn \d+ \(tiếng Việt\)/).count();
    await editor.getByLabel(`Lựa chọn ${n} (tiếng Việt)`).fill(vi);
    await editor.getByLabel(`Lựa chọn ${n} (tiếng Anh)`).fill(en);
  }
  await editor.getByRole("checkbox", { name: /Khảo sát ý kiến/ }).check();
  await editor.getByRole("button", { name: "Lưu biểu mẫu" }).click();
  await expect(page.getByText("Đã tạo biểu mẫu.")).toBeVisible();
  const formId = /\/admin\/forms\/([0-9a-f-]{36})/.exec(page.url())![1];

  // Embed snippets and a live preview.
  await expect(page.getByLabel("Mã nhúng (script, tự co giãn)")).toHaveValue(`<script src="${baseURL}/embed.js" data-form="${slug}" async></script>`);
  await expect(page.frameLocator('iframe[title="Xem trước"]').getByRole("heading", { name: "Khảo sát thử" })).toBeVisible();
  await page.screenshot({ path: "test-results/screenshots/form-editor-vi.png", fullPage: true });

  // A visitor answers through the JSON API.
  const form = await (await request.get(`/f/${slug}`)).text();
  const optionKey = /name="answers\.([a-z0-9_-]+)" value="([a-z0-9_-]+)"/.exec(form)!;
  const response = await request.post(`/api/public/forms/${slug}/submissions`, {
    data: {
      fields: { fullName: "Người Khảo Sát", email: `survey-${randomUUID().slice(0, 6)}@e2e.test` },
      answers: { [optionKey[1]]: optionKey[2] },
      consents: ["surveys"],
      locale: "vi",
      idempotencyKey: randomUUID(),
    },
  });
  expect(response.status(), await response.text()).toBe(201);

  await page.getByRole("link", { name: "Kết quả" }).click();
  await expect(page.getByRole("list", { name: "Bạn thích gì?" })).toContainText("Giá");
  await expect(page.getByRole("list", { name: "Bạn thích gì?" }).getByRole("listitem").first()).toContainText("1 (100%)");
  await page.screenshot({ path: "test-results/screenshots/form-results-vi.png", fullPage: true });

  await page.getByRole("link", { name: "Lượt gửi" }).click();
  await expect(page.getByTestId("submission-row")).toHaveCount(1);
  const download = page.waitForEvent("download");
  await page.getByRole("button", { name: "Xuất CSV" }).click();
  const csv = await (await download).path().then((p) => import("node:fs").then((fs) => fs.readFileSync(p!, "utf8")));
  expect(csv.split("\r\n")[0]).toContain("Bạn thích gì?");
  expect(csv).toContain("Giá");
  expect(formId).toBeTruthy();
});
