import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { recordStaffConsent } from "@/lib/consent/mutations";
import { makeStaff } from "@/tests/support/factories";
import { makeCustomer, token } from "@/tests/support/customers";
import { ctx, key, makeForm } from "@/tests/support/forms";
import { submitForm } from "@/lib/submissions/mutations";
import { verifyAuditChain } from "@/lib/audit/queries";
import { systemActor } from "@/lib/auth/actor";
import { mergeCustomers } from "./mutations";
import { findDuplicateCandidates } from "./queries";

describe("merging duplicate customers", () => {
  it("keeps every consent event and submission, recomputes current consent and removes the duplicate", async () => {
    const staff = await makeStaff("STAFF");
    const tag = token();
    const keep = await makeCustomer({ fullName: `Phạm Minh ${tag}`, phone: "", organization: "" });
    const dup = await makeCustomer({ fullName: `Pham Minh ${tag}`, email: "", organization: "Công ty X" });
    const form = await makeForm();
    await submitForm(form, { fields: { phone: dup.phone }, answers: { color: "red" }, consents: ["inquiries"], idempotencyKey: key() }, ctx());
    await recordStaffConsent(staff, { customerId: keep.id, purposeKey: "surveys", action: "GRANTED", givenOn: "2026-11-01", method: "PAPER", documentRef: "Phiếu A" });
    await recordStaffConsent(staff, { customerId: dup.id, purposeKey: "surveys", action: "WITHDRAWN", givenOn: "2026-11-20", method: "PHONE", documentRef: "Gọi B" });
    const before = await db().consentEvent.count({ where: { customerId: { in: [keep.id, dup.id] } } });
    expect(before).toBe(3);

    expect((await findDuplicateCandidates(staff, 500)).some((p) => [p.aId, p.bId].sort().join() === [keep.id, dup.id].sort().join())).toBe(true);
    await mergeCustomers(staff, { keepId: keep.id, mergeId: dup.id });

    expect(await db().customer.findUnique({ where: { id: dup.id } })).toBeNull();
    expect(await db().consentEvent.count({ where: { customerId: keep.id } })).toBe(3);
    expect(await db().submission.count({ where: { customerId: keep.id } })).toBe(1);
    const states = await db().consentState.findMany({ where: { customerId: keep.id }, include: { purpose: true } });
    expect(Object.fromEntries(states.map((s) => [s.purpose.key, s.action]))).toEqual({ surveys: "WITHDRAWN", inquiries: "GRANTED" });
    const kept = await db().customer.findUniqueOrThrow({ where: { id: keep.id } });
    expect(kept).toMatchObject({ organization: "Công ty X", phone: `+84${dup.phone!.slice(1)}` });
    const audit = await db().auditEvent.findFirstOrThrow({ where: { action: "customer.merged", entityId: keep.id } });
    expect(audit.details).toMatchObject({ mergedId: dup.id, moved: { consentEvents: 2, submissions: 1 } });
    expect(await verifyAuditChain(systemActor("test"))).toMatchObject({ ok: true });
  });

  it("still refuses any other change to the consent ledger", async () => {
    const staff = await makeStaff("STAFF");
    const c = await makeCustomer();
    const event = await recordStaffConsent(staff, { customerId: c.id, purposeKey: "surveys", action: "GRANTED", givenOn: "2026-11-01", method: "PAPER", documentRef: "Phiếu A" });
    await expect(db().consentEvent.update({ where: { id: event.id }, data: { action: "WITHDRAWN" } })).rejects.toThrow();
    await expect(
      db().$transaction(async (tx) => {
        await tx.$executeRaw`SELECT set_config('customer_register.merging', 'on', true)`;
        await tx.consentEvent.update({ where: { id: event.id }, data: { wording: "forged" } });
      }),
    ).rejects.toThrow(/append-only/);
  });

  it("refuses merging a record with itself, and administrators", async () => {
    const c = await makeCustomer();
    await expect(mergeCustomers(await makeStaff("STAFF"), { keepId: c.id, mergeId: c.id })).rejects.toThrow();
    await expect(mergeCustomers(await makeStaff("ADMIN"), { keepId: c.id, mergeId: (await makeCustomer()).id })).rejects.toMatchObject({ code: "FORBIDDEN" });
  });
});
