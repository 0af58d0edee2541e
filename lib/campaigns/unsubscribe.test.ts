// One-click unsubscribe (RFC 8058) and the visible link: without signing in, once, unforgeable.
import { describe, expect, it } from "vitest";
import { changeConsentAction } from "@/app/(public)/privacy/me/actions";
import { GET as unsubscribeGet, POST as unsubscribePost } from "@/app/api/public/unsubscribe/[token]/route";
import { db } from "@/lib/db";
import { campaignFor, grant, queue, send, unsubscribeLink, useCampaignWorld } from "@/tests/support/campaigns";
import { makeCustomer, token } from "@/tests/support/customers";
import { actAsCustomer } from "@/tests/support/session";
import { emailHash } from "./mutations/guard";
import { messageIdFromToken, unsubscribeToken } from "./mutations/unsubscribe";

describe("unsubscribe", () => {
  const world = useCampaignWorld();

  async function sentTo(org: string) {
    const c = await makeCustomer({ organization: org });
    await grant(c.id);
    const id = await campaignFor(world, org);
    await queue(world, id);
    await send();
    // The campaign's email (a policy notice another file left queuing may reach the new customer too).
    const email = world.resend.emails.find((e) => e.to === c.email && e.headers?.["List-Unsubscribe"]);
    const link = unsubscribeLink(email);
    return { customer: c, campaignId: id, token: decodeURIComponent(link.split("/").pop() ?? "") };
  }
  const post = (t: string, body = "List-Unsubscribe=One-Click", accept = "*/*") =>
    unsubscribePost(
      new Request(`http://localhost/api/public/unsubscribe/${t}`, {
        method: "POST",
        body,
        headers: { "content-type": "application/x-www-form-urlencoded", accept, "user-agent": "Mail client" },
      }),
      { params: Promise.resolve({ token: t }) },
    );
  const events = (customerId: string) =>
    db().consentEvent.findMany({ where: { customerId, purpose: { key: "promotions_events" } }, orderBy: { createdAt: "asc" } });

  it("withdraws consent with its evidence and suppresses the address, once, without signing in", async () => {
    const { customer, campaignId, token: t } = await sentTo(`Org ${token()}`);
    const messageId = messageIdFromToken(t);
    expect(messageId).not.toBeNull();
    const response = await post(t);
    expect(response.status).toBe(200);
    const [, withdrawal] = await events(customer.id);
    expect(withdrawal).toMatchObject({ action: "WITHDRAWN", source: "UNSUBSCRIBE", userAgent: "Mail client" });
    expect(withdrawal.evidence).toMatchObject({ messageId, campaignId, method: "one_click", channel: "unsubscribe_link" });
    expect(await db().suppression.findUnique({ where: { emailHash: emailHash(customer.email) } })).toMatchObject({ reason: "UNSUBSCRIBED", messageId });
    // Used again (a second click, the mail client retrying): nothing new.
    expect((await post(t)).status).toBe(200);
    expect(await events(customer.id)).toHaveLength(2);
    // The customer agreeing again themself lifts the unsubscribe.
    await actAsCustomer(customer.id);
    expect((await changeConsentAction({ purposeKey: "promotions_events", action: "GRANTED" })).ok).toBe(true);
    expect(await db().suppression.findUnique({ where: { emailHash: emailHash(customer.email) } })).toBeNull();
  });

  it("suppresses the address the email reached, and the current one, after the customer changed address", async () => {
    const { customer, token: t } = await sentTo(`Org ${token()}`);
    const newer = `moved-${customer.email}`;
    await db().customer.update({ where: { id: customer.id }, data: { email: newer } });
    expect((await post(t)).status).toBe(200);
    expect(await db().suppression.findUnique({ where: { emailHash: emailHash(customer.email) } })).toMatchObject({ reason: "UNSUBSCRIBED" });
    expect(await db().suppression.findUnique({ where: { emailHash: emailHash(newer) } })).toMatchObject({ reason: "UNSUBSCRIBED" });
  });

  it("refuses a forged or altered token, and a GET changes nothing", async () => {
    const { customer, token: t } = await sentTo(`Org ${token()}`);
    const [id, mac] = t.split(".");
    const forged = [`${id}.${"A".repeat(32)}`, `${id}.${mac.slice(0, 31)}`, unsubscribeToken(id).replace(id, crypto.randomUUID()), id];
    for (const bad of forged) expect((await post(bad)).status).toBe(404);
    const page = await unsubscribeGet(new Request(`http://localhost/api/public/unsubscribe/${t}`), { params: Promise.resolve({ token: t }) });
    expect(page.status).toBe(303);
    expect(page.headers.get("location")).toContain(`/unsubscribe/${t}`);
    expect(await post(t, "")).toHaveProperty("status", 400);
    expect(await events(customer.id)).toHaveLength(1);
    expect(await db().suppression.findUnique({ where: { emailHash: emailHash(customer.email) } })).toBeNull();
    // The page's button: a browser form post, answered with the page again.
    const fromPage = await post(t, "List-Unsubscribe=One-Click", "text/html");
    expect(fromPage.status).toBe(303);
    expect(fromPage.headers.get("location")).toContain("?done=1");
    expect((await events(customer.id)).at(-1)?.evidence).toMatchObject({ method: "link" });
  });
});
