// Integrations as people use them: an administrator makes an API key and a webhook in the app,
// another system reads the register with the key and receives a signed event when a visitor
// submits a form; the key stops working once revoked. And staff hear of a new lead by email
// (no personal data in it) and mark it answered.
import { randomUUID } from "node:crypto";
import { db } from "@/lib/db";
import { startWebhookReceiver } from "@/tests/support/webhook-receiver";
import { expect, test, waitForEmail } from "./support/fixtures";
import { createLeadForm } from "./support/forms";
import { signIn } from "./support/sign-in";
import { createStaff } from "./support/staff";

async function visitorSubmits(page: import("@playwright/test").Page, slug: string, email: string) {
  await page.goto(`/f/${slug}`);
  await page.getByLabel("Họ và tên").fill("Vũ Thị Lan");
  await page.getByLabel("Email").fill(email);
  await page.getByRole("checkbox", { name: /Trả lời yêu cầu tư vấn/ }).check();
  await page.getByRole("button", { name: "Gửi" }).click();
  await expect(page.getByRole("heading", { name: "Đã nhận thông tin của bạn" })).toBeVisible();
}

test("an administrator connects another system: a scoped key reads the register, a signed webhook reports a submission", async ({
  page: admin,
  browser,
  baseURL,
  request,
}) => {
  test.setTimeout(120_000);
  const receiver = await startWebhookReceiver();
  try {
    await signIn(admin, await createStaff("ADMIN", "integrations"));
    await admin.goto("/admin/settings");
    await admin.getByRole("link", { name: "Khóa API" }).click();
    await expect(admin.getByRole("heading", { level: 1, name: "Khóa API" })).toBeVisible();
    const keyForm = admin.getByRole("form", { name: "Tạo khóa" });
    await keyForm.getByRole("button", { name: "Tạo khóa" }).click();
    await expect(keyForm.getByText("Chọn ít nhất một phạm vi.")).toBeVisible();
    const name = `CRM ${randomUUID().slice(0, 6)}`;
    await keyForm.getByLabel("Tên khóa").fill(name);
    await keyForm.getByRole("checkbox", { name: /Đọc khách hàng/ }).check();
    await keyForm.getByRole("button", { name: "Tạo khóa" }).click();
    const key = await admin.getByTestId("secret-once").inputValue();
    expect(key).toMatch(/^crk_/);
    await expect(admin.getByTestId("api-key-row").filter({ hasText: name })).toBeVisible();
    await expect(admin.getByTestId("api-key-row").filter({ hasText: name }).getByTestId("awaits-approval")).toBeVisible();
    await admin.screenshot({ path: "test-results/screenshots/api-keys-vi.png", fullPage: true });

    // It reaches personal data: refused until a compliance officer approves it on the records' approvals page.
    const waiting = await request.get("/api/v1/customers?limit=1", { headers: { authorization: `Bearer ${key}` } });
    expect(waiting.status()).toBe(403);
    const officer = await (await browser.newContext({ baseURL })).newPage();
    await signIn(officer, await createStaff("COMPLIANCE", "integrations"));
    await officer.goto("/admin/records");
    await officer.getByTestId("api-key-approvals-link").click();
    await expect(officer.getByRole("heading", { level: 1, name: "Khóa API truy cập dữ liệu cá nhân" })).toBeVisible();
    const row = officer.getByTestId("api-key-approval").filter({ hasText: name });
    await expect(row).toContainText("Chờ phê duyệt");
    await officer.screenshot({ path: "test-results/screenshots/api-key-approvals-vi.png", fullPage: true });
    await row.getByRole("button", { name: "Phê duyệt" }).click();
    await expect(row).toContainText("Đang dùng");
    await officer.close();

    const listed = await request.get("/api/v1/customers?limit=1", { headers: { authorization: `Bearer ${key}` } });
    expect(listed.status()).toBe(200);
    expect((await listed.json()).data).toHaveLength(1);
    const refused = await request.get("/api/v1/submissions", { headers: { authorization: `Bearer ${key}` } });
    expect(refused.status()).toBe(403);
    expect(refused.headers()["content-type"]).toContain("application/problem+json");

    await admin.goto("/admin/settings/webhooks");
    const hookForm = admin.getByRole("form", { name: "Thêm điểm nhận" });
    await hookForm.getByLabel("Địa chỉ nhận (URL)").fill(receiver.url);
    await hookForm.getByRole("checkbox", { name: "Có bài gửi biểu mẫu mới" }).check();
    await hookForm.getByRole("button", { name: "Thêm điểm nhận" }).click();
    const secret = await admin.getByTestId("secret-once").inputValue();
    expect(secret).toMatch(/^whsec_/);
    receiver.setSecret(secret);

    const form = await createLeadForm();
    const visitor = await (await browser.newContext({ baseURL })).newPage();
    const email = `hook-${randomUUID().slice(0, 8)}@e2e.test`;
    await visitorSubmits(visitor, form.slug, email);
    const submission = await db().submission.findFirstOrThrow({ where: { formId: form.id }, select: { id: true } });
    await expect.poll(() => receiver.received.filter((r) => r.json.data.submissionId === submission.id).length, { timeout: 20_000 }).toBe(1);
    const event = receiver.received.find((r) => r.json.data.submissionId === submission.id)!;
    expect(event.signatureValid).toBe(true);
    expect(event.json.type).toBe("submission.created");
    expect(event.body).not.toContain(email);

    await admin.goto("/admin/settings/webhooks");
    await admin.getByRole("link", { name: receiver.url }).click();
    await expect(admin.getByTestId("webhook-delivery").first()).toContainText("Đã nhận");
    await admin.screenshot({ path: "test-results/screenshots/webhook-deliveries-vi.png", fullPage: true });

    await admin.goto("/admin/settings/api");
    await expect(admin.getByTestId("api-operation").filter({ hasText: "consents:write" })).toContainText("/customers/{id}/consents");
    await admin.screenshot({ path: "test-results/screenshots/api-reference-vi.png", fullPage: true });

    // Revoked in the app: refused at once.
    await admin.goto("/admin/settings/api-keys");
    await admin.getByTestId("api-key-row").filter({ hasText: name }).getByRole("button", { name: "Thu hồi" }).click();
    await admin.getByRole("alertdialog").getByRole("button", { name: "Thu hồi" }).click();
    await expect(admin.getByTestId("api-key-row").filter({ hasText: name })).toContainText("Đã thu hồi");
    expect((await request.get("/api/v1/customers", { headers: { authorization: `Bearer ${key}` } })).status()).toBe(401);
  } finally {
    await db().webhookEndpoint.deleteMany({ where: { url: receiver.url } });
    await receiver.close();
  }
});

test("staff hear of a new lead without the person's data, see it marked new and mark it answered", async ({ page: staff, browser, baseURL }) => {
  test.setTimeout(120_000);
  const member = await createStaff("STAFF", "leads");
  const form = await createLeadForm({ titleVi: `Tư vấn ${randomUUID().slice(0, 6)}` });
  await signIn(staff, member);
  await staff.goto(`/admin/forms/${form.id}/submissions`);
  await staff.getByText("Báo khi có bài gửi mới").click();
  await staff.getByLabel(new RegExp(member.email)).selectOption("IMMEDIATE");
  await staff.getByRole("button", { name: "Lưu lựa chọn" }).click();
  await expect(staff.getByText("Đã lưu người được báo.")).toBeVisible();

  const visitor = await (await browser.newContext({ baseURL })).newPage();
  const email = `lead-${randomUUID().slice(0, 8)}@e2e.test`;
  await visitorSubmits(visitor, form.slug, email);
  const notice = await waitForEmail(member.email, (e) => e.subject.includes(form.titleVi));
  expect(notice.html).not.toContain(email);
  expect(notice.html).not.toContain("Vũ Thị Lan");
  expect(notice.html).toContain(`/admin/forms/${form.id}/submissions`);

  await staff.goto(`/admin/forms/${form.id}/submissions`);
  const row = staff.getByTestId("submission-row").filter({ hasText: email });
  await expect(row.getByTestId("new-submission")).toBeVisible();
  await row.getByRole("button", { name: "Đánh dấu đã trả lời" }).click();
  await expect(row.getByTestId("answered")).toContainText(member.name);
  await staff.screenshot({ path: "test-results/screenshots/lead-answered-vi.png", fullPage: true });
  // Seen now: no longer new on the next visit.
  await staff.reload();
  await expect(staff.getByTestId("submission-row").filter({ hasText: email }).getByTestId("new-submission")).toHaveCount(0);
});
