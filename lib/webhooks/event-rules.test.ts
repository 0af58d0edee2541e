// Which events reach which endpoints: a confidential authority request is never announced, an
// approval is announced once, a revoked key's endpoints stop with it, and an endpoint switched off
// for failing still keeps the erasures and objections its receiver must act on.
import { afterEach, describe, expect, it } from "vitest";
import { revokeApiKey } from "@/lib/api-keys/mutations";
import { systemActor } from "@/lib/auth/actor";
import { db } from "@/lib/db";
import { makeApiKey } from "@/tests/support/api";
import { makeCustomer } from "@/tests/support/customers";
import { makeStaff } from "@/tests/support/factories";
import { createWebhookEndpoint, setWebhookEndpointEnabled } from "./mutations";

const admin = systemActor("test");
const deliveries = (endpointId: string) => db().webhookDelivery.findMany({ where: { endpointId }, include: { event: true } });

afterEach(async () => {
  await db().webhookEndpoint.deleteMany();
});

/** A disclosure row moved through its statuses directly: the trigger is what is under test. */
async function disclosure(confidential: boolean) {
  const preparer = await makeStaff("COMPLIANCE");
  const recipient = await db().recipient.create({ data: { name: `Cơ quan ${Math.random()}`, category: "AUTHORITY" } });
  return db().disclosure.create({
    data: {
      recipientId: recipient.id,
      preparedById: preparer.id,
      reason: "Yêu cầu của cơ quan điều tra",
      fields: ["fullName"],
      selection: { kind: "ids", ids: [] },
      status: "PENDING_APPROVAL",
      confidential,
      agencyName: "Công an TP",
      documentNumber: "123/CV",
      documentDate: new Date(),
    },
  });
}

describe("webhook events and their endpoints", () => {
  it("never announce a confidential authority request, and announce an approval once", async () => {
    const endpoint = await createWebhookEndpoint(admin, { url: "https://crm.example.com/hooks", events: ["disclosure.approved"] });
    const secret = await disclosure(true);
    const open = await disclosure(false);
    for (const d of [secret, open]) await db().disclosure.update({ where: { id: d.id }, data: { status: "APPROVED" } });
    // A first download that failed gives DELIVERED back to APPROVED: not a second approval.
    await db().disclosure.update({ where: { id: open.id }, data: { status: "DELIVERED" } });
    await db().disclosure.update({ where: { id: open.id }, data: { status: "APPROVED" } });
    const sent = await deliveries(endpoint.id);
    expect(sent.map((d) => (d.event.payload as { disclosureId: string }).disclosureId)).toEqual([open.id]);
  });

  it("stop with the API key that set them up, and stay off", async () => {
    const { id: keyId } = await makeApiKey(["webhooks:manage", "customers:read"]);
    const endpoint = await createWebhookEndpoint(admin, { url: "https://crm.example.com/hooks", events: ["customer.erased"] });
    await db().webhookEndpoint.update({ where: { id: endpoint.id }, data: { createdByKeyId: keyId } });
    await revokeApiKey(admin, { id: keyId });
    expect(await db().webhookEndpoint.findUniqueOrThrow({ where: { id: endpoint.id } })).toMatchObject({ enabled: false, disabledReason: "key_revoked" });
    await expect(setWebhookEndpointEnabled(admin, { id: endpoint.id, enabled: true })).rejects.toMatchObject({ code: "CONFLICT" });
    // Even switched on behind the app's back, the database writes nothing for it.
    await db().webhookEndpoint.update({ where: { id: endpoint.id }, data: { enabled: true } });
    const customer = await makeCustomer();
    await db().customer.update({ where: { id: customer.id }, data: { status: "ERASED", fullName: null, email: null } });
    expect(await deliveries(endpoint.id)).toHaveLength(0);
  });

  it("keep erasures and objections for an endpoint switched off for failing, and only those", async () => {
    const endpoint = await createWebhookEndpoint(admin, {
      url: "https://crm.example.com/hooks",
      events: ["customer.erased", "customer.sharing_objected", "consent.changed"],
    });
    await db().webhookEndpoint.update({ where: { id: endpoint.id }, data: { enabled: false, disabledReason: "failing", disabledAt: new Date() } });
    const customer = await makeCustomer();
    await db().customer.update({ where: { id: customer.id }, data: { sharingObjectedAt: new Date() } });
    await db().customer.update({ where: { id: customer.id }, data: { status: "ERASED", fullName: null, email: null } });
    const kept = await deliveries(endpoint.id);
    expect(kept.map((d) => d.event.type).sort()).toEqual(["customer.erased", "customer.sharing_objected"]);
    expect(kept.every((d) => d.status === "PENDING")).toBe(true);
    // Switched off by hand, the endpoint gets nothing.
    await db().webhookEndpoint.update({ where: { id: endpoint.id }, data: { disabledReason: "manual" } });
    const other = await makeCustomer();
    await db().customer.update({ where: { id: other.id }, data: { status: "ERASED", fullName: null, email: null } });
    expect(await deliveries(endpoint.id)).toHaveLength(2);
  });
});
