// The submissions export through its real route: on the record before the first byte goes out, so a
// download cut short is audited too.
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { submitForm } from "@/lib/submissions/mutations";
import { uniqueEmail } from "@/tests/support/factories";
import { ctx, key, makeForm } from "@/tests/support/forms";
import { actAsStaff } from "@/tests/support/session";
import { POST } from "./route";

const exportOf = (id: string) =>
  POST(new Request(`http://localhost:3000/admin/forms/${id}/export`, { method: "POST", headers: { "sec-fetch-site": "same-origin" } }), {
    params: Promise.resolve({ id }),
  });

describe("POST /admin/forms/:id/export", () => {
  it("is audited with the rows it holds before anything is read, even when the download stops at once", async () => {
    const form = await makeForm();
    for (let i = 0; i < 2; i++) {
      await submitForm(form, { fields: { email: uniqueEmail("xuat") }, answers: { color: "red" }, idempotencyKey: key() }, ctx());
    }
    await actAsStaff("STAFF");
    const response = await exportOf(form.id);
    expect(response.status).toBe(200);
    // Not a byte read yet, and cancelled: already on the record.
    await response.body?.cancel();
    const audit = await db().auditEvent.findFirstOrThrow({ where: { action: "submissions.exported", entityId: form.id } });
    expect(audit.details).toEqual({ formId: form.id, rows: 2 });

    await actAsStaff("ADMIN");
    expect((await exportOf(form.id)).status).toBe(403);
    expect(await db().auditEvent.count({ where: { action: "submissions.exported", entityId: form.id } })).toBe(1);
  });
});
