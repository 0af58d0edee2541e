// The marketing guard (lib/campaigns/mutations/guard.ts) when a campaign is counted and queued: who
// it leaves out and why, and who the campaign is aimed at. (Send time: send-time.test.ts.)
import { describe, expect, it } from "vitest";
import { Prisma } from "@/generated/prisma/client";
import { db } from "@/lib/db";
import { submitForm } from "@/lib/submissions/mutations";
import { ctx, key, makeForm } from "@/tests/support/forms";
import { day } from "@/tests/support/policies";
import { scheduleCampaign, startDueCampaigns } from "./mutations/marketing";
import { queueCampaignChunk } from "./mutations/queue";
import { logRequest, setLegalHold } from "@/lib/privacy-requests/mutations/desk";
import { campaignFor, grant, messagesOf, queue, send, useCampaignWorld } from "@/tests/support/campaigns";
import { makeCustomer, token } from "@/tests/support/customers";
import { uniqueEmail } from "@/tests/support/factories";
import { emailHash, exclusionReasonSql } from "./mutations/guard";
import { audiencePreview } from "./queries";

describe("the marketing guard", () => {
  const world = useCampaignWorld();

  it("hashes addresses for the suppression list the same way in TypeScript and SQL", async () => {
    for (const address of ["An.Nguyen@Example.VN", " lan@example.test ", "trần@ví-dụ.vn"]) {
      const [row] = await db().$queryRaw<{ h: string }[]>`SELECT email_hash(${address}) AS h`;
      expect(row.h).toBe(emailHash(address));
    }
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
    const sharingObjected = await make();
    for (const c of [ok, noEmail, erased, retention, held, objected, suppressed, withdrawn, lapsed, sharingObjected]) await grant(c.id);
    // An objection to sharing already carried out (no longer an open request) still counts.
    await db().customer.update({ where: { id: sharingObjected.id }, data: { sharingObjectedAt: new Date() } });
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
    await setLegalHold(world.compliance, { customerId: held.id, reason: "Hồ sơ tranh chấp hợp đồng đang xử lý" });
    await logRequest(world.compliance, {
      customerId: objected.id,
      type: "DELETE",
      channel: "PHONE",
      receivedOn: new Date().toISOString().slice(0, 10),
      details: "Xin xóa dữ liệu của tôi",
    });
    await db().suppression.create({ data: { emailHash: emailHash(suppressed.email), reason: "COMPLAINT" } });

    const expected = { NO_EMAIL: 1, RETENTION: 1, LEGAL_HOLD: 1, OBJECTED: 2, SUPPRESSED: 1, NO_CONSENT: 1, WITHDRAWN: 1, LAPSED: 1 };
    const preview = await audiencePreview(world.staff, "promotions_events", {
      statuses: ["LEAD", "ACTIVE", "TERMINATED"],
      organization: org,
      locale: "",
      createdFrom: "",
      createdTo: "",
      lastContactFrom: "",
      lastContactTo: "",
    });
    expect(preview).toEqual({ eligible: 2, excluded: expected, total: 11 });

    const id = await campaignFor(world, org);
    await queue(world, id);
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

  it("aims only at the audience chosen: status, language, organisation and the dates a customer was added", async () => {
    const org = `Org ${token()}`;
    const lead = await makeCustomer({ organization: org, locale: "vi" });
    const active = await makeCustomer({ organization: org, locale: "en" });
    const older = await makeCustomer({ organization: org, locale: "en" });
    await makeCustomer({ organization: `Other ${token()}`, locale: "en" });
    await db().customer.update({ where: { id: active.id }, data: { status: "ACTIVE" } });
    await db().customer.update({ where: { id: older.id }, data: { status: "ACTIVE", createdAt: new Date("2025-06-15T05:00:00Z") } });
    for (const c of [lead, active, older]) await grant(c.id);
    const base = { statuses: ["LEAD", "ACTIVE", "TERMINATED"] as ("LEAD" | "ACTIVE" | "TERMINATED")[], organization: org, locale: "" as "" | "vi" | "en" };
    const none = { createdFrom: "", createdTo: "", lastContactFrom: "", lastContactTo: "" };
    const eligible = async (a: Partial<typeof base & typeof none>) =>
      (await audiencePreview(world.staff, "promotions_events", { ...base, ...none, ...a } as Parameters<typeof audiencePreview>[2])).eligible;
    expect(await eligible({})).toBe(3);
    expect(await eligible({ statuses: ["LEAD"] })).toBe(1);
    expect(await eligible({ locale: "en" })).toBe(2);
    // Days are Vietnam days: the older customer was added on 2025-06-15.
    expect(await eligible({ createdFrom: "2025-06-15", createdTo: "2025-06-15" })).toBe(1);
    expect(await eligible({ createdFrom: "2025-06-16" })).toBe(2);
    expect(await eligible({ createdTo: "2025-06-14" })).toBe(0);
  });

  it("leaves out a consent still waiting for the address owner's confirmation (double opt-in)", async () => {
    const org = `Org ${token()}`;
    const form = await makeForm();
    const result = await submitForm(
      form,
      {
        fields: { fullName: "Khách Chờ Xác Nhận", email: uniqueEmail("pending"), organization: org },
        answers: { color: "red" },
        consents: ["advertising"],
        locale: "vi",
        idempotencyKey: key(),
      },
      ctx(),
    );
    expect(result.confirmationRequired).toBe(true);
    const id = await campaignFor(world, org, "advertising");
    await queue(world, id);
    expect(await messagesOf(id)).toHaveLength(0);
    expect((await db().emailCampaign.findUniqueOrThrow({ where: { id } })).excluded).toEqual({ NO_CONSENT: 1 });
  });

  it("starts a scheduled campaign at its time, not before", async () => {
    const org = `Org ${token()}`;
    const c = await makeCustomer({ organization: org });
    await grant(c.id);
    const id = await campaignFor(world, org);
    await scheduleCampaign(world.staff, { id, sendOn: await day(1), sendTime: "09:00" });
    await startDueCampaigns();
    while ((await queueCampaignChunk(1000)) > 0) {}
    expect(await db().emailCampaign.findUniqueOrThrow({ where: { id } })).toMatchObject({ status: "SCHEDULED", queuedCount: 0 });
    // Its time comes.
    await db().emailCampaign.update({ where: { id }, data: { scheduledAt: new Date(Date.now() - 60_000) } });
    await startDueCampaigns();
    while ((await queueCampaignChunk(1000)) > 0) {}
    expect(await db().emailCampaign.findUniqueOrThrow({ where: { id } })).toMatchObject({ status: "QUEUED", queuedCount: 1 });
  });
});
