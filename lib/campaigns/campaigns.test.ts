import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { Webhook } from "svix";
import { Prisma } from "@/generated/prisma/client";
import { changeConsentAction } from "@/app/(public)/privacy/me/actions";
import { POST as unsubscribePost, GET as unsubscribeGet } from "@/app/api/public/unsubscribe/[token]/route";
import { POST as webhookPost } from "@/app/api/webhooks/resend/route";
import { systemActor, type StaffActor } from "@/lib/auth/actor";
import { recordConsentChange } from "@/lib/consent/mutations";
import { db } from "@/lib/db";
import { deliverCampaignBatch } from "@/lib/email/delivery";
import { assertEnv } from "@/lib/env";
import { logRequest, setLegalHold } from "@/lib/privacy-requests/mutations/desk";
import { makeCustomer, token } from "@/tests/support/customers";
import { makeStaff } from "@/tests/support/factories";
import { startFakeResend, type FakeResend } from "@/tests/support/fake-resend";
import { failure, invalid } from "@/tests/support/outcomes";
import { actAsCustomer } from "@/tests/support/session";
import { emailHash, emailHashSql, exclusionReasonSql } from "./mutations/guard";
import { changeCampaignState, saveCampaign, scheduleCampaign, startDueCampaigns, updateMarketingRules } from "./mutations/marketing";
import { queueCampaignChunk } from "./mutations/queue";
import { audiencePreview, readMarketingRules } from "./queries";
import { inSendWindow, labelSubject, nextWindowOpening } from "./rules";
import { DEFAULT_MARKETING_RULES, type MarketingRules } from "./schemas";
import { messageIdFromToken, unsubscribeToken } from "./mutations/unsubscribe";

let resend: FakeResend;
let staff: StaffActor;
let compliance: StaffActor;
const WEBHOOK_SECRET = `whsec_${Buffer.from("campaign-test-secret-0123456789ab").toString("base64")}`;

async function grant(customerId: string, purposeKey = "promotions_events", action: "GRANTED" | "WITHDRAWN" = "GRANTED") {
  await db().$transaction((tx) =>
    recordConsentChange(tx, systemActor("test"), { customerId, purposeKey, action, source: "STAFF", at: new Date(), method: "PHONE" }),
  );
}

async function setRules(rules: Partial<MarketingRules>) {
  const current = await readMarketingRules();
  const next = { ...current, ...rules };
  if (JSON.stringify(next) !== JSON.stringify(current)) await updateMarketingRules(compliance, { ...next, reason: "Test needs these sending hours" });
}

/** Sending hours that do not include the present hour. */
function closedWindow(): Partial<MarketingRules> {
  const hour = new Date(Date.now() + 7 * 3_600_000).getUTCHours();
  const start = (hour + 2) % 24;
  return start < 23 && !(hour >= start && hour < start + 1) ? { windowStartHour: start, windowEndHour: start + 1 } : { windowStartHour: 1, windowEndHour: 2 };
}

async function campaignFor(org: string, purposeKey: "promotions_events" | "advertising" = "promotions_events") {
  const { id } = await saveCampaign(staff, {
    name: `Ưu đãi ${org}`,
    purposeKey,
    subjectVi: "Ưu đãi tháng 12",
    subjectEn: "December offer",
    bodyVi: "Chào {{name}},\n\nGiảm 20% phí bảo trì trong tháng này.",
    bodyEn: "Hello {{name}},\n\n20% off maintenance this month.",
    audience: { statuses: ["LEAD", "ACTIVE", "TERMINATED"], organization: org },
  });
  return id;
}

async function queue(id: string) {
  await scheduleCampaign(staff, { id });
  await startDueCampaigns();
  while ((await queueCampaignChunk(1000)) > 0) {}
}

async function send(size = 100) {
  while ((await deliverCampaignBatch(size)) > 0) {}
}

const messagesOf = (campaignId: string) =>
  db().emailMessage.findMany({
    where: { campaignId },
    select: { id: true, to: true, status: true, lastError: true, customerId: true, consentEventId: true, nextAttemptAt: true, providerId: true },
  });

function signed(body: string, options: { secret?: string; at?: Date; id?: string } = {}) {
  const id = options.id ?? `msg_${token()}`;
  const at = options.at ?? new Date();
  const signature = new Webhook(options.secret ?? WEBHOOK_SECRET).sign(id, at, body);
  return new Request("http://localhost/api/webhooks/resend", {
    method: "POST",
    body,
    headers: { "content-type": "application/json", "svix-id": id, "svix-timestamp": String(Math.floor(at.getTime() / 1000)), "svix-signature": signature },
  });
}

describe("marketing campaigns", () => {
  beforeAll(async () => {
    resend = await startFakeResend();
    process.env.RESEND_API_KEY = "re_test_key";
    process.env.RESEND_BASE_URL = resend.url;
    process.env.RESEND_WEBHOOK_SECRET = WEBHOOK_SECRET;
    assertEnv();
    staff = await makeStaff("STAFF");
    compliance = await makeStaff("COMPLIANCE");
    // Other files' campaign messages are not this file's business.
    await db().emailMessage.updateMany({ where: { campaignId: { not: null }, status: "QUEUED" }, data: { status: "CANCELLED" } });
    await setRules({ windowStartHour: 0, windowEndHour: 24 });
  });
  afterEach(() => resend.reset());
  afterAll(async () => {
    await setRules(DEFAULT_MARKETING_RULES);
    delete process.env.RESEND_API_KEY;
    delete process.env.RESEND_BASE_URL;
    delete process.env.RESEND_WEBHOOK_SECRET;
    assertEnv();
    await resend.close();
  });

  it("hashes addresses for the suppression list the same way in TypeScript and SQL", async () => {
    for (const address of ["An.Nguyen@Example.VN", " lan@example.test ", "trần@ví-dụ.vn"]) {
      const [row] = await db().$queryRaw<{ h: string }[]>`SELECT ${emailHashSql(Prisma.sql`${address}::text`)} AS h`;
      expect(row.h).toBe(emailHash(address));
    }
  });

  it("labels subjects and keeps to the sending hours (Vietnam time)", () => {
    expect(labelSubject("Ưu đãi", "vi", DEFAULT_MARKETING_RULES)).toBe("[QC] Ưu đãi");
    expect(labelSubject("Offer", "en", DEFAULT_MARKETING_RULES)).toBe("[ADV] Offer");
    expect(labelSubject("[qc] Ưu đãi", "vi", DEFAULT_MARKETING_RULES)).toBe("[qc] Ưu đãi");
    // 06:59 and 22:00 in Hanoi are outside 07–22; 07:00 and 21:59 inside.
    expect(inSendWindow(new Date("2026-12-01T23:59:00Z"), DEFAULT_MARKETING_RULES)).toBe(false);
    expect(inSendWindow(new Date("2026-12-02T00:00:00Z"), DEFAULT_MARKETING_RULES)).toBe(true);
    expect(inSendWindow(new Date("2026-12-02T14:59:00Z"), DEFAULT_MARKETING_RULES)).toBe(true);
    expect(inSendWindow(new Date("2026-12-02T15:00:00Z"), DEFAULT_MARKETING_RULES)).toBe(false);
    expect(nextWindowOpening(new Date("2026-12-02T15:30:00Z"), DEFAULT_MARKETING_RULES).toISOString()).toBe("2026-12-03T00:00:00.000Z");
    expect(nextWindowOpening(new Date("2026-12-02T22:00:00Z"), DEFAULT_MARKETING_RULES).toISOString()).toBe("2026-12-03T00:00:00.000Z");
  });

  it("leaves out each customer the guard refuses, counts them by reason, and queues only the rest", async () => {
    const org = `Org ${token()}`;
    const make = (overrides = {}) => makeCustomer({ organization: org, ...overrides });
    const ok = await make();
    const noEmail = await make({ email: "" });
    const erased = await make();
    const retention = await make();
    const held = await make();
    const objected = await make();
    const suppressed = await make();
    await make(); // never agreed
    const withdrawn = await make();
    const lapsed = await make();
    for (const c of [ok, noEmail, erased, retention, held, objected, suppressed, withdrawn, lapsed]) await grant(c.id);
    await grant(withdrawn.id, "promotions_events", "WITHDRAWN");
    await db().consentEvent.create({
      data: {
        customerId: lapsed.id,
        purposeId: (await db().purpose.findUniqueOrThrow({ where: { key: "promotions_events" } })).id,
        action: "LAPSED",
        source: "SYSTEM",
        wording: "x",
        givenAt: new Date(),
      },
    });
    await db().customer.update({ where: { id: retention.id }, data: { status: "TERMINATED", terminatedAt: new Date("2020-01-01") } });
    await setLegalHold(compliance, { customerId: held.id, reason: "Hồ sơ tranh chấp hợp đồng đang xử lý" });
    await logRequest(compliance, {
      customerId: objected.id,
      type: "DELETE",
      channel: "PHONE",
      receivedOn: new Date().toISOString().slice(0, 10),
      details: "Xin xóa dữ liệu của tôi",
    });
    await db().suppression.create({ data: { emailHash: emailHash(suppressed.email), reason: "COMPLAINT" } });

    const expected = { NO_EMAIL: 1, RETENTION: 1, LEGAL_HOLD: 1, OBJECTED: 1, SUPPRESSED: 1, NO_CONSENT: 1, WITHDRAWN: 1, LAPSED: 1 };
    const preview = await audiencePreview(staff, "promotions_events", {
      statuses: ["LEAD", "ACTIVE", "TERMINATED"],
      organization: org,
      locale: "",
      createdFrom: "",
      createdTo: "",
      lastContactFrom: "",
      lastContactTo: "",
    });
    expect(preview).toEqual({ eligible: 2, excluded: expected, total: 10 });

    const id = await campaignFor(org);
    await queue(id);
    const messages = await messagesOf(id);
    expect(messages.map((m) => m.customerId).sort()).toEqual([ok.id, erased.id].sort());
    const state = await db().consentState.findFirstOrThrow({ where: { customerId: ok.id, purpose: { key: "promotions_events" } } });
    expect(messages.find((m) => m.customerId === ok.id)?.consentEventId).toBe(state.eventId);
    const campaign = await db().emailCampaign.findUniqueOrThrow({ where: { id } });
    expect(campaign).toMatchObject({ status: "QUEUED", queuedCount: 2, excluded: expected });
    // Erased between queuing and sending (erasure cancels what it finds; the guard catches the rest).
    await db().customer.update({ where: { id: erased.id }, data: { status: "ERASED" } });
    await send();
    const sent = Object.fromEntries((await messagesOf(id)).map((m) => [m.customerId, m]));
    expect(sent[ok.id].status).toBe("SENT");
    expect(sent[erased.id]).toMatchObject({ status: "CANCELLED", lastError: "guard:ERASED" });
  });

  it("refuses consent given under a superseded wording of a materially changed purpose", async () => {
    const c = await makeCustomer();
    await grant(c.id);
    const reason = await exclusionReasonSql(Prisma.sql`'promotions_events'`, 999, new Date());
    const verdict = async () => {
      const [row] = await db().$queryRaw<{ reason: string | null }[]>`
        SELECT ${reason} AS reason FROM "Customer" c
        JOIN "Purpose" p ON p.key = 'promotions_events'
        LEFT JOIN "ConsentState" s ON s."customerId" = c.id AND s."purposeId" = p.id
        LEFT JOIN "ConsentEvent" e ON e.id = s."eventId" LEFT JOIN "PolicyVersion" pv ON pv.id = e."policyVersionId"
        WHERE c.id = ${c.id}::uuid`;
      return row.reason;
    };
    expect(await verdict()).toBe("STALE_WORDING");
    const current = await exclusionReasonSql(Prisma.sql`'promotions_events'`, 0, new Date());
    const [row] = await db().$queryRaw<{ reason: string | null }[]>`
      SELECT ${current} AS reason FROM "Customer" c JOIN "Purpose" p ON p.key = 'promotions_events'
      LEFT JOIN "ConsentState" s ON s."customerId" = c.id AND s."purposeId" = p.id WHERE c.id = ${c.id}::uuid`;
    expect(row.reason).toBeNull();
  });

  it("sends with the advertising label, the company's address, and one-click unsubscribe headers", async () => {
    const org = `Org ${token()}`;
    const vi = await makeCustomer({ organization: org, locale: "vi" });
    const en = await makeCustomer({ organization: org, locale: "en" });
    await grant(vi.id, "advertising");
    await grant(en.id, "advertising");
    const id = await campaignFor(org, "advertising");
    await queue(id);
    await send();
    const byTo = Object.fromEntries(resend.emails.map((e) => [e.to, e]));
    expect(byTo[vi.email].subject).toBe("[QC] Ưu đãi tháng 12");
    expect(byTo[en.email].subject).toBe("[ADV] December offer");
    expect(byTo[vi.email].html).toContain("Tầng 6, số 150 Trần Vỹ");
    expect(byTo[en.email].text).toContain("No. 150 Tran Vy");
    expect(byTo[vi.email].html).toContain(vi.fullName);
    for (const email of [byTo[vi.email], byTo[en.email]]) {
      expect(email.headers?.["List-Unsubscribe-Post"]).toBe("List-Unsubscribe=One-Click");
      const link = /^<(.+)>$/.exec(email.headers?.["List-Unsubscribe"] ?? "")?.[1] ?? "";
      expect(link).toMatch(/\/api\/public\/unsubscribe\/[0-9a-f-]{36}\.[\w-]{32}$/);
      // The same link is visible in the body, and names no one.
      expect(email.html).toContain(link);
      expect(link).not.toContain(encodeURIComponent(String(email.to)));
    }
    const messages = await messagesOf(id);
    expect(messages.every((m) => m.status === "SENT" && m.providerId)).toBe(true);
  });

  it("stops the remaining message to someone who withdraws on /privacy/me while the campaign is sending", async () => {
    const org = `Org ${token()}`;
    const a = await makeCustomer({ organization: org });
    const b = await makeCustomer({ organization: org });
    await grant(a.id);
    await grant(b.id);
    const id = await campaignFor(org);
    await queue(id);
    expect(await deliverCampaignBatch(1)).toBe(1); // one batch of one: the campaign is under way
    const waiting = (await messagesOf(id)).find((m) => m.status === "QUEUED");
    if (!waiting?.customerId) throw new Error("expected a message still queued");
    await actAsCustomer(waiting.customerId);
    const result = await changeConsentAction({ purposeKey: "promotions_events", action: "WITHDRAWN" });
    expect(result.ok).toBe(true);
    await send();
    const after = await db().emailMessage.findUniqueOrThrow({ where: { id: waiting.id } });
    expect(after).toMatchObject({ status: "CANCELLED", lastError: "guard:WITHDRAWN" });
    expect(resend.emails.map((e) => e.to)).not.toContain(waiting.to);
    expect((await messagesOf(id)).filter((m) => m.status === "SENT")).toHaveLength(1);
  });

  it("holds a second advertising email to the same address within 24 hours, unless the customer agreed to more", async () => {
    const org = `Org ${token()}`;
    const capped = await makeCustomer({ organization: org });
    const more = await makeCustomer({ organization: org });
    await db().customer.update({ where: { id: more.id }, data: { marketingDailyLimit: 2 } });
    for (const c of [capped, more]) await grant(c.id);
    const first = await campaignFor(org);
    await queue(first);
    await send();
    const second = await campaignFor(org);
    await queue(second);
    await send();
    const messages = await messagesOf(second);
    const held = messages.find((m) => m.customerId === capped.id);
    expect(held).toMatchObject({ status: "QUEUED", lastError: "held:DAILY_CAP" });
    expect(held?.nextAttemptAt.getTime()).toBeGreaterThan(Date.now() + 23 * 3_600_000);
    expect(messages.find((m) => m.customerId === more.id)?.status).toBe("SENT");
  });

  it("holds messages due outside the sending hours and sends them when the window opens", async () => {
    const org = `Org ${token()}`;
    const c = await makeCustomer({ organization: org });
    await grant(c.id);
    const id = await campaignFor(org);
    await queue(id);
    await setRules(closedWindow());
    try {
      await send();
      expect(resend.emails).toHaveLength(0);
      const [message] = await messagesOf(id);
      expect(message.status).toBe("QUEUED");
      // Not cut into a batch at all while the window is shut; once open it goes.
    } finally {
      await setRules({ windowStartHour: 0, windowEndHour: 24 });
    }
    await send();
    expect((await messagesOf(id))[0].status).toBe("SENT");
  });

  it("pauses, resumes and cancels; a cancelled campaign sends nothing more", async () => {
    const org = `Org ${token()}`;
    const c = await makeCustomer({ organization: org });
    await grant(c.id);
    const id = await campaignFor(org);
    await queue(id);
    await changeCampaignState(staff, { id }, "pause");
    await send();
    expect((await messagesOf(id))[0].status).toBe("QUEUED");
    expect(await failure(changeCampaignState(staff, { id }, "pause"))).toMatchObject({ code: "CONFLICT" });
    await changeCampaignState(staff, { id }, "cancel");
    await send();
    expect((await messagesOf(id))[0]).toMatchObject({ status: "CANCELLED", lastError: "guard:CAMPAIGN_CANCELLED" });
    expect(resend.emails).toHaveLength(0);
    expect(
      await failure(
        saveCampaign(staff, {
          id,
          name: "Đổi tên",
          purposeKey: "advertising",
          subjectVi: "abc",
          subjectEn: "abc",
          bodyVi: "0123456789",
          bodyEn: "0123456789",
          audience: {},
        }),
      ),
    ).toMatchObject({
      code: "CONFLICT",
    });
  });

  it("lets only COMPLIANCE change the sending rules, always with a reason", async () => {
    expect(await failure(updateMarketingRules(staff, { ...DEFAULT_MARKETING_RULES, dailyCap: 3, reason: "Khách đồng ý nhận nhiều hơn" }))).toMatchObject({
      code: "FORBIDDEN",
    });
    expect(await invalid(updateMarketingRules(compliance, { ...DEFAULT_MARKETING_RULES, dailyCap: 3, reason: "" }))).toMatchObject({
      reason: "campaigns.reasonRequired",
    });
    expect(
      await invalid(updateMarketingRules(compliance, { ...DEFAULT_MARKETING_RULES, windowStartHour: 22, windowEndHour: 7, reason: "Thử khung giờ ngược" })),
    ).toMatchObject({
      windowEndHour: "campaigns.windowBackwards",
    });
  });

  describe("unsubscribe", () => {
    async function sentTo(org: string) {
      const c = await makeCustomer({ organization: org });
      await grant(c.id);
      const id = await campaignFor(org);
      await queue(id);
      await send();
      const email = resend.emails.find((e) => e.to === c.email);
      const link = /^<(.+)>$/.exec(email?.headers?.["List-Unsubscribe"] ?? "")?.[1] ?? "";
      return { customer: c, campaignId: id, token: decodeURIComponent(link.split("/").pop() ?? "") };
    }
    const post = (t: string, body = "List-Unsubscribe=One-Click", accept = "*/*") =>
      unsubscribePost(
        new Request(`http://localhost/api/public/unsubscribe/${t}`, {
          method: "POST",
          body,
          headers: { "content-type": "application/x-www-form-urlencoded", accept, "user-agent": "Mail client" },
        }),
        { params: Promise.resolve({ token: t }) },
      );
    const events = (customerId: string) =>
      db().consentEvent.findMany({ where: { customerId, purpose: { key: "promotions_events" } }, orderBy: { createdAt: "asc" } });

    it("withdraws consent with its evidence and suppresses the address, once, without signing in", async () => {
      const { customer, campaignId, token: t } = await sentTo(`Org ${token()}`);
      const messageId = messageIdFromToken(t);
      expect(messageId).not.toBeNull();
      const response = await post(t);
      expect(response.status).toBe(200);
      const [, withdrawal] = await events(customer.id);
      expect(withdrawal).toMatchObject({ action: "WITHDRAWN", source: "UNSUBSCRIBE", userAgent: "Mail client" });
      expect(withdrawal.evidence).toMatchObject({ messageId, campaignId, method: "one_click", channel: "unsubscribe_link" });
      expect(await db().suppression.findUnique({ where: { emailHash: emailHash(customer.email) } })).toMatchObject({ reason: "UNSUBSCRIBED", messageId });
      // Used again (a second click, the mail client retrying): nothing new.
      expect((await post(t)).status).toBe(200);
      expect(await events(customer.id)).toHaveLength(2);
      // The customer agreeing again themself lifts the unsubscribe.
      await actAsCustomer(customer.id);
      expect((await changeConsentAction({ purposeKey: "promotions_events", action: "GRANTED" })).ok).toBe(true);
      expect(await db().suppression.findUnique({ where: { emailHash: emailHash(customer.email) } })).toBeNull();
    });

    it("refuses a forged or altered token, and a GET changes nothing", async () => {
      const { customer, token: t } = await sentTo(`Org ${token()}`);
      const [id, mac] = t.split(".");
      const forged = [`${id}.${"A".repeat(32)}`, `${id}.${mac.slice(0, 31)}`, unsubscribeToken(id).replace(id, crypto.randomUUID()), id];
      for (const bad of forged) expect((await post(bad)).status).toBe(404);
      const page = await unsubscribeGet(new Request(`http://localhost/api/public/unsubscribe/${t}`), { params: Promise.resolve({ token: t }) });
      expect(page.status).toBe(303);
      expect(page.headers.get("location")).toContain(`/unsubscribe/${t}`);
      expect(await post(t, "")).toHaveProperty("status", 400);
      expect(await events(customer.id)).toHaveLength(1);
      expect(await db().suppression.findUnique({ where: { emailHash: emailHash(customer.email) } })).toBeNull();
      // The page's button: a browser form post, answered with the page again.
      const fromPage = await post(t, "List-Unsubscribe=One-Click", "text/html");
      expect(fromPage.status).toBe(303);
      expect(fromPage.headers.get("location")).toContain("?done=1");
      expect((await events(customer.id)).at(-1)?.evidence).toMatchObject({ method: "link" });
    });
  });

  describe("Resend webhook", () => {
    async function sentMessage() {
      const org = `Org ${token()}`;
      const c = await makeCustomer({ organization: org });
      await grant(c.id);
      const id = await campaignFor(org);
      await queue(id);
      await send();
      const [message] = await messagesOf(id);
      return { customer: c, message };
    }
    const event = (type: string, emailId: string, extra: object = {}) =>
      JSON.stringify({ type, created_at: new Date().toISOString(), data: { email_id: emailId, to: ["x@example.test"], ...extra } });

    it("refuses unsigned, wrongly signed and stale requests and changes nothing", async () => {
      const { message } = await sentMessage();
      const body = event("email.bounced", message.providerId ?? "");
      const unsigned = new Request("http://localhost/api/webhooks/resend", { method: "POST", body, headers: { "content-type": "application/json" } });
      const wrongSecret = signed(body, { secret: `whsec_${Buffer.from("another-secret-entirely-0123456789").toString("base64")}` });
      const stale = signed(body, { at: new Date(Date.now() - 10 * 60_000) });
      const tampered = signed(body);
      const altered = new Request(tampered.url, { method: "POST", headers: tampered.headers, body: body.replace("bounced", "delivered") });
      for (const request of [unsigned, wrongSecret, stale, altered]) expect((await webhookPost(request)).status).toBe(401);
      expect(await db().emailMessage.findUniqueOrThrow({ where: { id: message.id } })).toMatchObject({ delivery: null });
      expect(await db().deliveryEvent.count({ where: { providerId: message.providerId } })).toBe(0);
    });

    it("records delivery, and a hard bounce or a complaint suppresses the address once", async () => {
      const { customer, message } = await sentMessage();
      const providerId = message.providerId ?? "";
      expect((await webhookPost(signed(event("email.delivered", providerId)))).status).toBe(200);
      expect(await db().emailMessage.findUniqueOrThrow({ where: { id: message.id } })).toMatchObject({ delivery: "DELIVERED" });
      const bounce = event("email.bounced", providerId, { bounce: { type: "Permanent", subType: "General" } });
      const first = signed(bounce, { id: "msg_bounce_once" });
      expect((await webhookPost(first)).status).toBe(200);
      expect(await db().emailMessage.findUniqueOrThrow({ where: { id: message.id } })).toMatchObject({ delivery: "BOUNCED" });
      expect(await db().suppression.findUnique({ where: { emailHash: emailHash(customer.email) } })).toMatchObject({ reason: "HARD_BOUNCE" });
      // Svix retries the same event: recorded once.
      const again = await webhookPost(signed(bounce, { id: "msg_bounce_once" }));
      expect(await again.json()).toMatchObject({ duplicate: true });
      expect(await db().deliveryEvent.count({ where: { svixId: "msg_bounce_once" } })).toBe(1);
      // A late "delivered" does not hide the bounce.
      await webhookPost(signed(event("email.delivered", providerId)));
      expect(await db().emailMessage.findUniqueOrThrow({ where: { id: message.id } })).toMatchObject({ delivery: "BOUNCED" });

      const other = await sentMessage();
      await webhookPost(signed(event("email.complained", other.message.providerId ?? "")));
      expect(await db().suppression.findUnique({ where: { emailHash: emailHash(other.customer.email) } })).toMatchObject({ reason: "COMPLAINT" });
      // The next campaign leaves both out.
      const preview = await audiencePreview(staff, "promotions_events", {
        statuses: ["LEAD"],
        organization: "",
        locale: "",
        createdFrom: "",
        createdTo: "",
        lastContactFrom: "",
        lastContactTo: "",
      });
      expect(preview.excluded.SUPPRESSED).toBeGreaterThanOrEqual(2);
    });

    it("answers 422 to a signed event that is not a delivery report", async () => {
      expect((await webhookPost(signed(JSON.stringify({ hello: "world" })))).status).toBe(422);
    });
  });
});
