import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { recordStaffConsent } from "@/lib/consent/mutations";
import { now } from "@/lib/clock";
import { db } from "@/lib/db";
import { makeCustomer } from "@/tests/support/customers";
import { makeStaff } from "@/tests/support/factories";
import { rewordPurpose } from "./mutations";
import { purposeCatalogue, purposeWithVersions } from "./queries";

// Each test words its own purpose, so the catalogue the other files rely on stays as it is.
async function makePurpose() {
  const key = `thu_${randomUUID().replaceAll("-", "").slice(0, 12)}`;
  await db().purpose.create({
    data: {
      key,
      legalBasis: "CONSENT",
      labelVi: "Bản tin",
      labelEn: "Newsletter",
      descriptionVi: "Gửi bản tin hằng tháng.",
      descriptionEn: "A monthly newsletter.",
      sortOrder: 999,
      active: false,
    },
  });
  return key;
}
const newWording = (key: string, basedOn: number) => ({
  key,
  basedOn,
  labelVi: "Bản tin hằng tháng",
  labelEn: "Monthly newsletter",
  descriptionVi: "Mỗi tháng một email tóm tắt tin tức và ưu đãi.",
  descriptionEn: "One email a month with news and offers.",
  reason: "Khách hàng hỏi bản tin gửi bao lâu một lần.",
});
const vnToday = async () => new Date((await now()).getTime() + 7 * 3_600_000).toISOString().slice(0, 10);

describe("rewording a purpose", () => {
  it("saves a new version with who and why, shows the new text from now on, and leaves consent already given with the text the customer saw", async () => {
    const officer = await makeStaff("COMPLIANCE");
    const key = await makePurpose();
    const customer = await makeCustomer();
    const consent = { customerId: customer.id, purposeKey: key, givenOn: await vnToday(), method: "PAPER", documentRef: "Phiếu 1", note: "" };
    await recordStaffConsent(officer, { ...consent, action: "GRANTED" });

    expect(await rewordPurpose(officer, newWording(key, 0))).toMatchObject({ number: 2 });

    const purpose = await purposeWithVersions(officer, key);
    expect(purpose).toMatchObject({ labelVi: "Bản tin hằng tháng", descriptionEn: "One email a month with news and offers." });
    expect(purpose?.versions.map((v) => [v.number, v.labelVi, v.reason, v.createdBy?.name ?? null])).toEqual([
      [2, "Bản tin hằng tháng", "Khách hàng hỏi bản tin gửi bao lâu một lần.", officer.name],
      [1, "Bản tin", "", null],
    ]);
    await recordStaffConsent(officer, { ...consent, action: "WITHDRAWN" });
    const events = await db().consentEvent.findMany({
      where: { customerId: customer.id, purpose: { key } },
      orderBy: { createdAt: "asc" },
      select: { wording: true },
    });
    expect(events.map((e) => e.wording)).toEqual(["Bản tin: Gửi bản tin hằng tháng.", "Bản tin hằng tháng: Mỗi tháng một email tóm tắt tin tức và ưu đãi."]);

    const audit = await db().auditEvent.findFirstOrThrow({
      where: { action: "purpose.reworded", entityId: (await db().purpose.findUniqueOrThrow({ where: { key } })).id },
    });
    expect(audit.details).toMatchObject({ version: 2, before: { labelVi: "Bản tin" }, after: { labelVi: "Bản tin hằng tháng" } });

    const entry = (await purposeCatalogue(officer)).find((p) => p.key === key);
    expect(entry).toMatchObject({ version: 2, withdrawn: 1, granted: 0, forms: [], gate: null });
  });

  it("refuses to overwrite a change made meanwhile, an unchanged text, control characters and a missing reason", async () => {
    const officer = await makeStaff("COMPLIANCE");
    const key = await makePurpose();
    await rewordPurpose(officer, newWording(key, 0));
    // Someone still looking at version 1 (0 = before versioning) is told, not overwritten.
    await expect(rewordPurpose(officer, { ...newWording(key, 0), labelEn: "Old view" })).rejects.toMatchObject({
      code: "CONFLICT",
      userMessage: "purposes.changedMeanwhile",
    });
    await expect(rewordPurpose(officer, newWording(key, 2))).rejects.toMatchObject({ code: "BAD_INPUT", userMessage: "purposes.unchanged" });
    await expect(rewordPurpose(officer, { ...newWording(key, 2), labelVi: "Bản\u0007tin" })).rejects.toMatchObject({ name: "ZodError" });
    await expect(rewordPurpose(officer, { ...newWording(key, 2), labelVi: "Khác", reason: "vì" })).rejects.toMatchObject({ name: "ZodError" });
    await expect(rewordPurpose(officer, { ...newWording("khong_co", 0) })).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect(await db().purposeVersion.count({ where: { purpose: { key } } })).toBe(2);
  });

  it("is the compliance officer's alone", async () => {
    const key = await makePurpose();
    for (const role of ["STAFF", "ADMIN"] as const) {
      await expect(rewordPurpose(await makeStaff(role), newWording(key, 0))).rejects.toMatchObject({ code: "FORBIDDEN" });
      await expect(purposeCatalogue(await makeStaff(role))).rejects.toMatchObject({ code: "FORBIDDEN" });
    }
    expect(await db().purposeVersion.count({ where: { purpose: { key } } })).toBe(0);
  });
});
