// The marketing guard again just before each email leaves (guardBatch): what changed since queuing
// stops the message, records merged or gone, shared mailboxes and the sending hours.
import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { changeConsentAction } from "@/app/(public)/privacy/me/actions";
import { db } from "@/lib/db";
import { mergeCustomers } from "@/lib/duplicates/mutations";
import { eraseCustomer } from "@/lib/privacy-requests/mutations/erasure";
import { systemActor } from "@/lib/auth/actor";
import { deliverCampaignBatch } from "@/lib/email/delivery";
import { logRequest } from "@/lib/privacy-requests/mutations/desk";
import { campaignFor, grant, messagesOf, queue, queuedCampaign, send, useCampaignWorld } from "@/tests/support/campaigns";
import { makeCustomer, token } from "@/tests/support/customers";
import { uniqueEmail } from "@/tests/support/factories";
import { actAsCustomer } from "@/tests/support/session";
import { emailHash, guardBatch } from "./mutations/guard";
import { readMarketingRules } from "./queries";

describe("the marketing guard at send time", () => {
  const world = useCampaignWorld();

  it("stops the remaining message to someone who withdraws on /privacy/me while the campaign is sending", async () => {
    const org = `Org ${token()}`;
    const a = await makeCustomer({ organization: org });
    const b = await makeCustomer({ organization: org });
    await grant(a.id);
    await grant(b.id);
    const id = await campaignFor(world, org);
    await queue(world, id);
    expect(await deliverCampaignBatch(1)).toBe(1); // one batch of one: the campaign is under way
    const waiting = (await messagesOf(id)).find((m) => m.status === "QUEUED");
    if (!waiting?.customerId) throw new Error("expected a message still queued");
    await actAsCustomer(waiting.customerId);
    const result = await changeConsentAction({ purposeKey: "promotions_events", action: "WITHDRAWN" });
    expect(result.ok).toBe(true);
    await send();
    const after = await db().emailMessage.findUniqueOrThrow({ where: { id: waiting.id } });
    expect(after).toMatchObject({ status: "CANCELLED", lastError: "guard:WITHDRAWN" });
    expect(world.resend.emails.map((e) => e.to)).not.toContain(waiting.to);
    expect((await messagesOf(id)).filter((m) => m.status === "SENT")).toHaveLength(1);
  });

  it("judges a queued message by the kept record once two records of the person are merged", async () => {
    const org = `Org ${token()}`;
    const email = uniqueEmail("merged");
    const keep = await makeCustomer({ organization: org, email });
    // A second record of the same email, as imports and old data leave them (staff cannot create one).
    const dup = await makeCustomer({ organization: org });
    await db().customer.update({ where: { id: dup.id }, data: { email } });
    await grant(dup.id);
    const id = await campaignFor(world, org);
    await queue(world, id);
    const [message] = await messagesOf(id);
    expect(message.customerId).toBe(dup.id);
    // Same email: staff may merge them. The message follows the person to the kept record...
    await mergeCustomers(world.staff, { keepId: keep.id, mergeId: dup.id });
    expect((await db().emailMessage.findUniqueOrThrow({ where: { id: message.id } })).customerId).toBe(keep.id);
    // ...so the person's withdrawal on the kept record stops it (it used to find no record and go out).
    await grant(keep.id, "promotions_events", "WITHDRAWN");
    await send();
    expect(await db().emailMessage.findUniqueOrThrow({ where: { id: message.id } })).toMatchObject({ status: "CANCELLED", lastError: "guard:WITHDRAWN" });
    expect(world.resend.emails.map((e) => e.to)).not.toContain(email);
  });

  it("checks again at send time: a changed address, a new suppression, an open objection to sharing or to the purpose", async () => {
    const org = `Org ${token()}`;
    const [moved, suppressed, stopSharing, withdrawRequest, fine] = await Promise.all(Array.from({ length: 5 }, () => makeCustomer({ organization: org })));
    for (const c of [moved, suppressed, stopSharing, withdrawRequest, fine]) await grant(c.id);
    const id = await campaignFor(world, org);
    await queue(world, id);
    expect(await messagesOf(id)).toHaveLength(5);
    // After queuing, before sending:
    await db().customer.update({ where: { id: moved.id }, data: { email: `moved-${moved.email}` } });
    await db().suppression.create({ data: { emailHash: emailHash(suppressed.email), reason: "HARD_BOUNCE" } });
    const receivedOn = new Date().toISOString().slice(0, 10);
    await logRequest(world.compliance, {
      customerId: stopSharing.id,
      type: "STOP_SHARING",
      channel: "PHONE",
      receivedOn,
      details: "Đừng gửi dữ liệu của tôi cho ai",
    });
    await logRequest(world.compliance, {
      customerId: withdrawRequest.id,
      type: "WITHDRAW_CONSENT",
      purposeKey: "promotions_events",
      channel: "PHONE",
      receivedOn,
      details: "Tôi không muốn nhận khuyến mãi nữa",
    });
    await send();
    const outcome = Object.fromEntries((await messagesOf(id)).map((m) => [m.customerId, `${m.status} ${m.lastError ?? ""}`.trim()]));
    expect(outcome).toEqual({
      [moved.id]: "CANCELLED guard:ADDRESS_CHANGED",
      [suppressed.id]: "CANCELLED guard:SUPPRESSED",
      [stopSharing.id]: "CANCELLED guard:OBJECTED",
      [withdrawRequest.id]: "CANCELLED guard:OBJECTED",
      [fine.id]: "SENT",
    });
    expect(world.resend.emails.map((e) => e.to)).toEqual([fine.email]);
  });

  it("holds, never drops, a message the guard finds outside the sending hours at send time", async () => {
    const {
      messages: [message],
    } = await queuedCampaign(world);
    const rules = await readMarketingRules();
    // 03:00 in Hanoi, with the default hours (07–22): the window shut between claiming and sending.
    const night = new Date("2026-12-03T20:00:00Z");
    const allowed = await guardBatch([message.id], night, { ...rules, windowStartHour: 7, windowEndHour: 22 });
    expect(allowed).toEqual([]);
    const held = await db().emailMessage.findUniqueOrThrow({ where: { id: message.id } });
    expect(held).toMatchObject({ status: "QUEUED", lastError: "held:SEND_WINDOW" });
    expect(held.nextAttemptAt.toISOString()).toBe("2026-12-04T00:00:00.000Z"); // 07:00 in Hanoi
  });

  it("an erasure wipes and cancels a marketing message queued to an address the customer has since changed", async () => {
    const {
      customers: [c],
      messages: [message],
    } = await queuedCampaign(world);
    await db().customer.update({ where: { id: c.id }, data: { email: `moved-${c.email}` } });
    await db().$transaction((tx) => eraseCustomer(tx, systemActor("test"), c.id, {}));
    expect(await db().emailMessage.findUniqueOrThrow({ where: { id: message.id } })).toMatchObject({ status: "CANCELLED", to: "", variables: null });
  });

  it("reaches a mailbox shared by two records (not merged yet) once per campaign, and counts the cap per address", async () => {
    const org = `Org ${token()}`;
    const first = await makeCustomer({ organization: org });
    const twin = await makeCustomer({ organization: org });
    // A second record of the same email, as imports and old data leave them.
    await db().customer.update({ where: { id: twin.id }, data: { email: first.email.toUpperCase() } });
    await grant(first.id);
    await grant(twin.id);
    const id = await campaignFor(world, org);
    await queue(world, id);
    expect(await messagesOf(id)).toHaveLength(2);
    // In one batch, and again when the second comes in a later batch than the first.
    await send(1);
    const outcome = (await messagesOf(id)).map((m) => `${m.status} ${m.lastError ?? ""}`.trim()).sort();
    expect(outcome).toEqual(["CANCELLED guard:DUPLICATE_ADDRESS", "SENT"]);
    expect(world.resend.emails.filter((e) => String(e.to).toLowerCase() === first.email.toLowerCase())).toHaveLength(1);
    // A second campaign today: the address has had its one email for 24 hours, whichever record it
    // is sent for.
    const next = await campaignFor(world, org);
    await queue(world, next);
    await send();
    expect((await messagesOf(next)).map((m) => `${m.status} ${m.lastError ?? ""}`.trim()).sort()).toEqual([
      "CANCELLED guard:DUPLICATE_ADDRESS",
      "QUEUED held:DAILY_CAP",
    ]);
  });

  it("refuses a marketing message whose customer record cannot be found, instead of letting it through", async () => {
    const {
      customers: [c],
      messages: [message],
    } = await queuedCampaign(world);
    // A reference to no record (the outbox keeps no foreign key to the register).
    await db().emailMessage.update({ where: { id: message.id }, data: { customerId: randomUUID() } });
    await send();
    expect(await db().emailMessage.findUniqueOrThrow({ where: { id: message.id } })).toMatchObject({ status: "CANCELLED", lastError: "guard:NO_CUSTOMER" });
    expect(world.resend.emails.map((e) => e.to)).not.toContain(c.email);
  });
});
