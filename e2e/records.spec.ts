import { expect, test } from "./support/fixtures";
import { signIn } from "./support/sign-in";
import { createStaff } from "./support/staff";

test("the records of processing are generated from the app's configuration; the dossier keeps numbered versions; in both languages", async ({ page }) => {
  // Its own administrator: the language choice is kept per person.
  await signIn(page, await createStaff("ADMIN", "records"));
  await page.goto("/admin/records");
  await expect(page.getByRole("heading", { level: 1, name: "Hồ sơ hoạt động xử lý dữ liệu cá nhân" })).toBeVisible();
  await expect(page.getByTestId("records-controller")).toContainText("Tầng 6, số 150 Trần Vỹ");
  const advertising = page.getByTestId("record-purpose").filter({ hasText: "Chiến dịch quảng cáo" });
  await expect(advertising).toContainText("Đối tác quảng cáo: Họ và tên, Địa chỉ");
  await expect(page.getByTestId("records-processors")).toContainText("Resend, Inc.");
  await expect(page.getByTestId("records-processors").getByText("Chuyển dữ liệu ra nước ngoài", { exact: true })).toBeVisible();
  await page.screenshot({ path: "test-results/screenshots/records-vi.png", fullPage: true });

  // The JSON export has the purposes at the top.
  const json = await page.request.get("/admin/records/export?format=json");
  expect(((await json.json()) as { purposes: unknown[] }).purposes.length).toBeGreaterThan(3);

  await page.getByRole("button", { name: "Lập hồ sơ đánh giá tác động" }).click();
  await expect(page).toHaveURL(/\/admin\/records\/documents\/[0-9a-f-]{36}$/);
  const doc = page.getByTestId("record-document");
  await expect(doc).toContainText("Hồ sơ đánh giá tác động xử lý dữ liệu cá nhân");
  await expect(doc).toContainText("Chuyển dữ liệu ra nước ngoài");
  await expect(doc.getByTestId("document-version")).toContainText(/Phiên bản \d+, lập lúc/);
  await page.screenshot({ path: "test-results/screenshots/records-dossier-vi.png", fullPage: true });

  await page.goto("/admin/records");
  await page.getByRole("button", { name: "Lập đánh giá chuyển dữ liệu ra nước ngoài" }).click();
  await expect(page.getByTestId("record-document")).toContainText("Resend, Inc.");

  await page.getByRole("button", { name: "English" }).click();
  await expect(page.getByTestId("record-document")).toContainText("Impact assessment of transferring personal data abroad — Resend, Inc.");
  await page.goto("/admin/records");
  await expect(page.getByRole("heading", { level: 1, name: "Records of personal data processing" })).toBeVisible();
  await expect(page.getByTestId("records-controller")).toContainText("6th floor, No. 150 Tran Vy");
  await page.screenshot({ path: "test-results/screenshots/records-en.png", fullPage: true });

  // The policy page states the same place, from the same setting, with the data-protection contact.
  await page.goto("/privacy?lang=en");
  await expect(page.getByTestId("data-location")).toContainText("On the servers at the company's headquarters: 6th floor, No. 150 Tran Vy");
  await expect(page.getByTestId("dpo-contact")).toContainText("dpo@nencer.example");
});
