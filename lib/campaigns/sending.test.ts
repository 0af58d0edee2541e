// Sending a campaign under Decree 91/2020's rules: the label, the footer, one-click unsubscribe
// headers, the daily cap, the sending hours, pause and cancel, and who may change the rules.
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { deliverCampaignBatch } from "@/lib/email/delivery";
import { assertEnv } from "@/lib/env";
import { campaignFor, grant, messagesOf, queue, queuedCampaign, send, setRules, unsubscribeLink, useCampaignWorld } from "@/tests/support/campaigns";
import { makeCustomer, token } from "@/tests/support/customers";
import { failure, invalid } from "@/tests/support/outcomes";
import { changeCampaignState, saveCampaign, updateMarketingRules } from "./mutations/marketing";
import { inSendWindow, labelSubject, nextWindowOpening } from "./rules";
import { DEFAULT_MARKETING_RULES, type MarketingRules } from "./schemas";

/** Sending hours that do not include the present hour. */
function closedWindow(): Partial<MarketingRules> {
  const hour = new Date(Date.now() + 7 * 3_600_000).getUTCHours();
  const start = (hour + 2) % 24;
  return start < 23 && !(hour >= start && hour < start + 1) ? { windowStartHour: start, windowEndHour: start + 1 } : { windowStartHour: 1, windowEndHour: 2 };
}

describe("sending a campaign", () => {
  const world = useCampaignWorld();

  /** The provider takes the campaign's batch but answers only after the sender has given up on it. */
  async function firstAttemptAnswerLost(id: string, to: string[]) {
    process.env.EMAIL_SEND_TIMEOUT_MS = "600";
    assertEnv();
    try {
      world.resend.outage("hang", 1.5);
      expect(await deliverCampaignBatch()).toBe(to.length);
      expect((await messagesOf(id)).map((m) => m.status)).toEqual(to.map(() => "QUEUED"));
      for (let i = 0; i < 50 && world.resend.emails.length < to.length; i++) await new Promise((r) => setTimeout(r, 100));
      expect(world.resend.emails.map((e) => e.to).sort()).toEqual([...to].sort());
    } finally {
      delete process.env.EMAIL_SEND_TIMEOUT_MS;
      assertEnv();
    }
  }

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

  it("sends with the advertising label, the company's address, and one-click unsubscribe headers", async () => {
    const org = `Org ${token()}`;
    const vi = await makeCustomer({ organization: org, locale: "vi" });
    const en = await makeCustomer({ organization: org, locale: "en" });
    await grant(vi.id, "advertising");
    await grant(en.id, "advertising");
    const id = await campaignFor(world, org, "advertising");
    await queue(world, id);
    await send();
    // Only this campaign's emails: another test file's policy change may ask these new customers to
    // confirm their consent again meanwhile.
    const byTo = Object.fromEntries(world.resend.emails.filter((e) => /^\[(QC|ADV)\] /.test(e.subject)).map((e) => [e.to, e]));
    expect(byTo[vi.email].subject).toBe("[QC] Ưu đãi tháng 12");
    expect(byTo[en.email].subject).toBe("[ADV] December offer");
    expect(byTo[vi.email].html).toContain("Tầng 6, số 150 Trần Vỹ");
    expect(byTo[en.email].text).toContain("No. 150 Tran Vy");
    expect(byTo[vi.email].html).toContain(vi.fullName);
    for (const email of [byTo[vi.email], byTo[en.email]]) {
      expect(email.headers?.["List-Unsubscribe-Post"]).toBe("List-Unsubscribe=One-Click");
      const link = unsubscribeLink(email);
      expect(link).toMatch(/\/api\/public\/unsubscribe\/[0-9a-f-]{36}\.[\w-]{32}$/);
      // The same link is visible in the body, and names no one.
      expect(email.html).toContain(link);
      expect(link).not.toContain(encodeURIComponent(String(email.to)));
    }
    const messages = await messagesOf(id);
    expect(messages.every((m) => m.status === "SENT" && m.providerId)).toBe(true);
  });

  it("holds a second advertising email to the same address within 24 hours, unless the customer agreed to more", async () => {
    const org = `Org ${token()}`;
    const capped = await makeCustomer({ organization: org });
    const more = await makeCustomer({ organization: org });
    await db().customer.update({ where: { id: more.id }, data: { marketingDailyLimit: 2 } });
    for (const c of [capped, more]) await grant(c.id);
    const first = await campaignFor(world, org);
    await queue(world, first);
    await send();
    const second = await campaignFor(world, org);
    await queue(world, second);
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
    const id = await campaignFor(world, org);
    await queue(world, id);
    await setRules(world, closedWindow());
    try {
      await send();
      expect(world.resend.emails).toHaveLength(0);
      const [message] = await messagesOf(id);
      expect(message.status).toBe("QUEUED");
      // Not cut into a batch at all while the window is shut; once open it goes.
    } finally {
      await setRules(world, { windowStartHour: 0, windowEndHour: 24 });
    }
    await send();
    expect((await messagesOf(id))[0].status).toBe("SENT");
  });

  it("pauses, resumes and cancels; a cancelled campaign sends nothing more", async () => {
    const org = `Org ${token()}`;
    const c = await makeCustomer({ organization: org });
    await grant(c.id);
    const id = await campaignFor(world, org);
    await queue(world, id);
    await changeCampaignState(world.staff, { id }, "pause");
    await send();
    expect((await messagesOf(id))[0].status).toBe("QUEUED");
    expect(await failure(changeCampaignState(world.staff, { id }, "pause"))).toMatchObject({ code: "CONFLICT" });
    await changeCampaignState(world.staff, { id }, "cancel");
    await send();
    expect((await messagesOf(id))[0]).toMatchObject({ status: "CANCELLED", lastError: "guard:CAMPAIGN_CANCELLED" });
    expect(world.resend.emails).toHaveLength(0);
    expect(
      await failure(
        saveCampaign(world.staff, {
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

  it("never sends a batch again to everyone else when its first attempt went through unanswered and the guard has since taken someone out", async () => {
    const {
      id,
      customers: [a, b],
    } = await queuedCampaign(world, 2);
    await firstAttemptAnswerLost(id, [a.email, b.email]);
    // Meanwhile one of them withdraws; the retry is due.
    await grant(a.id, "promotions_events", "WITHDRAWN");
    await db().emailMessage.updateMany({ where: { campaignId: id }, data: { nextAttemptAt: new Date() } });
    await send();
    const byCustomer = Object.fromEntries((await messagesOf(id)).map((m) => [m.customerId, m]));
    expect(byCustomer[a.id]).toMatchObject({ status: "CANCELLED", lastError: "guard:WITHDRAWN" });
    // The smaller batch under the same key is refused as a reused key: the first attempt went, so
    // the other message is recorded as sent then, and nobody got a second email.
    expect(byCustomer[b.id]).toMatchObject({ status: "SENT", lastError: "sent:earlier_attempt" });
    expect(world.resend.calls.map((c) => c.status)).toContain(409);
    expect(world.resend.emails.filter((e) => e.to === b.email)).toHaveLength(1);
  });

  it("retries a batch whose answer was lost whole, even if the campaign was paused meanwhile, so nobody gets it twice", async () => {
    const {
      id,
      customers: [a, b],
    } = await queuedCampaign(world, 2);
    await firstAttemptAnswerLost(id, [a.email, b.email]);
    // Paused before the retry: released into a later batch, each would have gone out again.
    await changeCampaignState(world.staff, { id }, "pause");
    await db().emailMessage.updateMany({ where: { campaignId: id }, data: { nextAttemptAt: new Date() } });
    await send();
    expect((await messagesOf(id)).map((m) => m.status)).toEqual(["SENT", "SENT"]);
    await changeCampaignState(world.staff, { id }, "resume");
    await send();
    for (const c of [a, b]) expect(world.resend.emails.filter((e) => e.to === c.email)).toHaveLength(1);
  });

  it("lets only COMPLIANCE change the sending rules, always with a reason", async () => {
    expect(await failure(updateMarketingRules(world.staff, { ...DEFAULT_MARKETING_RULES, dailyCap: 3, reason: "Khách đồng ý nhận nhiều hơn" }))).toMatchObject({
      code: "FORBIDDEN",
    });
    expect(await invalid(updateMarketingRules(world.compliance, { ...DEFAULT_MARKETING_RULES, dailyCap: 3, reason: "" }))).toMatchObject({
      reason: "campaigns.reasonRequired",
    });
    expect(
      await invalid(
        updateMarketingRules(world.compliance, { ...DEFAULT_MARKETING_RULES, windowStartHour: 22, windowEndHour: 7, reason: "Thử khung giờ ngược" }),
      ),
    ).toMatchObject({
      windowEndHour: "campaigns.windowBackwards",
    });
  });
});
