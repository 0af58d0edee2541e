import { describe, expect, it } from "vitest";
import type { StaffActor } from "@/lib/auth/actor";
import { authenticate } from "@/lib/auth/mutations";
import { findSessionUser } from "@/lib/auth/queries";
import { base32Decode, hotp, stepAt, totp } from "@/lib/auth/totp";
import { db } from "@/lib/db";
import type { AppError } from "@/lib/errors";
import { updateSettings } from "@/lib/settings/mutations";
import { readSettings } from "@/lib/settings/queries";
import { makeStaff, TEST_PASSWORD } from "@/tests/support/factories";
import { confirmEnrolment, disableOwnTwoFactor, resetTwoFactor, startEnrolment } from "./mutations";
import { ownTwoFactorStatus } from "./queries";

const ip = () => `10.91.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250)}`;
const failure = (p: Promise<unknown>) =>
  p.then(
    () => null,
    (e: AppError) => e,
  );
const secretOf = (shown: string) => shown.replaceAll(" ", "");
const codeAt = (secret: string, offsetSteps = 0) => hotp(base32Decode(secret), stepAt(new Date()) + offsetSteps);

async function enrolled(role: "STAFF" | "ADMIN" = "STAFF") {
  const staff = await makeStaff(role);
  const { sessionId } = await authenticate({ email: staff.email, password: TEST_PASSWORD, ip: ip() });
  const actor: StaffActor = { ...staff, sessionId };
  const { secret, uri, qrSvg } = await startEnrolment(actor);
  expect(uri).toContain(`secret=${secretOf(secret)}`);
  expect(qrSvg).toMatch(/^<svg/);
  // The stored secret is sealed: the database alone does not give it away.
  expect((await db().user.findUniqueOrThrow({ where: { id: staff.id } })).totpPendingSecret).not.toContain(secretOf(secret));
  return { staff, actor, secret: secretOf(secret) };
}

describe("two-step sign-in", () => {
  it("turns on only with a right code, then asks for a code at every sign-in and refuses a replay", async () => {
    const { staff, actor, secret } = await enrolled();
    expect(await failure(confirmEnrolment(actor, { code: "000000" }))).toMatchObject({ fieldErrors: { code: "login.codeInvalid" } });
    const { recoveryCodes } = await confirmEnrolment(actor, { code: totp(secret, new Date(Date.now() - 30_000)) });
    expect(recoveryCodes).toHaveLength(10);
    // A stolen session cannot move the second factor to another phone.
    expect(await failure(startEnrolment(actor))).toMatchObject({ userMessage: "account.alreadyOn" });
    expect(await db().recoveryCode.count({ where: { userId: staff.id, codeHash: { in: recoveryCodes } } })).toBe(0); // hashed

    expect(await failure(authenticate({ email: staff.email, password: TEST_PASSWORD, ip: ip() }))).toMatchObject({ userMessage: "login.codeRequired" });
    // The code asked for only after the right password: a wrong password says nothing about it.
    expect(await failure(authenticate({ email: staff.email, password: "wrong one", code: codeAt(secret), ip: ip() }))).toMatchObject({
      userMessage: "login.invalidCredentials",
    });
    const from = ip();
    expect(await failure(authenticate({ email: staff.email, password: TEST_PASSWORD, code: "123456", ip: from }))).toMatchObject({
      userMessage: "login.codeInvalid",
    });
    expect(await db().loginAttempt.count({ where: { email: staff.email, ip: from, success: false } })).toBe(1);
    const code = codeAt(secret, 1);
    await expect(authenticate({ email: staff.email, password: TEST_PASSWORD, code, ip: ip() })).resolves.toMatchObject({ id: staff.id });
    // Someone who saw that code cannot use it again.
    expect(await failure(authenticate({ email: staff.email, password: TEST_PASSWORD, code, ip: ip() }))).toMatchObject({ userMessage: "login.codeInvalid" });
    expect(await ownTwoFactorStatus(actor)).toMatchObject({ codesLeft: 10, required: false });
  });

  it("a recovery code signs in once", async () => {
    const { staff, actor, secret } = await enrolled();
    const { recoveryCodes } = await confirmEnrolment(actor, { code: codeAt(secret) });
    const code = recoveryCodes[3].toUpperCase().replaceAll("-", " ");
    await expect(authenticate({ email: staff.email, password: TEST_PASSWORD, code, ip: ip() })).resolves.toMatchObject({ id: staff.id });
    expect(await failure(authenticate({ email: staff.email, password: TEST_PASSWORD, code, ip: ip() }))).toMatchObject({ userMessage: "login.codeInvalid" });
    expect((await ownTwoFactorStatus(actor)).codesLeft).toBe(9);
  });

  it("when the company requires it, administrators without it get a session that can only set it up", async () => {
    const admin = await makeStaff("ADMIN");
    const before = await readSettings();
    await updateSettings(admin, { ...before, requireTwoFactor: true });
    try {
      const officer = await makeStaff("COMPLIANCE");
      const signedIn = await authenticate({ email: officer.email, password: TEST_PASSWORD, ip: ip() });
      expect(signedIn.restricted).toBe(true);
      expect(await findSessionUser(signedIn.sessionId)).toMatchObject({ restricted: true });
      // STAFF are not concerned.
      const staff = await makeStaff("STAFF");
      expect((await authenticate({ email: staff.email, password: TEST_PASSWORD, ip: ip() })).restricted).toBe(false);

      const actor: StaffActor = { ...officer, sessionId: signedIn.sessionId };
      const { secret } = await startEnrolment(actor);
      await confirmEnrolment(actor, { code: codeAt(secretOf(secret)) });
      expect(await findSessionUser(signedIn.sessionId)).toMatchObject({ restricted: false });
      expect(await failure(disableOwnTwoFactor(actor, { password: TEST_PASSWORD }))).toMatchObject({ userMessage: "account.cannotDisable" });

      // Decided on each request: a STAFF member promoted while signed in is held at once.
      const signedInStaff = await authenticate({ email: staff.email, password: TEST_PASSWORD, ip: ip() });
      expect(await findSessionUser(signedInStaff.sessionId)).toMatchObject({ restricted: false });
      await db().user.update({ where: { id: staff.id }, data: { role: "ADMIN" } });
      expect(await findSessionUser(signedInStaff.sessionId)).toMatchObject({ restricted: true, role: "ADMIN" });
    } finally {
      await updateSettings(admin, { ...before, requireTwoFactor: false });
    }
  });

  it("the person turns it off with their password; an administrator resets someone else's and ends their sessions", async () => {
    const { staff, actor, secret } = await enrolled();
    await confirmEnrolment(actor, { code: codeAt(secret) });
    expect(await failure(disableOwnTwoFactor(actor, { password: "not it" }))).toMatchObject({ fieldErrors: { password: "account.wrongPassword" } });
    await disableOwnTwoFactor(actor, { password: TEST_PASSWORD });
    await expect(authenticate({ email: staff.email, password: TEST_PASSWORD, ip: ip() })).resolves.toMatchObject({ id: staff.id });

    const other = await enrolled();
    await confirmEnrolment(other.actor, { code: codeAt(other.secret) });
    const admin = await makeStaff("ADMIN");
    expect(await failure(resetTwoFactor(await makeStaff("COMPLIANCE"), other.staff.id))).toMatchObject({ code: "FORBIDDEN" });
    await resetTwoFactor(admin, other.staff.id);
    expect(await findSessionUser(other.actor.sessionId)).toBeNull();
    await expect(authenticate({ email: other.staff.email, password: TEST_PASSWORD, ip: ip() })).resolves.toMatchObject({ id: other.staff.id });
    expect(await db().auditEvent.count({ where: { action: "user.two_factor_reset", entityId: other.staff.id } })).toBe(1);
  });
});
