import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { listSubmissions, submissionBatches } from "@/lib/submissions/queries";
import { submitForm } from "@/lib/submissions/mutations";
import { uniqueEmail } from "@/tests/support/factories";
import { ctx, key, makeForm } from "@/tests/support/forms";
import { actAsAnonymous, actAsStaff } from "@/tests/support/session";
import { createFormAction, revealSubmissionContactAction, updateFormAction } from "./actions";

async function submission() {
  const form = await makeForm({ fields: { fullName: "optional", email: "optional", phone: "optional", address: "optional", organization: "optional" } });
  const { submissionId } = await submitForm(
    form,
    {
      fields: { fullName: "Lê Văn Bốn", email: uniqueEmail("mask"), phone: "0912 345 678", address: "12 Phố Huế, Hà Nội" },
      answers: { color: "red" },
      consents: [],
      locale: "vi",
      idempotencyKey: key(),
    },
    ctx(),
  );
  return { form, submissionId };
}

describe("submissions show contacts masked to STAFF (issue 11.8)", () => {
  it("on the list and in the CSV rows, as in the register, and in full to COMPLIANCE", async () => {
    const { form } = await submission();
    const staff = await actAsStaff("STAFF");
    const [row] = (await listSubmissions(staff, form.id)).rows;
    expect(row.masked).toBe(true);
    expect(row.fields.phone).toBe("+8491••••678");
    expect(row.fields.address).toBe("•••••• Nội");
    for await (const batch of submissionBatches(staff, form.id)) expect(batch[0].fields.phone).toBe("+8491••••678");
    const officer = await actAsStaff("COMPLIANCE");
    expect((await listSubmissions(officer, form.id)).rows[0].fields.phone).toBe("+84912345678");
  });

  it("reveal through the action, audited; refused to the signed-out and to ADMIN", async () => {
    const { submissionId } = await submission();
    const staff = await actAsStaff("STAFF");
    const result = await revealSubmissionContactAction({ submissionId });
    expect(result).toEqual({ ok: true, data: { phone: "+84912345678", address: "12 Phố Huế, Hà Nội" } });
    const audit = await db().auditEvent.findFirstOrThrow({ where: { action: "submission.contact_revealed", entityId: submissionId } });
    expect(audit.actorId).toBe(staff.id);

    await actAsStaff("ADMIN");
    expect(await revealSubmissionContactAction({ submissionId })).toMatchObject({ ok: false, error: { code: "FORBIDDEN" } });
    actAsAnonymous();
    expect(await revealSubmissionContactAction({ submissionId })).toMatchObject({ ok: false, error: { code: "UNAUTHENTICATED" } });
  });
});

describe("form actions", () => {
  it("create and edit a form (allowed origins one per line); field errors for a bad slug; administrators refused", async () => {
    const slug = `act-${key().slice(4, 12)}`;
    const input = {
      slug,
      kind: "LEAD" as const,
      status: "PUBLISHED" as const,
      titleVi: "Liên hệ",
      titleEn: "Contact",
      introVi: "",
      introEn: "",
      fields: { fullName: "required" as const, email: "required" as const, phone: "optional" as const, address: "off" as const, organization: "off" as const },
      questions: [],
      purposeKeys: ["inquiries"],
      thankYouVi: "",
      thankYouEn: "",
      redirectUrl: "",
      allowedOrigins: "https://a.example\nhttps://b.example",
    };
    await actAsStaff("ADMIN");
    expect(await createFormAction(input)).toMatchObject({ ok: false, error: { code: "FORBIDDEN" } });
    await actAsStaff("STAFF");
    expect(await createFormAction({ ...input, slug: "Bad Slug!" })).toMatchObject({ ok: false, error: { fieldErrors: { slug: expect.any(String) } } });
    const created = await createFormAction(input);
    expect(created).toMatchObject({ ok: true, data: { id: expect.any(String) } });
    const id = (created as { data: { id: string } }).data.id;
    expect(await updateFormAction({ id, ...input, titleVi: "Liên hệ mới", allowedOrigins: "https://c.example" })).toMatchObject({ ok: true });
    expect(await db().form.findUniqueOrThrow({ where: { id } })).toMatchObject({ titleVi: "Liên hệ mới", allowedOrigins: ["https://c.example"] });
  });
});
