// Passing a customer's decision on: every earlier recipient (with a contact email) is told once per
// kind, through the outbox, whatever path the change took (staff, the customer's page, the API, an
// erasure); the customer's page shows who was told.
import { describe, expect, it } from "vitest";
import { systemActor } from "@/lib/auth/actor";
import { recordStaffConsent } from "@/lib/consent/mutations";
import { recordSharingObjection } from "@/lib/customers/mutations";
import { db } from "@/lib/db";
import { eraseCustomer } from "@/lib/privacy-requests/mutations/erasure";
import { objectToSharing } from "@/lib/privacy-requests/mutations/self-service";
import { myOverview } from "@/lib/privacy-requests/queries/my-data";
import { makeApiKey } from "@/tests/support/api";
import { makeCustomer, token } from "@/tests/support/customers";
import { makeStaff, uniqueEmail } from "@/tests/support/factories";
import { sendRecipientNotices } from "./mutations";

const system = systemActor("test");

async function recipient(category: "ADVERTISING" | "SHIPPING" | "AUTHORITY", contactEmail: string | null = uniqueEmail("partner")) {
  return db().recipient.create({ data: { name: `Đối tác ${token()}`, category, contactEmail }, select: { id: true, name: true, contactEmail: true } });
}

/** An approved disclosure of these customers to the recipient (included unless listed as excluded). */
async function disclosed(recipientId: string, customerIds: string[], excluded: string[] = []) {
  const officer = await makeStaff("COMPLIANCE");
  const { category } = await db().recipient.findUniqueOrThrow({ where: { id: recipientId } });
  const d = await db().disclosure.create({
    data: {
      recipientId,
      reason: "Giao hàng",
      fields: ["fullName", "address"],
      status: "APPROVED",
      approvedAt: new Date(),
      selection: { kind: "ids", ids: [...customerIds, ...excluded] },
      preparedById: officer.id,
      ...(category === "SHIPPING" ? { reference: "VD-1" } : {}),
      ...(category === "AUTHORITY" ? { agencyName: "Công an TP", documentNumber: "12/CV", documentDate: new Date() } : {}),
    },
    select: { id: true },
  });
  await db().disclosureItem.createMany({
    data: [
      ...customerIds.map((customerId) => ({ disclosureId: d.id, customerId, included: true })),
      ...excluded.map((customerId) => ({ disclosureId: d.id, customerId, included: false, exclusionReason: "OBJECTED" })),
    ],
  });
  return d.id;
}

/** Advertising consent given or withdrawn by phone, recorded as staff (or an API key) would. */
const advertising = (customerId: string, action: "GRANTED" | "WITHDRAWN", documentRef: string, actor: Parameters<typeof recordStaffConsent>[0] = system) =>
  recordStaffConsent(actor, { customerId, purposeKey: "advertising", action, givenOn: today(), method: "PHONE", documentRef });

const noticesOf = (customerId: string) => db().recipientNotice.findMany({ where: { customerId }, orderBy: { createdAt: "asc" } });
const today = () => new Date(Date.now() + 7 * 3_600_000).toISOString().slice(0, 10);

describe("notices to earlier recipients", () => {
  it("an objection tells each recipient once, with every disclosure and row, and never an authority", async () => {
    const customer = await makeCustomer();
    const ads = await recipient("ADVERTISING");
    const shipper = await recipient("SHIPPING");
    const authority = await recipient("AUTHORITY");
    const quiet = await recipient("SHIPPING", null);
    const first = await disclosed(ads.id, [customer.id]);
    const second = await disclosed(ads.id, [customer.id]);
    await disclosed(shipper.id, [customer.id]);
    await disclosed(authority.id, [customer.id]);
    await disclosed(quiet.id, [customer.id]);
    const staff = await makeStaff("STAFF");
    await recordSharingObjection({ ...staff, sessionId: "s" }, { customerId: customer.id, note: "Gọi điện yêu cầu" });
    const notices = await noticesOf(customer.id);
    const pairs = (rows: typeof notices) => [...new Set(rows.map((n) => `${n.recipientId} ${n.kind}`))].sort();
    expect(pairs(notices)).toEqual([`${ads.id} STOP`, `${shipper.id} STOP`, `${quiet.id} STOP`].sort());
    expect(
      notices
        .filter((n) => n.recipientId === ads.id)
        .map((n) => n.disclosureId)
        .sort(),
    ).toEqual([first, second].sort());
    // Withdrawing the advertising consent as well (through the API) does not tell them twice.
    await advertising(customer.id, "GRANTED", "T-1");
    const { key: _, ...k } = await makeApiKey(["consents:write"]);
    await advertising(customer.id, "WITHDRAWN", "T-2", { kind: "api", keyId: k.id, name: "CRM", scopes: ["consents:write"] });
    expect(await noticesOf(customer.id)).toHaveLength(notices.length);

    // The job queues one email per notice, exactly once, with references and no personal data.
    while ((await sendRecipientNotices(50)) > 0);
    expect(await sendRecipientNotices(50)).toBe(0);
    const emails = await db().emailMessage.findMany({ where: { template: "recipient_notice", to: { in: [ads.contactEmail!, shipper.contactEmail!] } } });
    expect(emails.map((e) => e.to).sort()).toEqual([ads.contactEmail, shipper.contactEmail].sort());
    const adsEmail = emails.find((e) => e.to === ads.contactEmail)!;
    const items = await db().disclosureItem.findMany({ where: { customerId: customer.id, disclosureId: { in: [first, second] } } });
    for (const item of items) expect(adsEmail.text).toContain(item.id);
    expect(adsEmail.text).not.toContain(customer.fullName!);
    expect(adsEmail.text).not.toContain(customer.email!);
    expect(adsEmail.subject).toContain("ngừng sử dụng");
    // The recipient without a notice address waits; once it has one, it is told too.
    const waiting = (await noticesOf(customer.id)).filter((n) => n.recipientId === quiet.id);
    expect(waiting.every((n) => n.emailMessageId === null)).toBe(true);
    const address = uniqueEmail("quiet");
    await db().recipient.update({ where: { id: quiet.id }, data: { contactEmail: address } });
    while ((await sendRecipientNotices(50)) > 0);
    expect(await db().emailMessage.count({ where: { template: "recipient_notice", to: address } })).toBe(1);
    expect((await noticesOf(customer.id)).every((n) => n.emailMessageId && n.queuedAt)).toBe(true);
  });

  it("a new disclosure after consent is given again is told again when it is withdrawn again, alone", async () => {
    const customer = await makeCustomer();
    const ads = await recipient("ADVERTISING");
    const grant = (documentRef: string) => advertising(customer.id, "GRANTED", documentRef);
    const withdraw = (documentRef: string) => advertising(customer.id, "WITHDRAWN", documentRef);
    await grant("G-1");
    const first = await disclosed(ads.id, [customer.id]);
    await withdraw("W-1");
    while ((await sendRecipientNotices(50)) > 0);
    await grant("G-2");
    const second = await disclosed(ads.id, [customer.id]);
    await withdraw("W-2");
    while ((await sendRecipientNotices(50)) > 0);
    const emails = await db().emailMessage.findMany({ where: { template: "recipient_notice", to: ads.contactEmail! }, orderBy: { createdAt: "asc" } });
    expect(emails).toHaveLength(2);
    const [firstRow] = await db().disclosureItem.findMany({ where: { disclosureId: first } });
    const [secondRow] = await db().disclosureItem.findMany({ where: { disclosureId: second } });
    expect(emails[0].text).toContain(firstRow.id);
    expect(emails[1].text).toContain(secondRow.id);
    expect(emails[1].text).not.toContain(firstRow.id);
  });

  it("withdrawing the advertising consent tells advertising partners only", async () => {
    const customer = await makeCustomer();
    const ads = await recipient("ADVERTISING");
    const shipper = await recipient("SHIPPING");
    await disclosed(ads.id, [customer.id]);
    await disclosed(shipper.id, [customer.id]);
    await advertising(customer.id, "GRANTED", "T-1");
    expect(await noticesOf(customer.id)).toHaveLength(0);
    await advertising(customer.id, "WITHDRAWN", "T-2");
    expect((await noticesOf(customer.id)).map((n) => [n.recipientId, n.kind])).toEqual([[ads.id, "STOP"]]);
  });

  it("an advertising consent that lapsed under a material policy change tells advertising partners too", async () => {
    const customer = await makeCustomer();
    const ads = await recipient("ADVERTISING");
    const shipper = await recipient("SHIPPING");
    await disclosed(ads.id, [customer.id]);
    await disclosed(shipper.id, [customer.id]);
    await advertising(customer.id, "GRANTED", "T-1");
    const purpose = await db().purpose.findUniqueOrThrow({ where: { key: "advertising" } });
    const grant = await db().consentEvent.findFirstOrThrow({ where: { customerId: customer.id, purposeId: purpose.id }, orderBy: { givenAt: "desc" } });
    // The event lib/policies writes when the version takes effect (not run here: it would lapse
    // every other test's advertising consent too).
    await db().consentEvent.create({
      data: {
        customerId: customer.id,
        purposeId: purpose.id,
        action: "LAPSED",
        source: "SYSTEM",
        wording: grant.wording,
        locale: "vi",
        evidence: { reason: "material_change" },
        givenAt: new Date(Math.max(Date.now(), grant.givenAt.getTime() + 1)),
      },
    });
    expect((await noticesOf(customer.id)).map((n) => [n.recipientId, n.kind])).toEqual([[ads.id, "STOP"]]);
  });

  it("an erasure tells everyone who received the data, authorities too; left-out customers are not mentioned", async () => {
    const customer = await makeCustomer();
    const other = await makeCustomer();
    const authority = await recipient("AUTHORITY");
    const shipper = await recipient("SHIPPING");
    await disclosed(authority.id, [customer.id]);
    await disclosed(shipper.id, [other.id], [customer.id]);
    await db().$transaction((tx) => eraseCustomer(tx, system, customer.id, {}));
    expect((await noticesOf(customer.id)).map((n) => [n.recipientId, n.kind])).toEqual([[authority.id, "ERASE"]]);
  });

  it("show on the customer's own page who was told and when", async () => {
    const customer = await makeCustomer();
    const ads = await recipient("ADVERTISING");
    await disclosed(ads.id, [customer.id]);
    const session = { kind: "customer" as const, customerId: customer.id, sessionId: "s" };
    await objectToSharing(session);
    let overview = await myOverview(session);
    expect(overview.disclosures[0].notices).toEqual([expect.objectContaining({ kind: "STOP", queuedAt: null })]);
    while ((await sendRecipientNotices(50)) > 0);
    overview = await myOverview(session);
    expect(overview.disclosures[0].notices[0].queuedAt).toBeInstanceOf(Date);
  });
});
