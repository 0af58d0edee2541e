// A key that reaches personal data works only once a compliance officer approved it: the ADMIN who
// makes keys has no access to the register and cannot hand a system more. Through the real wrappers.
import { describe, expect, it } from "vitest";
import * as customers from "@/app/api/v1/customers/route";
import { createApiKeyAction } from "@/app/admin/settings/actions";
import { db } from "@/lib/db";
import { callApi } from "@/tests/support/api";
import { makeStaff } from "@/tests/support/factories";
import { actAsStaff } from "@/tests/support/session";
import { approveApiKeyAction, refuseApiKeyAction } from "./actions";

async function adminMakesKey(scopes: ("customers:read" | "webhooks:manage")[]) {
  await actAsStaff("ADMIN");
  const created = await createApiKeyAction({ name: `Hệ thống ${Math.random().toString(36).slice(2, 7)}`, scopes });
  if (!created.ok) throw new Error(created.error.message);
  return created.data;
}

const list = (key: string) => callApi(customers.GET, "/customers?limit=1", { key });

describe("API keys reaching personal data", () => {
  it("wait for a compliance officer: refused with the reason until approved, and only the officer may approve", async () => {
    const officer = await makeStaff("COMPLIANCE");
    const made = await adminMakesKey(["customers:read"]);
    expect(made.awaitsApproval).toBe(true);
    const waiting = await list(made.key);
    expect(waiting.status).toBe(403);
    expect(waiting.json.detail).toContain("waits for a compliance officer's approval");
    // The officer is asked to decide, with a link to the approvals page.
    const asked = await db().emailMessage.findFirstOrThrow({ where: { to: officer.email, template: "api_key_notice" }, orderBy: { createdAt: "desc" } });
    expect(asked.text).toContain("/admin/records/api-keys");

    // The ADMIN (who made it) and STAFF cannot approve it; neither can they refuse it here.
    for (const role of ["ADMIN", "STAFF"] as const) {
      await actAsStaff(role);
      expect(await approveApiKeyAction({ id: made.id })).toMatchObject({ ok: false, error: { code: "FORBIDDEN" } });
    }
    expect((await list(made.key)).status).toBe(403);

    const approver = await actAsStaff("COMPLIANCE");
    expect(await approveApiKeyAction({ id: "nope" })).toMatchObject({ ok: false, error: { code: "BAD_INPUT" } });
    expect(await approveApiKeyAction({ id: made.id })).toMatchObject({ ok: true });
    expect(await approveApiKeyAction({ id: made.id })).toMatchObject({
      ok: false,
      error: { code: "CONFLICT", message: expect.stringContaining("không còn chờ") },
    });
    expect((await list(made.key)).status).toBe(200);
    expect(await db().apiKey.findUniqueOrThrow({ where: { id: made.id } })).toMatchObject({ approvedById: approver.id, approvedAt: expect.any(Date) });

    // Stopped by the officer: refused at once, and on the record.
    expect(await refuseApiKeyAction({ id: made.id })).toMatchObject({ ok: true });
    expect((await list(made.key)).status).toBe(401);
    expect(
      await db().auditEvent.findMany({ where: { entityId: made.id, action: { startsWith: "api_key." } }, orderBy: { id: "asc" }, select: { action: true } }),
    ).toEqual([{ action: "api_key.created" }, { action: "api_key.approved" }, { action: "api_key.refused" }]);
  });

  it("a refused key never works; a key for webhooks alone needs no approval", async () => {
    const refused = await adminMakesKey(["customers:read"]);
    await actAsStaff("COMPLIANCE");
    expect(await refuseApiKeyAction({ id: refused.id })).toMatchObject({ ok: true });
    expect(await approveApiKeyAction({ id: refused.id })).toMatchObject({ ok: false, error: { code: "CONFLICT" } });
    expect((await list(refused.key)).status).toBe(401);

    const hooks = await adminMakesKey(["webhooks:manage"]);
    expect(hooks.awaitsApproval).toBe(false);
    // Not allowed to list customers (scope), but the key itself works: 403 for the scope, not for approval.
    const answer = await list(hooks.key);
    expect(answer.status).toBe(403);
    expect(answer.json.detail).not.toContain("approval");
  });
});
