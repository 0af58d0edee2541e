import { describe, expect, it } from "vitest";
import { systemActor } from "@/lib/auth/actor";
import { now } from "@/lib/clock";
import { recordStaffConsent } from "@/lib/consent/mutations";
import { db } from "@/lib/db";
import { mergeCustomers } from "@/lib/duplicates/mutations";
import { eraseCustomer } from "@/lib/privacy-requests/mutations/erasure";
import { makeCustomer } from "@/tests/support/customers";
import { makeStaff } from "@/tests/support/factories";
import { saveAttachment } from "./mutations";
import { openAttachment, readAttachment } from "./queries";

const today = async () => new Date((await now()).getTime() + 7 * 3_600_000).toISOString().slice(0, 10);

describe("files at rest", () => {
  it("are stored encrypted with the customer's key, read back as uploaded, and shredded with the key when the customer is erased", async () => {
    const staff = await makeStaff("STAFF");
    const c = await makeCustomer();
    const scan = `%PDF-1.4 Phiếu đồng ý của ${c.fullName}, ${c.phone}`;
    await recordStaffConsent(staff, {
      customerId: c.id,
      purposeKey: "promotions_events",
      action: "GRANTED",
      givenOn: await today(),
      method: "PAPER",
      documentRef: "Phiếu 7",
      file: new File([scan], "phieu.pdf", { type: "application/pdf" }),
    });
    const event = await db().consentEvent.findFirstOrThrow({ where: { customerId: c.id } });
    const id = (event.evidence as { attachment: { id: string } }).attachment.id;
    const stored = await db().attachment.findUniqueOrThrow({ where: { id } });
    expect(stored).toMatchObject({ sealed: true, keyCustomerId: c.id });
    // Nothing of the file is readable in the table itself.
    expect(Buffer.from(stored.data).includes(Buffer.from(c.phone))).toBe(false);
    expect((await readAttachment(staff, id))?.data.toString()).toBe(scan);

    // Erasure deletes the file and the key: a copy of the bytes taken before (a backup) stays noise.
    const copy = { ...stored };
    await db().$transaction((tx) => eraseCustomer(tx, systemActor("test"), c.id, {}));
    expect(await db().attachment.count({ where: { id } })).toBe(0);
    expect(await db().customerKey.count({ where: { customerId: c.id } })).toBe(0);
    expect(await db().$transaction((tx) => openAttachment(tx, copy))).toBeNull();
  });

  it("of a record merged into another go with that one's erasure, key and all", async () => {
    const staff = await makeStaff("STAFF");
    const officer = await makeStaff("COMPLIANCE");
    const keep = await makeCustomer();
    const dup = await makeCustomer();
    await recordStaffConsent(staff, {
      customerId: dup.id,
      purposeKey: "promotions_events",
      action: "GRANTED",
      givenOn: await today(),
      method: "PAPER",
      documentRef: "Phiếu 8",
      file: new File([`%PDF-1.4 ${dup.phone}`], "phieu.pdf", { type: "application/pdf" }),
    });
    const scan = await db().attachment.findFirstOrThrow({ where: { keyCustomerId: dup.id } });
    await mergeCustomers(officer, { keepId: keep.id, mergeId: dup.id, reason: "Cùng một người, đã gọi điện xác nhận" });
    expect(await db().customerKey.findUniqueOrThrow({ where: { customerId: dup.id } })).toMatchObject({ mergedIntoId: keep.id });
    await db().$transaction((tx) => eraseCustomer(tx, systemActor("test"), keep.id, {}));
    expect(await db().customerKey.count({ where: { customerId: { in: [keep.id, dup.id] } } })).toBe(0);
    expect(await db().attachment.count({ where: { id: scan.id } })).toBe(0);
    expect(await db().$transaction((tx) => openAttachment(tx, scan))).toBeNull();
  });

  it("that belong to no single customer have a key of their own, deleted with the file", async () => {
    const officer = await makeStaff("COMPLIANCE");
    const file = await db().$transaction((tx) =>
      saveAttachment(tx, officer, new File(["%PDF-1.4 Công văn yêu cầu cung cấp thông tin"], "cong-van.pdf", { type: "application/pdf" }), "own-key"),
    );
    const row = await db().attachment.findUniqueOrThrow({ where: { id: file.id } });
    expect(row).toMatchObject({ sealed: true, keyCustomerId: null });
    expect((await db().$transaction((tx) => openAttachment(tx, row)))?.toString()).toContain("Công văn");
    await db().attachment.delete({ where: { id: file.id } });
    expect(await db().fileKey.count({ where: { attachmentId: file.id } })).toBe(0);
    expect(await db().$transaction((tx) => openAttachment(tx, row))).toBeNull();
  });
});
