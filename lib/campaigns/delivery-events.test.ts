// Resend's delivery reports through POST /api/webhooks/resend: Svix signatures checked, each event
// recorded once, hard bounces and complaints suppress the address.
import { describe, expect, it } from "vitest";
import { Webhook } from "svix";
import { POST as webhookPost } from "@/app/api/webhooks/resend/route";
import { db } from "@/lib/db";
import { campaignFor, grant, messagesOf, queue, send, useCampaignWorld, WEBHOOK_SECRET } from "@/tests/support/campaigns";
import { makeCustomer, token } from "@/tests/support/customers";
import { emailHash } from "./mutations/guard";
import { audiencePreview } from "./queries";

function signed(body: string, options: { secret?: string; at?: Date; id?: string } = {}) {
  const id = options.id ?? `msg_${token()}`;
  const at = options.at ?? new Date();
  const signature = new Webhook(options.secret ?? WEBHOOK_SECRET).sign(id, at, body);
  return new Request("http://localhost/api/webhooks/resend", {
    method: "POST",
    body,
    headers: { "content-type": "application/json", "svix-id": id, "svix-timestamp": String(Math.floor(at.getTime() / 1000)), "svix-signature": signature },
  });
}

describe("Resend webhook", () => {
  const world = useCampaignWorld();

  async function sentMessage() {
    const org = `Org ${token()}`;
    const c = await makeCustomer({ organization: org });
    await grant(c.id);
    const id = await campaignFor(world, org);
    await queue(world, id);
    await send();
    const [message] = await messagesOf(id);
    return { customer: c, message };
  }
  const event = (type: string, emailId: string, extra: object = {}) =>
    JSON.stringify({ type, created_at: new Date().toISOString(), data: { email_id: emailId, to: ["x@example.test"], ...extra } });

  it("refuses unsigned, wrongly signed and stale requests and changes nothing", async () => {
    const { message } = await sentMessage();
    const body = event("email.bounced", message.providerId ?? "");
    const unsigned = new Request("http://localhost/api/webhooks/resend", { method: "POST", body, headers: { "content-type": "application/json" } });
    const wrongSecret = signed(body, { secret: `whsec_${Buffer.from("another-secret-entirely-0123456789").toString("base64")}` });
    const stale = signed(body, { at: new Date(Date.now() - 10 * 60_000) });
    const tampered = signed(body);
    const altered = new Request(tampered.url, { method: "POST", headers: tampered.headers, body: body.replace("bounced", "delivered") });
    for (const request of [unsigned, wrongSecret, stale, altered]) expect((await webhookPost(request)).status).toBe(401);
    expect(await db().emailMessage.findUniqueOrThrow({ where: { id: message.id } })).toMatchObject({ delivery: null });
    expect(await db().deliveryEvent.count({ where: { providerId: message.providerId } })).toBe(0);
  });

  it("records delivery, and a hard bounce or a complaint suppresses the address once", async () => {
    const { customer, message } = await sentMessage();
    const providerId = message.providerId ?? "";
    expect((await webhookPost(signed(event("email.delivered", providerId)))).status).toBe(200);
    expect(await db().emailMessage.findUniqueOrThrow({ where: { id: message.id } })).toMatchObject({ delivery: "DELIVERED" });
    const bounce = event("email.bounced", providerId, { bounce: { type: "Permanent", subType: "General" } });
    const first = signed(bounce, { id: "msg_bounce_once" });
    expect((await webhookPost(first)).status).toBe(200);
    expect(await db().emailMessage.findUniqueOrThrow({ where: { id: message.id } })).toMatchObject({ delivery: "BOUNCED" });
    expect(await db().suppression.findUnique({ where: { emailHash: emailHash(customer.email) } })).toMatchObject({ reason: "HARD_BOUNCE" });
    // Svix retries the same event: recorded once.
    const again = await webhookPost(signed(bounce, { id: "msg_bounce_once" }));
    expect(await again.json()).toMatchObject({ duplicate: true });
    expect(await db().deliveryEvent.count({ where: { svixId: "msg_bounce_once" } })).toBe(1);
    // A late "delivered" does not hide the bounce.
    await webhookPost(signed(event("email.delivered", providerId)));
    expect(await db().emailMessage.findUniqueOrThrow({ where: { id: message.id } })).toMatchObject({ delivery: "BOUNCED" });

    const other = await sentMessage();
    await webhookPost(signed(event("email.complained", other.message.providerId ?? "")));
    expect(await db().suppression.findUnique({ where: { emailHash: emailHash(other.customer.email) } })).toMatchObject({ reason: "COMPLAINT" });
    // The next campaign leaves both out.
    const preview = await audiencePreview(world.staff, "promotions_events", {
      statuses: ["LEAD"],
      organization: "",
      locale: "",
      createdFrom: "",
      createdTo: "",
      lastContactFrom: "",
      lastContactTo: "",
    });
    expect(preview.excluded.SUPPRESSED).toBeGreaterThanOrEqual(2);
  });

  it("answers 422 to a signed event that is not a delivery report", async () => {
    expect((await webhookPost(signed(JSON.stringify({ hello: "world" })))).status).toBe(422);
  });
});
