import { systemActor } from "@/lib/auth/actor";
import { emailHash } from "@/lib/campaigns/mutations/guard";
import { updateMarketingRules } from "@/lib/campaigns/mutations/marketing";
import { readMarketingRules } from "@/lib/campaigns/queries";
import { recordConsentChange } from "@/lib/consent/mutations";
import { db } from "@/lib/db";
import { expect, test, waitForEmail } from "./support/fixtures";
import { createCustomerFor, tag } from "./support/customers";
import { signIn } from "./support/sign-in";
import { createStaff } from "./support/staff";

// The sending hours this file opens for itself are put back afterwards, for the specs that follow.
let hoursBefore: Awaited<ReturnType<typeof readMarketingRules>> | null = null;
test.afterAll(async () => {
  if (hoursBefore)
    await updateMarketingRules(systemActor("e2e"), {
      ...(await readMarketingRules()),
      windowStartHour: hoursBefore.windowStartHour,
      windowEndHour: hoursBefore.windowEndHour,
      reason: "End-to-end test puts the sending hours back",
    });
});

test("staff send a campaign only to the customer who agreed, and the customer unsubscribes from the email in one click", async ({
  page: staff,
  browser,
  baseURL,
}) => {
  test.setTimeout(120_000);
  // Whatever the hour this runs at, the sending hours must not hold the email back.
  const rules = await readMarketingRules();
  if (rules.windowStartHour !== 0 || rules.windowEndHour !== 24) {
    hoursBefore = rules;
    await updateMarketingRules(systemActor("e2e"), { ...rules, windowStartHour: 0, windowEndHour: 24, reason: "End-to-end test sends at any hour" });
  }
  const org = `Công ty Chiến dịch ${tag()}`;
  const agreed = await createCustomerFor(`Khách Đồng Ý ${tag()}`);
  const refused = await createCustomerFor(`Khách Không Đồng Ý ${tag()}`);
  await db().customer.updateMany({ where: { id: { in: [agreed.id, refused.id] } }, data: { organization: org } });
  await db().$transaction((tx) =>
    recordConsentChange(tx, systemActor("e2e"), {
      customerId: agreed.id,
      purposeKey: "promotions_events",
      action: "GRANTED",
      source: "STAFF",
      at: new Date(),
      method: "PHONE",
    }),
  );

  await signIn(staff, await createStaff("STAFF", "campaign"));
  await staff.goto("/admin/campaigns");
  await staff.getByRole("link", { name: "Soạn chiến dịch" }).click();
  const form = staff.getByRole("form", { name: "Soạn chiến dịch" });
  await form.getByRole("button", { name: "Lưu bản nháp" }).click();
  await expect(form.getByText("Đặt tên cho chiến dịch (ít nhất 3 ký tự).")).toBeVisible();
  await form.getByLabel("Tên chiến dịch").fill(`Ưu đãi bảo trì ${org}`);
  await form.getByRole("group", { name: "Tiếng Việt" }).getByLabel("Tiêu đề").fill("Giảm 20% phí bảo trì");
  await form.getByRole("group", { name: "Tiếng Việt" }).getByLabel("Nội dung").fill("Chào {{name}},\n\nTháng này phí bảo trì giảm 20%.");
  await form.getByRole("group", { name: "Tiếng Anh" }).getByLabel("Tiêu đề").fill("20% off maintenance");
  await form.getByRole("group", { name: "Tiếng Anh" }).getByLabel("Nội dung").fill("Hello {{name}},\n\n20% off maintenance this month.");
  await form.getByLabel("Tổ chức có chứa").fill(org);
  // The count follows the filter: one will get it, one is left out for never having agreed.
  await expect(staff.getByTestId("eligible-count")).toHaveText("1");
  await expect(staff.getByTestId("exclusions").locator('[data-reason="NO_CONSENT"]')).toContainText("1");
  await expect(staff.getByTestId("preview-subject")).toContainText("[QC] Giảm 20% phí bảo trì");
  await staff.screenshot({ path: "test-results/screenshots/campaign-composer-vi.png", fullPage: true });
  await form.getByRole("button", { name: "Lưu bản nháp" }).click();
  await expect(staff.getByRole("heading", { level: 1 })).toContainText("Ưu đãi bảo trì");

  await staff.getByRole("button", { name: "Gửi ngay" }).click();
  await staff.getByRole("alertdialog").getByRole("button", { name: "Gửi ngay" }).click();
  const email = await waitForEmail(agreed.email, (e) => e.subject === "[QC] Giảm 20% phí bảo trì");
  expect(email.html).toContain("Khách Đồng Ý");
  await expect(staff.getByTestId("recipients")).toContainText("Đã gửi", { timeout: 20_000 });
  await expect(staff.getByTestId("recipients")).not.toContainText(refused.email);
  await staff.screenshot({ path: "test-results/screenshots/campaign-sent-vi.png", fullPage: true });

  // The customer opens the visible link from the email, signed out, and unsubscribes.
  const link = /href="([^"]*\/api\/public\/unsubscribe\/[^"]+)"/.exec(email.html)?.[1]?.replaceAll("&amp;", "&");
  expect(link).toBeTruthy();
  const customer = await (await browser.newContext({ baseURL })).newPage();
  await customer.goto(new URL(link!).pathname);
  await expect(customer.getByRole("heading", { name: "Hủy đăng ký nhận email" })).toBeVisible();
  // Opening the link changed nothing.
  const state = () => db().consentState.findFirstOrThrow({ where: { customerId: agreed.id, purpose: { key: "promotions_events" } } });
  expect((await state()).action).toBe("GRANTED");
  await customer.getByRole("button", { name: "Hủy đăng ký" }).click();
  await expect(customer.getByTestId("unsubscribed")).toBeVisible();
  await customer.screenshot({ path: "test-results/screenshots/unsubscribed-vi.png", fullPage: true });
  expect((await state()).action).toBe("WITHDRAWN");
  const withdrawal = await db().consentEvent.findFirstOrThrow({ where: { customerId: agreed.id, action: "WITHDRAWN" } });
  expect(withdrawal.source).toBe("UNSUBSCRIBE");
  expect(await db().suppression.findUnique({ where: { emailHash: emailHash(agreed.email) } })).toMatchObject({ reason: "UNSUBSCRIBED" });
});
