import { openSealedDetails } from "@/lib/audit/queries";
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { recordStaffConsent } from "@/lib/consent/mutations";
import { makeStaff } from "@/tests/support/factories";
import { makeCustomer, randomPhone, token } from "@/tests/support/customers";
import { recordSharingObjection } from "@/lib/customers/mutations";
import { logRequest, setLegalHold } from "@/lib/privacy-requests/mutations/desk";
import { ctx, key, makeForm } from "@/tests/support/forms";
import { submitForm } from "@/lib/submissions/mutations";
import { verifyAuditChain } from "@/lib/audit/queries";
import { systemActor } from "@/lib/auth/actor";
import { mergeCustomers } from "./mutations";
import { findDuplicateCandidates } from "./queries";

/** A second record of the same email, as imports and old data leave them (staff cannot create one). */
async function twinOf(email: string, overrides: Parameters<typeof makeCustomer>[0] = {}) {
  const twin = await makeCustomer({ ...overrides });
  await db().customer.update({ where: { id: twin.id }, data: { email } });
  return twin;
}

describe("merging duplicate customers", () => {
  it("keeps every consent event and submission, recomputes current consent and removes the duplicate", async () => {
    const staff = await makeStaff("STAFF");
    const tag = token();
    const keep = await makeCustomer({ fullName: `Phạm Minh ${tag}`, phone: "", organization: "" });
    const dup = await makeCustomer({ fullName: `Pham Minh ${tag}`, email: "", organization: "Công ty X" });
    const form = await makeForm();
    // A form sent with the duplicate's phone (its inquiry consent waits for the owner), and the
    // inquiry consent they gave staff on the phone.
    await submitForm(form, { fields: { phone: dup.phone }, answers: { color: "red" }, consents: ["inquiries"], idempotencyKey: key() }, ctx());
    await recordStaffConsent(staff, {
      customerId: dup.id,
      purposeKey: "inquiries",
      action: "GRANTED",
      givenOn: "2026-11-10",
      method: "PHONE",
      documentRef: "Gọi A",
    });
    await recordStaffConsent(staff, {
      customerId: keep.id,
      purposeKey: "surveys",
      action: "GRANTED",
      givenOn: "2026-11-01",
      method: "PAPER",
      documentRef: "Phiếu A",
    });
    await recordStaffConsent(staff, {
      customerId: dup.id,
      purposeKey: "surveys",
      action: "WITHDRAWN",
      givenOn: "2026-11-20",
      method: "PHONE",
      documentRef: "Gọi B",
    });
    const before = await db().consentEvent.count({ where: { customerId: { in: [keep.id, dup.id] } } });
    expect(before).toBe(3);

    expect((await findDuplicateCandidates(staff, 500)).some((p) => [p.aId, p.bId].sort().join() === [keep.id, dup.id].sort().join())).toBe(true);
    // No shared email or phone: STAFF may not merge them; compliance may, with a written reason.
    await expect(mergeCustomers(staff, { keepId: keep.id, mergeId: dup.id })).rejects.toMatchObject({
      code: "FORBIDDEN",
      userMessage: "customers.mergeNeedsApproval",
    });
    const officer = await makeStaff("COMPLIANCE");
    await expect(mergeCustomers(officer, { keepId: keep.id, mergeId: dup.id, reason: "same" })).rejects.toMatchObject({
      fieldErrors: { reason: "customers.mergeReasonRequired" },
    });
    await mergeCustomers(officer, { keepId: keep.id, mergeId: dup.id, reason: "Same person: confirmed by phone call on 2 Dec" });

    expect(await db().customer.findUnique({ where: { id: dup.id } })).toBeNull();
    expect(await db().consentEvent.count({ where: { customerId: keep.id } })).toBe(3);
    // The moved events still say whose they were.
    expect(await db().consentEvent.count({ where: { customerId: keep.id, mergedFromId: dup.id } })).toBe(2);
    expect(await db().submission.count({ where: { customerId: keep.id } })).toBe(1);
    const states = await db().consentState.findMany({ where: { customerId: keep.id }, include: { purpose: true } });
    expect(Object.fromEntries(states.map((s) => [s.purpose.key, s.action]))).toEqual({ surveys: "WITHDRAWN", inquiries: "GRANTED" });
    const kept = await db().customer.findUniqueOrThrow({ where: { id: keep.id } });
    expect(kept).toMatchObject({ organization: "Công ty X", phone: `+84${dup.phone!.slice(1)}` });
    // The officer's reason is sealed with the kept record's key (it may name people), readable in the log.
    const stored = await db().auditEvent.findFirstOrThrow({ where: { action: "customer.merged", entityId: keep.id } });
    expect(JSON.stringify(stored.details)).not.toContain("confirmed by phone call");
    const [audit] = await openSealedDetails([stored]);
    expect(audit.details).toMatchObject({
      mergedId: dup.id,
      basis: "compliance_approval",
      reason: "Same person: confirmed by phone call on 2 Dec",
      moved: { consentEvents: 2, submissions: 1 },
    });
    expect(await db().auditEvent.count({ where: { action: "customer.merged_into", entityId: dup.id } })).toBe(1);
    expect(await verifyAuditChain(systemActor("test"))).toMatchObject({ ok: true });
  });

  it("never merges two strangers, a record under legal hold, an erased one or one with an open request", async () => {
    const staff = await makeStaff("STAFF");
    const officer = await makeStaff("COMPLIANCE");
    const a = await makeCustomer();
    const b = await makeCustomer();
    await expect(mergeCustomers(staff, { keepId: a.id, mergeId: b.id })).rejects.toMatchObject({ code: "FORBIDDEN" });
    expect(await db().customer.count({ where: { id: { in: [a.id, b.id] } } })).toBe(2);

    const held = await makeCustomer();
    const twin = await twinOf(held.email!);
    await setLegalHold(officer, { customerId: held.id, reason: "Court order 12/2026" });
    await expect(mergeCustomers(staff, { keepId: twin.id, mergeId: held.id })).rejects.toMatchObject({
      code: "CONFLICT",
      userMessage: "customers.mergeLegalHold",
    });
    await expect(mergeCustomers(officer, { keepId: held.id, mergeId: twin.id, reason: "Same person, checked twice" })).rejects.toMatchObject({
      userMessage: "customers.mergeLegalHold",
    });

    const email = `${token()}@example.test`;
    const asking = await makeCustomer({ email });
    const other = await twinOf(asking.email!);
    await logRequest(officer, { customerId: asking.id, type: "ACCESS", channel: "PHONE", details: "Called in", receivedOn: "2026-11-30" });
    await expect(mergeCustomers(staff, { keepId: other.id, mergeId: asking.id })).rejects.toMatchObject({ userMessage: "customers.mergeOpenRequest" });
    expect(await db().customer.count({ where: { id: { in: [held.id, twin.id, asking.id, other.id] } } })).toBe(4);
  });

  it("a shared phone is not enough for STAFF (anyone can type a number), and an email is never filled in", async () => {
    const staff = await makeStaff("STAFF");
    const officer = await makeStaff("COMPLIANCE");
    const phone = randomPhone();
    const victim = await makeCustomer({ phone, email: "" });
    const stranger = await makeCustomer({ email: `${token()}@evil.example` });
    await db().customer.update({ where: { id: stranger.id }, data: { phone: `+84${phone.slice(1)}` } });
    await expect(mergeCustomers(staff, { keepId: victim.id, mergeId: stranger.id })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await mergeCustomers(officer, { keepId: victim.id, mergeId: stranger.id, reason: "Checked the ID card at the counter" });
    // The kept record does not take the other's email: that would hand over the privacy page.
    expect((await db().customer.findUniqueOrThrow({ where: { id: victim.id } })).email).toBeNull();
  });

  it("keeps the stricter state of the two: an objection and a termination survive", async () => {
    const staff = await makeStaff("STAFF");
    const email = `${token()}@example.test`;
    const keep = await makeCustomer({ email, status: "ACTIVE" });
    const dup = await twinOf(keep.email!, { status: "LEAD" });
    await recordSharingObjection(staff, { customerId: dup.id, note: "Said so on the phone" });
    await db().customer.update({
      where: { id: dup.id },
      data: { status: "TERMINATED", terminatedAt: new Date("2026-10-01"), terminationReason: "Contract ended" },
    });
    await mergeCustomers(staff, { keepId: keep.id, mergeId: dup.id });
    const kept = await db().customer.findUniqueOrThrow({ where: { id: keep.id } });
    expect(kept.status).toBe("TERMINATED");
    expect(kept.terminatedAt).toEqual(new Date("2026-10-01"));
    expect(kept.sharingObjectedAt).not.toBeNull();
  });

  it("still refuses any other change to the consent ledger", async () => {
    const staff = await makeStaff("STAFF");
    const c = await makeCustomer();
    const event = await recordStaffConsent(staff, {
      customerId: c.id,
      purposeKey: "surveys",
      action: "GRANTED",
      givenOn: "2026-11-01",
      method: "PAPER",
      documentRef: "Phiếu A",
    });
    await expect(db().consentEvent.update({ where: { id: event.id }, data: { action: "WITHDRAWN" } })).rejects.toThrow();
    await expect(
      db().$transaction(async (tx) => {
        await tx.$executeRaw`SELECT set_config('customer_register.merging', 'on', true)`;
        await tx.consentEvent.update({ where: { id: event.id }, data: { wording: "forged" } });
      }),
    ).rejects.toThrow(/append-only/);
    // Even while merging, an event cannot be moved without saying whose it was.
    const other = await makeCustomer();
    await expect(
      db().$transaction(async (tx) => {
        await tx.$executeRaw`SELECT set_config('customer_register.merging', 'on', true)`;
        await tx.consentEvent.update({ where: { id: event.id }, data: { customerId: other.id } });
      }),
    ).rejects.toThrow(/append-only/);
  });

  it("refuses merging a record with itself, and administrators", async () => {
    const c = await makeCustomer();
    await expect(mergeCustomers(await makeStaff("STAFF"), { keepId: c.id, mergeId: c.id })).rejects.toThrow();
    await expect(mergeCustomers(await makeStaff("ADMIN"), { keepId: c.id, mergeId: (await makeCustomer()).id })).rejects.toMatchObject({ code: "FORBIDDEN" });
  });
});
