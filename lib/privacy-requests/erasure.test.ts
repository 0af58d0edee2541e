import { describe, expect, it } from "vitest";
import { openSealedDetails } from "@/lib/audit/queries";
import { ERASED_VALUE } from "@/lib/audit/sealing";
import { verifyAuditChain } from "@/lib/audit/queries";
import type { CustomerActor } from "@/lib/auth/actor";
import { now } from "@/lib/clock";
import { recordStaffConsent } from "@/lib/consent/mutations";
import { recordSharingObjection, updateCustomer } from "@/lib/customers/mutations";
import { recordCustomerExport } from "@/lib/exports/mutations";
import { db } from "@/lib/db";
import { approveDisclosure, buildDisclosureItems, createRecipient, prepareDisclosure } from "@/lib/disclosures/mutations";
import { deliverDueEmails } from "@/lib/email/delivery";
import { uploadImport } from "@/lib/imports/mutations";
import { submitForm } from "@/lib/submissions/mutations";
import { makeStaff } from "@/tests/support/factories";
import { makeCustomer, token } from "@/tests/support/customers";
import { ctx, key, makeForm } from "@/tests/support/forms";
import { vnDay } from "./deadlines";
import { clearLegalHold, completeRequest, setLegalHold } from "./mutations/desk";
import { confirmRetentionSchema } from "./schemas";
import { confirmRetentionBatch, runErasureBatches } from "./mutations/retention";
import { retentionCandidates } from "./queries/desk";
import { confirmSubmission, sendConfirmationEmails } from "@/lib/confirmations/mutations";
import { oneTimeLinkTo, tokenOf } from "@/tests/support/email";
import { processSignInRequests, requestSignInLink } from "./mutations/sign-in";
import { changeMyConsent, requestCorrection, requestDeletion } from "./mutations/self-service";

const asCustomer = (customerId: string): CustomerActor => ({ kind: "customer", customerId, sessionId: "test", ip: "10.66.0.9", userAgent: "vitest" });

/** Every place in the database (any text, JSON, array or binary column of any table) where one of the values appears. */
async function findEverywhere(values: string[]) {
  const columns = await db().$queryRaw<{ table: string; column: string; type: string }[]>`
    SELECT table_name AS table, column_name AS column, data_type AS type FROM information_schema.columns
    WHERE table_schema = current_schema() AND data_type IN ('text', 'character varying', 'json', 'jsonb', 'ARRAY', 'bytea')`;
  const hits: string[] = [];
  for (const { table, column, type } of columns) {
    for (const value of values) {
      const test = type === "bytea" ? `position(convert_to($1, 'UTF8') in "${column}") > 0` : `strpos(lower("${column}"::text), lower($1)) > 0`;
      const [{ n }] = await db().$queryRawUnsafe<{ n: number }[]>(`SELECT count(*)::int AS n FROM "${table}" WHERE ${test}`, value);
      if (n > 0) hits.push(`${table}.${column} contains ${value} (${n})`);
    }
  }
  return hits;
}

async function drainEmail() {
  while ((await deliverDueEmails(50)) > 0) {}
}

describe("erasing a customer", () => {
  it("leaves no personal data in any table, keeps the pseudonymous evidence, and emails the customer before the address goes", async () => {
    const t = token();
    const person = {
      fullName: `Trần Thị Xoá ${t}`,
      email: `xoa.${t}@example.test`,
      phone: "0987 650 123".replace("123", String(100 + Math.floor(Math.random() * 899))),
      organization: `Công ty Riêng ${t}`,
    };
    const localPhone = person.phone.replaceAll(" ", "");
    const e164 = `+84${localPhone.slice(1)}`;
    const staff = await makeStaff("STAFF");
    const officer = await makeStaff("COMPLIANCE");
    const second = await makeStaff("COMPLIANCE");

    // Their data reaches every corner of the app: a form with a free-text answer naming them…
    const form = await makeForm();
    const { submissionId } = await submitForm(
      form,
      {
        fields: person,
        answers: { color: "blue", score: 5, tags: ["a"], note: `Gọi ${person.fullName} qua ${localPhone}` },
        consents: ["advertising", "inquiries"],
        locale: "vi",
        idempotencyKey: key(),
      },
      ctx("10.66.1.1"),
    );
    const id = (await db().submission.findUniqueOrThrow({ where: { id: submissionId } })).customerId!;
    // …who confirmed the consent from their inbox, on a browser that names them…
    while ((await sendConfirmationEmails(50)) > 0) {}
    await confirmSubmission(tokenOf(await oneTimeLinkTo(person.email, "consent_confirmation"))!, {
      ip: "10.66.1.3",
      userAgent: `Browser of ${person.fullName}`,
    });
    // …an edit (before/after in the audit chain), an address, paper consent with a scan and a note…
    await updateCustomer(staff, { customerId: id, ...person, address: `${t} Hàng Bài, Hà Nội`, locale: "vi", status: "ACTIVE" });
    await recordStaffConsent(staff, {
      customerId: id,
      purposeKey: "promotions_events",
      action: "GRANTED",
      givenOn: vnDay(await now()),
      method: "PAPER",
      documentRef: "Phiếu số 7",
      note: `Ký bởi ${person.fullName}`,
      file: new File([`%PDF scan of ${person.fullName}`], `${t}.pdf`, { type: "application/pdf" }),
    });
    // …a self-service change, a correction request in their words, sign-in link emails…
    await changeMyConsent(asCustomer(id), { purposeKey: "inquiries", action: "WITHDRAWN" });
    await requestCorrection(asCustomer(id), { details: `Số mới của tôi là ${localPhone}, email ${person.email}` });
    await requestSignInLink({ identifier: person.email }, { ip: "10.66.1.2", locale: "vi" });
    while ((await processSignInRequests()) > 0) {}
    await drainEmail();
    // …an approved advertising disclosure whose package holds their name and address…
    const recipient = await createRecipient(officer, { name: `Đối tác ${t}`, category: "ADVERTISING" });
    const disclosure = await prepareDisclosure(staff, {
      recipientId: recipient.id,
      reason: "Gửi thư mời hội thảo",
      fields: ["fullName", "address"],
      selection: { kind: "ids", ids: [id] },
    });
    while ((await buildDisclosureItems(50)) > 0) {}
    await approveDisclosure(officer, disclosure.id);
    // …an uploaded spreadsheet (the address written as people write it)…
    await uploadImport(
      staff,
      new File([`full_name,email,phone\n${person.fullName},${person.email.toUpperCase()},${localPhone}\n`], "khach.csv", { type: "text/csv" }),
    );
    // …free text naming them in the permanent record: an objection's note, a legal hold set and
    // cleared, an export searched by their name…
    await recordSharingObjection(staff, { customerId: id, note: `${person.fullName} gọi điện phản đối` });
    await setLegalHold(officer, { customerId: id, reason: `Tranh chấp hợp đồng với ${person.fullName}` });
    await clearLegalHold(officer, { customerId: id, reason: `Toà đã xử xong vụ của ${person.fullName}` });
    await recordCustomerExport(staff, { q: person.fullName }, 1, true);
    // …and a new address set by compliance, after mail went to the old one.
    const newEmail = `moi.${t}@example.test`;
    await updateCustomer(officer, { customerId: id, ...person, email: newEmail, address: `${t} Hàng Bài, Hà Nội`, locale: "vi", status: "ACTIVE" });

    // …and a published photo of the work delivered to them.
    const media = await db().mediaItem.create({
      data: {
        title: `Bàn giao ${t}`,
        link: "https://example.test/anh.jpg",
        publishedWhere: "Facebook",
        status: "PUBLISHED",
        publishedAt: new Date(),
        appearances: { create: [{ customerId: id }] },
      },
    });

    const values = [person.fullName, person.email, newEmail, localPhone, e164, `${t} Hàng Bài`, person.organization];
    expect((await findEverywhere(values)).length).toBeGreaterThan(10);
    const consentEvents = await db().consentEvent.count({ where: { customerId: id } });

    const { number } = await requestDeletion(asCustomer(id), { confirm: true });
    const request = await db().privacyRequest.findFirstOrThrow({ where: { number } });
    await completeRequest(second, { id: request.id, resolution: "Đã xoá theo yêu cầu" });

    // The completion email is the one thing left with the address, until the outbox has handled it.
    const last = await db().emailMessage.findFirstOrThrow({ where: { eraseAfterSend: true, to: newEmail } });
    expect(last.subject).toContain("Dữ liệu của bạn đã được xoá");
    expect(last.text).not.toContain(person.fullName);
    expect(await findEverywhere(values)).toEqual([`EmailMessage.to contains ${newEmail} (1)`]);
    await drainEmail();
    expect(await db().emailMessage.findUniqueOrThrow({ where: { id: last.id } })).toMatchObject({ status: "CAPTURED", to: "", html: null, text: null });

    expect(await findEverywhere([...values, "10.66.1.1", "10.66.0.9", `${t}.pdf`])).toEqual([]);

    // The photo is marked to be taken down.
    expect(await db().mediaItem.findUniqueOrThrow({ where: { id: media.id } })).toMatchObject({
      status: "TAKEDOWN_REQUESTED",
      takedownRequestedAt: expect.any(Date),
    });

    // The evidence stays, pseudonymous.
    const erased = await db().customer.findUniqueOrThrow({ where: { id } });
    expect(erased).toMatchObject({ status: "ERASED", fullName: null, email: null, phone: null, address: null, organization: null });
    expect(await db().consentEvent.count({ where: { customerId: id } })).toBe(consentEvents);
    expect(await db().consentEvent.count({ where: { customerId: id, policyVersionId: form.policy?.id ?? undefined, source: "FORM" } })).toBe(2);
    expect(await db().disclosureItem.count({ where: { customerId: id, disclosureId: disclosure.id, included: true } })).toBe(1);
    expect((await db().disclosure.findUniqueOrThrow({ where: { id: disclosure.id } })).packageChecksum).not.toBeNull();
    expect(await db().privacyRequest.findUniqueOrThrow({ where: { id: request.id } })).toMatchObject({ status: "COMPLETED", type: "DELETE" });
    expect((await db().submission.findFirstOrThrow({ where: { customerId: id } })).answers).toEqual({ color: "blue", score: 5, tags: ["a"] });
    expect(await db().auditEvent.count({ where: { action: "customer.erased", entityId: id } })).toBe(1);
    expect(await verifyAuditChain(officer)).toMatchObject({ ok: true });
    const [edit] = await openSealedDetails([await db().auditEvent.findFirstOrThrow({ where: { action: "customer.updated", entityId: id } })]);
    expect(JSON.stringify(edit.details)).toContain(ERASED_VALUE);
    // Nothing more can be done to an erased record.
    expect(
      await requestDeletion(asCustomer(id), { confirm: true }).then(
        () => null,
        (e) => e.code,
      ),
    ).toBe("UNAUTHENTICATED");
  });
});

describe("retention", () => {
  it("lists customers terminated longer than the grace period and erases a confirmed batch, skipping legal holds", async () => {
    const officer = await makeStaff("COMPLIANCE");
    const staff = await makeStaff("STAFF");
    const t = token();
    const make = async (label: string, daysAgo: number) => {
      const { submissionId } = await submitForm(
        await makeForm(),
        {
          fields: { fullName: `${label} ${t}`, email: `${label}.${t}@example.test` },
          answers: { color: "red" },
          consents: [],
          locale: "vi",
          idempotencyKey: key(),
        },
        ctx(),
      );
      const customerId = (await db().submission.findUniqueOrThrow({ where: { id: submissionId } })).customerId!;
      await db().customer.update({
        where: { id: customerId },
        data: { status: "TERMINATED", terminatedAt: new Date((await now()).getTime() - daysAgo * 86_400_000) },
      });
      return customerId;
    };
    const old = await make("cu", 45);
    const held = await make("giu", 60);
    const recent = await make("moi", 5);
    // Terminated long ago too, but waiting for an answer to their access request: not erasable yet.
    const asking = await make("hoi", 90);
    await requestCorrection(asCustomer(asking), { details: "Xin gửi lại dữ liệu của tôi trước khi xoá" });
    await setLegalHold(officer, { customerId: held, reason: "Lệnh giữ hồ sơ của toà án" });

    const { rows } = await retentionCandidates(staff);
    const listed = rows.map((r) => r.id);
    expect(listed).toEqual(expect.arrayContaining([old, held]));
    expect(listed).not.toContain(recent);
    expect(listed).not.toContain(asking);
    expect(rows.find((r) => r.id === held)?.legalHoldReason).toBe("Lệnh giữ hồ sơ của toà án");

    expect(() => confirmRetentionSchema.parse({ customerIds: [] })).toThrow();
    await expect(confirmRetentionBatch(staff, { customerIds: [old] })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(confirmRetentionBatch(officer, { customerIds: [old, recent] })).rejects.toMatchObject({ userMessage: "requests.retentionStale" });
    const batch = await confirmRetentionBatch(officer, { customerIds: [old, held] });
    while ((await runErasureBatches()) > 0) {}

    expect(await db().erasureBatch.findUniqueOrThrow({ where: { id: batch.id } })).toMatchObject({
      status: "COMPLETED",
      processed: 2,
      erased: 1,
      skipped: [{ id: held, reason: "LEGAL_HOLD" }],
    });
    expect((await db().customer.findUniqueOrThrow({ where: { id: old } })).status).toBe("ERASED");
    expect((await db().customer.findUniqueOrThrow({ where: { id: held } })).status).toBe("TERMINATED");
    expect((await db().customer.findUniqueOrThrow({ where: { id: recent } })).status).toBe("TERMINATED");
    expect(await findEverywhere([`cu.${t}@example.test`, `cu ${t}`])).toEqual([]);
  });

  it("picks a batch up where an unexpected error stopped it, erasing nobody twice and counting everyone once", async () => {
    const officer = await makeStaff("COMPLIANCE");
    const ended = async () => {
      const c = await makeCustomer({ status: "ACTIVE" });
      await db().customer.update({ where: { id: c.id }, data: { status: "TERMINATED", terminatedAt: new Date((await now()).getTime() - 60 * 86_400_000) } });
      return c.id;
    };
    const [first, second] = [await ended(), await ended()];
    const batch = await confirmRetentionBatch(officer, { customerIds: [first, second] });
    // The database refuses to erase the second for a while (a failure the app did not foresee).
    await db().$executeRawUnsafe(`CREATE OR REPLACE FUNCTION test_refuse_erasure() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN IF NEW.id = '${second}'::uuid AND NEW.status = 'ERASED' THEN RAISE EXCEPTION 'disk full (test)'; END IF; RETURN NEW; END $$`);
    await db().$executeRawUnsafe(`CREATE TRIGGER test_refuse_erasure BEFORE UPDATE ON "Customer" FOR EACH ROW EXECUTE FUNCTION test_refuse_erasure()`);
    try {
      await expect(runErasureBatches()).rejects.toThrow(/disk full/);
      expect(await db().erasureBatch.findUniqueOrThrow({ where: { id: batch.id } })).toMatchObject({ status: "RUNNING", processed: 1, erased: 1 });
    } finally {
      await db().$executeRawUnsafe(`DROP TRIGGER test_refuse_erasure ON "Customer"`);
      await db().$executeRawUnsafe("DROP FUNCTION test_refuse_erasure()");
    }
    while ((await runErasureBatches()) > 0) {}
    expect(await db().erasureBatch.findUniqueOrThrow({ where: { id: batch.id } })).toMatchObject({ status: "COMPLETED", processed: 2, erased: 2, skipped: [] });
    expect(await db().customer.count({ where: { id: { in: [first, second] }, status: "ERASED" } })).toBe(2);
  });

  it("proposes leads who never became customers once they have been quiet for the lead retention period (24 months by default)", async () => {
    const officer = await makeStaff("COMPLIANCE");
    const at = await now();
    const monthsAgo = (m: number) => new Date(new Date(at).setUTCMonth(at.getUTCMonth() - m));
    const lead = async (createdMonthsAgo: number, status: "LEAD" | "ACTIVE" = "LEAD") => {
      const c = await makeCustomer({ status });
      await db().customer.update({ where: { id: c.id }, data: { createdAt: monthsAgo(createdMonthsAgo) } });
      return c.id;
    };
    const quiet = await lead(25);
    const recent = await lead(23);
    const client = await lead(30, "ACTIVE");
    // Old, but agreed to something last month: that is contact.
    const active = await lead(30);
    await recordStaffConsent(officer, {
      customerId: active,
      purposeKey: "inquiries",
      action: "GRANTED",
      givenOn: vnDay(monthsAgo(1)),
      method: "PHONE",
      documentRef: "Cuộc gọi",
    });

    const { rows, leadRetentionMonths } = await retentionCandidates(officer, 100_000);
    expect(leadRetentionMonths).toBe(24);
    const listed = new Map(rows.map((r) => [r.id, r]));
    expect(listed.get(quiet)).toMatchObject({ status: "LEAD" });
    expect([recent, client, active].filter((id) => listed.has(id))).toEqual([]);

    await expect(confirmRetentionBatch(officer, { customerIds: [quiet, recent] })).rejects.toMatchObject({ userMessage: "requests.retentionStale" });
    await confirmRetentionBatch(officer, { customerIds: [quiet] });
    while ((await runErasureBatches()) > 0) {}
    expect((await db().customer.findUniqueOrThrow({ where: { id: quiet } })).status).toBe("ERASED");
  });
});
