// Every staff member's own account through the real wrappers; a restricted session may only set up two-step sign-in.
import { describe, expect, it } from "vitest";
import { base32Decode, hotp, stepAt } from "@/lib/auth/totp";
import { db } from "@/lib/db";
import { TEST_PASSWORD } from "@/tests/support/factories";
import { actAsAnonymous, actAsStaff } from "@/tests/support/session";
import { changePasswordAction, disableTwoFactorAction, enableTwoFactorAction, startTwoFactorAction } from "./actions";

const code = (secret: string) => hotp(base32Decode(secret.replaceAll(" ", "")), stepAt(new Date()));

describe("account actions", () => {
  it("set up two-step sign-in from a restricted session, then turn it off with the password", async () => {
    const staff = await actAsStaff("COMPLIANCE");
    await db().session.update({ where: { id: staff.sessionId }, data: { restricted: true } });
    expect(await changePasswordAction({ currentPassword: TEST_PASSWORD, password: "another long one", confirmPassword: "another long one" })).toMatchObject({
      ok: false,
      error: { code: "FORBIDDEN" },
    });
    const started = await startTwoFactorAction({});
    expect(started).toMatchObject({ ok: true, data: { secret: expect.any(String), qrSvg: expect.stringMatching(/^<svg/) } });
    expect(await enableTwoFactorAction({ code: "000000" })).toMatchObject({ ok: false, error: { fieldErrors: { code: expect.any(String) } } });
    const enabled = await enableTwoFactorAction({ code: code((started as { data: { secret: string } }).data.secret) });
    expect(enabled).toMatchObject({ ok: true, data: { recoveryCodes: expect.any(Array) } });
    expect(await disableTwoFactorAction({ password: "wrong" })).toMatchObject({ ok: false, error: { fieldErrors: { password: expect.any(String) } } });
    expect(await disableTwoFactorAction({ password: TEST_PASSWORD })).toMatchObject({ ok: true });
  });

  it("change the password with the current one; the signed-out are refused", async () => {
    await actAsStaff("STAFF");
    expect(await changePasswordAction({ currentPassword: TEST_PASSWORD, password: "short", confirmPassword: "short" })).toMatchObject({
      ok: false,
      error: { fieldErrors: { password: expect.any(String) } },
    });
    expect(await changePasswordAction({ currentPassword: TEST_PASSWORD, password: "another long one", confirmPassword: "another long one" })).toMatchObject({
      ok: true,
    });
    actAsAnonymous();
    expect(await changePasswordAction({ currentPassword: "x", password: "another long one", confirmPassword: "another long one" })).toMatchObject({
      ok: false,
      error: { code: "UNAUTHENTICATED" },
    });
  });
});
