// The customer's own download: everything held about them, and nothing a stranger could have put
// on their record by typing their phone number into a form.
import { describe, expect, it } from "vitest";
import type { CustomerActor } from "@/lib/auth/actor";
import { now } from "@/lib/clock";
import { recordStaffConsent } from "@/lib/consent/mutations";
import { db } from "@/lib/db";
import { translator } from "@/lib/i18n/translate";
import { submitForm } from "@/lib/submissions/mutations";
import { makeCustomer, randomPhone, token } from "@/tests/support/customers";
import { makeStaff } from "@/tests/support/factories";
import { ctx, key, makeForm } from "@/tests/support/forms";
import { vnDay } from "./deadlines";
import { myExport, myExportCsv } from "./queries/my-data";

const asCustomer = (customerId: string): CustomerActor => ({ kind: "customer", customerId, sessionId: "test", ip: "10.8.0.1", userAgent: "vitest" });

describe("the customer's data download", () => {
  it("withholds what a form sent without their email said, and keeps what they sent themselves", async () => {
    const tag = token();
    const phone = randomPhone();
    const form = await makeForm();
    const owner = await makeCustomer({ email: `owner.${tag}@example.test`, phone });
    // The owner's own form (their email): shown in full.
    await submitForm(
      form,
      { fields: { email: owner.email, fullName: `Chủ ${tag}` }, answers: { color: "red", note: `của tôi ${tag}` }, idempotencyKey: key() },
      ctx(),
    );
    // Someone else types the same phone number and no email: the register files it under the owner,
    // but signing in with the email proves nothing about who sent it.
    await submitForm(form, { fields: { phone, fullName: `Người Lạ ${tag}` }, answers: { color: "blue", note: `bí mật ${tag}` }, idempotencyKey: key() }, ctx());
    expect(await db().submission.count({ where: { customerId: owner.id } })).toBe(2);

    const data = await myExport(asCustomer(owner.id));
    expect(data.submissions).toHaveLength(2);
    expect(data.submissions.filter((s) => s.withheld)).toEqual([expect.objectContaining({ fields: null, answers: null })]);
    expect(data.submissions.find((s) => !s.withheld)?.answers).toMatchObject({ note: `của tôi ${tag}` });
    expect(JSON.stringify(data)).not.toContain(`bí mật ${tag}`);
    expect(JSON.stringify(data)).not.toContain(`Người Lạ ${tag}`);
    const csv = await myExportCsv(asCustomer(owner.id), translator("vi"));
    expect(csv).not.toContain(`bí mật ${tag}`);
    expect(csv).toContain("Gửi không kèm email của bạn");
  });

  it("holds every consent event (also of a purpose since switched off, with its evidence), every request, photos they appear in and notices", async () => {
    const tag = token();
    const staff = await makeStaff("STAFF");
    const c = await makeCustomer({ email: `all.${tag}@example.test` });
    const purpose = await db().purpose.create({
      data: {
        key: `retired_${tag.toLowerCase().replace(/[^a-z0-9]/g, "")}`.slice(0, 60),
        legalBasis: "CONSENT",
        labelVi: "Cũ",
        labelEn: "Old",
        descriptionVi: "Mục đích cũ",
        descriptionEn: "An old purpose",
      },
    });
    await recordStaffConsent(staff, {
      customerId: c.id,
      purposeKey: purpose.key,
      action: "GRANTED",
      givenOn: vnDay(await now()),
      method: "PAPER",
      documentRef: `PHIEU-${tag}`,
    });
    await db().purpose.update({ where: { id: purpose.id }, data: { active: false } });
    await db().privacyRequest.createMany({
      data: Array.from({ length: 55 }, (_, i) => ({
        customerId: c.id,
        type: "ACCESS" as const,
        channel: "EMAIL" as const,
        details: `thư ${i}`,
        // Answered long ago (closed: no clock of theirs is running).
        status: "COMPLETED" as const,
        rule: {},
        acknowledgeDueAt: new Date(),
        dueAt: new Date(),
        completedAt: new Date(),
      })),
    });
    const media = await db().mediaItem.create({ data: { title: `Lễ bàn giao ${tag}`, link: "https://example.test/anh.jpg", publishedWhere: "Facebook" } });
    await db().mediaAppearance.create({ data: { mediaId: media.id, customerId: c.id } });

    const data = await myExport(asCustomer(c.id));
    const retired = data.consent.find((p) => p.purpose === purpose.key);
    expect(retired).toMatchObject({
      active: false,
      current: "GRANTED",
      history: [expect.objectContaining({ action: "GRANTED", method: "PAPER", documentRef: `PHIEU-${tag}` })],
    });
    expect(data.requests).toHaveLength(55);
    expect(data.requests.map((r) => r.details)).toContain("thư 54");
    expect(data.media).toEqual([expect.objectContaining({ title: `Lễ bàn giao ${tag}`, status: "DRAFT", where: "Facebook" })]);
    const csv = await myExportCsv(asCustomer(c.id), translator("en"));
    expect(csv).toContain(`Photo or video,Lễ bàn giao ${tag},Not published`);
  });
});
