// Webhooks end to end: events written with the change that caused them, signed per Standard
// Webhooks and checked by an independent receiver, retried with backoff, logged, replayed, and an
// endpoint that fails for days disabled with the admins told. And the attacks: a receiver on the
// app's own network, a slow receiver holding up a submission, a forged-looking payload.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import * as webhookRoute from "@/app/api/v1/webhooks/[id]/route";
import * as webhooksRoute from "@/app/api/v1/webhooks/route";
import { systemActor } from "@/lib/auth/actor";
import { db } from "@/lib/db";
import { mergeCustomers } from "@/lib/duplicates/mutations";
import { assertEnv } from "@/lib/env";
import { submitForm } from "@/lib/submissions/mutations";
import { callApi, makeApiKey } from "@/tests/support/api";
import { makeCustomer } from "@/tests/support/customers";
import { makeStaff, uniqueEmail } from "@/tests/support/factories";
import { ctx, key, makeForm } from "@/tests/support/forms";
import { startWebhookReceiver } from "@/tests/support/webhook-receiver";
import { createWebhookEndpoint, deliverWebhooks, MAX_ENDPOINTS, replayWebhookDelivery, setWebhookEndpointEnabled } from "./mutations";
import { guardedLookup, isPublicAddress } from "./url-policy";

type Receiver = Awaited<ReturnType<typeof startWebhookReceiver>>;
let receiver: Receiver;
const admin = systemActor("test");

beforeEach(async () => {
  receiver = await startWebhookReceiver();
});
afterEach(async () => {
  await db().webhookEndpoint.deleteMany();
  await receiver.close();
});

async function endpointFor(events: string[]) {
  const created = await createWebhookEndpoint(admin, { url: receiver.url, events });
  receiver.setSecret(created.secret);
  return created;
}

async function submit(email = uniqueEmail("hook")) {
  const form = await makeForm();
  const result = await submitForm(
    form,
    { fields: { fullName: "Trần Văn Bình", email }, answers: { color: "blue" }, consents: ["inquiries"], locale: "vi", idempotencyKey: key() },
    ctx(),
  );
  return { form, email, submissionId: result.submissionId };
}

const deliveriesOf = (endpointId: string) => db().webhookDelivery.findMany({ where: { endpointId }, include: { event: true }, orderBy: { createdAt: "asc" } });
const makeDue = (endpointId: string) => db().webhookDelivery.updateMany({ where: { endpointId }, data: { nextAttemptAt: new Date(Date.now() - 1000) } });

describe("webhook events", () => {
  it("are written in the submission's own transaction, and the receiver is not called until the job runs", async () => {
    const endpoint = await endpointFor(["submission.created"]);
    receiver.setMode({ kind: "hang" });
    const { submissionId, form } = await submit();
    // The submission returned with nothing sent: a slow or dead receiver cannot hold it up.
    expect(receiver.received).toHaveLength(0);
    const [delivery] = await deliveriesOf(endpoint.id);
    expect(delivery).toMatchObject({ status: "PENDING", attempts: 0 });
    expect(delivery.event).toMatchObject({ type: "submission.created", payload: { submissionId, formId: form.id } });
  });

  it("are signed per Standard Webhooks, checked by an independent receiver, with ids and no personal data", async () => {
    const endpoint = await endpointFor(["submission.created", "consent.changed"]);
    const { email, submissionId } = await submit();
    expect(await deliverWebhooks()).toBeGreaterThanOrEqual(2);
    const mine = receiver.received.filter((r) => JSON.stringify(r.json).includes(submissionId) || r.json.type === "consent.changed");
    expect(mine.map((r) => r.json.type).sort()).toEqual(["consent.changed", "submission.created"]);
    for (const r of mine) {
      expect(r.signatureValid).toBe(true);
      expect(r.id).toMatch(/^msg_/);
      expect(Math.abs(r.timestamp - Date.now() / 1000)).toBeLessThan(60);
      expect(r.body).not.toContain(email);
      expect(r.body).not.toContain("Trần");
    }
    expect((await deliveriesOf(endpoint.id)).every((d) => d.status === "SUCCEEDED" && d.lastStatus === 204)).toBe(true);
    // A receiver holding another secret rejects the same messages.
    receiver.setSecret(`whsec_${Buffer.from("another secret entirely").toString("base64")}`);
    await submit();
    await deliverWebhooks();
    expect(receiver.received.at(-1)!.signatureValid).toBe(false);
  });

  it("cover erasure (id only), objections, privacy requests and disclosures", async () => {
    await endpointFor(["customer.erased", "customer.sharing_objected", "privacy_request.created"]);
    const customer = await makeCustomer();
    await db().customer.update({ where: { id: customer.id }, data: { sharingObjectedAt: new Date() } });
    await db().customer.update({ where: { id: customer.id }, data: { status: "ERASED", fullName: null, email: null } });
    const events = await db().webhookEvent.findMany({ where: { payload: { path: ["customerId"], equals: customer.id } }, orderBy: { createdAt: "asc" } });
    expect(events.map((e) => e.type)).toEqual(["customer.sharing_objected", "customer.erased"]);
    expect(events[1].payload).toEqual({ customerId: customer.id });
  });

  it("tell a receiver which record a merged-away id is now part of", async () => {
    await endpointFor(["customer.merged"]);
    const keep = await makeCustomer();
    // (The register refuses a second record with the same phone; older data can hold one.)
    const dup = await db().customer.create({
      data: { fullName: "Bản Trùng", phone: (await db().customer.findUniqueOrThrow({ where: { id: keep.id } })).phone, source: "legacy" },
    });
    await mergeCustomers(await makeStaff("COMPLIANCE"), { keepId: keep.id, mergeId: dup.id, reason: "Cùng một người: đã gọi điện xác nhận ngày 4/12" });
    const [event] = await db().webhookEvent.findMany({ where: { type: "customer.merged", payload: { path: ["mergedId"], equals: dup.id } } });
    expect(event.payload).toEqual({ mergedId: dup.id, keptId: keep.id });
  });

  it("are not written for endpoints that are disabled or listen for other events", async () => {
    const endpoint = await endpointFor(["customer.erased"]);
    await submit();
    expect(await deliveriesOf(endpoint.id)).toHaveLength(0);
    await setWebhookEndpointEnabled(admin, { id: endpoint.id, enabled: false });
    const customer = await makeCustomer();
    await db().customer.update({ where: { id: customer.id }, data: { status: "ERASED" } });
    expect(await deliveriesOf(endpoint.id)).toHaveLength(0);
  });
});

describe("webhook delivery", () => {
  it("retries after a failure with the same message id, logging each try", async () => {
    const endpoint = await endpointFor(["submission.created"]);
    receiver.setMode({ kind: "status", status: 500 });
    await submit();
    await deliverWebhooks();
    let [delivery] = await deliveriesOf(endpoint.id);
    expect(delivery).toMatchObject({ status: "PENDING", attempts: 1, lastStatus: 500 });
    expect(delivery.nextAttemptAt.getTime()).toBeGreaterThan(Date.now());
    // Not due yet: the job leaves it alone.
    await deliverWebhooks();
    expect(receiver.received).toHaveLength(1);
    expect((await db().webhookEndpoint.findUniqueOrThrow({ where: { id: endpoint.id } })).failingSince).not.toBeNull();
    receiver.setMode({ kind: "ok" });
    await makeDue(endpoint.id);
    await deliverWebhooks();
    [delivery] = await deliveriesOf(endpoint.id);
    expect(delivery).toMatchObject({ status: "SUCCEEDED", attempts: 2, lastStatus: 204 });
    expect(receiver.received).toHaveLength(2);
    expect(receiver.received[0].id).toBe(receiver.received[1].id);
    const attempts = await db().webhookAttempt.findMany({ where: { deliveryId: delivery.id }, orderBy: { at: "asc" } });
    expect(attempts.map((a) => a.status)).toEqual([500, 204]);
    expect((await db().webhookEndpoint.findUniqueOrThrow({ where: { id: endpoint.id } })).failingSince).toBeNull();
  });

  it("waits at least as long as a 429's Retry-After, and gives up on a hanging receiver at the timeout", async () => {
    const endpoint = await endpointFor(["submission.created"]);
    receiver.setMode({ kind: "status", status: 429, retryAfter: 600 });
    await submit();
    await deliverWebhooks();
    let [delivery] = await deliveriesOf(endpoint.id);
    expect(delivery.nextAttemptAt.getTime()).toBeGreaterThan(Date.now() + 590_000);
    receiver.setMode({ kind: "hang" });
    await makeDue(endpoint.id);
    await deliverWebhooks(10, 300);
    [delivery] = await deliveriesOf(endpoint.id);
    expect(delivery).toMatchObject({ status: "PENDING", attempts: 2, lastStatus: null, lastError: "timed out" });
  });

  it("stops retrying 24 hours after the first try, and a replay sends it again", async () => {
    const endpoint = await endpointFor(["submission.created"]);
    receiver.setMode({ kind: "status", status: 503 });
    await submit();
    await db().webhookDelivery.updateMany({ where: { endpointId: endpoint.id }, data: { retryFrom: new Date(Date.now() - 24 * 3_600_000 + 1000) } });
    await deliverWebhooks();
    const [failed] = await deliveriesOf(endpoint.id);
    expect(failed.status).toBe("FAILED");
    await makeDue(endpoint.id);
    await deliverWebhooks();
    expect(receiver.received).toHaveLength(1);
    receiver.setMode({ kind: "ok" });
    const staff = await makeStaff("ADMIN");
    await replayWebhookDelivery({ ...staff, sessionId: "s" }, { id: failed.id });
    await deliverWebhooks();
    expect((await deliveriesOf(endpoint.id))[0].status).toBe("SUCCEEDED");
    expect(await db().auditEvent.count({ where: { action: "webhook.delivery_replayed", entityId: failed.id, actorId: staff.id } })).toBe(1);
  });

  it("disables an endpoint failing for three days, once, and emails every active admin", async () => {
    const admins = [await makeStaff("ADMIN"), await makeStaff("ADMIN")];
    const endpoint = await endpointFor(["submission.created"]);
    receiver.setMode({ kind: "status", status: 500 });
    await submit();
    await submit();
    await db().webhookEndpoint.update({ where: { id: endpoint.id }, data: { failingSince: new Date(Date.now() - 3 * 24 * 3_600_000 - 1000) } });
    await deliverWebhooks();
    const disabled = await db().webhookEndpoint.findUniqueOrThrow({ where: { id: endpoint.id } });
    expect(disabled).toMatchObject({ enabled: false, disabledReason: "failing" });
    for (const a of admins) {
      const emails = await db().emailMessage.findMany({ where: { to: a.email, template: "webhook_disabled" } });
      expect(emails).toHaveLength(1);
      expect(emails[0].text).toContain(receiver.url);
    }
    expect(await db().auditEvent.count({ where: { action: "webhook.endpoint_auto_disabled", entityId: endpoint.id } })).toBe(1);
    // Nothing more is sent to it; the waiting delivery is kept for when it is enabled again.
    const before = receiver.received.length;
    await makeDue(endpoint.id);
    await deliverWebhooks();
    expect(receiver.received.length).toBe(before);
    receiver.setMode({ kind: "ok" });
    await setWebhookEndpointEnabled(admin, { id: endpoint.id, enabled: true });
    await makeDue(endpoint.id);
    await deliverWebhooks();
    expect((await deliveriesOf(endpoint.id)).every((d) => d.status === "SUCCEEDED")).toBe(true);
  });
});

describe("webhook endpoints", () => {
  it("keep the signing secret sealed and refuse endpoints on the app's own network in production settings", async () => {
    const created = await endpointFor(["submission.created"]);
    expect(created.secret).toMatch(/^whsec_[A-Za-z0-9+/]{43}=$/);
    const row = await db().webhookEndpoint.findUniqueOrThrow({ where: { id: created.id } });
    expect(row.secret).not.toContain(created.secret.slice(6));
    process.env.WEBHOOKS_ALLOW_PRIVATE_NETWORKS = "0";
    assertEnv();
    try {
      for (const url of [
        "http://example.com/hook",
        "https://127.0.0.1/hook",
        "https://169.254.169.254/latest",
        "https://10.1.2.3/x",
        "https://localhost/x",
        "https://[::1]/x",
        "https://user:pw@example.com/x",
      ]) {
        await expect(createWebhookEndpoint(admin, { url, events: ["submission.created"] }), url).rejects.toMatchObject({ code: "BAD_INPUT" });
      }
      // And an endpoint saved earlier is not sent to once it points inward.
      await submit();
      await deliverWebhooks();
      expect(receiver.received).toHaveLength(0);
      expect((await deliveriesOf(created.id))[0].lastError).toBe("address not allowed");
    } finally {
      process.env.WEBHOOKS_ALLOW_PRIVATE_NETWORKS = "1";
      assertEnv();
    }
  });

  it("tell public addresses from the app's own network in every spelling, and refuse a name that resolves inward", async () => {
    for (const ip of [
      "127.0.0.1",
      "10.0.0.8",
      "169.254.169.254",
      "100.64.1.1",
      "::1",
      "::ffff:127.0.0.1",
      "::ffff:7f00:1",
      "64:ff9b::7f00:1",
      "fe90::1",
      "fec0::1",
      "fd00::1",
      "2001:db8::1",
      "2002:7f00:1::",
    ]) {
      expect(isPublicAddress(ip), ip).toBe(false);
    }
    for (const ip of ["8.8.8.8", "203.162.4.1", "2606:4700::1111", "2404:6800:4005::200e"]) expect(isPublicAddress(ip), ip).toBe(true);
    process.env.WEBHOOKS_ALLOW_PRIVATE_NETWORKS = "0";
    assertEnv();
    try {
      const error = await new Promise<NodeJS.ErrnoException | null>((resolve) => guardedLookup("localhost", { all: true }, (e) => resolve(e)));
      expect(error?.code).toBe("EADDRNOTALLOWED");
    } finally {
      process.env.WEBHOOKS_ALLOW_PRIVATE_NETWORKS = "1";
      assertEnv();
    }
  });

  it("are capped in number", async () => {
    await db().webhookEndpoint.createMany({
      data: Array.from({ length: MAX_ENDPOINTS }, (_, i) => ({
        url: `https://crm${i}.example.com/x`,
        events: ["customer.erased"],
        secret: "x",
        secretHint: "x",
        enabled: false,
      })),
    });
    await expect(createWebhookEndpoint(admin, { url: receiver.url, events: ["customer.erased"] })).rejects.toMatchObject({ code: "CONFLICT" });
  });

  it("can be managed with a webhooks:manage key, only for events its scopes may read, and only its own", async () => {
    const { key: reader } = await makeApiKey(["customers:read"]);
    const body = { url: receiver.url, events: ["consent.changed"] };
    expect((await callApi(webhooksRoute.POST, "/webhooks", { key: reader, method: "POST", body })).status).toBe(403);
    const { key: blind } = await makeApiKey(["webhooks:manage"]);
    const beyond = await callApi(webhooksRoute.POST, "/webhooks", { key: blind, method: "POST", body });
    expect(beyond.status).toBe(403);
    expect(beyond.json.detail).toContain("consents:read");
    const theirs = await endpointFor(["consent.changed"]);
    const { key: other } = await makeApiKey(["webhooks:manage", "consents:read"]);
    expect((await callApi(webhookRoute.DELETE, `/webhooks/${theirs.id}`, { key: other, method: "DELETE", params: { id: theirs.id } })).status).toBe(404);
    expect((await callApi(webhooksRoute.GET, "/webhooks", { key: other })).json.data).toEqual([]);
    const { key: manager } = await makeApiKey(["webhooks:manage", "consents:read"]);
    const created = await callApi(webhooksRoute.POST, "/webhooks", { key: manager, method: "POST", body });
    expect(created.status).toBe(201);
    expect(created.json.secret).toMatch(/^whsec_/);
    const listed = await callApi(webhooksRoute.GET, "/webhooks", { key: manager });
    expect(listed.json.data.map((e: { id: string }) => e.id)).toEqual([created.json.id]);
    expect(
      (await callApi(webhookRoute.DELETE, `/webhooks/${created.json.id}`, { key: manager, method: "DELETE", params: { id: created.json.id } })).status,
    ).toBe(200);
    expect(JSON.stringify(listed.json)).not.toContain(created.json.secret);
    const bad = await callApi(webhooksRoute.POST, "/webhooks", { key: manager, method: "POST", body: { url: "nope", events: ["x"] } });
    expect(bad.status).toBe(422);
    expect(bad.json.errors.map((e: { name: string }) => e.name).sort()).toEqual(["body.events.0", "body.url"]);
  });
});
