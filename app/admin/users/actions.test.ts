// Staff accounts through their real wrappers (administrators only).
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { makeStaff, uniqueEmail } from "@/tests/support/factories";
import { actAsStaff } from "@/tests/support/session";
import { changeRoleAction, forcePasswordResetAction, inviteUserAction, resendInviteAction, resetTwoFactorAction, setDisabledAction } from "./actions";

describe("user actions", () => {
  it("invite, resend, change a role, disable, require a new password; compliance are refused", async () => {
    await actAsStaff("COMPLIANCE");
    expect(await inviteUserAction({ email: uniqueEmail("x"), name: "X", role: "STAFF" })).toMatchObject({ ok: false, error: { code: "FORBIDDEN" } });
    await actAsStaff("ADMIN");
    const email = uniqueEmail("invited");
    const invited = await inviteUserAction({ email, name: "Người Được Mời", role: "STAFF" });
    expect(invited).toMatchObject({ ok: true, data: { id: expect.any(String) } });
    const userId = (invited as { data: { id: string } }).data.id;
    expect(await inviteUserAction({ email, name: "Again", role: "STAFF" })).toMatchObject({ ok: false, error: { fieldErrors: { email: expect.any(String) } } });
    expect(await resendInviteAction({ userId })).toMatchObject({ ok: true });
    expect(await changeRoleAction({ userId, role: "COMPLIANCE" })).toMatchObject({ ok: true });
    expect(await setDisabledAction({ userId, disabled: true })).toMatchObject({ ok: true });
    expect((await db().user.findUniqueOrThrow({ where: { id: userId } })).role).toBe("COMPLIANCE");

    const active = await makeStaff("STAFF");
    expect(await forcePasswordResetAction({ userId: active.id })).toMatchObject({ ok: true, data: { email: active.email } });
    expect(await resetTwoFactorAction({ userId: active.id })).toMatchObject({ ok: false, error: { code: "NOT_FOUND" } });
  });
});
