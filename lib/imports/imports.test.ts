import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { makeStaff } from "@/tests/support/factories";
import { makeCustomer, token } from "@/tests/support/customers";
import { changeMyConsent } from "@/lib/privacy-requests/mutations/self-service";
import type { ImportRow } from "./mapping";
import { checkImport, nextBatches, runImportBatches, startImport, uploadImport } from "./mutations";

const file = (text: string | Uint8Array, name = "khach.csv") => new File([text as BlobPart], name, { type: "text/csv" });

async function runToEnd() {
  while ((await runImportBatches(50)) > 0) {}
}

describe("CSV import", () => {
  it("reports every broken row in a dry run, then imports the valid ones with their consent; the same file again changes nothing", async () => {
    const staff = await makeStaff("STAFF");
    const tag = token();
    const csv = [
      "Họ và tên;Email;Điện thoại;Công ty;consent:advertising",
      `Nguyễn Văn ${tag};a.${tag}@example.test;0912 000 111;=HYPERLINK("http://x");có`,
      `Trần Thị ${tag};b.${tag}@example.test;;;không`,
      `Lê Sai ${tag};not-an-email;;;có`,
      `Không liên hệ ${tag};;;;`,
      `Sai đồng ý ${tag};c.${tag}@example.test;;;maybe`,
      "",
      ";;;;",
      `Nguyễn Văn ${tag};A.${tag}@EXAMPLE.TEST;;Công ty Thật;có`,
    ].join("\r\n");
    const { id } = await uploadImport(staff, file(`\uFEFF${csv}`));
    const job = await db().importJob.findUniqueOrThrow({ where: { id } });
    expect(job.delimiter).toBe(";");
    expect(job.mapping).toEqual({ "0": "fullName", "1": "email", "2": "phone", "3": "organization", "4": "consent:advertising" });

    await expect(checkImport(staff, { id, mapping: job.mapping, evidence: "" })).rejects.toMatchObject({
      fieldErrors: { evidence: "imports.evidenceRequired" },
    });
    const report = await checkImport(staff, { id, mapping: job.mapping, evidence: "Phiếu hội thảo 05/2026" });
    expect(report).toMatchObject({ validRows: 3, people: 2, errorRows: 3, blankLines: 2, formulaCells: 1 });
    expect(report.errors).toEqual([
      { row: 4, column: "Email", message: "imports.badEmail" },
      { row: 5, column: "—", message: "imports.needContact" },
      { row: 6, column: "consent:advertising", message: "imports.badConsent" },
    ]);
    expect(await db().customer.count({ where: { fullName: { contains: tag } } })).toBe(0); // a dry run writes nothing

    await startImport(staff, id);
    await runToEnd();
    const done = await db().importJob.findUniqueOrThrow({ where: { id } });
    expect(done).toMatchObject({ status: "COMPLETED", processedRows: 2, createdCount: 2, updatedCount: 0, unchangedCount: 0 });
    const a = await db().customer.findFirstOrThrow({ where: { email: `a.${tag}@example.test` }, include: { consentEvents: true, consentStates: true } });
    expect(a).toMatchObject({ phone: "+84912000111", organization: "Công ty Thật", source: "import" });
    expect(a.consentEvents).toHaveLength(1);
    expect(a.consentEvents[0]).toMatchObject({ action: "GRANTED", source: "IMPORT", evidence: { description: "Phiếu hội thảo 05/2026", row: 9 } });
    const b = await db().customer.findFirstOrThrow({ where: { email: `b.${tag}@example.test` }, include: { consentEvents: true } });
    expect(b.consentEvents).toHaveLength(0); // "không" without an earlier consent: nothing to withdraw

    // Again, the same file: nothing changes.
    const again = await uploadImport(staff, file(`\uFEFF${csv}`));
    await checkImport(staff, { id: again.id, mapping: job.mapping, evidence: "Phiếu hội thảo 05/2026" });
    await startImport(staff, again.id);
    await runToEnd();
    expect(await db().importJob.findUniqueOrThrow({ where: { id: again.id } })).toMatchObject({
      status: "COMPLETED",
      createdCount: 0,
      updatedCount: 0,
      unchangedCount: 2,
    });
    expect(await db().customer.count({ where: { fullName: { contains: tag } } })).toBe(2);
    expect(await db().consentEvent.count({ where: { customerId: a.id } })).toBe(1);
  });

  it("matches people as a form does — by email, else phone, never an erased record — writes only given values, across batches", async () => {
    const staff = await makeStaff("STAFF");
    const tag = token();
    const byEmail = await makeCustomer({ fullName: `Cũ ${tag}`, email: `old.${tag}@example.test`, organization: "Công ty Cũ", address: "1 Tràng Tiền" });
    const byPhone = await makeCustomer({ fullName: `Điện thoại ${tag}`, email: "", phone: "0913000001" });
    const erased = await makeCustomer({ fullName: `Đã xoá ${tag}`, email: `gone.${tag}@example.test` });
    await db().customer.update({ where: { id: erased.id }, data: { status: "ERASED" } });
    const phone = (k: number) => `09${String(20_000_000 + k).padStart(8, "0")}`;
    const lines = [
      "name,email,phone,organization,address",
      `Mới tên ${tag},OLD.${tag}@example.test,,Công ty Mới,`, // the same person: name and organisation change, the address stays
      `,,0913 000 001,${tag} Ltd,`, // found by phone alone
      `Lại ${tag},gone.${tag}@example.test,,,`, // the erased record is never revived: a new one
      `,,0913000777,,Phone only ${tag}`, // known by phone only, then the same phone with an email below
      `Email ${tag},with-phone.${tag}@example.test,0913000777,,`,
      // Enough new people for three batches (without names: thousands of near-identical names would
      // slow down the duplicate finder that other tests run on the same database).
      ...Array.from({ length: 2100 }, (_, k) => `,p${k}.${tag}@example.test,${phone(k)},,`),
    ];
    const { id } = await uploadImport(staff, file(lines.join("\n")));
    await checkImport(staff, { id, mapping: { "0": "fullName", "1": "email", "2": "phone", "3": "organization", "4": "address" }, evidence: "Hội chợ" });
    await startImport(staff, id);
    await runToEnd();
    expect(await db().importJob.findUniqueOrThrow({ where: { id } })).toMatchObject({
      status: "COMPLETED",
      processedRows: 2105,
      createdCount: 2102,
      updatedCount: 3, // the phone-only entry adds its address to the person the email entry of its batch created
      unchangedCount: 0,
    });
    expect(await db().customer.findUniqueOrThrow({ where: { id: byEmail.id } })).toMatchObject({
      fullName: `Mới tên ${tag}`,
      organization: "Công ty Mới",
      address: "1 Tràng Tiền",
    });
    expect(await db().customer.findUniqueOrThrow({ where: { id: byPhone.id } })).toMatchObject({ fullName: `Điện thoại ${tag}`, organization: `${tag} Ltd` });
    expect(await db().customer.count({ where: { email: `gone.${tag}@example.test` } })).toBe(2);
    expect(await db().customer.findMany({ where: { phone: "+84913000777" }, select: { email: true, address: true } })).toEqual([
      { email: `with-phone.${tag}@example.test`, address: `Phone only ${tag}` },
    ]);
    expect(await db().customer.count({ where: { email: { startsWith: "p", endsWith: `.${tag}@example.test` } } })).toBe(2100);
  });

  it("records one answer per person and purpose when an email entry and a phone-only entry are the same person", async () => {
    const staff = await makeStaff("STAFF");
    const tag = token();
    const run = async (lines: string[]) => {
      const { id } = await uploadImport(staff, file(["name,email,phone,ads", ...lines].join("\n")));
      await checkImport(staff, { id, mapping: { "0": "fullName", "1": "email", "2": "phone", "3": "consent:advertising" }, evidence: "Hội chợ" });
      await startImport(staff, id);
      await runToEnd();
    };
    // Agreed on the first line, said no on the later one: the later answer stands, nothing granted.
    await run([`Hai Dòng ${tag},two.${tag}@example.test,0913000888,yes`, `,,0913 000 888,no`]);
    const a = await db().customer.findFirstOrThrow({ where: { email: `two.${tag}@example.test` } });
    expect(await db().consentEvent.count({ where: { customerId: a.id } })).toBe(0);
    // Agreed on both lines: one consent, not two.
    await run([`Đồng Ý ${tag},both.${tag}@example.test,0913000889,yes`, `,,0913000889,yes`]);
    const b = await db().customer.findFirstOrThrow({ where: { email: `both.${tag}@example.test` } });
    expect(await db().consentEvent.count({ where: { customerId: b.id } })).toBe(1);
  });

  it("runs batches of email entries two at a time, and a batch with a phone-only entry by itself, after every batch before it", () => {
    const entry = (row: number, email: boolean): ImportRow => ({
      row,
      fields: email ? { email: `r${row}@example.test` } : { phone: `+8491${String(row).padStart(7, "0")}` },
      locale: "vi",
      consents: {},
    });
    // Batches of 1 000: 0 and 1 emails only, 2 with one phone-only entry, 3 and 4 emails only.
    const rows = Array.from({ length: 4500 }, (_, i) => entry(i + 2, i !== 2500));
    expect(nextBatches(rows, new Set())).toEqual([0, 1]);
    expect(nextBatches(rows, new Set([0]))).toEqual([1]); // batch 2 waits for batch 1
    expect(nextBatches(rows, new Set([0, 1]))).toEqual([2]);
    expect(nextBatches(rows, new Set([0, 1, 2]))).toEqual([3, 4]);
    // After a crash that left batch 0 undone but batch 1 done: batch 0 alone, then the phone batch.
    expect(nextBatches(rows, new Set([1]))).toEqual([0]);
    expect(nextBatches(rows, new Set([0, 1, 2, 3, 4]))).toEqual([]);
    // A file that starts with a phone-only entry: its first batch runs alone.
    expect(nextBatches([entry(2, false), ...rows], new Set())).toEqual([0]);
    // As batches finish one by one: a free slot takes the next email batch, never the phone batch
    // while an earlier one still runs, and nothing joins the phone batch.
    expect(nextBatches(rows, new Set(), new Set([0]))).toEqual([1]);
    expect(nextBatches(rows, new Set(), new Set([0, 1]))).toEqual([]);
    expect(nextBatches(rows, new Set([0]), new Set([1]))).toEqual([]);
    expect(nextBatches(rows, new Set([0, 1]), new Set([2]))).toEqual([]);
    expect(nextBatches(rows, new Set([0, 1, 2]), new Set([3]))).toEqual([4]);
  });

  it("never runs a batch twice when a later one finished first (a crash between the two)", async () => {
    const staff = await makeStaff("STAFF");
    const tag = token();
    const lines = ["email", ...Array.from({ length: 2500 }, (_, k) => `q${k}.${tag}@example.test`)];
    const { id } = await uploadImport(staff, file(lines.join("\n")));
    await checkImport(staff, { id, mapping: { "0": "email" }, evidence: "" });
    await startImport(staff, id);
    // The second batch committed, the first did not: as a crash between the two would leave it.
    await db().importJob.update({ where: { id }, data: { doneBatches: [1], processedRows: 1000, createdCount: 1000 } });
    await runToEnd();
    expect(await db().importJob.findUniqueOrThrow({ where: { id } })).toMatchObject({
      status: "COMPLETED",
      processedRows: 2500,
      createdCount: 2500,
      unchangedCount: 0,
      doneBatches: expect.arrayContaining([0, 1, 2]),
    });
    // Batch 1's people were never written (it was only marked done): the run skipped it.
    expect(await db().customer.count({ where: { email: { endsWith: `.${tag}@example.test` } } })).toBe(1500);
  });

  it("never turns a person's own withdrawal back into consent", async () => {
    const staff = await makeStaff("STAFF");
    const tag = token();
    const email = `w.${tag}@example.test`;
    const runFile = async (text: string) => {
      const { id } = await uploadImport(staff, file(text));
      await checkImport(staff, { id, mapping: { "0": "fullName", "1": "email", "2": "consent:advertising" }, evidence: "Danh sách hội thảo" });
      await startImport(staff, id);
      await runToEnd();
    };
    await runFile(`name,email,ads\nRút ${tag},${email},yes\n`);
    const c = await db().customer.findFirstOrThrow({ where: { email } });
    await changeMyConsent({ kind: "customer", customerId: c.id, sessionId: "test" }, { purposeKey: "advertising", action: "WITHDRAWN" });
    await runFile(`name,email,ads\nRút ${tag},${email},yes\n`);
    const state = await db().consentState.findFirstOrThrow({ where: { customerId: c.id, purpose: { key: "advertising" } } });
    expect(state.action).toBe("WITHDRAWN");
  });

  it("explains a file that is not UTF-8, has no header, or is not a CSV at all", async () => {
    const staff = await makeStaff("STAFF");
    const latin1 = new Uint8Array([0x4e, 0x67, 0x75, 0x79, 0xea, 0x6e, 0x0a, 0x41]); // "Nguyên" in Latin-1
    await expect(uploadImport(staff, file(latin1))).rejects.toMatchObject({ fieldErrors: { file: "imports.notUtf8" } });
    await expect(uploadImport(staff, file("\n\n\n"))).rejects.toMatchObject({ fieldErrors: { file: "imports.noHeader" } });
    await expect(uploadImport(staff, file(""))).rejects.toMatchObject({ fieldErrors: { file: "imports.noFile" } });
  });

  it("handles 50 000 empty lines quickly and reports them as blank", async () => {
    const staff = await makeStaff("STAFF");
    const tag = token();
    const csv = `name,email\nOne ${tag},one.${tag}@example.test\n${"\n".repeat(50_000)}Two ${tag},two.${tag}@example.test\n`;
    const { id } = await uploadImport(staff, file(csv));
    const report = await checkImport(staff, { id, mapping: { "0": "fullName", "1": "email" }, evidence: "" });
    expect(report).toMatchObject({ validRows: 2, errorRows: 0 });
    expect(report.blankLines).toBeGreaterThanOrEqual(50_000);
  });

  it("needs an email or phone column, a dry run before starting, and a role that works the register", async () => {
    const staff = await makeStaff("STAFF");
    const { id } = await uploadImport(staff, file("name,email\nA,a@example.test\n"));
    await expect(checkImport(staff, { id, mapping: { "0": "fullName", "1": "" }, evidence: "" })).rejects.toMatchObject({
      fieldErrors: { mapping: "imports.mapContact" },
    });
    await expect(startImport(staff, id)).rejects.toMatchObject({ userMessage: "imports.checkFirst" });
    await expect(uploadImport(await makeStaff("ADMIN"), file("a,b\n1,2\n"))).rejects.toMatchObject({ code: "FORBIDDEN" });
  });
});
