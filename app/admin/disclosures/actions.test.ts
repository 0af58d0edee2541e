// Disclosures and promotional media through their real wrappers.
import { describe, expect, it } from "vitest";
import { now } from "@/lib/clock";
import { vnDay } from "@/lib/privacy-requests/deadlines";
import { systemActor } from "@/lib/auth/actor";
import { recordStaffConsent } from "@/lib/consent/mutations";
import { db } from "@/lib/db";
import { buildDisclosureItems } from "@/lib/disclosures/mutations";
import { makeCustomer, token } from "@/tests/support/customers";
import { actAsStaff } from "@/tests/support/session";
import {
  approveDisclosureAction,
  createMediaAction,
  createRecipientAction,
  disclosureProgressAction,
  prepareDisclosureAction,
  publishMediaAction,
  recordObjectionAction,
  rejectDisclosureAction,
  takedownMediaAction,
} from "./actions";

// "Today" on the app's clock (other test files move it forward).
const today = async () => vnDay(await now());
const prepareForm = (payload: object, emails = "") => {
  const data = new FormData();
  data.set("payload", JSON.stringify(payload));
  data.set("emails", emails);
  return data;
};
const build = async () => {
  while ((await buildDisclosureItems(50)) > 0) {}
};

describe("disclosure actions", () => {
  it("compliance add a recipient; staff prepare a shipment by email, follow it and hand it over; compliance reject another", async () => {
    await actAsStaff("STAFF");
    expect(await createRecipientAction({ name: "Giao Nhanh", category: "SHIPPING" })).toMatchObject({ ok: false, error: { code: "FORBIDDEN" } });
    await actAsStaff("COMPLIANCE");
    const recipient = await createRecipientAction({ name: `Giao Nhanh ${token()}`, category: "SHIPPING" });
    expect(recipient).toMatchObject({ ok: true, data: { id: expect.any(String) } });
    const recipientId = (recipient as { data: { id: string } }).data.id;

    const c = await makeCustomer();
    await actAsStaff("STAFF");
    const payload = { recipientId, reason: "Giao hợp đồng bản giấy", fields: ["fullName", "address"], reference: "VD-5", selection: { kind: "emails" } };
    expect(await prepareDisclosureAction(prepareForm(payload, "nobody@nowhere.test"))).toMatchObject({
      ok: false,
      error: { fieldErrors: { emails: expect.any(String) } },
    });
    const prepared = await prepareDisclosureAction(prepareForm(payload, c.email!));
    expect(prepared).toMatchObject({ ok: true, data: { id: expect.any(String) } });
    const id = (prepared as { data: { id: string } }).data.id;
    await build();
    expect(await disclosureProgressAction({ id })).toMatchObject({ ok: true, data: { status: "PENDING_APPROVAL", itemsIncluded: 1 } });
    expect(await approveDisclosureAction({ id })).toMatchObject({ ok: true });

    const other = await prepareDisclosureAction(prepareForm({ ...payload, reference: "VD-6" }, c.email!));
    const otherId = (other as { data: { id: string } }).data.id;
    await build();
    expect(await rejectDisclosureAction({ id: otherId, reason: "Sai địa chỉ giao" })).toMatchObject({ ok: false, error: { code: "FORBIDDEN" } });
    await actAsStaff("COMPLIANCE");
    expect(await rejectDisclosureAction({ id: otherId, reason: "Sai địa chỉ giao" })).toMatchObject({ ok: true });
  });

  it("record an objection, and register, publish and take down promotional media", async () => {
    const c = await makeCustomer();
    await recordStaffConsent(systemActor("test"), {
      customerId: c.id,
      purposeKey: "promotional_media",
      action: "GRANTED",
      givenOn: await today(),
      method: "PAPER",
      documentRef: "Phiếu ảnh",
    });
    await actAsStaff("STAFF");
    expect(
      await createMediaAction({ title: "Ảnh bàn giao", link: "javascript:alert(1)", publishedWhere: "Trang web", customerEmails: c.email! }),
    ).toMatchObject({ ok: false, error: { fieldErrors: { link: expect.any(String) } } });
    const media = await createMediaAction({
      title: "Ảnh bàn giao",
      link: "https://example.com/anh.jpg",
      publishedWhere: "Trang web",
      customerEmails: c.email!,
    });
    expect(media).toMatchObject({ ok: true });
    const id = (media as { data: { id: string } }).data.id;
    expect(await publishMediaAction({ id })).toMatchObject({ ok: true });
    expect(await recordObjectionAction({ customerId: c.id, note: "Gọi điện phản đối chia sẻ" })).toMatchObject({ ok: true });
    expect(await takedownMediaAction({ id })).toMatchObject({ ok: true });
    expect((await db().mediaItem.findUniqueOrThrow({ where: { id } })).status).toBe("TAKEN_DOWN");
  });
});
