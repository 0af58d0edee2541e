// The team hears about new leads: watchers chosen per form through the real action wrapper, emails
// at once or hourly with no personal data and never twice, and leads marked answered once.
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { sendLeadNotifications } from "@/lib/leads/mutations";
import { submitForm } from "@/lib/submissions/mutations";
import { makeStaff, uniqueEmail } from "@/tests/support/factories";
import { ctx, key, makeForm } from "@/tests/support/forms";
import { actAsStaff } from "@/tests/support/session";
import { markAnsweredAction, setLeadWatchersAction } from "./actions";

async function submit(formId: Awaited<ReturnType<typeof makeForm>>, email = uniqueEmail("lead")) {
  return submitForm(
    formId,
    { fields: { fullName: "Phạm Minh Châu", email }, answers: { color: "red" }, consents: ["inquiries"], locale: "vi", idempotencyKey: key() },
    ctx(),
  );
}
const leadEmails = (to: string) => db().emailMessage.findMany({ where: { to, template: "lead_notice" }, orderBy: { createdAt: "asc" } });
const drain = async () => {
  while ((await sendLeadNotifications(50, 0)) > 0);
};

describe("lead notifications", () => {
  it("are chosen per form by staff, only for active staff who may read submissions", async () => {
    const form = await makeForm();
    const colleague = await makeStaff("STAFF");
    const admin = await makeStaff("ADMIN");
    await actAsStaff("ADMIN");
    expect(await setLeadWatchersAction({ formId: form.id, watchers: [{ userId: colleague.id, mode: "IMMEDIATE" }] })).toMatchObject({
      ok: false,
      error: { code: "FORBIDDEN" },
    });
    await actAsStaff("STAFF");
    const refused = await setLeadWatchersAction({ formId: form.id, watchers: [{ userId: admin.id, mode: "IMMEDIATE" }] });
    expect(refused).toMatchObject({ ok: false, error: { code: "BAD_INPUT", fieldErrors: { watchers: expect.any(String) } } });
    const bad = await setLeadWatchersAction({ formId: form.id, watchers: [{ userId: colleague.id, mode: "SOMETIMES" as never }] });
    expect(bad).toMatchObject({ ok: false, error: { code: "BAD_INPUT" } });
    expect(await setLeadWatchersAction({ formId: form.id, watchers: [{ userId: colleague.id, mode: "IMMEDIATE" }] })).toMatchObject({ ok: true });
    expect(await db().formWatcher.findMany({ where: { formId: form.id } })).toEqual([expect.objectContaining({ userId: colleague.id, mode: "IMMEDIATE" })]);
    expect(await db().auditEvent.count({ where: { action: "form.lead_watchers_set", entityId: form.id } })).toBe(1);
    // Turning it off removes the watcher.
    await setLeadWatchersAction({ formId: form.id, watchers: [{ userId: colleague.id, mode: "OFF" }] });
    expect(await db().formWatcher.count({ where: { formId: form.id } })).toBe(0);
  });

  it("email an immediate watcher once per run with a link and a count, never the person's data, never twice", async () => {
    const form = await makeForm();
    const watcher = await makeStaff("STAFF");
    const gone = await makeStaff("COMPLIANCE");
    await actAsStaff("STAFF");
    await setLeadWatchersAction({
      formId: form.id,
      watchers: [
        { userId: watcher.id, mode: "IMMEDIATE" },
        { userId: gone.id, mode: "IMMEDIATE" },
      ],
    });
    await db().user.update({ where: { id: gone.id }, data: { disabledAt: new Date() } });
    const email = uniqueEmail("lead");
    await submit(form, email);
    await submit(form);
    await drain();
    const sent = await leadEmails(watcher.email);
    expect(sent).toHaveLength(1);
    expect(sent[0].subject).toContain("2");
    expect(sent[0].text).toContain(`/admin/forms/${form.id}/submissions`);
    expect(sent[0].html).not.toContain(email);
    expect(sent[0].html).not.toContain("Phạm Minh Châu");
    expect(await leadEmails(gone.email)).toHaveLength(0);
    // Moved to a role that may not read submissions: no longer told either.
    await db().user.update({ where: { id: gone.id }, data: { disabledAt: null, role: "ADMIN" } });
    await submit(form);
    await db().formWatcher.updateMany({ where: { formId: form.id, userId: watcher.id }, data: { notifiedUpTo: new Date() } });
    await drain();
    expect(await leadEmails(gone.email)).toHaveLength(0);
    await drain();
    expect(await leadEmails(watcher.email)).toHaveLength(1);
    await submit(form);
    await drain();
    expect(await leadEmails(watcher.email)).toHaveLength(2);
  });

  it("send an hourly watcher at most one digest an hour", async () => {
    const form = await makeForm();
    const watcher = await makeStaff("STAFF");
    await actAsStaff("STAFF");
    await setLeadWatchersAction({ formId: form.id, watchers: [{ userId: watcher.id, mode: "HOURLY" }] });
    await submit(form);
    await drain();
    expect(await leadEmails(watcher.email)).toHaveLength(1);
    await submit(form);
    await drain();
    expect(await leadEmails(watcher.email)).toHaveLength(1);
    await db().formWatcher.updateMany({ where: { formId: form.id }, data: { lastSentAt: new Date(Date.now() - 3_600_000 - 1000) } });
    await drain();
    const sent = await leadEmails(watcher.email);
    expect(sent).toHaveLength(2);
    expect(sent[1].subject).toContain("1");
  });

  it("mark a lead answered once, with who and when; ADMIN may not", async () => {
    const form = await makeForm();
    const { submissionId } = await submit(form);
    await actAsStaff("ADMIN");
    expect(await markAnsweredAction({ submissionId })).toMatchObject({ ok: false, error: { code: "FORBIDDEN" } });
    const staff = await actAsStaff("STAFF");
    expect(await markAnsweredAction({ submissionId })).toMatchObject({ ok: true });
    const row = await db().submission.findUniqueOrThrow({ where: { id: submissionId } });
    expect(row.answeredById).toBe(staff.id);
    expect(row.answeredAt).toBeInstanceOf(Date);
    expect(await markAnsweredAction({ submissionId })).toMatchObject({ ok: false, error: { code: "CONFLICT" } });
    expect(await db().auditEvent.count({ where: { action: "submission.answered", entityId: submissionId } })).toBe(1);
  });
});
