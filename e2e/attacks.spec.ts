// The attacks of issue 11, replayed against the running app. Each test fails if its defence is removed.
import { randomUUID } from "node:crypto";
import { systemActor } from "@/lib/auth/actor";
import { recordStaffConsent } from "@/lib/consent/mutations";
import { approveDisclosure, createRecipient, prepareDisclosure } from "@/lib/disclosures/mutations";
import { db } from "@/lib/db";
import { expect, pageAs, setupUser, test, waitForEmail } from "./support/fixtures";
import { createCustomerFor } from "./support/customers";
import { createLeadForm } from "./support/forms";
import { startHostPage } from "./support/host-page";
import { createStaff, PASSWORD } from "./support/staff";

test.describe("client address (issue 11.2)", () => {
  test("a rotated X-Forwarded-For neither escapes the per-IP limit nor lands in the evidence", async ({ request }) => {
    const form = await createLeadForm({ purposeKeys: ["inquiries"] });
    const send = (i: number) =>
      request.post(`/api/public/forms/${form.slug}/submissions`, {
        headers: { "x-forwarded-for": `203.0.113.${i}`, "content-type": "application/json" },
        data: {
          fields: { fullName: "Khách", email: `xff-${i}-${randomUUID().slice(0, 6)}@e2e.test` },
          consents: ["inquiries"],
          locale: "vi",
          idempotencyKey: randomUUID(),
        },
      });
    // FORM_RATE_LIMIT_PER_IP is 20 per form and address in 10 minutes.
    const statuses: number[] = [];
    for (let i = 1; i <= 21; i++) statuses.push((await send(i)).status());
    expect(statuses.slice(0, 20).every((s) => s === 201)).toBe(true);
    expect(statuses[20]).toBe(429);
    const ips = await db().submission.findMany({ where: { form: { slug: form.slug } }, select: { ip: true }, distinct: ["ip"] });
    expect(ips).toEqual([{ ip: "127.0.0.1" }]);
  });
});

test.describe("redirect after sign-in (issue 11.5)", () => {
  for (const target of ["/%5Cevil.example", "/%09/evil.example", "/\\evil.example", "/.//evil.example"]) {
    test(`callbackUrl=${target} stays on the app`, async ({ browser, baseURL }) => {
      const context = await browser.newContext({ baseURL });
      const page = await context.newPage();
      const user = setupUser("STAFF");
      await page.goto(`/login?callbackUrl=${target}`);
      await page.getByLabel("Email").fill(user.email);
      await page.getByLabel(/Mật khẩu|Password/).fill(PASSWORD);
      await page.getByRole("button", { name: /^(Đăng nhập|Sign in)$/ }).click();
      await expect(page).toHaveURL(/\/admin$/);
      expect(new URL(page.url()).origin).toBe(new URL(baseURL!).origin);
      // Signed in already: the login page itself redirects, and must stay home too.
      await page.goto(`/login?callbackUrl=${target}`);
      expect(new URL(page.url()).origin).toBe(new URL(baseURL!).origin);
      await context.close();
    });
  }
});

test.describe("hardening headers (issue 11.6)", () => {
  test("app pages carry a nonce CSP that forbids framing, and the other hardening headers", async ({ request }) => {
    for (const path of ["/login", "/privacy/me", "/admin", "/privacy"]) {
      const response = await request.get(path, { maxRedirects: 0 });
      const csp = response.headers()["content-security-policy"] ?? "";
      expect(csp, path).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]{16,}' 'strict-dynamic'/);
      expect(csp, path).toContain("frame-ancestors 'none'");
      expect(response.headers()["x-frame-options"], path).toBe("DENY");
      expect(response.headers()["x-content-type-options"], path).toBe("nosniff");
      expect(response.headers()["referrer-policy"], path).toBe("strict-origin-when-cross-origin");
      expect(response.headers()["permissions-policy"], path).toContain("camera=()");
    }
    const a = (await request.get("/login")).headers()["content-security-policy"];
    const b = (await request.get("/login")).headers()["content-security-policy"];
    expect(a).not.toBe(b); // a fresh nonce per response
    expect((await request.get("/privacy/me/link/abc")).headers()["referrer-policy"]).toBe("no-referrer");
    expect((await request.get("/set-password/abc")).headers()["referrer-policy"]).toBe("no-referrer");
    expect((await request.get("/api/health")).headers()["x-content-type-options"]).toBe("nosniff");
  });

  test("another site cannot frame the sign-in, the privacy page or the back office", async ({ page }) => {
    const baseURL = test.info().project.use.baseURL!;
    const host = await startHostPage(
      () =>
        `<!doctype html><html><body>${["/login", "/privacy/me", "/admin"].map((p, i) => `<iframe id="f${i}" src="${baseURL}${p}"></iframe>`).join("")}</body></html>`,
    );
    try {
      const blocked: string[] = [];
      page.on("console", (m) => {
        if (/frame-ancestors|X-Frame-Options/.test(m.text())) blocked.push(m.text());
      });
      await page.goto(host.origin);
      await expect.poll(() => blocked.length).toBeGreaterThanOrEqual(3);
      for (const i of [0, 1, 2]) await expect(page.frameLocator(`#f${i}`).getByRole("button")).toHaveCount(0);
    } finally {
      await host.close();
    }
  });

  test("pages run under the CSP without violations, and the session endpoint keeps the session id to itself", async ({ browser, baseURL }) => {
    const page = await pageAs(browser, "COMPLIANCE", baseURL);
    const violations: string[] = [];
    page.on("console", (m) => {
      if (/Content Security Policy/i.test(m.text())) violations.push(m.text());
    });
    await page.goto("/admin");
    await page.goto("/admin/customers");
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
    expect(violations).toEqual([]);
    const session = await (await page.request.get("/api/auth/session")).json();
    expect(Object.keys(session).sort()).toEqual(["expires", "user"]);
    expect(JSON.stringify(session)).not.toMatch(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/);
  });
});

test.describe("one-time links stay with their recipient (issue 11.1)", () => {
  test("compliance reading the outbox finds no usable link in an admin's invitation, and cannot resend it", async ({ browser, baseURL }) => {
    const admin = await pageAs(browser, "ADMIN", baseURL);
    const email = `victim-admin-${randomUUID().slice(0, 8)}@e2e.test`;
    await admin.goto("/admin/users");
    const form = admin.getByRole("form", { name: "Mời nhân viên" });
    await form.getByLabel("Họ và tên").fill("Quản Trị Mới");
    await form.getByLabel("Email", { exact: true }).fill(email);
    await form.getByLabel("Vai trò").selectOption("ADMIN");
    await form.getByRole("button", { name: "Gửi lời mời" }).click();
    const sent = await waitForEmail(email);
    const token = /\/set-password\/([A-Za-z0-9_-]+)/.exec(sent.text)?.[1];
    expect(token).toBeTruthy();

    const officer = await pageAs(browser, "COMPLIANCE", baseURL);
    await officer.goto("/admin/outbox");
    const row = officer.getByRole("row").filter({ hasText: email });
    await expect(row).toContainText("Đã ẩn đường dẫn dùng một lần");
    await row.getByRole("link").click();
    const page = await officer.content();
    const frame = await officer.locator("iframe").getAttribute("srcdoc");
    expect(`${page}${frame}`).not.toContain(token!);
    expect(`${page}${frame}`).not.toContain("/set-password/");
    // The database holds no usable copy either.
    const stored = await db().emailMessage.findFirstOrThrow({ where: { to: email } });
    expect(JSON.stringify(stored)).not.toContain(token!);
    expect(stored.secret).toBeNull();
  });
});

test.describe("masking cannot be walked around (issue 11.8)", () => {
  test("STAFF see a submission's phone masked on screen and in its CSV, and reveal it on purpose", async ({ browser, baseURL, request }) => {
    const form = await createLeadForm({ purposeKeys: ["inquiries"] });
    const email = `masked-${randomUUID().slice(0, 8)}@e2e.test`;
    const sent = await request.post(`/api/public/forms/${form.slug}/submissions`, {
      data: { fields: { fullName: "Khách Che", email, phone: "0987 654 321" }, consents: [], locale: "vi", idempotencyKey: randomUUID() },
    });
    expect(sent.status()).toBe(201);
    const staff = await pageAs(browser, "STAFF", baseURL);
    await staff.goto(`/admin/forms/${form.id}/submissions`);
    const row = staff.getByTestId("submission-row");
    await expect(row).toContainText("+8498••••321");
    await expect(row).not.toContainText("+84987654321");
    const csv = await (await staff.request.post(`/admin/forms/${form.id}/export`, { headers: { origin: new URL(baseURL!).origin } })).text();
    expect(csv).toContain("+8498••••321");
    expect(csv).not.toContain("987654321");
    await row.getByRole("button", { name: /Hiện số điện thoại/ }).click();
    await expect(row.getByTestId("revealed-phone")).toHaveText("+84987654321");
  });
});

test.describe("an anonymous form cannot speak for a customer (issue 11.3)", () => {
  test("knowing an email does not rewrite the record or re-grant a withdrawn consent; staff see a proposal", async ({ browser, baseURL, request }) => {
    const victim = await createCustomerFor("Đặng Thị Thật");
    const staffActor = systemActor("e2e");
    for (const action of ["GRANTED", "WITHDRAWN"] as const) {
      await recordStaffConsent(staffActor, {
        customerId: victim.id,
        purposeKey: "advertising",
        action,
        givenOn: new Date(Date.now() + 7 * 3_600_000 - (action === "GRANTED" ? 86_400_000 : 0)).toISOString().slice(0, 10),
        method: "PHONE",
        documentRef: `Gọi ${action}`,
      });
    }
    const form = await createLeadForm({ purposeKeys: ["inquiries", "advertising"] });
    const forged = await request.post(`/api/public/forms/${form.slug}/submissions`, {
      data: {
        fields: { fullName: "Kẻ Mạo Danh", email: victim.email, phone: "0911 222 333", organization: "Công ty Giả" },
        consents: ["advertising"],
        locale: "vi",
        idempotencyKey: randomUUID(),
      },
    });
    expect(forged.status()).toBe(201);
    expect(await forged.json()).toMatchObject({ confirmationRequired: true });

    const staff = await pageAs(browser, "STAFF", baseURL);
    await staff.goto(`/admin/customers/${victim.id}`);
    await expect(staff.getByRole("heading", { level: 1, name: "Đặng Thị Thật" })).toBeVisible();
    const advertising = staff.getByTestId("consent-advertising");
    await expect(advertising.getByTestId("consent-state")).toContainText("Đã rút lại");
    const proposal = staff.getByTestId("proposal");
    await expect(proposal).toContainText("Kẻ Mạo Danh");
    await expect(proposal).toContainText("Đang chờ chủ email xác nhận");
    await staff.screenshot({ path: "test-results/screenshots/customer-proposal-vi.png", fullPage: true });
    await proposal.getByRole("button", { name: "Bỏ qua" }).click();
    // Decided: the card leaves the page (it may say "Đã bỏ qua." for a moment first).
    await expect(staff.getByTestId("proposal")).toHaveCount(0);
    await staff.reload();
    await expect(staff.getByTestId("proposal")).toHaveCount(0);
    await expect(staff.getByRole("heading", { level: 1, name: "Đặng Thị Thật" })).toBeVisible();
  });
});

test.describe("no one can lock a staff member out (issue 11.7)", () => {
  test("failures hold back only a minute at first, tries while held back extend nothing, and an administrator can require a new password", async ({
    page,
    browser,
    baseURL,
  }) => {
    // Ten sign-ins, each hashing a password on purpose slowly: more than the default time on a busy machine.
    test.setTimeout(120_000);
    const victim = await createStaff("STAFF", "lockout");
    const tryPassword = async (password: string) => {
      await page.goto("/login");
      await page.getByLabel("Email").fill(victim.email);
      await page.getByLabel("Mật khẩu").fill(password);
      await page.getByRole("button", { name: "Đăng nhập" }).click();
    };
    try {
      for (let i = 0; i < 5; i++) {
        await tryPassword(`guess ${i}`);
        await expect(page.getByText("Email hoặc mật khẩu không đúng.")).toBeVisible();
      }
      for (let i = 0; i < 3; i++) {
        await tryPassword(victim.password);
        await expect(page.getByText("Vui lòng thử lại sau 1 phút.")).toBeVisible();
      }
      // A minute later the owner gets in: the throttled tries did not push the wait further.
      await db().loginAttempt.updateMany({ where: { email: victim.email }, data: { createdAt: new Date(Date.now() - 61_000) } });
      await tryPassword(victim.password);
      await expect(page).toHaveURL(/\/admin$/);

      // An administrator who suspects the password leaked requires a new one: the session ends at once.
      const admin = await pageAs(browser, "ADMIN", baseURL);
      await admin.goto("/admin/users");
      await admin.getByTestId(`user-row-${victim.email}`).getByRole("button", { name: "Yêu cầu đặt lại mật khẩu" }).click();
      await admin.getByRole("alertdialog").getByRole("button", { name: "Yêu cầu đặt lại mật khẩu" }).click();
      await expect(admin.getByText(`Đã gửi yêu cầu đặt lại mật khẩu tới ${victim.email}.`)).toBeVisible();
      await page.goto("/admin/customers");
      await expect(page).toHaveURL(/\/login/);
      await tryPassword(victim.password);
      await expect(page.getByText("Quản trị viên đã yêu cầu bạn đặt mật khẩu mới.")).toBeVisible();
      await waitForEmail(victim.email, (m) => m.subject === "Đặt mật khẩu mới cho Sổ khách hàng");
    } finally {
      // Every spec signs in from 127.0.0.1: leave the address's count as it was.
      await db().loginAttempt.deleteMany({ where: { email: victim.email } });
    }
  });
});

test.describe("merging cannot delete strangers (issue 11.4)", () => {
  test("STAFF are offered no merge for two records that share no contact; compliance must write why", async ({ browser, baseURL }) => {
    const name = `Trùng Tên ${randomUUID().slice(0, 6)}`;
    const [a, b] = [await createCustomerFor(name), await createCustomerFor(name)];
    const staff = await pageAs(browser, "STAFF", baseURL);
    await staff.goto("/admin/customers/duplicates");
    const row = staff.getByTestId("duplicate-row").filter({ hasText: a.email }).filter({ hasText: b.email });
    await expect(row).toContainText("cần cán bộ tuân thủ duyệt");
    await expect(row.getByRole("button")).toHaveCount(0);

    const officer = await pageAs(browser, "COMPLIANCE", baseURL);
    await officer.goto("/admin/customers/duplicates");
    const same = officer.getByTestId("duplicate-row").filter({ hasText: a.email }).filter({ hasText: b.email });
    await same
      .getByRole("button", { name: `Giữ “${name}”` })
      .first()
      .click();
    await officer.getByRole("alertdialog").getByRole("button", { name: "Gộp" }).click();
    await expect(same.getByRole("alert")).toContainText("ít nhất 10 ký tự");
    expect(await db().customer.count({ where: { id: { in: [a.id, b.id] } } })).toBe(2);
    await same.getByLabel("Vì sao đây là cùng một người").fill("Cùng số CCCD, khách xác nhận qua điện thoại");
    await same
      .getByRole("button", { name: `Giữ “${name}”` })
      .first()
      .click();
    await officer.getByRole("alertdialog").getByRole("button", { name: "Gộp" }).click();
    await expect.poll(() => db().customer.count({ where: { id: { in: [a.id, b.id] } } })).toBe(1);
  });
});

test.describe("nothing changes on a GET, and no other site can post (tighten)", () => {
  test("opening a package link counts nothing; a cross-site POST is refused; the page's button downloads", async ({ browser, baseURL }) => {
    const officer = await pageAs(browser, "COMPLIANCE", baseURL);
    const system = systemActor("e2e");
    const customer = await createCustomerFor("Nhận Hàng");
    const recipient = await createRecipient(system, { name: `Giao hàng ${randomUUID().slice(0, 6)}`, category: "SHIPPING" });
    const { id } = await prepareDisclosure(system, {
      recipientId: recipient.id,
      reason: "Giao hợp đồng bản giấy",
      fields: ["fullName", "address"],
      reference: "VD-77",
      selection: { kind: "ids", ids: [customer.id] },
    });
    await expect.poll(async () => (await db().disclosure.findUniqueOrThrow({ where: { id } })).status, { timeout: 15_000 }).toBe("PENDING_APPROVAL");
    await approveDisclosure(system, id);
    const approved = { id, downloadCount: 0 };
    const before = approved.downloadCount;
    const opened = await officer.request.get(`/admin/disclosures/${approved.id}/package`, { maxRedirects: 0 });
    expect(opened.status()).toBe(303);
    const forged = await officer.request.post(`/admin/disclosures/${approved.id}/package`, {
      headers: { origin: "https://evil.example", "sec-fetch-site": "cross-site" },
    });
    expect(forged.status()).toBe(403);
    expect((await db().disclosure.findUniqueOrThrow({ where: { id: approved.id } })).downloadCount).toBe(before);
    await officer.goto(`/admin/disclosures/${id}`);
    const download = officer.waitForEvent("download");
    await officer.getByRole("button", { name: "Tải gói CSV" }).click();
    await download;
    expect((await db().disclosure.findUniqueOrThrow({ where: { id } })).downloadCount).toBe(1);
  });

  test("a customer's export is a POST from their page; another site cannot trigger it", async ({ request }) => {
    const forged = await request.post("/privacy/me/export", { form: { format: "json" }, headers: { origin: "https://evil.example" } });
    expect(forged.status()).toBe(403);
    const opened = await request.get("/privacy/me/export?format=json", { maxRedirects: 0 });
    expect(opened.status()).toBe(303);
    expect(opened.headers().location).toContain("/privacy/me#export");
  });
});
