import { describe, expect, it } from "vitest";
import { systemActor } from "@/lib/auth/actor";
import { recordStaffConsent } from "@/lib/consent/mutations";
import { recordSharingObjection } from "@/lib/customers/mutations";
import { db } from "@/lib/db";
import { makeStaff } from "@/tests/support/factories";
import { makeCustomer, token } from "@/tests/support/customers";
import { saveAttachment } from "@/lib/attachments/mutations";
import { approveDisclosure, buildDisclosureItems, createRecipient, downloadPackage, prepareDisclosure, rejectDisclosure } from "./mutations";
import { customerDisclosures, disclosuresVisibleToCustomer, getDisclosure } from "./queries";
import { readAttachment } from "@/lib/attachments/queries";

const readAll = async (body: AsyncIterable<Buffer>) => {
  const parts: Buffer[] = [];
  for await (const part of body) parts.push(part);
  return Buffer.concat(parts);
};

const failure = (p: Promise<unknown>) =>
  p.then(
    () => null,
    (e) => e,
  );
const today = () => new Date(Date.now() + 7 * 3_600_000).toISOString().slice(0, 10);
const pdf = () => new File(["%PDF-1.4 request"], "yeu-cau.pdf", { type: "application/pdf" });

async function recipient(category: "ADVERTISING" | "SHIPPING" | "AUTHORITY") {
  return createRecipient(systemActor("test"), { name: `${category} ${token()}`, category });
}

async function build() {
  while ((await buildDisclosureItems(50)) > 0) {}
}

/** Three customers: one consented to advertising, one objected, one terminated, one without consent. */
async function people() {
  const staff = await makeStaff("STAFF");
  const tag = token();
  const consented = await makeCustomer({ fullName: `Đồng Ý ${tag}`, address: "1 Phố Huế" });
  const objected = await makeCustomer({ fullName: `Phản Đối ${tag}` });
  const terminated = await makeCustomer({ fullName: `Chấm Dứt ${tag}`, status: "ACTIVE" });
  const silent = await makeCustomer({ fullName: `Im Lặng ${tag}` });
  for (const c of [consented, objected, terminated]) {
    await recordStaffConsent(staff, {
      customerId: c.id,
      purposeKey: "advertising",
      action: "GRANTED",
      givenOn: today(),
      method: "PAPER",
      documentRef: "Phiếu QC",
    });
  }
  await recordSharingObjection(staff, { customerId: objected.id, note: "Gọi điện yêu cầu" });
  await db().customer.update({ where: { id: terminated.id }, data: { status: "TERMINATED", terminatedAt: new Date() } });
  return { staff, tag, consented, objected, terminated, silent, ids: [consented.id, objected.id, terminated.id, silent.id] };
}

/** A shipment of the customer who said nothing, sorted and waiting for approval. */
async function shipment(p: Awaited<ReturnType<typeof people>>, reference: string) {
  const r = await recipient("SHIPPING");
  const { id } = await prepareDisclosure(p.staff, {
    recipientId: r.id,
    reason: "Giao hợp đồng bản giấy",
    fields: ["fullName", "reference"],
    reference,
    selection: { kind: "ids", ids: [p.silent.id] },
  });
  await build();
  return id;
}

describe("disclosures", () => {
  it("refuse any field outside the category's whitelist in the data layer and in the database, and audit the attempt", async () => {
    const staff = await makeStaff("STAFF");
    const c = await makeCustomer();
    const cases = [
      ["ADVERTISING", ["fullName", "phone"]],
      ["SHIPPING", ["fullName", "email"]],
      ["AUTHORITY", ["fullName", "password"]],
    ] as const;
    for (const [category, fields] of cases) {
      const r = await recipient(category);
      const error = await failure(
        prepareDisclosure(
          staff,
          {
            recipientId: r.id,
            reason: "Thử trường không được phép",
            fields: [...fields],
            agencyName: "Bộ Công an",
            documentNumber: "12/CV",
            documentDate: today(),
            selection: { kind: "ids", ids: [c.id] },
          },
          pdf(),
        ),
      );
      expect(error?.userMessage, category).toBe("disclosures.fieldNotAllowed");
      expect(await db().disclosure.count({ where: { recipientId: r.id } })).toBe(0);
      expect(await db().auditEvent.count({ where: { action: "disclosure.refused", details: { path: ["recipientId"], equals: r.id } } })).toBe(1);
      // Even straight to the database, around the code:
      await expect(
        db().disclosure.create({
          data: {
            recipientId: r.id,
            reason: "x",
            fields: [...fields],
            selection: {},
            preparedById: staff.id,
            agencyName: "A",
            documentNumber: "1",
            documentDate: new Date(),
          },
        }),
      ).rejects.toThrow(/not allowed/);
    }
  });

  it("leave out objected, terminated and unconsented customers from advertising, with the reason", async () => {
    const p = await people();
    const r = await recipient("ADVERTISING");
    const { id } = await prepareDisclosure(p.staff, {
      recipientId: r.id,
      reason: "Gửi thư mời sự kiện tháng 12",
      fields: ["fullName", "address"],
      selection: { kind: "ids", ids: p.ids },
    });
    await build();
    const d = await getDisclosure(p.staff, id);
    expect(d).toMatchObject({ status: "PENDING_APPROVAL", itemsTotal: 4, itemsIncluded: 1 });
    expect(d?.excluded).toEqual({ OBJECTED: 1, TERMINATED: 1, NO_CONSENT: 1 });
    const items = await db().disclosureItem.findMany({ where: { disclosureId: id } });
    expect(Object.fromEntries(items.map((i) => [i.customerId, i.exclusionReason]))).toEqual({
      [p.consented.id]: null,
      [p.objected.id]: "OBJECTED",
      [p.terminated.id]: "TERMINATED",
      [p.silent.id]: "NO_CONSENT",
    });
  });

  it("need four eyes for advertising: not the preparer, not staff; then the package has exactly the allowed columns and included rows", async () => {
    const p = await people();
    const officer = await makeStaff("COMPLIANCE");
    const second = await makeStaff("COMPLIANCE");
    const r = await recipient("ADVERTISING");
    const { id } = await prepareDisclosure(officer, {
      recipientId: r.id,
      reason: "Gửi thư mời sự kiện tháng 12",
      fields: ["fullName", "address"],
      selection: { kind: "ids", ids: p.ids },
    });
    await build();
    expect((await failure(approveDisclosure(officer, id)))?.userMessage).toBe("disclosures.fourEyes");
    expect((await failure(approveDisclosure(p.staff, id)))?.code).toBe("FORBIDDEN");
    expect(await db().auditEvent.count({ where: { action: "disclosure.approval_refused", details: { path: ["id"], equals: id } } })).toBe(2);
    const pkg = await approveDisclosure(second, id);
    // Staff hand over shipments; an advertising package goes out through compliance.
    expect((await failure(downloadPackage(p.staff, id)))?.userMessage).toBe("disclosures.complianceDownloads");
    const file = await downloadPackage(officer, id);
    const csv = (await readAll(file.body))
      .toString("utf8")
      .replace(/^\uFEFF/, "")
      .trim()
      .split("\n");
    expect(csv[0]).toBe("Mã dòng,Họ và tên,Địa chỉ"); // a row reference, then column names in the approving officer's language
    const [item] = await db().disclosureItem.findMany({ where: { disclosureId: id, included: true }, select: { id: true } });
    expect(csv.slice(1)).toEqual([`"${item.id}","Đồng Ý ${p.tag}","1 Phố Huế"`]);
    expect((await db().disclosure.findUniqueOrThrow({ where: { id } })).packageChecksum).toBe(pkg.checksum);
    expect((await customerDisclosures(p.staff, p.consented.id)).map((d) => d.id)).toContain(id);
    expect((await customerDisclosures(p.staff, p.objected.id)).map((d) => d.id)).not.toContain(id);
  });

  it("let staff send shipping without approval by someone else", async () => {
    const p = await people();
    const r = await recipient("SHIPPING");
    const { id } = await prepareDisclosure(p.staff, {
      recipientId: r.id,
      reason: "Giao hợp đồng bản giấy",
      fields: ["fullName", "phone", "address", "reference"],
      reference: "VD-123",
      selection: { kind: "ids", ids: [p.silent.id] },
    });
    await build();
    await approveDisclosure(p.staff, id);
    const csv = (await readAll((await downloadPackage(p.staff, id)).body))
      .toString("utf8")
      .replace(/^\uFEFF/, "")
      .trim()
      .split("\n");
    expect(csv[0]).toBe("Mã dòng,Họ và tên,Số điện thoại,Địa chỉ,Mã đơn / vận đơn");
    expect(csv[1]).toContain('"VD-123"');
  });

  it("still hand out a package approved before packages were stored in parts", async () => {
    const p = await people();
    const id = await shipment(p, "VD-125");
    await approveDisclosure(p.staff, id);
    const old = '\uFEFF"Mã dòng","Họ và tên"\n"x","Gói cũ"\n';
    const file = await db().$transaction((tx) =>
      saveAttachment(tx, p.staff, new File([old], `disclosure-${id}.csv`, { type: "text/csv" }), "own-key", "package", { allowCsv: true }),
    );
    await db().disclosure.update({ where: { id }, data: { packageFileId: file.id } });
    expect((await readAll((await downloadPackage(p.staff, id)).body)).toString("utf8")).toBe(old);
  });

  it("do not count a download whose package lost a part", async () => {
    const p = await people();
    const id = await shipment(p, "VD-126");
    await approveDisclosure(p.staff, id);
    const d = await db().disclosure.findUniqueOrThrow({ where: { id } });
    await db().attachmentChunk.deleteMany({ where: { attachmentId: d.packageFileId! } });
    expect((await failure(downloadPackage(p.staff, id)))?.userMessage).toBe("disclosures.downloadUnavailable");
    expect(await db().disclosure.findUniqueOrThrow({ where: { id } })).toMatchObject({ downloadCount: 0, status: "APPROVED" });
  });

  it("match a phone in a filter only whole: a package's count never reveals digits of a masked number", async () => {
    const p = await people();
    const r = await recipient("ADVERTISING");
    const phone = p.consented.phone!; // 0xxxxxxxxx, shown masked to staff
    const prepare = async (q: string) => {
      const { id } = await prepareDisclosure(p.staff, {
        recipientId: r.id,
        reason: "Thư mời sự kiện",
        fields: ["fullName"],
        selection: { kind: "filter", filter: { q } },
      });
      await build();
      return db().disclosure.findUniqueOrThrow({ where: { id }, select: { itemsTotal: true } });
    };
    expect(await prepare(phone.slice(0, 8))).toMatchObject({ itemsTotal: 0 });
    expect(await prepare(phone)).toMatchObject({ itemsTotal: 1 });
  });

  it("set aside a disclosure whose list cannot be built, so it does not hold up the ones after it", async () => {
    const p = await people();
    const r = await recipient("SHIPPING");
    const prepare = () =>
      prepareDisclosure(p.staff, {
        recipientId: r.id,
        reason: "Giao hợp đồng bản giấy",
        fields: ["fullName", "reference"],
        reference: "VD-7",
        selection: { kind: "ids", ids: [p.silent.id] },
      });
    const broken = await prepare();
    const healthy = await prepare();
    // A stored selection the database cannot run (as older or damaged data might be).
    await db().disclosure.update({ where: { id: broken.id }, data: { selection: { kind: "ids", ids: ["not-a-uuid"] } } });
    await build();
    expect(await db().disclosure.findUniqueOrThrow({ where: { id: broken.id } })).toMatchObject({ status: "REJECTED" });
    expect(await db().disclosure.findUniqueOrThrow({ where: { id: healthy.id } })).toMatchObject({ status: "PENDING_APPROVAL", itemsTotal: 1 });
    expect(await db().auditEvent.findFirst({ where: { action: "disclosure.build_failed", entityId: broken.id } })).toMatchObject({
      details: { code: "22P02" },
    });
  });

  it("give a download back when its bytes cannot all be served (a part altered after the count)", async () => {
    const p = await people();
    const id = await shipment(p, "VD-127");
    await approveDisclosure(p.staff, id);
    const d = await db().disclosure.findUniqueOrThrow({ where: { id } });
    const part = await db().attachmentChunk.findFirstOrThrow({ where: { attachmentId: d.packageFileId! } });
    const bytes = Buffer.from(part.data);
    bytes[bytes.length - 1] ^= 1;
    await db().attachmentChunk.update({ where: { attachmentId_seq: { attachmentId: part.attachmentId, seq: part.seq } }, data: { data: bytes } });
    const file = await downloadPackage(p.staff, id);
    expect(await db().disclosure.findUniqueOrThrow({ where: { id } })).toMatchObject({ downloadCount: 1, status: "DELIVERED" });
    await expect(readAll(file.body)).rejects.toMatchObject({ userMessage: "attachments.damaged" });
    expect(await db().disclosure.findUniqueOrThrow({ where: { id } })).toMatchObject({ downloadCount: 0, status: "APPROVED" });
    expect(await db().auditEvent.findFirst({ where: { action: "disclosure.download_failed", entityId: id } })).toMatchObject({
      details: { reason: "attachments.damaged" },
    });
  });

  it("keep one package when two people approve at once: the loser's written package is deleted", async () => {
    const p = await people();
    const id = await shipment(p, "VD-124");
    const results = await Promise.allSettled([approveDisclosure(p.staff, id), approveDisclosure(p.staff, id)]);
    expect(results.map((x) => x.status).sort()).toEqual(["fulfilled", "rejected"]);
    expect(results.find((x) => x.status === "rejected")).toMatchObject({ reason: { userMessage: "disclosures.notPending" } });
    const d = await db().disclosure.findUniqueOrThrow({ where: { id } });
    expect(await db().attachment.findMany({ where: { filename: `disclosure-${id}.csv` }, select: { id: true } })).toEqual([{ id: d.packageFileId }]);
    const body = (await readAll((await downloadPackage(p.staff, id)).body)).toString("utf8");
    expect(body).toContain(p.silent.fullName);
  });

  it("limit downloads and expiry, and audit refusals", async () => {
    const p = await people();
    const r = await recipient("SHIPPING");
    const { id } = await prepareDisclosure(p.staff, {
      recipientId: r.id,
      reason: "Giao hợp đồng bản giấy",
      fields: ["fullName"],
      reference: "VD-1",
      selection: { kind: "ids", ids: [p.silent.id] },
    });
    await build();
    await approveDisclosure(p.staff, id);
    for (let i = 0; i < 3; i++) await downloadPackage(p.staff, id);
    expect((await failure(downloadPackage(p.staff, id)))?.userMessage).toBe("disclosures.downloadUnavailable");
    const { id: other } = await prepareDisclosure(p.staff, {
      recipientId: r.id,
      reason: "Giao hợp đồng bản giấy",
      fields: ["fullName"],
      reference: "VD-2",
      selection: { kind: "ids", ids: [p.silent.id] },
    });
    await build();
    await approveDisclosure(p.staff, other);
    await db().disclosure.update({ where: { id: other }, data: { packageExpiresAt: new Date(Date.now() - 1000) } });
    expect((await failure(downloadPackage(p.staff, other)))?.userMessage).toBe("disclosures.downloadUnavailable");
    expect(await db().auditEvent.count({ where: { action: "disclosure.download_refused", details: { path: ["id"], equals: other } } })).toBe(1);
    expect(await db().auditEvent.count({ where: { action: "disclosure.downloaded", entityId: id } })).toBe(3);
  });

  it("need the legal reference and a copy for authorities, keep confidential ones from the customer, and may reject", async () => {
    const p = await people();
    const officer = await makeStaff("COMPLIANCE");
    const second = await makeStaff("COMPLIANCE");
    const r = await recipient("AUTHORITY");
    const base = {
      recipientId: r.id,
      reason: "Công văn yêu cầu cung cấp thông tin",
      fields: ["fullName", "phone"],
      selection: { kind: "ids" as const, ids: [p.objected.id] },
    };
    expect((await failure(prepareDisclosure(officer, base)))?.userMessage).toBe("disclosures.legalReferenceRequired");
    const { id } = await prepareDisclosure(
      officer,
      { ...base, agencyName: "Công an TP Hà Nội", documentNumber: "123/CV-CA", documentDate: today(), confidential: true },
      pdf(),
    );
    await build();
    expect((await getDisclosure(officer, id))?.itemsIncluded).toBe(1); // a lawful request is not stopped by an objection
    await approveDisclosure(second, id);
    expect((await customerDisclosures(officer, p.objected.id)).map((d) => d.id)).toContain(id);
    expect((await disclosuresVisibleToCustomer(p.objected.id)).map((d) => d.id)).not.toContain(id);
    // The authority's confidential request is for compliance only.
    const requestFileId = (await db().disclosure.findUniqueOrThrow({ where: { id } })).requestFileId!;
    expect(await readAttachment(p.staff, requestFileId)).toBeNull();
    expect(await readAttachment(officer, requestFileId)).toMatchObject({ filename: "yeu-cau.pdf" });

    const { id: rejected } = await prepareDisclosure(officer, { ...base, agencyName: "Sở X", documentNumber: "9/CV", documentDate: today() }, pdf());
    await build();
    expect((await failure(rejectDisclosure(p.staff, { id: rejected, reason: "Thiếu chữ ký" })))?.code).toBe("FORBIDDEN");
    await rejectDisclosure(second, { id: rejected, reason: "Văn bản thiếu chữ ký" });
    expect((await db().disclosure.findUniqueOrThrow({ where: { id: rejected } })).status).toBe("REJECTED");
  });

  it("name a shipment and its customers one by one (at most 500), in the data layer and the database", async () => {
    const p = await people();
    const r = await recipient("SHIPPING");
    const base = { recipientId: r.id, reason: "Giao hợp đồng bản giấy", fields: ["fullName", "phone", "address"] };
    expect((await failure(prepareDisclosure(p.staff, { ...base, selection: { kind: "ids", ids: [p.silent.id] } })))?.fieldErrors).toEqual({
      reference: "disclosures.shipmentReferenceRequired",
    });
    expect(
      (await failure(prepareDisclosure(p.staff, { ...base, reference: "VD-9", selection: { kind: "filter", filter: { q: p.tag } } })))?.fieldErrors,
    ).toEqual({ selection: "disclosures.shipmentCustomers" });
    const many = Array.from({ length: 501 }, () => crypto.randomUUID());
    expect((await failure(prepareDisclosure(p.staff, { ...base, reference: "VD-9", selection: { kind: "ids", ids: many } })))?.userMessage).toBe(
      "disclosures.shipmentCustomers",
    );
    await expect(
      db().disclosure.create({
        data: { recipientId: r.id, reason: "x", fields: ["fullName"], selection: { kind: "filter", filter: {} }, reference: "VD-9", preparedById: p.staff.id },
      }),
    ).rejects.toThrow(/shipping disclosure/);
  });

  it("check exclusions again at approval and at every download: who objected since is dropped, with the time", async () => {
    const p = await people();
    const officer = await makeStaff("COMPLIANCE");
    const second = await makeStaff("STAFF");
    const late = await makeCustomer({ fullName: `Đổi Ý ${p.tag}`, address: "9 Phố Huế" });
    await recordStaffConsent(p.staff, {
      customerId: late.id,
      purposeKey: "advertising",
      action: "GRANTED",
      givenOn: today(),
      method: "PAPER",
      documentRef: "Phiếu",
    });
    const r = await recipient("ADVERTISING");
    const { id } = await prepareDisclosure(second, {
      recipientId: r.id,
      reason: "Gửi thư mời hội thảo",
      fields: ["fullName", "address"],
      selection: { kind: "ids", ids: [p.consented.id, late.id] },
    });
    await build();
    expect((await getDisclosure(officer, id))?.itemsIncluded).toBe(2);
    // Objects after the list was built, before approval.
    await recordSharingObjection(p.staff, { customerId: late.id, note: "Gọi điện phản đối" });
    const first = await approveDisclosure(officer, id);
    const item = await db().disclosureItem.findFirstOrThrow({ where: { disclosureId: id, customerId: late.id } });
    expect(item).toMatchObject({ included: false, exclusionReason: "OBJECTED" });
    expect(item.excludedAt).not.toBeNull();
    const csv = (await readAll((await downloadPackage(officer, id)).body)).toString("utf8");
    expect(csv).toContain(p.consented.fullName!);
    expect(csv).not.toContain(late.fullName!);
    // Withdraws after approval: the next download no longer carries them either.
    await recordStaffConsent(p.staff, {
      customerId: p.consented.id,
      purposeKey: "advertising",
      action: "WITHDRAWN",
      givenOn: today(),
      method: "PHONE",
      documentRef: "Gọi",
    });
    const again = (await readAll((await downloadPackage(officer, id)).body)).toString("utf8");
    expect(again).not.toContain(p.consented.fullName!);
    const d = await db().disclosure.findUniqueOrThrow({ where: { id } });
    expect(d.packageChecksum).not.toBe(first.checksum);
    expect(d.itemsIncluded).toBe(0);
    expect(await db().auditEvent.count({ where: { action: "disclosure.package_rebuilt", entityId: id } })).toBe(1);
    // The package is only handed out through the counted download, never as a plain attachment.
    await expect(readAttachment(second, d.packageFileId!)).rejects.toMatchObject({ userMessage: "disclosures.packageOnlyByDownload" });
  });

  it("refuse an unknown recipient and administrators", async () => {
    const c = await makeCustomer();
    const staff = await makeStaff("STAFF");
    expect(
      (
        await failure(
          prepareDisclosure(staff, {
            recipientId: "00000000-0000-0000-0000-000000000000",
            reason: "Không có bên nhận",
            fields: ["fullName"],
            selection: { kind: "ids", ids: [c.id] },
          }),
        )
      )?.userMessage,
    ).toBe("disclosures.unknownRecipient");
    expect(
      (
        await failure(
          prepareDisclosure(await makeStaff("ADMIN"), {
            recipientId: (await recipient("SHIPPING")).id,
            reason: "Quản trị viên thử",
            fields: ["fullName"],
            selection: { kind: "ids", ids: [c.id] },
          }),
        )
      )?.code,
    ).toBe("FORBIDDEN");
  });
});
