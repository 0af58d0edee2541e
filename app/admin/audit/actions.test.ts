import { describe, expect, it } from "vitest";
import { actAsStaff } from "@/tests/support/session";
import { verifyAuditChainAction } from "./actions";

describe("audit actions", () => {
  it("verify the chain for compliance and administrators, not for staff", async () => {
    await actAsStaff("COMPLIANCE");
    expect(await verifyAuditChainAction({})).toMatchObject({ ok: true, data: { ok: true } });
    await actAsStaff("STAFF");
    expect(await verifyAuditChainAction({})).toMatchObject({ ok: false, error: { code: "FORBIDDEN" } });
  });
});
