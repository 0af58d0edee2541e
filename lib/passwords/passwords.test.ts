import { describe, expect, it } from "vitest";
import type { StaffActor } from "@/lib/auth/actor";
import { authenticate } from "@/lib/auth/mutations";
import { findSessionUser } from "@/lib/auth/queries";
import { db } from "@/lib/db";
import type { AppError } from "@/lib/errors";
import { setPasswordWithToken } from "@/lib/users/mutations";
import { oneTimeLinkTo, tokenOf } from "@/tests/support/email";
import { makeStaff, TEST_PASSWORD, uniqueEmail } from "@/tests/support/factories";
import { changeOwnPassword, forcePasswordReset, processPasswordResetRequests, requestPasswordReset, RESET_LIMITS } from "./mutations";

const ip = () => `10.92.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250)}`;
const failure = (p: Promise<unknown>) =>
  p.then(
    () => null,
    (e: AppError) => e,
  );
const drain = async () => {
  while ((await processPasswordResetRequests(50)) > 0) {}
};
const NEW = "a brand new passphrase";

describe("forgotten passwords", () => {
  it("answer the same for any address, email only real accounts, and a link ends every session", async () => {
    const staff = await makeStaff("STAFF");
    const { sessionId } = await authenticate({ email: staff.email, password: TEST_PASSWORD, ip: ip() });
    const nobody = uniqueEmail("nobody");
    expect(await requestPasswordReset({ email: staff.email }, { ip: ip(), locale: "vi" })).toBeUndefined();
    expect(await requestPasswordReset({ email: nobody }, { ip: ip(), locale: "vi" })).toBeUndefined();
    await drain();
    expect(await db().emailMessage.count({ where: { to: nobody } })).toBe(0);
    const token = tokenOf(await oneTimeLinkTo(staff.email, "password_reset"))!;
    expect(token).toBeTruthy();

    await setPasswordWithToken({ token, password: NEW, confirmPassword: NEW }, "10.0.0.1");
    expect(await findSessionUser(sessionId)).toBeNull();
    await expect(authenticate({ email: staff.email, password: NEW, ip: ip() })).resolves.toMatchObject({ id: staff.id });
    expect(await failure(setPasswordWithToken({ token, password: NEW, confirmPassword: NEW }, "10.0.0.1"))).toMatchObject({
      userMessage: "setPassword.usedLink",
    });
    expect(await db().auditEvent.count({ where: { action: "user.password_reset", entityId: staff.id } })).toBe(1);
  });

  it("are limited per address and per IP", async () => {
    const email = uniqueEmail("limited");
    for (let i = 0; i < RESET_LIMITS.perAddress.limit; i++) await requestPasswordReset({ email }, { ip: ip(), locale: "en" });
    expect(await failure(requestPasswordReset({ email }, { ip: ip(), locale: "en" }))).toMatchObject({ code: "RATE_LIMITED" });
    await drain();
  });

  it("a wrong link costs no hashing and says so", async () => {
    const t0 = performance.now();
    expect(await failure(setPasswordWithToken({ token: "x".repeat(43), password: NEW, confirmPassword: NEW }, "10.0.0.1"))).toMatchObject({
      userMessage: "setPassword.invalidLink",
    });
    expect(performance.now() - t0).toBeLessThan(1000);
  });
});

describe("changing a password", () => {
  it("needs the current one and signs out the other sessions, not this one", async () => {
    const staff = await makeStaff("STAFF");
    const here = await authenticate({ email: staff.email, password: TEST_PASSWORD, ip: ip() });
    const there = await authenticate({ email: staff.email, password: TEST_PASSWORD, ip: ip() });
    const actor: StaffActor = { ...staff, sessionId: here.sessionId };
    expect(await failure(changeOwnPassword(actor, { currentPassword: "guess", password: NEW, confirmPassword: NEW }))).toMatchObject({
      fieldErrors: { currentPassword: "account.wrongPassword" },
    });
    await changeOwnPassword(actor, { currentPassword: TEST_PASSWORD, password: NEW, confirmPassword: NEW });
    expect(await findSessionUser(here.sessionId)).not.toBeNull();
    expect(await findSessionUser(there.sessionId)).toBeNull();
    await expect(authenticate({ email: staff.email, password: NEW, ip: ip() })).resolves.toMatchObject({ id: staff.id });
  });
});

describe("an administrator requiring a new password", () => {
  it("stops the old password, ends the sessions and emails a link; only administrators, never for themselves", async () => {
    const admin = await makeStaff("ADMIN");
    const staff = await makeStaff("STAFF");
    const { sessionId } = await authenticate({ email: staff.email, password: TEST_PASSWORD, ip: ip() });
    expect(await failure(forcePasswordReset(await makeStaff("COMPLIANCE"), staff.id))).toMatchObject({ code: "FORBIDDEN" });
    expect(await failure(forcePasswordReset(admin, admin.id))).toMatchObject({ userMessage: "users.cannotResetSelf" });
    await forcePasswordReset(admin, staff.id);
    expect(await findSessionUser(sessionId)).toBeNull();
    expect(await failure(authenticate({ email: staff.email, password: TEST_PASSWORD, ip: ip() }))).toMatchObject({ userMessage: "login.resetRequired" });
    // A wrong password still says only that it is wrong.
    expect(await failure(authenticate({ email: staff.email, password: "wrong", ip: ip() }))).toMatchObject({ userMessage: "login.invalidCredentials" });
    const token = tokenOf(await oneTimeLinkTo(staff.email, "password_reset"))!;
    await setPasswordWithToken({ token, password: NEW, confirmPassword: NEW }, "10.0.0.2");
    await expect(authenticate({ email: staff.email, password: NEW, ip: ip() })).resolves.toMatchObject({ id: staff.id });
  });
});
