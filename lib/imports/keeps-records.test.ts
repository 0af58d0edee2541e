// What a spreadsheet may not do to people already in the register: a phone number alone never
// rewrites who someone is, a record never takes a phone another record holds, a customer keeps their
// language unless the file gives one, and the uploaded file is not kept once it has been imported.
import { describe, expect, it } from "vitest";
import { openSealedDetails } from "@/lib/audit/queries";
import { db } from "@/lib/db";
import { eraseCustomer } from "@/lib/privacy-requests/mutations/erasure";
import { makeCustomer, token } from "@/tests/support/customers";
import { makeStaff } from "@/tests/support/factories";
import { checkImport, runImportBatches, startImport, uploadImport } from "./mutations";

const file = (text: string) => new File([text], "khach.csv", { type: "text/csv" });

async function importFile(lines: string[], mapping: Record<string, string>) {
  const staff = await makeStaff("STAFF");
  const { id } = await uploadImport(staff, file(lines.join("\n")));
  await checkImport(staff, { id, mapping, evidence: "" });
  await startImport(staff, id);
  while ((await runImportBatches(50)) > 0) {}
  return db().importJob.findUniqueOrThrow({ where: { id } });
}

describe("an import and the people already in the register", () => {
  it("lets a phone alone only fill gaps, never takes a phone another record holds, and changes a language only when given", async () => {
    const tag = token();
    const owner = await makeCustomer({
      fullName: `Chủ Số ${tag}`,
      email: `owner.${tag}@example.test`,
      phone: "0914000001",
      address: "1 Tràng Tiền",
      locale: "en",
    });
    const other = await makeCustomer({ fullName: `Người Khác ${tag}`, email: `other.${tag}@example.test`, phone: "0914000002" });
    const gaps = await makeCustomer({ fullName: `Thiếu ${tag}`, email: "", phone: "0914000003", address: "" });
    const speaker = await makeCustomer({ fullName: `Nói Tiếng Anh ${tag}`, email: `speaker.${tag}@example.test`, locale: "vi" });
    const job = await importFile(
      [
        "name,email,phone,address,language",
        `Kẻ Lạ ${tag},,0914 000 001,99 Đường Lạ,`, // the owner's number in someone else's hands: nothing rewritten
        `Tên Mới ${tag},owner.${tag}@example.test,0914000002,,`, // found by email: the name changes, the other's phone is not taken
        `Điền Vào ${tag},,0914000003,5 Hàng Bài,`, // found by phone, with gaps: they are filled, the name stays
        `,speaker.${tag}@example.test,,,English`, // the language only because the file gives it
      ],
      { "0": "fullName", "1": "email", "2": "phone", "3": "address", "4": "locale" },
    );
    expect(job).toMatchObject({ status: "COMPLETED", createdCount: 0, updatedCount: 3, unchangedCount: 1 });
    expect(await db().customer.findUniqueOrThrow({ where: { id: owner.id } })).toMatchObject({
      fullName: `Tên Mới ${tag}`,
      phone: "+84914000001",
      address: "1 Tràng Tiền",
      locale: "en",
    });
    expect(await db().customer.findUniqueOrThrow({ where: { id: other.id } })).toMatchObject({ fullName: `Người Khác ${tag}`, phone: "+84914000002" });
    expect(await db().customer.findUniqueOrThrow({ where: { id: gaps.id } })).toMatchObject({ fullName: `Thiếu ${tag}`, address: "5 Hàng Bài" });
    expect(await db().customer.findUniqueOrThrow({ where: { id: speaker.id } })).toMatchObject({ locale: "en" });
    // The file held all of them: once imported, it is not kept.
    expect(job.content).toBe("");
  });

  it("records each changed record's before and after, sealed with the customer's key, and erasure makes them unreadable", async () => {
    const tag = token();
    const moved = await makeCustomer({ fullName: `Cũ ${tag}`, email: `moved.${tag}@example.test`, address: "1 Phố Cũ", organization: "" });
    const same = await makeCustomer({ fullName: `Giữ ${tag}`, email: `same.${tag}@example.test`, address: "" });
    const job = await importFile(
      [
        "name,email,address,organisation",
        `Mới ${tag},moved.${tag}@example.test,2 Phố Mới,Công ty ${tag}`,
        `Giữ ${tag},same.${tag}@example.test,,`,
        `Khách Mới ${tag},new.${tag}@example.test,,`,
      ],
      { "0": "fullName", "1": "email", "2": "address", "3": "organization" },
    );
    expect(job).toMatchObject({ createdCount: 1, updatedCount: 1, unchangedCount: 1 });
    const entries = await db().auditEvent.findMany({ where: { action: "customer.updated_by_import", details: { path: ["import"], equals: job.id } } });
    // Only the record that changed; none for the unchanged one or the new one (its creation is the import's).
    expect(entries.map((e) => e.entityId)).toEqual([moved.id]);
    expect(JSON.stringify(entries[0].details)).not.toContain("Phố");
    const [opened] = await openSealedDetails(entries);
    expect(opened.details).toEqual({
      import: job.id,
      row: 2,
      startedBy: job.createdById,
      changes: {
        fullName: { before: `Cũ ${tag}`, after: `Mới ${tag}` },
        address: { before: "1 Phố Cũ", after: "2 Phố Mới" },
        organization: { before: null, after: `Công ty ${tag}` },
      },
    });
    expect(same.id).not.toBe(moved.id);
    // Erased: the key goes, and with it what the import entry said about them; the chain keeps the entry.
    await db().$transaction((tx) => eraseCustomer(tx, { kind: "system", label: "test" }, moved.id, {}));
    const [after] = await openSealedDetails(await db().auditEvent.findMany({ where: { id: entries[0].id } }));
    expect(JSON.stringify(after.details)).not.toContain("Phố");
    expect((after.details as { changes: { address: { before: string } } }).changes.address.before).toBe("[erased]");
  });

  it("stops when someone in the file is erased before it is imported, and never brings them back", async () => {
    const tag = token();
    const gone = await makeCustomer({ fullName: `Sẽ Xoá ${tag}`, email: `se.xoa.${tag}@example.test` });
    const staff = await makeStaff("STAFF");
    const { id } = await uploadImport(
      staff,
      file([`name,email`, `Sẽ Xoá ${tag},se.xoa.${tag}@example.test`, `Người Khác ${tag},khac.${tag}@example.test`].join("\n")),
    );
    const checked = await checkImport(staff, { id, mapping: { "0": "fullName", "1": "email" }, evidence: "" });
    await startImport(staff, id, checked.checkedAt);
    await db().$transaction((tx) => eraseCustomer(tx, { kind: "system", label: "test" }, gone.id, {}));
    while ((await runImportBatches(50)) > 0) {}
    const job = await db().importJob.findUniqueOrThrow({ where: { id } });
    expect(job).toMatchObject({ status: "FAILED", content: "", report: expect.objectContaining({ failure: "imports.erasedMeanwhile" }) });
    expect(await db().customer.count({ where: { email: `se.xoa.${tag}@example.test` } })).toBe(0);
    expect(await db().customer.count({ where: { email: `khac.${tag}@example.test` } })).toBe(0);
    expect(await db().auditEvent.count({ where: { action: "import.stopped_by_erasure", entityId: id } })).toBe(1);
  });

  it("refuses a consent column for a purpose the register does not have before anything runs", async () => {
    const staff = await makeStaff("STAFF");
    const { id } = await uploadImport(staff, file(`email,consent\nx.${token()}@example.test,có`));
    await expect(checkImport(staff, { id, mapping: { "0": "email", "1": "consent:no_such_purpose" }, evidence: "Phiếu giấy" })).rejects.toMatchObject({
      code: "BAD_INPUT",
      fieldErrors: { mapping: "imports.unknownPurpose" },
    });
    expect((await db().importJob.findUniqueOrThrow({ where: { id } })).report).not.toMatchObject({ checkedAt: expect.any(String) });
  });
});
