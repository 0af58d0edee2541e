// A recipient keeps what it received: someone left out of a package after it first went out is still
// listed as shared with that recipient, and the recipient is still told when they are erased.
import { describe, expect, it } from "vitest";
import { systemActor } from "@/lib/auth/actor";
import { recordSharingObjection } from "@/lib/customers/mutations";
import { db } from "@/lib/db";
import { eraseCustomer } from "@/lib/privacy-requests/mutations/erasure";
import { makeCustomer, token } from "@/tests/support/customers";
import { makeStaff } from "@/tests/support/factories";
import { approveDisclosure, buildDisclosureItems, createRecipient, downloadPackage, prepareDisclosure } from "./mutations";
import { customerDisclosures, disclosuresVisibleToCustomer } from "./queries";

const drain = async (body: AsyncIterable<Buffer>) => {
  for await (const _ of body) {
  }
};

describe("a package that already went out", () => {
  it("keeps someone left out afterwards listed as shared with its recipient, and tells that recipient of their erasure", async () => {
    const staff = await makeStaff("STAFF");
    const before = await makeCustomer({ fullName: `Trước ${token()}` });
    const after = await makeCustomer({ fullName: `Sau ${token()}` });
    const shipper = await createRecipient(systemActor("test"), { name: `Giao hàng ${token()}`, category: "SHIPPING" });
    const { id } = await prepareDisclosure(staff, {
      recipientId: shipper.id,
      reason: "Giao hợp đồng bản giấy",
      fields: ["fullName", "reference"],
      reference: `VD-${token()}`,
      selection: { kind: "ids", ids: [before.id, after.id] },
    });
    while ((await buildDisclosureItems(50)) > 0) {}
    await approveDisclosure(staff, id);

    // One objects before the package first goes out: never in what the shipper received.
    await recordSharingObjection(staff, { customerId: before.id, note: "Gọi điện" });
    await drain((await downloadPackage(staff, id)).body);
    // The other objects after it went out, and the next download leaves them out.
    await recordSharingObjection(staff, { customerId: after.id, note: "Gọi điện" });
    await drain((await downloadPackage(staff, id)).body);
    const items = await db().disclosureItem.findMany({ where: { disclosureId: id }, select: { customerId: true, included: true } });
    expect(items.every((i) => !i.included)).toBe(true);

    // The shipper holds the second person's data from the first download: still listed, for staff and for them.
    expect((await customerDisclosures(staff, after.id)).map((d) => d.id)).toEqual([id]);
    expect((await disclosuresVisibleToCustomer(after.id)).map((d) => d.id)).toEqual([id]);
    expect(await customerDisclosures(staff, before.id)).toEqual([]);
    expect(await disclosuresVisibleToCustomer(before.id)).toEqual([]);

    // Erased: the shipper is told to erase what it holds about the second; the first it never received.
    for (const c of [before, after]) await db().$transaction((tx) => eraseCustomer(tx, systemActor("test"), c.id, {}));
    const erase = await db().recipientNotice.findMany({
      where: { kind: "ERASE", customerId: { in: [before.id, after.id] } },
      select: { customerId: true, recipientId: true },
    });
    expect(erase).toEqual([{ customerId: after.id, recipientId: shipper.id }]);
  });
});
