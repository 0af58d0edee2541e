// Someone erased while their disclosure's package is being written: the package written from rows
// read before the erasure must never be linked. The erasure happens inside the write (the storage
// function is wrapped), the one moment a test cannot reach otherwise.
import { describe, expect, it, vi } from "vitest";
import { systemActor } from "@/lib/auth/actor";
import { db } from "@/lib/db";
import { makeCustomer, token } from "@/tests/support/customers";
import { makeStaff } from "@/tests/support/factories";

const hooks = vi.hoisted(() => ({ duringWrite: null as null | (() => Promise<void>), writes: 0 }));
vi.mock("@/lib/attachments/mutations", async (importOriginal) => {
  const original = await importOriginal<typeof import("@/lib/attachments/mutations")>();
  return {
    ...original,
    saveLargeAttachment: async (...args: Parameters<typeof original.saveLargeAttachment>) => {
      hooks.writes++;
      const saved = await original.saveLargeAttachment(...args);
      const hook = hooks.duringWrite;
      hooks.duringWrite = null;
      await hook?.();
      return saved;
    },
  };
});

const { approveDisclosure, buildDisclosureItems, createRecipient, downloadPackage, prepareDisclosure } = await import("./mutations");

describe("a package and an erasure at the same time", () => {
  it("writes the package again without the person erased while it was written, and keeps no copy of the first", async () => {
    const staff = await makeStaff("STAFF");
    const tag = token();
    const kept = await makeCustomer({ fullName: `Giữ Lại ${tag}` });
    const erased = await makeCustomer({ fullName: `Bị Xoá ${tag}` });
    const recipient = await createRecipient(systemActor("test"), { name: `Giao hàng ${tag}`, category: "SHIPPING" });
    const { id } = await prepareDisclosure(staff, {
      recipientId: recipient.id,
      reason: "Giao hợp đồng bản giấy",
      fields: ["fullName", "reference"],
      reference: "VD-9",
      selection: { kind: "ids", ids: [kept.id, erased.id] },
    });
    while ((await buildDisclosureItems(50)) > 0) {}

    hooks.writes = 0;
    hooks.duringWrite = async () => {
      await db().customer.update({ where: { id: erased.id }, data: { status: "ERASED", fullName: null, erasedAt: new Date() } });
    };
    await approveDisclosure(staff, id);
    expect(hooks.writes).toBe(2);
    const d = await db().disclosure.findUniqueOrThrow({ where: { id } });
    expect(await db().attachment.findMany({ where: { filename: `disclosure-${id}.csv` }, select: { id: true } })).toEqual([{ id: d.packageFileId }]);
    const parts: Buffer[] = [];
    for await (const part of (await downloadPackage(staff, id)).body) parts.push(part);
    const csv = Buffer.concat(parts).toString("utf8");
    expect(csv).toContain(`Giữ Lại ${tag}`);
    expect(csv).not.toContain(`Bị Xoá ${tag}`);
    expect(await db().disclosureItem.findFirstOrThrow({ where: { disclosureId: id, customerId: erased.id } })).toMatchObject({
      included: false,
      exclusionReason: "ERASED",
    });
  });
});
