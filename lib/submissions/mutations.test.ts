import { afterEach, describe, expect, it } from "vitest";
import { assertEnv } from "@/lib/env";
import { db } from "@/lib/db";
import type { AppError } from "@/lib/errors";
import { ctx, key, makeForm } from "@/tests/support/forms";
import { uniqueEmail } from "@/tests/support/factories";
import { submitForm } from "./mutations";

const failure = (p: Promise<unknown>) =>
  p.then(
    () => null,
    (e: AppError) => e,
  );
const valid = (email: string, extra: Record<string, unknown> = {}) => ({
  fields: { fullName: "Nguyễn Văn An", email, phone: "0912 345 678", organization: "Công ty A" },
  answers: { color: "red", score: 4, tags: ["a", "b"], note: "Xin chào" },
  consents: ["advertising"],
  locale: "vi",
  idempotencyKey: key(),
  ...extra,
});

describe("a form submission", () => {
  it("creates a new visitor's record, takes an immediate purpose at once and keeps the others pending", async () => {
    const form = await makeForm();
    const email = uniqueEmail("an");
    const result = await submitForm(form, valid(email.toUpperCase(), { consents: ["inquiries", "advertising"] }), ctx("10.1.2.3"));
    expect(result).toMatchObject({ duplicate: false, confirmationRequired: true });

    const submission = await db().submission.findUniqueOrThrow({
      where: { id: result.submissionId },
      include: { customer: true, consentEvents: { include: { purpose: true } } },
    });
    expect(submission.customer).toMatchObject({ email, phone: "+84912345678", fullName: "Nguyễn Văn An", status: "LEAD", source: `form:${form.slug}` });
    expect(submission.answers).toEqual({ color: "red", score: 4, tags: ["a", "b"], note: "Xin chào" });
    // Answering the visitor's own inquiry needs no confirmation: in effect now, with its evidence.
    expect(submission.consentEvents).toHaveLength(1);
    const [consent] = submission.consentEvents;
    expect(consent).toMatchObject({
      action: "GRANTED",
      source: "FORM",
      formId: form.id,
      ip: "10.1.2.3",
      userAgent: "vitest",
      policyVersionId: form.policy?.id ?? null,
      locale: "vi",
    });
    expect(consent.purpose.key).toBe("inquiries");
    expect(consent.wording).toBe(`${consent.purpose.labelVi}: ${consent.purpose.descriptionVi}`);
    expect(consent.evidence).toMatchObject({ form: form.slug, confirmation: "not_required" });
    // Advertising waits for the owner of the address: not in the ledger, not in current consent.
    expect(submission).toMatchObject({ confirmationStatus: "PENDING", proposalStatus: null });
    expect((submission.pendingConsents as { key: string }[]).map((p) => p.key)).toEqual(["advertising"]);
    expect(submission.confirmExpiresAt!.getTime() - submission.createdAt.getTime()).toBe(7 * 86_400_000);
    expect(await db().consentState.count({ where: { customerId: submission.customerId!, purpose: { key: "advertising" } } })).toBe(0);
    const audit = await db().auditEvent.findFirstOrThrow({ where: { action: "submission.received", entityId: result.submissionId } });
    expect(audit.details).toMatchObject({ customerCreated: true, consents: ["inquiries"], pendingConsents: ["advertising"], proposedFields: [] });
  });

  it("never changes an existing customer's record: differing values wait as a proposal", async () => {
    const form = await makeForm();
    const email = uniqueEmail("same");
    await submitForm(form, valid(email, { fields: { email, fullName: "Nguyễn Văn An", phone: "0912 345 678" } }), ctx());
    const second = await submitForm(
      form,
      valid(` ${email.toUpperCase()} `, { fields: { email, fullName: "Kẻ Mạo Danh", organization: "Công ty B", phone: "" } }),
      ctx(),
    );
    const customers = await db().customer.findMany({ where: { email } });
    expect(customers).toHaveLength(1);
    // Not even an empty field filled in.
    expect(customers[0]).toMatchObject({ fullName: "Nguyễn Văn An", organization: null, phone: "+84912345678" });
    const proposal = await db().submission.findUniqueOrThrow({ where: { id: second.submissionId } });
    expect(proposal).toMatchObject({
      customerId: customers[0].id,
      proposalStatus: "PENDING",
      confirmationStatus: "PENDING",
      proposedChanges: { fullName: "Kẻ Mạo Danh", organization: "Công ty B" },
    });
    expect(await db().submission.count({ where: { customerId: customers[0].id } })).toBe(2);
  });

  it("matches by phone (in any format) when there is no email", async () => {
    const form = await makeForm();
    const phone = `09${Math.floor(10_000_000 + Math.random() * 89_999_999)}`;
    const first = await submitForm(form, valid("", { fields: { fullName: "Bình", phone } }), ctx());
    const second = await submitForm(form, valid("", { fields: { phone: `+84 ${phone.slice(1)}` } }), ctx());
    const [a, b] = await Promise.all([first, second].map((r) => db().submission.findUniqueOrThrow({ where: { id: r.submissionId } })));
    expect(a.customerId).toBeTruthy();
    expect(b.customerId).toBe(a.customerId);
  });

  it("returns the first result for a retry with the same idempotency key and writes nothing new", async () => {
    const form = await makeForm();
    const body = valid(uniqueEmail("retry"));
    const first = await submitForm(form, body, ctx());
    const before = await Promise.all([db().submission.count(), db().consentEvent.count(), db().auditEvent.count()]);
    const again = await submitForm(form, body, ctx());
    expect(again).toEqual({ submissionId: first.submissionId, duplicate: true, confirmationRequired: true });
    expect(await Promise.all([db().submission.count(), db().consentEvent.count(), db().auditEvent.count()])).toEqual(before);
  });

  it("refuses the same idempotency key sent with something else, instead of answering as if it were recorded", async () => {
    const form = await makeForm();
    const body = valid(uniqueEmail("key"));
    const first = await submitForm(form, body, ctx());
    // The same content in another key order is still a retry.
    const reordered = { ...body, fields: Object.fromEntries(Object.entries(body.fields).reverse()) };
    await expect(submitForm(form, reordered, ctx())).resolves.toMatchObject({ submissionId: first.submissionId, duplicate: true });
    const other = uniqueEmail("other");
    const error = await failure(submitForm(form, { ...body, fields: { ...body.fields, email: other } }, ctx()));
    expect(error).toMatchObject({ code: "BAD_INPUT", userMessage: "publicForm.keyReused", fieldErrors: { idempotencyKey: "publicForm.keyReused" } });
    expect(await db().customer.count({ where: { email: other } })).toBe(0);
  });

  it("creates exactly one submission and one customer when the same submission races itself", async () => {
    const form = await makeForm();
    const body = valid(uniqueEmail("race"));
    const results = await Promise.all(Array.from({ length: 5 }, () => submitForm(form, body, ctx())));
    expect(new Set(results.map((r) => r.submissionId)).size).toBe(1);
    expect(await db().submission.count({ where: { formId: form.id } })).toBe(1);
    expect(await db().customer.count({ where: { email: body.fields.email } })).toBe(1);
  });

  it("creates one customer when two different submissions of the same person arrive at once", async () => {
    const form = await makeForm();
    const email = uniqueEmail("twins");
    await Promise.all(Array.from({ length: 4 }, () => submitForm(form, valid(email), ctx())));
    expect(await db().customer.count({ where: { email } })).toBe(1);
  });

  it("pretends to accept a bot that filled the honeypot, and keeps nothing", async () => {
    const form = await makeForm();
    const email = uniqueEmail("bot");
    // Answered as a real submission with the same boxes would be: the bot cannot tell.
    const real = await submitForm(form, valid(uniqueEmail("real"), { consents: ["inquiries"] }), ctx());
    const fake = await submitForm(form, valid(uniqueEmail("bot"), { consents: ["inquiries"], website: "http://spam.example" }), ctx());
    expect(fake.confirmationRequired).toBe(real.confirmationRequired);
    const result = await submitForm(form, valid(email, { website: "http://spam.example" }), ctx());
    expect(result.submissionId).toMatch(/^[0-9a-f-]{36}$/);
    expect(await db().submission.findUnique({ where: { id: result.submissionId } })).toBeNull();
    expect(await db().customer.count({ where: { email } })).toBe(0);
  });

  it("keeps names on one line without invisible direction or zero-width characters", async () => {
    const form = await makeForm();
    const email = uniqueEmail("bidi");
    await submitForm(form, valid(email, { fields: { email, fullName: "Lê\u202e Văn\u200b\nTám\ufeff", organization: "Công ty\r\nMới" } }), ctx());
    expect(await db().customer.findFirstOrThrow({ where: { email }, select: { fullName: true, organization: true } })).toEqual({
      fullName: "Lê Văn Tám",
      organization: "Công ty Mới",
    });
  });

  it("refuses a payload nested deeper than any form sends, as a counted bad input", async () => {
    const form = await makeForm();
    let deep: unknown = "x";
    for (let i = 0; i < 5000; i++) deep = [deep];
    const error = await failure(submitForm(form, { ...valid(uniqueEmail()), answers: { note: deep } }, ctx()));
    expect(error).toMatchObject({ code: "BAD_INPUT" });
  });

  it("says a confirmation was emailed only when there was an address to email it to", async () => {
    const form = await makeForm();
    expect((await submitForm(form, valid(uniqueEmail()), ctx())).confirmationRequired).toBe(true);
    const phoneOnly = valid("", { fields: { fullName: "Chỉ Có Số", phone: "0912 000 111" } });
    expect((await submitForm(form, phoneOnly, ctx())).confirmationRequired).toBe(false);
  });

  it("stores HTML as the text it is", async () => {
    const form = await makeForm();
    const email = uniqueEmail("html");
    await submitForm(form, valid(email, { fields: { email, fullName: '<img src=x onerror="alert(1)">' } }), ctx());
    expect((await db().customer.findFirstOrThrow({ where: { email } })).fullName).toBe('<img src=x onerror="alert(1)">');
  });

  it("writes nothing at all when the transaction fails half-way", async () => {
    const form = await makeForm();
    const email = uniqueEmail("atomic");
    const broken = { ...form, policy: { id: "00000000-0000-0000-0000-000000000000", number: 99 } }; // FK violation on the consent event
    await expect(submitForm(broken, valid(email, { consents: ["inquiries"] }), ctx())).rejects.toThrow();
    expect(await db().customer.count({ where: { email } })).toBe(0);
    expect(await db().submission.count({ where: { formId: form.id } })).toBe(0);
  });
});

describe("submission rate limits", () => {
  afterEach(() => {
    delete process.env.FORM_RATE_LIMIT_PER_IP;
    delete process.env.FORM_RATE_LIMIT_PER_FORM;
    assertEnv();
  });

  it("limit one IP per form, while a retry of an accepted submission still gets its answer", async () => {
    process.env.FORM_RATE_LIMIT_PER_IP = "2";
    assertEnv();
    const form = await makeForm();
    const first = valid(uniqueEmail());
    await submitForm(form, first, ctx("10.50.0.1"));
    await submitForm(form, valid(uniqueEmail()), ctx("10.50.0.1"));
    const error = await failure(submitForm(form, valid(uniqueEmail()), ctx("10.50.0.1")));
    expect(error).toMatchObject({ code: "RATE_LIMITED" });
    expect(error?.params?.seconds).toBeGreaterThan(590);
    await expect(submitForm(form, first, ctx("10.50.0.1"))).resolves.toMatchObject({ duplicate: true });
    await expect(submitForm(form, valid(uniqueEmail()), ctx("10.50.0.2"))).resolves.toMatchObject({ duplicate: false });
  });

  it("limit a form as a whole, whatever the IPs", async () => {
    process.env.FORM_RATE_LIMIT_PER_FORM = "3";
    assertEnv();
    const form = await makeForm();
    for (let i = 0; i < 3; i++) await submitForm(form, valid(uniqueEmail()), ctx());
    const error = await failure(submitForm(form, valid(uniqueEmail()), ctx()));
    expect(error?.code).toBe("RATE_LIMITED");
    // Said as the form being busy, not as this visitor having sent too much.
    expect(error?.userMessage).toBe("publicForm.busy");
    expect(error?.params?.seconds).toBeLessThanOrEqual(60);
    expect(await db().submission.count({ where: { formId: form.id } })).toBe(3);
  });

  it("count an IPv6 /64 as one address, and a burst at once no further than the limit", async () => {
    process.env.FORM_RATE_LIMIT_PER_IP = "3";
    assertEnv();
    const form = await makeForm();
    const outcomes = [];
    for (let i = 1; i <= 5; i++) outcomes.push((await failure(submitForm(form, valid(uniqueEmail()), ctx(`2001:db8:77:1::${i.toString(16)}`))))?.code ?? "ok");
    expect(outcomes).toEqual(["ok", "ok", "ok", "RATE_LIMITED", "RATE_LIMITED"]);
    // Another /64 is another address; the stored key is not the address.
    await expect(submitForm(form, valid(uniqueEmail()), ctx("2001:db8:77:2::1"))).resolves.toMatchObject({ duplicate: false });
    const stored = await db().submission.findFirstOrThrow({ where: { formId: form.id }, select: { ip: true, ipKey: true } });
    expect(stored.ipKey).toMatch(/^[0-9a-f]{32}$/);
    expect(stored.ipKey).not.toContain("2001");

    const burst = await makeForm();
    const results = await Promise.all(Array.from({ length: 8 }, () => failure(submitForm(burst, valid(uniqueEmail()), ctx("10.51.0.9")))));
    expect(results.filter((r) => r === null)).toHaveLength(3);
    expect(await db().submission.count({ where: { formId: burst.id } })).toBe(3);
  });
});

describe("submission validation", () => {
  it("checks answers against the form's own questions", async () => {
    const form = await makeForm();
    const error = await failure(
      submitForm(form, valid(uniqueEmail(), { answers: { color: "green", score: 7, tags: ["a", "zzz"], note: "x".repeat(301), extra: "?" } }), ctx()),
    );
    expect(error?.code).toBe("BAD_INPUT");
    expect(error?.fieldErrors).toEqual({
      "answers.extra": "publicForm.unknownQuestion",
      "answers.color": "publicForm.choice",
      "answers.score": "publicForm.rating",
      "answers.tags": "publicForm.choice",
      "answers.note": "publicForm.tooLong",
    });
  });

  it("reports required answers, bad emails and phones, and unknown purposes by field", async () => {
    const form = await makeForm({ fields: { fullName: "required", email: "required", phone: "optional", address: "off", organization: "off" } });
    const error = await failure(
      submitForm(form, { fields: { email: "not-an-email", phone: "123" }, answers: {}, consents: ["selling_data"], idempotencyKey: key() }, ctx()),
    );
    expect(error?.fieldErrors).toEqual({
      fullName: "publicForm.required",
      email: "publicForm.email",
      phone: "publicForm.phone",
      "answers.color": "publicForm.requiredChoice",
      consents: "publicForm.unknownPurpose",
    });
  });

  it("needs an email or phone to record consent", async () => {
    const form = await makeForm();
    const error = await failure(submitForm(form, valid("", { fields: { fullName: "X" }, consents: ["inquiries"] }), ctx()));
    expect(error?.fieldErrors).toEqual({ email: "publicForm.contactForConsent" });
  });

  it("refuses a missing or malformed idempotency key and a payload of the wrong shape", async () => {
    const form = await makeForm();
    expect((await failure(submitForm(form, valid(uniqueEmail(), { idempotencyKey: "x" }), ctx())))?.fieldErrors).toEqual({
      idempotencyKey: "publicForm.idempotencyKey",
    });
    expect((await failure(submitForm(form, "just a string", ctx())))?.code).toBe("BAD_INPUT");
    expect((await failure(submitForm(form, { fields: [], answers: 3, consents: "all", idempotencyKey: key() }, ctx())))?.code).toBe("BAD_INPUT");
  });

  it("drops personal fields the form does not ask for", async () => {
    const form = await makeForm();
    const email = uniqueEmail("minimal");
    await submitForm(form, valid(email, { fields: { email, address: "12 Phố Huế" } }), ctx());
    expect((await db().customer.findFirstOrThrow({ where: { email } })).address).toBeNull();
  });
});
