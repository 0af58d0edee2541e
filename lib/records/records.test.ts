import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { readSettings } from "@/lib/settings/queries";
import { makeStaff } from "@/tests/support/factories";
import { failure, invalid } from "@/tests/support/outcomes";
import { makeForm } from "@/tests/support/forms";
import { createProcessor, generateRecordDocument, updateProcessor } from "./mutations";
import { recordsOfProcessing } from "./queries";

const processor = {
  name: "Nhà cung cấp thử",
  serviceVi: "Sao lưu dữ liệu",
  serviceEn: "Data backup",
  location: "Singapore",
  country: "sg",
  dataCategories: ["fullName", "email"] as ("fullName" | "email")[],
  contractRef: "Hợp đồng 12/2026",
  since: "2026-03-01",
  active: true,
};

describe("records of processing", () => {
  it("are built from live configuration: each purpose's data comes from the forms that collect for it, recipients from the disclosure rules", async () => {
    const officer = await makeStaff("COMPLIANCE");
    expect(await failure(recordsOfProcessing(await makeStaff("STAFF")))).toMatchObject({ code: "FORBIDDEN" });
    const key = `rec_${randomUUID().replaceAll("-", "").slice(0, 10)}`;
    await db().purpose.create({
      data: {
        key,
        legalBasis: "CONSENT",
        labelVi: `Bản tin ${key}`,
        labelEn: `Newsletter ${key}`,
        descriptionVi: "Bản tin tháng.",
        descriptionEn: "A newsletter.",
        sortOrder: 950,
      },
    });
    await makeForm({ purposeKeys: [key], fields: { fullName: "required", email: "optional", phone: "off", address: "off", organization: "off" } });
    const records = await recordsOfProcessing(await makeStaff("ADMIN"));
    const mine = records.purposes.find((p) => p.key === key)!;
    expect(mine).toMatchObject({ legalBasis: "CONSENT", wordingVersion: 1, dataCategories: ["fullName", "email"] });
    expect(mine.sources[0]).toMatchObject({ kind: "form", titleVi: "Biểu mẫu thử" });
    expect(mine.recipients.map((r) => r.category)).toEqual(["AUTHORITY"]);
    expect(mine.processors).toContain("Resend, Inc.");
    const advertising = records.purposes.find((p) => p.key === "advertising")!;
    expect(advertising.recipients.find((r) => r.category === "ADVERTISING")?.fields).toEqual(["fullName", "address"]);
    expect(records.processors.find((p) => p.name === "Resend, Inc.")).toMatchObject({ country: "US", crossBorder: true });
    expect(records.controller.dataProtectionContact.email).toMatch(/@/);
    // Stored at the headquarters: the settings' address, in both languages.
    const settings = await readSettings();
    expect(records.storage).toEqual({ atHeadquarters: true, vi: settings.companyAddress, en: settings.companyAddressEn });
    expect((await recordsOfProcessing(officer)).securityMeasures).toContain("shredding");
  });

  it("keep a processor register, changed by the compliance officer or an administrator, audited", async () => {
    const admin = await makeStaff("ADMIN");
    expect(await failure(createProcessor(await makeStaff("STAFF"), processor))).toMatchObject({ code: "FORBIDDEN" });
    expect(await invalid(createProcessor(admin, { ...processor, country: "Singapore", dataCategories: [] }))).toEqual({
      country: "records.countryFormat",
      dataCategories: "records.categoriesRequired",
    });
    const { id } = await createProcessor(admin, processor);
    expect(await db().processor.findUniqueOrThrow({ where: { id } })).toMatchObject({ country: "SG", active: true });
    await updateProcessor(await makeStaff("COMPLIANCE"), { ...processor, id, active: false });
    expect((await db().processor.findUniqueOrThrow({ where: { id } })).active).toBe(false);
    expect(await db().auditEvent.count({ where: { entityType: "Processor", entityId: id } })).toBe(2);
  });

  it("generate the impact assessment and transfer assessments as numbered versions that keep the data of their day", async () => {
    const officer = await makeStaff("COMPLIANCE");
    const first = await generateRecordDocument(officer, { kind: "IMPACT_ASSESSMENT" });
    const { id: processorId } = await createProcessor(officer, { ...processor, name: `Sao lưu ${randomUUID().slice(0, 6)}` });
    const second = await generateRecordDocument(officer, { kind: "IMPACT_ASSESSMENT" });
    expect(second.version).toBe(first.version + 1);
    const names = async (id: string) =>
      ((await db().recordDocument.findUniqueOrThrow({ where: { id } })).content as { processors: { id: string }[] }).processors.map((p) => p.id);
    expect(await names(first.id)).not.toContain(processorId);
    expect(await names(second.id)).toContain(processorId);

    const transfer = await generateRecordDocument(officer, { kind: "TRANSFER_ASSESSMENT", processorId });
    expect(transfer.version).toBe(1);
    expect(
      ((await db().recordDocument.findUniqueOrThrow({ where: { id: transfer.id } })).content as { processor: { country: string } }).processor.country,
    ).toBe("SG");
    const local = await db().processor.findFirstOrThrow({ where: { country: "VN" } });
    expect(await failure(generateRecordDocument(officer, { kind: "TRANSFER_ASSESSMENT", processorId: local.id }))).toMatchObject({
      userMessage: "records.notForeign",
    });
    expect(await failure(generateRecordDocument(await makeStaff("STAFF"), { kind: "IMPACT_ASSESSMENT" }))).toMatchObject({ code: "FORBIDDEN" });
  });
});
