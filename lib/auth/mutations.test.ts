import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { setUserDisabled } from "@/lib/users/mutations";
import { makeStaff, TEST_PASSWORD, uniqueEmail } from "@/tests/support/factories";
import { assertEnv } from "@/lib/env";
import { authenticate, throttleMinutesLeft } from "./mutations";
import { hashPassword } from "./password";
import { THROTTLE } from "./throttle";
import { findSessionUser } from "./queries";

const ip = () => `10.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250)}`;

async function rejection(promise: Promise<unknown>) {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}

describe("sign-in", () => {
  it("opens a database session for the right password and audits it", async () => {
    const staff = await makeStaff("STAFF");
    const result = await authenticate({ email: staff.email.toUpperCase(), password: TEST_PASSWORD, ip: ip() });
    expect(result.role).toBe("STAFF");
    expect(await findSessionUser(result.sessionId)).toMatchObject({ id: staff.id, role: "STAFF" });
    const audit = await db().auditEvent.findFirst({ where: { action: "auth.sign_in", entityId: staff.id } });
    expect(audit).not.toBeNull();
  });

  it("refuses a wrong password with the same message as an unknown account; the audit chain never holds the address typed", async () => {
    const staff = await makeStaff("STAFF");
    const typo = uniqueEmail("nobody");
    const wrong = await rejection(authenticate({ email: staff.email, password: "wrong password", ip: ip() }));
    const unknown = await rejection(authenticate({ email: typo, password: "whatever", ip: ip() }));
    expect(wrong.userMessage).toBe("login.invalidCredentials");
    expect(unknown.userMessage).toBe(wrong.userMessage);
    const failed = await db().auditEvent.findFirstOrThrow({ where: { action: "auth.sign_in_failed", entityId: staff.id } });
    expect(failed.details).toEqual({ reason: "bad_password" });
    // Someone's mistyped address (or password pasted into the email box) is not kept for ever.
    expect(await db().auditEvent.count({ where: { details: { string_contains: typo } } })).toBe(0);
    expect((await db().$queryRaw<{ n: number }[]>`SELECT count(*)::int AS n FROM "AuditEvent" WHERE details::text LIKE ${`%${typo}%`}`)[0].n).toBe(0);
  });

  it("holds back one account at one address after 5 failures, with growing delays, while its owner elsewhere signs in", async () => {
    const staff = await makeStaff("STAFF");
    const attacker = ip();
    for (let i = 0; i < THROTTLE.perAccountAndAddress; i++) await rejection(authenticate({ email: staff.email, password: "nope", ip: attacker }));
    const held = await rejection(authenticate({ email: staff.email, password: TEST_PASSWORD, ip: attacker }));
    expect(held.code).toBe("RATE_LIMITED");
    expect(held.params?.minutes).toBe(1);
    // The owner, from their own address, is not locked out.
    await expect(authenticate({ email: staff.email, password: TEST_PASSWORD, ip: ip() })).resolves.toMatchObject({ id: staff.id });
    // Tries while held back are not counted: they extend nothing.
    for (let i = 0; i < 5; i++) await rejection(authenticate({ email: staff.email, password: "nope", ip: attacker }));
    expect(await throttleMinutesLeft(staff.email, attacker)).toBe(1);
    // Each failure after the free ones doubles the wait.
    await db().loginAttempt.updateMany({ where: { email: staff.email, ip: attacker }, data: { createdAt: new Date(Date.now() - 2 * 60_000) } });
    await rejection(authenticate({ email: staff.email, password: "nope", ip: attacker }));
    expect(await throttleMinutesLeft(staff.email, attacker)).toBe(2);
  });

  it("holds back an address that tries many accounts, and no other address", async () => {
    const address = ip();
    await db().loginAttempt.createMany({
      data: Array.from({ length: THROTTLE.perAddress }, () => ({ email: uniqueEmail("spray"), ip: address, success: false })),
    });
    const staff = await makeStaff("STAFF");
    expect((await rejection(authenticate({ email: staff.email, password: TEST_PASSWORD, ip: address }))).code).toBe("RATE_LIMITED");
    await expect(authenticate({ email: staff.email, password: TEST_PASSWORD, ip: ip() })).resolves.toMatchObject({ id: staff.id });
  });

  it("forgets failures older than the window", async () => {
    const staff = await makeStaff("STAFF");
    const address = ip();
    const old = new Date(Date.now() - (THROTTLE.windowHours + 1) * 3_600_000);
    await db().loginAttempt.createMany({ data: Array.from({ length: 30 }, () => ({ email: staff.email, ip: address, success: false, createdAt: old })) });
    await expect(authenticate({ email: staff.email, password: TEST_PASSWORD, ip: address })).resolves.toMatchObject({ id: staff.id });
  });

  it("rejects malformed input without touching the database", async () => {
    const error = await rejection(authenticate({ email: "not-an-email", password: 42, ip: ip() }));
    expect(error.code).toBe("BAD_INPUT");
  });

  it("replaces a cheaper password hash at sign-in", async () => {
    const staff = await makeStaff("STAFF");
    await db().user.update({ where: { id: staff.id }, data: { passwordHash: await hashPassword(TEST_PASSWORD) } });
    process.env.PASSWORD_SCRYPT_LOG_N = "15";
    assertEnv();
    try {
      await authenticate({ email: staff.email, password: TEST_PASSWORD, ip: ip() });
      expect((await db().user.findUniqueOrThrow({ where: { id: staff.id } })).passwordHash).toMatch(/^scrypt\$32768\$/);
    } finally {
      process.env.PASSWORD_SCRYPT_LOG_N = "14";
      assertEnv();
    }
  });

  it("ends every session of a user who is disabled", async () => {
    const admin = await makeStaff("ADMIN");
    const staff = await makeStaff("STAFF");
    const { sessionId } = await authenticate({ email: staff.email, password: TEST_PASSWORD, ip: ip() });
    await setUserDisabled(admin, { userId: staff.id, disabled: true });
    expect(await findSessionUser(sessionId)).toBeNull();
    expect(await findSessionUser(randomUUID())).toBeNull();
    const error = await rejection(authenticate({ email: staff.email, password: TEST_PASSWORD, ip: ip() }));
    expect(error.userMessage).toBe("login.invalidCredentials");
  });
});

describe("staff sessions", () => {
  it("idle out after 30 minutes without a request, and are kept alive by use", async () => {
    const staff = await makeStaff("STAFF");
    const { sessionId } = await authenticate({ email: staff.email, password: TEST_PASSWORD, ip: ip() });
    const start = new Date();
    expect(await findSessionUser(sessionId, new Date(start.getTime() + 20 * 60_000))).not.toBeNull();
    // The request at minute 20 counted as activity: minute 45 is 25 idle minutes later.
    expect(await findSessionUser(sessionId, new Date(start.getTime() + 45 * 60_000))).not.toBeNull();
    expect(await findSessionUser(sessionId, new Date(start.getTime() + 80 * 60_000))).toBeNull();
  });

  it("end 12 hours after sign-in however active", async () => {
    const staff = await makeStaff("STAFF");
    const { sessionId } = await authenticate({ email: staff.email, password: TEST_PASSWORD, ip: ip() });
    await db().session.update({ where: { id: sessionId }, data: { lastSeenAt: new Date(Date.now() + 12 * 3_600_000) } });
    expect(await findSessionUser(sessionId, new Date(Date.now() + 12 * 3_600_000 + 60_000))).toBeNull();
  });
});

describe("sign-in throttling against bursts", () => {
  it("counts tries before checking the password, so a parallel burst gets no more than the free ones", async () => {
    const staff = await makeStaff("STAFF");
    const attacker = ip();
    const results = await Promise.all(
      Array.from({ length: 12 }, (_, i) => rejection(authenticate({ email: staff.email, password: `burst ${i}`, ip: attacker }))),
    );
    expect(results.filter((e) => e.userMessage === "login.invalidCredentials")).toHaveLength(THROTTLE.perAccountAndAddress);
    expect(results.filter((e) => e.code === "RATE_LIMITED")).toHaveLength(12 - THROTTLE.perAccountAndAddress);
  });

  it("treats a whole IPv6 /64 as one address", async () => {
    const staff = await makeStaff("STAFF");
    for (let i = 1; i <= THROTTLE.perAccountAndAddress; i++) await rejection(authenticate({ email: staff.email, password: "nope", ip: `2001:db8:77:1::${i}` }));
    expect((await rejection(authenticate({ email: staff.email, password: TEST_PASSWORD, ip: "2001:db8:77:1:ffff::9" }))).code).toBe("RATE_LIMITED");
    await expect(authenticate({ email: staff.email, password: TEST_PASSWORD, ip: "2001:db8:77:2::1" })).resolves.toMatchObject({ id: staff.id });
  });
});
