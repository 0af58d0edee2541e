// A world for marketing-campaign tests: the real Resend SDK pointed at a fake server, a staff member
// and a compliance officer, sending hours open all day, and helpers that walk a campaign through the
// same lib calls and jobs the app uses (save → schedule → start → queue → send).
import { afterAll, afterEach, beforeAll } from "vitest";
import { systemActor, type StaffActor } from "@/lib/auth/actor";
import { saveCampaign, scheduleCampaign, startDueCampaigns, updateMarketingRules } from "@/lib/campaigns/mutations/marketing";
import { queueCampaignChunk } from "@/lib/campaigns/mutations/queue";
import { readMarketingRules } from "@/lib/campaigns/queries";
import { DEFAULT_MARKETING_RULES, type MarketingRules } from "@/lib/campaigns/schemas";
import { recordConsentChange } from "@/lib/consent/mutations";
import { db } from "@/lib/db";
import { deliverCampaignBatch } from "@/lib/email/delivery";
import { assertEnv } from "@/lib/env";
import { makeCustomer, token } from "./customers";
import { makeStaff } from "./factories";
import { startFakeResend, type FakeResend } from "./fake-resend";

export const WEBHOOK_SECRET = `whsec_${Buffer.from("campaign-test-secret-0123456789ab").toString("base64")}`;

export type CampaignWorld = { resend: FakeResend; staff: StaffActor; compliance: StaffActor };

/** Registers the file's hooks; the returned object is filled in before the first test. */
export function useCampaignWorld(): CampaignWorld {
  const world = {} as CampaignWorld;
  beforeAll(async () => {
    world.resend = await startFakeResend();
    process.env.RESEND_API_KEY = "re_test_key";
    process.env.RESEND_BASE_URL = world.resend.url;
    process.env.RESEND_WEBHOOK_SECRET = WEBHOOK_SECRET;
    assertEnv();
    world.staff = await makeStaff("STAFF");
    world.compliance = await makeStaff("COMPLIANCE");
    // Other files' campaign messages are not this file's business.
    await db().emailMessage.updateMany({ where: { campaignId: { not: null }, status: "QUEUED" }, data: { status: "CANCELLED" } });
    await setRules(world, { windowStartHour: 0, windowEndHour: 24 });
  });
  afterEach(() => world.resend.reset());
  afterAll(async () => {
    await setRules(world, DEFAULT_MARKETING_RULES);
    delete process.env.RESEND_API_KEY;
    delete process.env.RESEND_BASE_URL;
    delete process.env.RESEND_WEBHOOK_SECRET;
    assertEnv();
    await world.resend.close();
  });
  return world;
}

export async function grant(customerId: string, purposeKey = "promotions_events", action: "GRANTED" | "WITHDRAWN" = "GRANTED") {
  await db().$transaction((tx) =>
    recordConsentChange(tx, systemActor("test"), { customerId, purposeKey, action, source: "STAFF", at: new Date(), method: "PHONE" }),
  );
}

export async function setRules(world: CampaignWorld, rules: Partial<MarketingRules>) {
  const current = await readMarketingRules();
  const next = { ...current, ...rules };
  if (JSON.stringify(next) !== JSON.stringify(current)) await updateMarketingRules(world.compliance, { ...next, reason: "Test needs these sending hours" });
}

/** A campaign addressed to the customers of one organisation (each test makes its own). */
export async function campaignFor(world: CampaignWorld, org: string, purposeKey: "promotions_events" | "advertising" = "promotions_events") {
  const { id } = await saveCampaign(world.staff, {
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

/** Schedules for now and runs the start and queue jobs until the campaign is queued. */
export async function queue(world: CampaignWorld, id: string) {
  await scheduleCampaign(world.staff, { id });
  await startDueCampaigns();
  while ((await queueCampaignChunk(1000)) > 0) {}
}

/** `count` new customers of one new organisation who agreed to promotions, and a campaign to them, queued. */
export async function queuedCampaign(world: CampaignWorld, count = 1) {
  const org = `Org ${token()}`;
  const customers = [];
  for (let i = 0; i < count; i++) customers.push(await makeCustomer({ organization: org }));
  for (const c of customers) await grant(c.id);
  const id = await campaignFor(world, org);
  await queue(world, id);
  return { id, customers, messages: await messagesOf(id) };
}

export async function send(size = 100) {
  while ((await deliverCampaignBatch(size)) > 0) {}
}

export const messagesOf = (campaignId: string) =>
  db().emailMessage.findMany({
    where: { campaignId },
    select: { id: true, to: true, status: true, lastError: true, customerId: true, consentEventId: true, nextAttemptAt: true, providerId: true },
  });

/** The List-Unsubscribe address an email caught by the fake server carries. */
export const unsubscribeLink = (email: { headers?: Record<string, string> } | undefined) =>
  /^<(.+)>$/.exec(email?.headers?.["List-Unsubscribe"] ?? "")?.[1] ?? "";
