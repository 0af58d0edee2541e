// /api/v1 through its real route handlers: keys, scopes, revocation, limits, problem details,
// paging, the consent write path and the audit trail. Each attack (no key, a forged or revoked key,
// a staff session instead of a key, a key beyond its scopes) is refused.
import { describe, expect, it } from "vitest";
import * as customerConsents from "@/app/api/v1/customers/[id]/consents/route";
import * as oneCustomer from "@/app/api/v1/customers/[id]/route";
import * as customers from "@/app/api/v1/customers/route";
import * as disclosures from "@/app/api/v1/disclosures/route";
import * as purposes from "@/app/api/v1/purposes/route";
import * as submissions from "@/app/api/v1/submissions/route";
import { systemActor } from "@/lib/auth/actor";
import { revokeApiKey } from "@/lib/api-keys/mutations";
import { db } from "@/lib/db";
import { changeMyConsent } from "@/lib/privacy-requests/mutations/self-service";
import { submitForm } from "@/lib/submissions/mutations";
import { callApi, makeApiKey } from "@/tests/support/api";
import { makeCustomer, token } from "@/tests/support/customers";
import { makeStaff, uniqueEmail } from "@/tests/support/factories";
import { ctx, key, makeForm } from "@/tests/support/forms";
import { actAsStaff } from "@/tests/support/session";

const lastCall = (keyId: string) =>
  db().auditEvent.findFirstOrThrow({ where: { action: "api.call", actorType: "API_KEY", actorId: keyId }, orderBy: { id: "desc" } });

describe("API keys", () => {
  it("refuse a missing, malformed, forged or revoked key with 401 problem details", async () => {
    const { key: good, id } = await makeApiKey(["customers:read"]);
    const none = await callApi(customers.GET, "/customers");
    expect(none.status).toBe(401);
    expect(none.headers.get("content-type")).toContain("application/problem+json");
    expect(none.headers.get("www-authenticate")).toContain("Bearer");
    expect(none.json).toMatchObject({ status: 401, title: "Not authenticated", type: expect.stringContaining("unauthenticated") });
    expect((await callApi(customers.GET, "/customers", { key: "crk_nothing" })).status).toBe(401);
    // Right prefix, another secret: the hash must match, not just the prefix.
    const forged = `${good.slice(0, good.lastIndexOf("_") + 1)}${"A".repeat(43)}`;
    expect((await callApi(customers.GET, "/customers", { key: forged })).status).toBe(401);
    expect((await callApi(customers.GET, "/customers", { key: good })).status).toBe(200);
    await revokeApiKey(systemActor("test"), { id });
    expect((await callApi(customers.GET, "/customers", { key: good })).status).toBe(401);
  });

  it("store only a hash of the key", async () => {
    const { key: secret, id } = await makeApiKey(["customers:read"]);
    const row = await db().apiKey.findUniqueOrThrow({ where: { id } });
    expect(JSON.stringify(row)).not.toContain(secret.split("_")[2]);
    expect(row.hash).toMatch(/^[0-9a-f]{64}$/);
  });

  it("do not let a signed-in staff session stand in for a key", async () => {
    await actAsStaff("ADMIN");
    const response = await callApi(customers.GET, "/customers");
    expect(response.status).toBe(401);
  });

  it("answer 403 beyond the key's scopes, and audit the refusal with the key id", async () => {
    const { key: k, id } = await makeApiKey(["customers:read"]);
    const customer = await makeCustomer();
    const refused = await callApi(customerConsents.GET, `/customers/${customer.id}/consents`, { key: k, params: { id: customer.id } });
    expect(refused.status).toBe(403);
    expect(refused.json.detail).toContain("consents:read");
    const audit = await lastCall(id);
    expect(audit.details).toMatchObject({ keyId: id, operation: "listConsents", status: 403 });
  });

  it("limit each key per minute with 429 and Retry-After", async () => {
    const { key: k } = await makeApiKey(["consents:read"], 2);
    expect((await callApi(purposes.GET, "/purposes", { key: k })).status).toBe(200);
    expect((await callApi(purposes.GET, "/purposes", { key: k })).status).toBe(200);
    const limited = await callApi(purposes.GET, "/purposes", { key: k });
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get("retry-after"))).toBeGreaterThan(0);
    // Another key is not held back by this one.
    const { key: other } = await makeApiKey(["consents:read"], 2);
    expect((await callApi(purposes.GET, "/purposes", { key: other })).status).toBe(200);
  });

  it("mark the key used", async () => {
    const { key: k, id } = await makeApiKey(["consents:read"]);
    expect((await db().apiKey.findUniqueOrThrow({ where: { id } })).lastUsedAt).toBeNull();
    await callApi(purposes.GET, "/purposes", { key: k });
    expect((await db().apiKey.findUniqueOrThrow({ where: { id } })).lastUsedAt).not.toBeNull();
  });
});

describe("GET /customers", () => {
  it("searches like the register and pages with a cursor, without overlap", async () => {
    const org = `Org ${token()}`;
    const made = [];
    for (let i = 0; i < 3; i++) made.push(await makeCustomer({ organization: org }));
    const { key: k, id } = await makeApiKey(["customers:read"]);
    const first = await callApi(customers.GET, `/customers?q=${encodeURIComponent(org)}&limit=2`, { key: k });
    expect(first.status).toBe(200);
    expect(first.json.data).toHaveLength(2);
    expect(first.json.next).toEqual(expect.any(String));
    const second = await callApi(customers.GET, `/customers?q=${encodeURIComponent(org)}&limit=2&cursor=${first.json.next}`, { key: k });
    expect(second.json.data).toHaveLength(1);
    expect(second.json.next).toBeNull();
    const ids = [...first.json.data, ...second.json.data].map((c: { id: string }) => c.id).sort();
    expect(ids).toEqual(made.map((c) => c.id).sort());
    // Full contact details (a CRM needs them), newest first.
    expect(first.json.data[0]).toMatchObject({ id: made[2].id, email: made[2].email, organization: org });
    expect((await lastCall(id)).details).toMatchObject({ operation: "listCustomers", status: 200 });
  });

  it("answers 422 with a field error for each bad parameter", async () => {
    const { key: k } = await makeApiKey(["customers:read"]);
    const bad = await callApi(customers.GET, "/customers?limit=1000&status=GONE", { key: k });
    expect(bad.status).toBe(422);
    expect(bad.headers.get("content-type")).toContain("application/problem+json");
    expect(bad.json.errors.map((e: { name: string }) => e.name).sort()).toEqual(["query.limit", "query.status"]);
    expect(bad.json.errors.find((e: { name: string }) => e.name === "query.limit").reason).toContain("1");
    const cursor = await callApi(customers.GET, "/customers?cursor=not-a-cursor", { key: k });
    expect(cursor.status).toBe(422);
    expect(cursor.json.errors).toEqual([{ name: "query.cursor", reason: expect.any(String) }]);
    // A cursor shaped like (time, id) whose id is not a uuid: refused, not a database error.
    const dashes = Buffer.from(JSON.stringify(["2026-01-01T00:00:00.000Z", "-".repeat(36)])).toString("base64url");
    expect((await callApi(customers.GET, `/customers?cursor=${dashes}`, { key: k })).status).toBe(422);
    const vi = await callApi(customers.GET, "/customers?limit=0", { key: k, headers: { "accept-language": "vi-VN,vi;q=0.9" } });
    expect(vi.json).toMatchObject({ title: "Dữ liệu không hợp lệ", errors: [{ name: "query.limit", reason: "limit phải là số nguyên từ 1 đến 100." }] });
  });
});

describe("GET /customers/{id}", () => {
  it("gives one customer, 404 for an unknown id and 422 for a malformed one", async () => {
    const customer = await makeCustomer();
    const { key: k, id } = await makeApiKey(["customers:read"]);
    const found = await callApi(oneCustomer.GET, `/customers/${customer.id}`, { key: k, params: { id: customer.id } });
    expect(found.status).toBe(200);
    expect(found.json).toMatchObject({ id: customer.id, email: customer.email, status: "LEAD" });
    const audit = await lastCall(id);
    expect(audit).toMatchObject({ entityType: "Customer", entityId: customer.id });
    const missing = "6f1c2a9e-3d5b-4f0e-9a57-0c1d2e3f4a5b";
    expect((await callApi(oneCustomer.GET, `/customers/${missing}`, { key: k, params: { id: missing } })).status).toBe(404);
    const malformed = await callApi(oneCustomer.GET, "/customers/x", { key: k, params: { id: "x" } });
    expect(malformed.status).toBe(422);
    expect(malformed.json.errors[0].name).toBe("path.id");
  });
});

describe("consents through the API", () => {
  it("records consent with source API and the key as evidence, through the staff path", async () => {
    const customer = await makeCustomer();
    const { key: k, id } = await makeApiKey(["consents:write", "consents:read"]);
    const today = new Date(Date.now() + 7 * 3_600_000).toISOString().slice(0, 10);
    const body = { purposeKey: "advertising", action: "GRANTED", givenOn: today, method: "PHONE", documentRef: "CRM-CALL-1182" };
    const created = await callApi(customerConsents.POST, `/customers/${customer.id}/consents`, { key: k, method: "POST", body, params: { id: customer.id } });
    expect(created.status).toBe(201);
    const event = await db().consentEvent.findUniqueOrThrow({ where: { id: created.json.id } });
    expect(event).toMatchObject({ source: "API", action: "GRANTED", method: "PHONE", documentRef: "CRM-CALL-1182", staffId: null });
    expect(event.evidence).toMatchObject({ apiKey: { id } });
    expect(await db().auditEvent.count({ where: { action: "consent.granted_via_api", entityId: event.id, actorId: id } })).toBe(1);
    const listed = await callApi(customerConsents.GET, `/customers/${customer.id}/consents`, { key: k, params: { id: customer.id } });
    expect(listed.json.data.find((p: { purpose: string }) => p.purpose === "advertising")).toMatchObject({ status: "GRANTED" });
  });

  it("adds nothing when told again what is recorded, and never re-grants what the customer withdrew themselves", async () => {
    const customer = await makeCustomer();
    const { key: k } = await makeApiKey(["consents:write"]);
    const today = new Date(Date.now() + 7 * 3_600_000).toISOString().slice(0, 10);
    const body = (action: "GRANTED" | "WITHDRAWN") => ({ purposeKey: "advertising", action, givenOn: today, method: "PHONE", documentRef: "CRM-SYNC" });
    const call = (action: "GRANTED" | "WITHDRAWN") =>
      callApi(customerConsents.POST, `/customers/${customer.id}/consents`, { key: k, method: "POST", body: body(action), params: { id: customer.id } });
    const notices = () => db().emailMessage.count({ where: { to: customer.email, template: "consent_recorded_notice" } });
    const first = await call("GRANTED");
    const again = await call("GRANTED");
    expect(again.json.id).toBe(first.json.id);
    expect(await db().consentEvent.count({ where: { customerId: customer.id } })).toBe(1);
    expect(await notices()).toBe(1);
    // The customer withdraws on their privacy page; a sync that still says "yes" cannot undo it.
    await changeMyConsent({ kind: "customer", customerId: customer.id, sessionId: "test" }, { purposeKey: "advertising", action: "WITHDRAWN" });
    const refused = await call("GRANTED");
    expect(refused.status).toBe(409);
    expect(refused.json.detail).toContain("withdrew");
    const state = await db().consentState.findFirstOrThrow({ where: { customerId: customer.id, purpose: { key: "advertising" } } });
    expect(state.action).toBe("WITHDRAWN");
    // A withdrawal another system recorded may be turned back by it.
    const other = await makeCustomer();
    const otherCall = (action: "GRANTED" | "WITHDRAWN") =>
      callApi(customerConsents.POST, `/customers/${other.id}/consents`, { key: k, method: "POST", body: body(action), params: { id: other.id } });
    expect((await otherCall("GRANTED")).status).toBe(201);
    expect((await otherCall("WITHDRAWN")).status).toBe(201);
    expect((await otherCall("GRANTED")).status).toBe(201);
  });

  it("refuses a write with only read scope, bad bodies with field errors, and erased customers", async () => {
    const customer = await makeCustomer();
    const { key: reader } = await makeApiKey(["consents:read"]);
    const body = { purposeKey: "advertising", action: "GRANTED", givenOn: "2026-11-30", method: "PHONE", documentRef: "X-1" };
    const call = (k: string, b: unknown, raw?: string) =>
      callApi(customerConsents.POST, `/customers/${customer.id}/consents`, { key: k, method: "POST", body: b, rawBody: raw, params: { id: customer.id } });
    expect((await call(reader, body)).status).toBe(403);
    expect(await db().consentEvent.count({ where: { customerId: customer.id } })).toBe(0);
    const { key: writer } = await makeApiKey(["consents:write"]);
    const bad = await call(writer, { ...body, method: "CARRIER_PIGEON", documentRef: "" });
    expect(bad.status).toBe(422);
    expect(bad.json.errors.map((e: { name: string }) => e.name).sort()).toEqual(["body.documentRef", "body.method"]);
    expect((await call(writer, undefined, "{not json")).status).toBe(422);
    const unknown = await call(writer, { ...body, purposeKey: "no_such_purpose" });
    expect(unknown.status).toBe(422);
    expect(unknown.json.errors).toEqual([{ name: "purposeKey", reason: expect.any(String) }]);
    // A purpose that rests on the contract, not on consent, is not the API's to record.
    expect((await call(writer, { ...body, purposeKey: "service_notices" })).status).toBe(422);
    const huge = await call(writer, { ...body, note: "x".repeat(70 * 1024) });
    expect(huge.status).toBe(413);
    await db().customer.update({ where: { id: customer.id }, data: { status: "ERASED", email: null, fullName: null } });
    expect((await call(writer, body)).status).toBe(404);
  });
});

describe("GET /submissions, /purposes, /disclosures", () => {
  it("lists a form's submissions oldest first from `since`, with a cursor", async () => {
    const form = await makeForm();
    const since = new Date(Date.now() - 1000).toISOString();
    const made = [];
    for (let i = 0; i < 3; i++) {
      const email = uniqueEmail("api");
      made.push(
        await submitForm(
          form,
          {
            fields: { fullName: "Lê Thị Hoa", email },
            answers: { color: "red" },
            consents: ["inquiries"],
            locale: "vi",
            idempotencyKey: key(),
          },
          ctx(),
        ),
      );
    }
    const { key: k } = await makeApiKey(["submissions:read"]);
    const first = await callApi(submissions.GET, `/submissions?formId=${form.id}&since=${encodeURIComponent(since)}&limit=2`, { key: k });
    expect(first.status).toBe(200);
    expect(first.json.data).toHaveLength(2);
    const second = await callApi(submissions.GET, `/submissions?formId=${form.id}&limit=2&cursor=${first.json.next}`, { key: k });
    expect(second.json.data).toHaveLength(1);
    expect([...first.json.data, ...second.json.data].map((s: { id: string }) => s.id)).toEqual(made.map((m) => m.submissionId));
    expect(first.json.data[0]).toMatchObject({ formId: form.id, formSlug: form.slug, answers: { color: "red" } });
    expect((await callApi(submissions.GET, "/submissions?since=yesterday", { key: k })).status).toBe(422);
  });

  it("lists purposes with consents:read and disclosures with disclosures:read", async () => {
    const { key: k } = await makeApiKey(["consents:read"]);
    const listed = await callApi(purposes.GET, "/purposes", { key: k });
    expect(listed.json.data.map((p: { key: string }) => p.key)).toContain("advertising");
    expect((await callApi(disclosures.GET, "/disclosures", { key: k })).status).toBe(403);
    const { key: d } = await makeApiKey(["disclosures:read"]);
    // Two approved disclosures to an authority, one of them confidential (the law lets an authority
    // require that): only the other leaves through the API.
    const since = new Date(Date.now() - 1000).toISOString();
    const officer = await makeStaff("COMPLIANCE");
    const authority = await db().recipient.create({ data: { name: "Công an quận", category: "AUTHORITY" } });
    const made = [];
    for (const confidential of [false, true]) {
      made.push(
        await db().disclosure.create({
          data: {
            recipientId: authority.id,
            reason: "Công văn yêu cầu",
            fields: ["fullName"],
            status: "APPROVED",
            approvedAt: new Date(),
            selection: {},
            preparedById: officer.id,
            agencyName: "Công an quận",
            documentNumber: "12/CV",
            documentDate: new Date(),
            confidential,
          },
        }),
      );
    }
    const page = await callApi(disclosures.GET, `/disclosures?limit=100&since=${encodeURIComponent(since)}`, { key: d });
    expect(page.status).toBe(200);
    const ids = page.json.data.map((x: { id: string }) => x.id);
    expect(ids).toContain(made[0].id);
    expect(ids).not.toContain(made[1].id);

    // Prepared long before, approved only now: a poller whose place is past its creation still gets it.
    const old = await db().disclosure.create({
      data: {
        recipientId: authority.id,
        reason: "Công văn cũ",
        fields: ["fullName"],
        status: "PENDING_APPROVAL",
        selection: {},
        preparedById: officer.id,
        agencyName: "Công an quận",
        documentNumber: "13/CV",
        documentDate: new Date(),
        createdAt: new Date(Date.now() - 86_400_000),
      },
    });
    const place = new Date(Date.now() - 1000).toISOString();
    await db().disclosure.update({ where: { id: old.id }, data: { status: "APPROVED", approvedAt: new Date() } });
    const later = await callApi(disclosures.GET, `/disclosures?limit=100&since=${encodeURIComponent(place)}`, { key: d });
    expect(later.json.data.map((x: { id: string }) => x.id)).toContain(old.id);
  });
});
