// Every customer action through its real wrapper, with a real session: the happy path and a refusal.
import { describe, expect, it } from "vitest";
import { now } from "@/lib/clock";
import { vnDay } from "@/lib/privacy-requests/deadlines";
import { db } from "@/lib/db";
import { token, makeCustomer } from "@/tests/support/customers";
import { ctx, key, makeForm } from "@/tests/support/forms";
import { submitForm } from "@/lib/submissions/mutations";
import { actAsAnonymous, actAsStaff } from "@/tests/support/session";
import {
  createCustomerAction,
  decideProposalAction,
  mergeCustomersAction,
  recordConsentAction,
  revealContactAction,
  terminateCustomerAction,
  updateCustomerAction,
} from "./actions";
import { checkImportAction, importProgressAction, startImportAction, uploadImportAction } from "./import/actions";

// "Today" on the app's clock (other test files move it forward).
const today = async () => vnDay(await now());
const form = (values: Record<string, string | Blob>) => {
  const data = new FormData();
  for (const [k, v] of Object.entries(values)) data.set(k, v);
  return data;
};

describe("customer actions", () => {
  it("create a customer with every optional field empty, and refuse administrators", async () => {
    await actAsStaff("STAFF");
    const result = await createCustomerAction({
      fullName: `Chỉ Có Tên ${token()}`,
      email: "",
      phone: "",
      address: "",
      organization: "",
      locale: "vi",
      status: "LEAD",
    });
    expect(result).toMatchObject({ ok: true, data: { id: expect.any(String) } });
    const created = await db().customer.findUniqueOrThrow({ where: { id: (result as { data: { id: string } }).data.id } });
    expect(created).toMatchObject({ email: null, phone: null, address: null, organization: null });
    const admin = await actAsStaff("ADMIN");
    expect(await createCustomerAction({ fullName: "X", email: "", phone: "", address: "", organization: "", locale: "vi", status: "LEAD" })).toMatchObject({
      ok: false,
      error: { code: "FORBIDDEN" },
    });
    // The refusal is on the record: who tried what.
    expect(await db().auditEvent.findFirst({ where: { action: "access.refused", actorId: admin.id }, select: { details: true } })).toMatchObject({
      details: { action: "createCustomerAction", reason: "role" },
    });
  });

  it("a duplicate contact names the field and links to the customer who has it", async () => {
    const existing = await makeCustomer();
    await actAsStaff("STAFF");
    const result = await createCustomerAction({
      fullName: `Người Khác ${token()}`,
      email: existing.email!,
      phone: "",
      address: "",
      organization: "",
      locale: "vi",
      status: "LEAD",
    });
    expect(result).toMatchObject({
      ok: false,
      error: {
        code: "CONFLICT",
        fieldErrors: { email: "Đã có khách hàng với thông tin liên hệ này." },
        link: { href: `/admin/customers/${existing.id}`, label: "Mở hồ sơ khách hàng đang dùng thông tin này" },
      },
    });
  });

  it("edit a customer, clearing a field, and show field errors for bad input", async () => {
    const c = await makeCustomer({ organization: "Công ty Cũ" });
    await actAsStaff("STAFF");
    const base = {
      customerId: c.id,
      fullName: c.fullName!,
      email: c.email!,
      phone: c.phone!,
      address: "",
      organization: "",
      locale: "vi" as const,
      status: "ACTIVE" as const,
    };
    expect(await updateCustomerAction(base)).toEqual({ ok: true, data: undefined });
    expect(await db().customer.findUniqueOrThrow({ where: { id: c.id } })).toMatchObject({ organization: null, address: null, status: "ACTIVE" });
    expect(await updateCustomerAction({ ...base, phone: "12" })).toMatchObject({
      ok: false,
      error: { code: "BAD_INPUT", fieldErrors: { phone: expect.any(String) } },
    });
  });

  it("reveal a contact (audited), terminate, and record paper consent with a scan", async () => {
    const c = await makeCustomer({ status: "ACTIVE" });
    const staff = await actAsStaff("STAFF");
    expect(await revealContactAction({ customerId: c.id })).toMatchObject({ ok: true, data: { phone: `+84${c.phone!.slice(1)}` } });
    const consent = await recordConsentAction(
      form({
        customerId: c.id,
        purposeKey: "surveys",
        action: "GRANTED",
        givenOn: await today(),
        method: "PAPER",
        documentRef: "Phiếu 7",
        note: "",
        file: new File(["%PDF-1.4"], "phieu.pdf", { type: "application/pdf" }),
      }),
    );
    expect(consent).toMatchObject({ ok: true });
    expect(await db().consentEvent.count({ where: { customerId: c.id, staffId: staff.id } })).toBe(1);
    expect(
      await recordConsentAction(form({ customerId: c.id, purposeKey: "surveys", action: "GRANTED", givenOn: await today(), method: "PAPER", documentRef: "" })),
    ).toMatchObject({
      ok: false,
      error: { fieldErrors: { documentRef: expect.any(String) } },
    });
    expect(await terminateCustomerAction({ customerId: c.id, date: await today(), reason: "Hết hợp đồng" })).toMatchObject({ ok: true });
    expect((await db().customer.findUniqueOrThrow({ where: { id: c.id } })).status).toBe("TERMINATED");
  });

  it("merge two records of one email, but not two strangers; compliance with a reason on the field", async () => {
    const a = await makeCustomer();
    const b = await makeCustomer();
    await db().customer.update({ where: { id: b.id }, data: { email: a.email } });
    const stranger = await makeCustomer();
    await actAsStaff("STAFF");
    expect(await mergeCustomersAction({ keepId: a.id, mergeId: stranger.id })).toMatchObject({ ok: false, error: { code: "FORBIDDEN" } });
    expect(await mergeCustomersAction({ keepId: a.id, mergeId: b.id })).toMatchObject({ ok: true, data: { keepId: a.id } });
    await actAsStaff("COMPLIANCE");
    const refused = await mergeCustomersAction({ keepId: a.id, mergeId: stranger.id, reason: "" });
    expect(refused).toMatchObject({ ok: false, error: { fieldErrors: { reason: expect.stringMatching(/ít nhất 10 ký tự/) } } });
    expect(await mergeCustomersAction({ keepId: a.id, mergeId: stranger.id, reason: "Confirmed in person with ID card" })).toMatchObject({ ok: true });
  });

  it("apply a visitor's proposed details; refuse the signed-out", async () => {
    const c = await makeCustomer();
    const f = await makeForm();
    const { submissionId } = await submitForm(
      f,
      { fields: { email: c.email, fullName: "Tên Mới" }, answers: { color: "red" }, consents: [], locale: "vi", idempotencyKey: key() },
      ctx(),
    );
    actAsAnonymous();
    expect(await decideProposalAction({ submissionId, decision: "APPLY" })).toMatchObject({ ok: false, error: { code: "UNAUTHENTICATED" } });
    await actAsStaff("STAFF");
    expect(await decideProposalAction({ submissionId, decision: "APPLY" })).toMatchObject({ ok: true, data: { applied: ["fullName"] } });
  });

  it("import a CSV: upload, dry run, start, progress", async () => {
    await actAsStaff("STAFF");
    const t = token();
    const uploaded = await uploadImportAction(form({ file: new File([`name,email\nNhập ${t},${t}@example.test\n`], "k.csv", { type: "text/csv" }) }));
    expect(uploaded).toMatchObject({ ok: true });
    const id = (uploaded as { data: { id: string } }).data.id;
    expect(await startImportAction({ id, checkedAt: "2026-01-01T00:00:00.000Z" })).toMatchObject({ ok: false, error: { message: expect.any(String) } });
    const first = await checkImportAction({ id, mapping: { "0": "fullName", "1": "email" }, evidence: "" });
    expect(first).toMatchObject({ ok: true, data: { validRows: 1 } });
    // Checked again meanwhile (another tab, a colleague): the first check is no longer what would run.
    const second = await checkImportAction({ id, mapping: { "0": "", "1": "email" }, evidence: "" });
    expect(await startImportAction({ id, checkedAt: (first as { data: { checkedAt: string } }).data.checkedAt })).toMatchObject({
      ok: false,
      error: { code: "CONFLICT" },
    });
    expect(await startImportAction({ id } as never)).toMatchObject({ ok: false, error: { code: "BAD_INPUT" } });
    expect(await startImportAction({ id, checkedAt: (second as { data: { checkedAt: string } }).data.checkedAt })).toMatchObject({ ok: true });
    expect(await checkImportAction({ id, mapping: { "0": "fullName", "1": "email" }, evidence: "" })).toMatchObject({
      ok: false,
      error: { code: "CONFLICT" },
    });
    expect(await importProgressAction({ id })).toMatchObject({ ok: true, data: { status: expect.stringMatching(/QUEUED|RUNNING|COMPLETED/) } });
    expect(await uploadImportAction(form({}))).toMatchObject({ ok: false, error: { code: "BAD_INPUT" } });
  });
});
