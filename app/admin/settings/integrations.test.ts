// API keys and webhook endpoints through their real action wrappers: administrators only, field
// errors in the app's language, the key and the signing secret shown once and never stored plain.
import { afterAll, describe, expect, it } from "vitest";
import * as purposes from "@/app/api/v1/purposes/route";
import { db } from "@/lib/db";
import { callApi } from "@/tests/support/api";
import { makeStaff } from "@/tests/support/factories";
import { actAsStaff } from "@/tests/support/session";
import { createApiKeyAction, createWebhookAction, deleteWebhookAction, replayWebhookAction, revokeApiKeyAction, setWebhookEnabledAction } from "./actions";

afterAll(async () => {
  await db().webhookEndpoint.deleteMany();
});

describe("API key actions", () => {
  it("create a working key for ADMIN only, with field errors, and revoke it", async () => {
    await actAsStaff("COMPLIANCE");
    expect(await createApiKeyAction({ name: "CRM", scopes: ["consents:read"] })).toMatchObject({ ok: false, error: { code: "FORBIDDEN" } });
    await actAsStaff("ADMIN");
    const bad = await createApiKeyAction({ name: "", scopes: [], rateLimitPerMinute: 0 });
    expect(bad).toMatchObject({
      ok: false,
      error: { code: "BAD_INPUT", fieldErrors: { name: expect.any(String), scopes: expect.any(String), rateLimitPerMinute: expect.any(String) } },
    });
    if (bad.ok) throw new Error("unreachable");
    expect(bad.error.fieldErrors!.scopes).toBe("Chọn ít nhất một phạm vi.");
    const officer = await makeStaff("COMPLIANCE");
    const created = await createApiKeyAction({ name: "CRM bán hàng", scopes: ["consents:read"] });
    if (!created.ok) throw new Error(created.error.message);
    // The compliance officer hears of a key that reaches personal data (the ADMIN cannot see it).
    const told = await db().emailMessage.findMany({ where: { to: officer.email, template: "api_key_notice" } });
    expect(told).toHaveLength(1);
    expect(told[0].text).toContain("CRM bán hàng");
    expect(told[0].text).not.toContain(created.data.key);
    expect(created.data.key).toMatch(/^crk_[a-z0-9]{10}_/);
    // It reaches personal data: it works once the compliance officer approved it (app/admin/records/api-keys.test.ts).
    expect((await callApi(purposes.GET, "/purposes", { key: created.data.key })).status).toBe(403);
    await db().apiKey.update({ where: { id: created.data.id }, data: { approvedAt: new Date() } });
    expect((await callApi(purposes.GET, "/purposes", { key: created.data.key })).status).toBe(200);
    await actAsStaff("STAFF");
    expect(await revokeApiKeyAction({ id: created.data.id })).toMatchObject({ ok: false, error: { code: "FORBIDDEN" } });
    await actAsStaff("ADMIN");
    expect(await revokeApiKeyAction({ id: created.data.id })).toMatchObject({ ok: true });
    expect(await revokeApiKeyAction({ id: created.data.id })).toMatchObject({ ok: false, error: { code: "NOT_FOUND" } });
    expect((await callApi(purposes.GET, "/purposes", { key: created.data.key })).status).toBe(401);
    expect(await db().auditEvent.count({ where: { entityId: created.data.id, action: { in: ["api_key.created", "api_key.revoked"] } } })).toBe(2);
  });
});

describe("webhook actions", () => {
  it("add, disable, enable, replay and delete an endpoint; others are refused", async () => {
    await actAsStaff("STAFF");
    const input = { url: "http://127.0.0.1:9/hooks", events: ["customer.erased" as const] };
    expect(await createWebhookAction(input)).toMatchObject({ ok: false, error: { code: "FORBIDDEN" } });
    await actAsStaff("ADMIN");
    expect(await createWebhookAction({ url: "not a url", events: [] })).toMatchObject({
      ok: false,
      error: { code: "BAD_INPUT", fieldErrors: { url: expect.any(String), events: expect.any(String) } },
    });
    const created = await createWebhookAction(input);
    if (!created.ok) throw new Error(created.error.message);
    expect(created.data.secret).toMatch(/^whsec_/);
    const id = created.data.id;
    expect(await setWebhookEnabledAction({ id, enabled: false })).toMatchObject({ ok: true });
    expect((await db().webhookEndpoint.findUniqueOrThrow({ where: { id } })).enabled).toBe(false);
    expect(await setWebhookEnabledAction({ id, enabled: true })).toMatchObject({ ok: true });
    const event = await db().webhookEvent.create({ data: { type: "customer.erased", payload: { customerId: "x" } } });
    const delivery = await db().webhookDelivery.create({ data: { eventId: event.id, endpointId: id, status: "FAILED", attempts: 9 } });
    expect(await replayWebhookAction({ id: delivery.id })).toMatchObject({ ok: true });
    expect((await db().webhookDelivery.findUniqueOrThrow({ where: { id: delivery.id } })).status).toBe("PENDING");
    await actAsStaff("COMPLIANCE");
    expect(await replayWebhookAction({ id: delivery.id })).toMatchObject({ ok: false, error: { code: "FORBIDDEN" } });
    expect(await deleteWebhookAction({ id })).toMatchObject({ ok: false, error: { code: "FORBIDDEN" } });
    await actAsStaff("ADMIN");
    expect(await deleteWebhookAction({ id })).toMatchObject({ ok: true });
    expect(await db().webhookEndpoint.count({ where: { id } })).toBe(0);
  });
});
