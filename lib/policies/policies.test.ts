import { randomUUID } from "node:crypto";
import { beforeEach, describe, expect, it } from "vitest";
import { queueCampaignChunk } from "@/lib/campaigns/mutations/queue";
import { db } from "@/lib/db";
import { makeStaff } from "@/tests/support/factories";
import { makeCustomer } from "@/tests/support/customers";
import { advanceClock, day, draftInput, settleAnnouncements } from "@/tests/support/policies";
import { now } from "@/lib/clock";
import { recordStaffConsent } from "@/lib/consent/mutations";
import { activateDuePolicies, createDraft, lapseStaleConsent, schedulePolicy, sendReconsentRequests, updateDraft } from "./mutations";
import { findPolicyInForce, findUpcomingPolicy, reconsentCandidates } from "./queries";

const failure = (p: Promise<unknown>) =>
  p.then(
    () => null,
    (e) => e,
  );

describe("policy drafts and publication", () => {
  beforeEach(settleAnnouncements);

  it("refuses a past date, short notice without a written reason, empty or huge bodies, and publishing twice", async () => {
    const officer = await makeStaff("COMPLIANCE");
    expect((await failure(createDraft(officer, { ...draftInput(), bodyVi: "" })))?.issues?.[0]?.message).toBe("policies.bodyTooShort");
    expect((await failure(createDraft(officer, { ...draftInput(), bodyEn: "x".repeat(5 * 1024 * 1024) })))?.issues?.[0]?.message).toBe("policies.bodyTooLong");

    const { id } = await createDraft(officer, draftInput("v-a"));
    expect((await failure(schedulePolicy(officer, { id, effectiveOn: await day(-1) })))?.fieldErrors).toEqual({ effectiveOn: "policies.effectiveInPast" });
    expect((await failure(schedulePolicy(officer, { id, effectiveOn: await day(7) })))?.fieldErrors).toEqual({
      shortNoticeReason: "policies.justificationRequired",
    });
    expect((await db().policyVersion.findUniqueOrThrow({ where: { id } })).status).toBe("DRAFT"); // nothing half-published

    await schedulePolicy(officer, { id, effectiveOn: await day(7), shortNoticeReason: "Luật mới bắt buộc áp dụng ngay trong tuần này." });
    const version = await db().policyVersion.findUniqueOrThrow({ where: { id } });
    expect(version).toMatchObject({ status: "SCHEDULED", shortNoticeReason: "Luật mới bắt buộc áp dụng ngay trong tuần này." });
    const audit = await db().auditEvent.findFirstOrThrow({ where: { action: "policy.scheduled", entityId: id } });
    expect(audit.details).toMatchObject({ shortNotice: true, justification: "Luật mới bắt buộc áp dụng ngay trong tuần này." });
    expect((await failure(schedulePolicy(officer, { id, effectiveOn: await day(40) })))?.code).toBe("CONFLICT");
    expect((await failure(updateDraft(officer, { id, ...draftInput("changed") })))?.userMessage).toBe("policies.notDraft");
  });

  it("accepts the full notice period without a reason, and only compliance may publish", async () => {
    const officer = await makeStaff("COMPLIANCE");
    const { id } = await createDraft(officer, draftInput("v-b"));
    expect((await failure(schedulePolicy(await makeStaff("STAFF"), { id, effectiveOn: await day(31) })))?.code).toBe("FORBIDDEN");
    await schedulePolicy(officer, { id, effectiveOn: await day(31) });
    expect((await db().policyVersion.findUniqueOrThrow({ where: { id } })).shortNoticeReason).toBeNull();
  });

  it("keeps announced versions unchanged in the database itself", async () => {
    const officer = await makeStaff("COMPLIANCE");
    await makeCustomer(); // someone to notify
    const { id } = await createDraft(officer, draftInput("v-c"));
    await schedulePolicy(officer, { id, effectiveOn: await day(31) });
    await expect(db().policyVersion.update({ where: { id }, data: { bodyVi: "sửa lén" } })).rejects.toThrow(/cannot be changed/);
    await expect(db().policyVersion.delete({ where: { id } })).rejects.toThrow(/cannot be deleted/);
    while ((await queueCampaignChunk(500)) > 0) {}
    const notice = await db().policyNotice.findFirstOrThrow({ where: { policyVersionId: id } });
    await expect(db().policyNotice.delete({ where: { id: notice.id } })).rejects.toThrow(/evidence/);
    await expect(db().policyNotice.update({ where: { id: notice.id }, data: { createdAt: new Date(0) } })).rejects.toThrow(/evidence/);
    // Only the sending time may be added, once.
    await db().policyNotice.update({ where: { id: notice.id }, data: { sentAt: new Date() } });
  });

  it("comes into force on its date by itself, with the banner before and not after", async () => {
    const officer = await makeStaff("COMPLIANCE");
    const { id, number } = await createDraft(officer, draftInput("v-d"));
    await schedulePolicy(officer, { id, effectiveOn: await day(31) });
    expect((await findUpcomingPolicy(await now()))?.number).toBe(number);
    expect((await findPolicyInForce(await now()))?.number).not.toBe(number);
    await activateDuePolicies();
    expect((await db().policyVersion.findUniqueOrThrow({ where: { id } })).status).toBe("SCHEDULED");

    await advanceClock(33 * 86_400_000);
    await activateDuePolicies();
    expect((await db().policyVersion.findUniqueOrThrow({ where: { id } })).status).toBe("PUBLISHED");
    expect(await db().auditEvent.count({ where: { action: "policy.in_force", entityId: id } })).toBe(1);
    expect((await findPolicyInForce(await now()))?.number).toBe(number);
    expect(await findUpcomingPolicy(await now())).toBeNull();
  });

  it("stops counting consent given under the earlier wording of a materially changed purpose once the version takes effect, until the customer agrees again", async () => {
    const officer = await makeStaff("COMPLIANCE");
    const staff = await makeStaff("STAFF");
    // A purpose of this test's own, so no other test's consent lapses with it.
    const key = `lapse_${randomUUID().replaceAll("-", "").slice(0, 10)}`;
    await db().purpose.create({
      data: {
        key,
        legalBasis: "CONSENT",
        labelVi: `Thử ${key}`,
        labelEn: `Test ${key}`,
        descriptionVi: "Mục đích thử.",
        descriptionEn: "A test purpose.",
        sortOrder: 990,
      },
    });
    const consent = async (customerId: string) =>
      recordStaffConsent(staff, { customerId, purposeKey: key, action: "GRANTED", givenOn: await day(0), method: "PAPER", documentRef: "Phiếu thử" });
    const state = async (customerId: string) =>
      (await db().consentState.findFirst({ where: { customerId, purpose: { key } }, select: { action: true } }))?.action;
    const before = await makeCustomer();
    await consent(before.id);

    const { id } = await createDraft(officer, draftInput("v-lapse", [key]));
    await schedulePolicy(officer, { id, effectiveOn: await day(31) });
    await activateDuePolicies();
    expect(await state(before.id)).toBe("GRANTED"); // announced, not yet in force

    await advanceClock(33 * 86_400_000);
    await activateDuePolicies();
    expect(await state(before.id)).toBe("LAPSED");
    const lapse = await db().consentEvent.findFirstOrThrow({ where: { customerId: before.id, action: "LAPSED" } });
    expect(lapse).toMatchObject({ source: "SYSTEM", policyVersionId: id, evidence: expect.objectContaining({ reason: "material_change" }) });
    expect(await db().auditEvent.count({ where: { action: "consent.lapsed", entityId: id } })).toBe(1);
    // It no longer counts: the register's "agreed" filter leaves the customer out; re-consent still finds them.
    const agreed = await db().consentState.count({ where: { customerId: before.id, action: "GRANTED" } });
    expect(agreed).toBe(0);
    expect((await reconsentCandidates(officer, id, 1000)).rows.map((r) => r.id)).toContain(before.id);
    // Running again lapses nothing twice.
    await activateDuePolicies();
    expect(await db().consentEvent.count({ where: { customerId: before.id, action: "LAPSED" } })).toBe(1);

    // Agreeing again under the new version counts at once.
    await consent(before.id);
    expect(await state(before.id)).toBe("GRANTED");
    expect((await reconsentCandidates(officer, id, 1000)).rows.map((r) => r.id)).not.toContain(before.id);

    // A paper form signed before the change and recorded after it still speaks for the old wording:
    // the sweep lapses it (just after it, so the lapse is what counts).
    const late = await makeCustomer();
    await recordStaffConsent(staff, {
      customerId: late.id,
      purposeKey: key,
      action: "GRANTED",
      givenOn: await day(-20),
      method: "PAPER",
      documentRef: "Phiếu cũ",
    });
    expect(await state(late.id)).toBe("GRANTED");
    expect(await lapseStaleConsent()).toBeGreaterThanOrEqual(1);
    expect(await state(late.id)).toBe("LAPSED");
    expect(await state(before.id)).toBe("GRANTED");
  });
});

describe("policy notices", () => {
  beforeEach(settleAnnouncements);

  it("queue exactly one notice per customer with an email who is not erased, one email per mailbox, even when run again or by several workers", async () => {
    const erased = await makeCustomer();
    await db().customer.update({ where: { id: erased.id }, data: { status: "ERASED" } });
    await makeCustomer({ email: "" }); // no email: no notice
    // The same person entered twice (an old form and a later import): two notices, one email.
    const twice = await makeCustomer();
    const again = await db().customer.create({
      data: { fullName: "Bản ghi thứ hai", email: twice.email, locale: "vi", source: "import", updatedAt: new Date() },
    });
    const officer = await makeStaff("COMPLIANCE");
    const { id } = await createDraft(officer, draftInput("v-e"));
    await schedulePolicy(officer, { id, effectiveOn: await day(31) });

    // Several workers at once, small chunks, until nothing is left.
    for (;;) {
      const results = await Promise.all([queueCampaignChunk(7), queueCampaignChunk(7), queueCampaignChunk(7)]);
      if (results.every((r) => r === 0)) break;
    }
    const eligible = await db().customer.count({ where: { email: { not: null }, status: { not: "ERASED" } } });
    const [{ mailboxes }] = await db().$queryRaw<{ mailboxes: number }[]>`
      SELECT count(DISTINCT lower(email))::int AS mailboxes FROM "Customer" WHERE email IS NOT NULL AND status <> 'ERASED'`;
    expect(mailboxes).toBeLessThan(eligible);
    const notices = await db().policyNotice.count({ where: { policyVersionId: id } });
    expect(notices).toBe(eligible);
    const campaign = await db().emailCampaign.findFirstOrThrow({ where: { policyVersionId: id } });
    expect(campaign).toMatchObject({ status: "QUEUED", queuedCount: mailboxes });
    expect(await db().emailMessage.count({ where: { campaignId: campaign.id } })).toBe(mailboxes);
    expect(await db().policyNotice.count({ where: { policyVersionId: id, customerId: erased.id } })).toBe(0);
    const shared = await db().policyNotice.findMany({
      where: { policyVersionId: id, customerId: { in: [twice.id, again.id] } },
      select: { emailMessageId: true },
    });
    expect(shared).toHaveLength(2);
    expect(shared[0].emailMessageId).toBe(shared[1].emailMessageId);
    expect(await db().emailMessage.count({ where: { campaignId: campaign.id, to: twice.email } })).toBe(1);

    // Publishing "retried": the campaign runs again from the start and adds nothing.
    await db().emailCampaign.update({ where: { id: campaign.id }, data: { status: "QUEUING", cursor: null } });
    while ((await queueCampaignChunk(50)) > 0) {}
    expect(await db().policyNotice.count({ where: { policyVersionId: id } })).toBe(eligible);
    expect(await db().emailMessage.count({ where: { campaignId: campaign.id } })).toBe(mailboxes);
  });

  it("list customers for re-consent when a purpose changed materially, and email them", async () => {
    const officer = await makeStaff("COMPLIANCE");
    const staff = await makeStaff("STAFF");
    const c = await makeCustomer();
    await recordStaffConsent(staff, {
      customerId: c.id,
      purposeKey: "promotional_media",
      action: "GRANTED",
      givenOn: new Date(Date.now() + 7 * 3_600_000).toISOString().slice(0, 10),
      method: "PAPER",
      documentRef: "Phiếu ảnh 1",
    });
    const { id } = await createDraft(officer, draftInput("v-f", ["promotional_media"]));
    await schedulePolicy(officer, { id, effectiveOn: await day(31) });
    expect((await failure(sendReconsentRequests(officer, id)))?.userMessage).toBe("policies.notInForce");
    await advanceClock(33 * 86_400_000);
    const list = await reconsentCandidates(officer, id, 1000);
    expect(list.rows.map((r) => r.id)).toContain(c.id);
    await sendReconsentRequests(officer, id);
    while ((await queueCampaignChunk()) > 0) {}
    const campaign = await db().emailCampaign.findFirstOrThrow({ where: { policyVersionId: id, kind: "RECONSENT" } });
    expect(await db().emailMessage.count({ where: { campaignId: campaign.id, to: c.email!.toLowerCase() } })).toBe(1);
    expect((await failure(sendReconsentRequests(officer, id)))?.userMessage).toBe("policies.reconsentAlreadySent");
  });
});
