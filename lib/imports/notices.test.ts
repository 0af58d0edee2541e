// An import that records consent tells each customer, as staff recording consent by hand does: one
// email per person naming the purposes, once, after the import — never to someone without an email,
// an erased record, or for a withdrawal.
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { makeCustomer, token } from "@/tests/support/customers";
import { makeStaff } from "@/tests/support/factories";
import { checkImport, runImportBatches, sendImportNotices, startImport, uploadImport } from "./mutations";

const file = (text: string) => new File([text], "hoi-cho.csv", { type: "text/csv" });
const notices = (to: string[]) =>
  db().emailMessage.findMany({ where: { template: "consent_recorded_notice", to: { in: to } }, select: { to: true, subject: true, text: true } });

describe("consent recorded by an import", () => {
  it("is told to each customer once, naming every purpose, in their language", async () => {
    const staff = await makeStaff("STAFF");
    const tag = token();
    const withdrawing = await makeCustomer({ email: `withdrawing.${tag}@example.test` });
    const emails = { vi: `vi.${tag}@example.test`, en: `en.${tag}@example.test`, out: withdrawing.email };
    const lines = [
      "name,email,phone,language,ads,promotions",
      `Khách Việt ${tag},${emails.vi},,vi,có,có`,
      `English ${tag},${emails.en},,en,yes,no`,
      `Chỉ Số ${tag},,0915${String(Date.now()).slice(-6)},,có,`, // no email: nobody to tell
      `,${emails.out},,,không,`, // a withdrawal is not announced
    ];
    const { id } = await uploadImport(staff, file(lines.join("\n")));
    await checkImport(staff, {
      id,
      mapping: { "0": "fullName", "1": "email", "2": "phone", "3": "locale", "4": "consent:advertising", "5": "consent:promotions_events" },
      evidence: "Phiếu đăng ký hội chợ 11/2026",
    });
    await startImport(staff, id);
    while ((await runImportBatches(50)) > 0) {}
    expect(await db().importJob.findUniqueOrThrow({ where: { id } })).toMatchObject({ status: "COMPLETED", noticesPending: true });
    expect(await notices(Object.values(emails))).toEqual([]); // not before the import is done

    // One at a time, as two instances might take turns: each person once.
    while ((await sendImportNotices(1)) > 0) {}
    const sent = await notices(Object.values(emails));
    expect(sent.map((m) => m.to).sort()).toEqual([emails.en, emails.vi].sort());
    const vi = sent.find((m) => m.to === emails.vi);
    expect(vi?.text).toContain("nhập tệp");
    expect(vi?.text).toContain("“Khuyến mãi và sự kiện”, “Chiến dịch quảng cáo”");
    const en = sent.find((m) => m.to === emails.en);
    expect(en?.text).toContain("file import");
    expect(en?.text).not.toContain("”, “"); // one purpose only
    expect(await db().importJob.findUniqueOrThrow({ where: { id } })).toMatchObject({ noticesPending: false });
    expect(await sendImportNotices()).toBe(0);
    expect(await notices(Object.values(emails))).toHaveLength(2);
  });
});
