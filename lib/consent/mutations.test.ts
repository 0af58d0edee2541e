import { day } from "@/tests/support/policies";
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { makeStaff } from "@/tests/support/factories";
import { makeCustomer } from "@/tests/support/customers";
import { now } from "@/lib/clock";
import { rewordPurpose } from "@/lib/purposes/mutations";
import { recordStaffConsent } from "./mutations";
import { consentOverview } from "./queries";

// Dates on the app's clock (other test files move it forward).
const daysAgo = (n: number) => day(-n);

describe("consent recorded by staff", () => {
  it("appears in the timeline with who, how and the document, and changes the current consent at once", async () => {
    const staff = await makeStaff("STAFF");
    const c = await makeCustomer();
    await recordStaffConsent(staff, {
      customerId: c.id,
      purposeKey: "promotions_events",
      action: "GRANTED",
      givenOn: await daysAgo(3),
      method: "PAPER",
      documentRef: "Phiếu số 42",
    });
    let item = (await consentOverview(staff, c.id)).find((x) => x.purpose.key === "promotions_events")!;
    expect(item.current?.action).toBe("GRANTED");
    expect(item.events[0]).toMatchObject({ source: "STAFF", method: "PAPER", documentRef: "Phiếu số 42", staff: { name: staff.name } });

    await recordStaffConsent(staff, {
      customerId: c.id,
      purposeKey: "promotions_events",
      action: "WITHDRAWN",
      givenOn: await daysAgo(0),
      method: "PHONE",
      documentRef: "Cuộc gọi #77",
    });
    item = (await consentOverview(staff, c.id)).find((x) => x.purpose.key === "promotions_events")!;
    expect(item.current?.action).toBe("WITHDRAWN");
    expect(item.events.map((e) => e.action)).toEqual(["WITHDRAWN", "GRANTED"]);
    expect(await db().auditEvent.count({ where: { action: "consent.withdrawn_by_staff", details: { path: ["customerId"], equals: c.id } } })).toBe(1);
  });

  it("tells the customer, in their language, of a consent someone else recorded for them; a withdrawal or a customer without email gets nothing", async () => {
    const staff = await makeStaff("STAFF");
    const c = await makeCustomer({ locale: "en" });
    const outbox = () => db().emailMessage.findMany({ where: { to: c.email, template: "consent_recorded_notice" } });
    await recordStaffConsent(staff, {
      customerId: c.id,
      purposeKey: "promotions_events",
      action: "GRANTED",
      givenOn: await daysAgo(2),
      method: "PHONE",
      documentRef: "Call #12",
    });
    const [notice] = await outbox();
    expect(notice).toMatchObject({ status: "QUEUED", locale: "en" });
    const label = (await db().purpose.findUniqueOrThrow({ where: { key: "promotions_events" } })).labelEn;
    expect(notice.subject).toContain("has recorded your consent");
    expect(notice.text).toContain(`“${label}” (by phone)`);
    expect(notice.text).toMatch(/\/privacy\b/);
    // The withdrawal staff write down is not announced (nothing is being done in their name).
    await recordStaffConsent(staff, {
      customerId: c.id,
      purposeKey: "promotions_events",
      action: "WITHDRAWN",
      givenOn: await daysAgo(0),
      method: "PHONE",
      documentRef: "Call #13",
    });
    expect(await outbox()).toHaveLength(1);
    const noEmail = await makeCustomer({ email: "" });
    await recordStaffConsent(staff, {
      customerId: noEmail.id,
      purposeKey: "surveys",
      action: "GRANTED",
      givenOn: await daysAgo(0),
      method: "PAPER",
      documentRef: "P-9",
    });
    expect(await db().emailMessage.count({ where: { template: "consent_recorded_notice", createdAt: { gte: notice.createdAt }, to: "" } })).toBe(0);
  });

  it("keeps a scanned document with its checksum", async () => {
    const staff = await makeStaff("COMPLIANCE");
    const c = await makeCustomer();
    const file = new File([new Uint8Array([37, 80, 68, 70, 45, 49])], "phieu.pdf", { type: "application/pdf" });
    const event = await recordStaffConsent(staff, {
      customerId: c.id,
      purposeKey: "surveys",
      action: "GRANTED",
      givenOn: await daysAgo(1),
      method: "PAPER",
      documentRef: "P-1",
      file,
    });
    const row = await db().consentEvent.findUniqueOrThrow({ where: { id: event.id } });
    const evidence = row.evidence as { attachment: { id: string; sha256: string } };
    const stored = await db().attachment.findUniqueOrThrow({ where: { id: evidence.attachment.id } });
    expect(stored).toMatchObject({ filename: "phieu.pdf", mimeType: "application/pdf", size: 6, sha256: evidence.attachment.sha256 });
  });

  it("refuses future dates, unknown purposes, wrong file types and administrators", async () => {
    const staff = await makeStaff("STAFF");
    const c = await makeCustomer();
    const base = { customerId: c.id, purposeKey: "surveys", action: "GRANTED", givenOn: await daysAgo(0), method: "EMAIL", documentRef: "Email 1" };
    await expect(recordStaffConsent(staff, { ...base, givenOn: await daysAgo(-3) })).rejects.toMatchObject({ fieldErrors: { givenOn: "consent.futureDate" } });
    await expect(recordStaffConsent(staff, { ...base, purposeKey: "selling_lists" })).rejects.toMatchObject({
      fieldErrors: { purposeKey: "consent.unknownPurpose" },
    });
    await expect(recordStaffConsent(staff, { ...base, file: new File(["x"], "a.exe", { type: "application/x-msdownload" }) })).rejects.toMatchObject({
      fieldErrors: { file: "attachments.type" },
    });
    await expect(recordStaffConsent(await makeStaff("ADMIN"), base)).rejects.toMatchObject({ code: "FORBIDDEN" });
    expect(await db().consentEvent.count({ where: { customerId: c.id } })).toBe(0);
  });

  it("keeps, for consent given on an earlier day, the wording of that day when the purpose was reworded since", async () => {
    const staff = await makeStaff("STAFF");
    const officer = await makeStaff("COMPLIANCE");
    const c = await makeCustomer();
    const key = `test_${Date.now().toString(36)}`;
    const purpose = await db().purpose.create({
      data: { key, legalBasis: "CONSENT", labelVi: "Bản tin cũ", labelEn: "Old newsletter", descriptionVi: "Mô tả cũ", descriptionEn: "Old text" },
    });
    await rewordPurpose(officer, {
      key,
      basedOn: 0,
      labelVi: "Bản tin mới",
      labelEn: "New newsletter",
      descriptionVi: "Mô tả mới",
      descriptionEn: "New text",
      reason: "Thêm nội dung khảo sát vào bản tin hằng tháng",
    });
    // The rewording happened two days ago (on the app's clock, which other test files move forward).
    await db().purposeVersion.updateMany({ where: { purposeId: purpose.id }, data: { createdAt: new Date((await now()).getTime() - 2 * 86_400_000) } });
    const record = async (givenOn: string) =>
      db().consentEvent.findUniqueOrThrow({
        where: {
          id: (await recordStaffConsent(staff, { customerId: c.id, purposeKey: key, action: "GRANTED", givenOn, method: "PAPER", documentRef: "Phiếu" })).id,
        },
      });
    expect((await record(await daysAgo(5))).wording).toBe("Bản tin cũ: Mô tả cũ");
    expect((await record(await daysAgo(1))).wording).toBe("Bản tin mới: Mô tả mới");
    // Out of every list other tests read.
    await db().purpose.update({ where: { id: purpose.id }, data: { active: false } });
  });
});
