import { describe, expect, it } from "vitest";
import { systemActor } from "@/lib/auth/actor";
import { recordStaffConsent } from "@/lib/consent/mutations";
import { db } from "@/lib/db";
import { buildDisclosureItems, createRecipient, prepareDisclosure } from "@/lib/disclosures/mutations";
import { eraseCustomer } from "@/lib/privacy-requests/mutations/erasure";
import { submitForm } from "@/lib/submissions/mutations";
import { makeCustomer, randomPhone, token } from "@/tests/support/customers";
import { oneTimeLinkTo, tokenOf } from "@/tests/support/email";
import { makeStaff } from "@/tests/support/factories";
import { ctx, key, makeForm } from "@/tests/support/forms";
import { confirmSubmission, decideProposal, sendConfirmationEmails } from "./mutations";
import { pendingProposals, previewConfirmation } from "./queries";
import { MAX_CONFIRMATIONS_PER_DAY } from "./rules";

const today = () => new Date(Date.now() + 7 * 3_600_000).toISOString().slice(0, 10);
const failure = (p: Promise<unknown>) =>
  p.then(
    () => null,
    (e) => e,
  );
const drain = async () => {
  while ((await sendConfirmationEmails(50)) > 0) {}
};
const stateOf = async (customerId: string, purpose: string) =>
  (await db().consentState.findFirst({ where: { customerId, purpose: { key: purpose } }, select: { action: true } }))?.action ?? null;

/** A customer who withdrew advertising consent, the victim of the attack in issue 11.3. */
async function withdrawnCustomer() {
  const staff = await makeStaff("STAFF");
  const c = await makeCustomer({ fullName: "Trần Thị Thật", address: "5 Hàng Bài, Hà Nội" });
  await recordStaffConsent(staff, {
    customerId: c.id,
    purposeKey: "advertising",
    action: "GRANTED",
    givenOn: "2026-11-01",
    method: "PAPER",
    documentRef: "Phiếu 1",
  });
  await recordStaffConsent(staff, {
    customerId: c.id,
    purposeKey: "advertising",
    action: "WITHDRAWN",
    givenOn: today(),
    method: "PHONE",
    documentRef: "Cuộc gọi 2",
  });
  return c;
}

/** Knowing an email is all an attacker needs to send the form in someone's name. */
async function forge(form: Awaited<ReturnType<typeof makeForm>>, email: string, consents = ["advertising", "inquiries"], phone = randomPhone()) {
  return submitForm(
    form,
    { fields: { fullName: "Kẻ Giả Mạo", email, phone, organization: "Công ty Giả" }, answers: { color: "red" }, consents, locale: "vi", idempotencyKey: key() },
    ctx("203.0.113.66"),
  );
}
const e164 = (phone: string) => `+84${phone.slice(1)}`;

describe("an anonymous form cannot rewrite a customer or re-grant a withdrawn consent (issue 11.3)", () => {
  it("leaves the record and the withdrawal as they were, so the customer stays out of advertising disclosures", async () => {
    const form = await makeForm({ fields: { fullName: "optional", email: "optional", phone: "optional", address: "off", organization: "optional" } });
    const victim = await withdrawnCustomer();
    const before = await db().customer.findUniqueOrThrow({ where: { id: victim.id } });
    const { submissionId } = await forge(form, victim.email!);

    expect(await db().customer.findUniqueOrThrow({ where: { id: victim.id } })).toEqual(before);
    expect(await stateOf(victim.id, "advertising")).toBe("WITHDRAWN");
    // Not even answering the inquiry (an immediate purpose) applies at once on a record already in the
    // register: whoever typed the address may not be its owner. It waits for the owner too.
    expect(await stateOf(victim.id, "inquiries")).toBeNull();
    expect(await db().consentEvent.count({ where: { submissionId } })).toBe(0);
    const pending = (await db().submission.findUniqueOrThrow({ where: { id: submissionId } })).pendingConsents as { key: string }[];
    expect(pending.map((p) => p.key).sort()).toEqual(["advertising", "inquiries"]);

    const staff = await makeStaff("STAFF");
    const r = await createRecipient(systemActor("test"), { name: `QC ${token()}`, category: "ADVERTISING" });
    const { id } = await prepareDisclosure(staff, {
      recipientId: r.id,
      reason: "Gửi catalogue",
      fields: ["fullName", "address"],
      selection: { kind: "ids", ids: [victim.id] },
    });
    while ((await buildDisclosureItems(50)) > 0) {}
    expect(await db().disclosureItem.findFirstOrThrow({ where: { disclosureId: id, customerId: victim.id } })).toMatchObject({
      included: false,
      exclusionReason: "NO_CONSENT",
    });
  });

  it("an immediate purpose that lapsed is not given again by whoever types the address; a new person's applies at once", async () => {
    const form = await makeForm();
    const c = await makeCustomer();
    const inquiries = await db().purpose.findUniqueOrThrow({ where: { key: "inquiries" } });
    await recordStaffConsent(await makeStaff("STAFF"), {
      customerId: c.id,
      purposeKey: "inquiries",
      action: "GRANTED",
      givenOn: today(),
      method: "PHONE",
      documentRef: "Gọi",
    });
    const grant = await db().consentEvent.findFirstOrThrow({ where: { customerId: c.id, purposeId: inquiries.id } });
    // Lapsed after it was given (a material policy change), whatever the clocks other tests moved.
    await db().consentEvent.create({
      data: {
        customerId: c.id,
        purposeId: inquiries.id,
        action: "LAPSED",
        source: "SYSTEM",
        wording: "—",
        locale: "vi",
        evidence: { reason: "material_change" },
        givenAt: new Date(Math.max(Date.now(), grant.givenAt.getTime() + 1)),
      },
    });
    expect(await stateOf(c.id, "inquiries")).toBe("LAPSED");
    await forge(form, c.email!, ["inquiries"]);
    expect(await stateOf(c.id, "inquiries")).toBe("LAPSED");

    const newcomer = `moi.${token()}@example.test`;
    const { submissionId } = await forge(form, newcomer, ["inquiries"]);
    const created = await db().submission.findUniqueOrThrow({ where: { id: submissionId }, select: { customerId: true, pendingConsents: true } });
    expect(await stateOf(created.customerId!, "inquiries")).toBe("GRANTED");
    expect(created.pendingConsents).toEqual([]);
  });

  it("an immediate purpose the person withdrew waits for confirmation too", async () => {
    const form = await makeForm();
    const staff = await makeStaff("STAFF");
    const c = await makeCustomer();
    await recordStaffConsent(staff, { customerId: c.id, purposeKey: "inquiries", action: "WITHDRAWN", givenOn: today(), method: "PHONE", documentRef: "Gọi" });
    const { submissionId } = await forge(form, c.email!, ["inquiries"]);
    expect(await stateOf(c.id, "inquiries")).toBe("WITHDRAWN");
    const s = await db().submission.findUniqueOrThrow({ where: { id: submissionId } });
    expect((s.pendingConsents as { key: string }[]).map((p) => p.key)).toEqual(["inquiries"]);
  });
});

describe("double opt-in", () => {
  it("emails the owner a link; confirming grants the consent with its evidence and applies the details, once", async () => {
    const form = await makeForm();
    const victim = await withdrawnCustomer();
    const phone = randomPhone();
    const { submissionId } = await forge(form, victim.email!, undefined, phone);
    await drain();
    const link = await oneTimeLinkTo(victim.email!, "consent_confirmation");
    expect(link).toMatch(/\/confirm\/[A-Za-z0-9_-]{40,}\?lang=vi$/);
    const secret = tokenOf(link)!;

    // Opening the page changes nothing.
    const preview = await previewConfirmation(secret);
    expect(preview).toMatchObject({
      state: "valid",
      purposes: [{ key: "inquiries" }, { key: "advertising" }],
      proposed: { fullName: "Kẻ Giả Mạo", organization: "Công ty Giả", phone: e164(phone) },
    });
    expect(await stateOf(victim.id, "advertising")).toBe("WITHDRAWN");

    const result = await confirmSubmission(secret, { ip: "198.51.100.7", userAgent: "Owner's browser" });
    expect(result).toEqual({ purposes: ["inquiries", "advertising"], appliedFields: ["fullName", "phone", "organization"], detailsLeftForStaff: false });
    expect(await stateOf(victim.id, "advertising")).toBe("GRANTED");
    const event = await db().consentEvent.findFirstOrThrow({ where: { submissionId, purpose: { key: "advertising" } } });
    expect(event).toMatchObject({ action: "GRANTED", source: "FORM", ip: "203.0.113.66", formId: form.id });
    expect(event.evidence).toMatchObject({ form: form.slug, confirmation: { method: "email_link", ip: "198.51.100.7", userAgent: "Owner's browser" } });
    expect(await db().submission.findUniqueOrThrow({ where: { id: submissionId } })).toMatchObject({
      confirmationStatus: "CONFIRMED",
      proposalStatus: "CONFIRMED",
      confirmIp: "198.51.100.7",
    });
    expect((await db().customer.findUniqueOrThrow({ where: { id: victim.id } })).fullName).toBe("Kẻ Giả Mạo");
    expect(await db().auditEvent.count({ where: { action: "submission.confirmed", entityId: submissionId } })).toBe(1);

    await expect(confirmSubmission(secret, { ip: "x", userAgent: null })).rejects.toMatchObject({ code: "EXPIRED", userMessage: "confirm.linkUsed" });
    await expect(confirmSubmission(`${secret.slice(0, -3)}abc`, { ip: "x", userAgent: null })).rejects.toMatchObject({ userMessage: "confirm.linkInvalid" });
    expect(await previewConfirmation(secret)).toEqual({ state: "used" });
  });

  it("confirms the consent even when a proposed detail cannot be applied; staff decide on the detail", async () => {
    const form = await makeForm();
    const owner = await makeCustomer();
    const other = await makeCustomer({ phone: randomPhone() });
    // Someone (or the owner by mistake) proposes a phone another record holds.
    const { submissionId } = await forge(form, owner.email!, ["advertising"], other.phone!);
    await drain();
    const secret = tokenOf(await oneTimeLinkTo(owner.email!, "consent_confirmation"))!;
    const result = await confirmSubmission(secret, { ip: "198.51.100.8", userAgent: "Owner" });
    expect(result).toMatchObject({ purposes: ["advertising"], detailsLeftForStaff: true });
    expect(await stateOf(owner.id, "advertising")).toBe("GRANTED");
    expect(await db().submission.findUniqueOrThrow({ where: { id: submissionId } })).toMatchObject({
      confirmationStatus: "CONFIRMED",
      proposalStatus: "PENDING",
    });
    expect((await db().customer.findUniqueOrThrow({ where: { id: owner.id } })).phone).toBe(owner.phone ? `+84${owner.phone.slice(1)}` : null);
  });

  it("links expire after 7 days", async () => {
    const form = await makeForm();
    const c = await makeCustomer();
    await forge(form, c.email!);
    await drain();
    const secret = tokenOf(await oneTimeLinkTo(c.email!, "consent_confirmation"))!;
    const issued = await db().authToken.findFirstOrThrow({ where: { kind: "CONSENT_CONFIRM", customerId: c.id } });
    expect(issued.expiresAt.getTime() - issued.createdAt.getTime()).toBeGreaterThan(6.9 * 86_400_000);
    await db().authToken.update({ where: { id: issued.id }, data: { expiresAt: new Date(Date.now() - 1000) } });
    expect(await failure(confirmSubmission(secret, { ip: "x", userAgent: null }))).toMatchObject({ userMessage: "confirm.linkExpired" });
    expect(await stateOf(c.id, "advertising")).toBeNull();
  });

  it("a form cannot flood someone's inbox: a few confirmation emails a day per customer", async () => {
    const form = await makeForm();
    const c = await makeCustomer();
    for (let i = 0; i < MAX_CONFIRMATIONS_PER_DAY + 2; i++) await forge(form, c.email!);
    await drain();
    expect(await db().emailMessage.count({ where: { to: c.email!, template: "consent_confirmation" } })).toBe(MAX_CONFIRMATIONS_PER_DAY);
    expect(await db().auditEvent.count({ where: { action: "submission.confirmation_suppressed", details: { path: ["customerId"], equals: c.id } } })).toBe(2);
  });

  it("counts one mailbox however its address is written, and a stranger cannot use up the owner's own confirmations", async () => {
    const form = await makeForm();
    const name = `hop${token()
      .toLowerCase()
      .replace(/[^a-z0-9]/g, "")}`;
    // The same inbox five ways, from one sender: a few emails, then nothing.
    for (const address of [`${name}+1`, `${name}+2`, `${name}+abc`, `${name.slice(0, 3)}.${name.slice(3)}+x`, `${name}+9`]) {
      await forge(form, `${address}@gmail.com`);
    }
    await drain();
    const sentTo = async () => db().emailMessage.count({ where: { to: { startsWith: name.slice(0, 3) }, template: "consent_confirmation" } });
    expect(await sentTo()).toBe(MAX_CONFIRMATIONS_PER_DAY);
    // The owner, from their own address, still gets theirs.
    await submitForm(
      form,
      { fields: { email: `${name}@gmail.com` }, answers: { color: "blue" }, consents: ["advertising"], idempotencyKey: key() },
      ctx("198.51.100.20"),
    );
    await drain();
    expect(await sentTo()).toBe(MAX_CONFIRMATIONS_PER_DAY + 1);
    expect(await db().emailMessage.count({ where: { to: `${name}@gmail.com`, template: "consent_confirmation" } })).toBe(1);
  });

  it("staff see the proposal masked, apply one and dismiss another, audited", async () => {
    const form = await makeForm();
    const c = await makeCustomer();
    const phone = randomPhone();
    const first = await forge(form, c.email!, undefined, phone);
    const second = await forge(form, c.email!);
    const staff = await makeStaff("STAFF");
    const proposals = await pendingProposals(staff, c.id);
    expect(proposals).toHaveLength(2);
    const shown = proposals.find((p) => p.id === first.submissionId)!.proposed.phone;
    expect(shown).toBe(`${e164(phone).slice(0, 5)}••••${phone.slice(-3)}`);
    expect(proposals[0].awaitingOwner).toBe(true);
    await decideProposal(staff, { submissionId: first.submissionId, decision: "APPLY" });
    expect(await db().customer.findUniqueOrThrow({ where: { id: c.id } })).toMatchObject({ fullName: "Kẻ Giả Mạo", phone: e164(phone) });
    expect(await db().auditEvent.count({ where: { action: "customer.updated_from_submission", entityId: c.id } })).toBe(1);
    await decideProposal(staff, { submissionId: second.submissionId, decision: "DISMISS" });
    await expect(decideProposal(staff, { submissionId: second.submissionId, decision: "APPLY" })).rejects.toMatchObject({
      userMessage: "proposals.notPending",
    });
    await expect(decideProposal(await makeStaff("ADMIN"), { submissionId: first.submissionId, decision: "APPLY" })).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
    // Applying does not confirm consent: that is only for the owner of the address.
    expect(await stateOf(c.id, "advertising")).toBeNull();
  });

  it("erasure leaves nothing of a proposal or a confirmation behind", async () => {
    const form = await makeForm();
    const c = await makeCustomer();
    const { submissionId } = await forge(form, c.email!);
    await drain();
    await confirmSubmission(tokenOf(await oneTimeLinkTo(c.email!, "consent_confirmation"))!, { ip: "198.51.100.9", userAgent: "UA" });
    const second = await forge(form, c.email!);
    await drain();
    await db().$transaction((tx) => eraseCustomer(tx, systemActor("test"), c.id, {}));
    for (const id of [submissionId, second.submissionId]) {
      const s = await db().submission.findUniqueOrThrow({ where: { id } });
      expect(s).toMatchObject({ proposedChanges: null, confirmIp: null, confirmUserAgent: null, fields: {} });
    }
    expect(await db().authToken.count({ where: { submission: { customerId: c.id } } })).toBe(0);
  });
});
