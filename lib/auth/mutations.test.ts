import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { setUserDisabled } from "@/lib/users/mutations";
import { makeStaff, TEST_PASSWORD, uniqueEmail } from "@/tests/support/factories";
import { authenticate, THROTTLE } from "./mutations";
import { findSessionUser } from "./queries";

const ip = () => `10.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250)}`;

async function rejection(promise: Promise<unknown>) {
  const error = await promise.then(() => null, (e: unknown) => e);
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

  it("refuses a wrong password with the same message as an unknown account, and audits both", async () => {
    const staff = await makeStaff("STAFF");
    const wrong = await rejection(authenticate({ email: staff.email, password: "wrong password", ip: ip() }));
    const unknown = await rejection(authenticate({ email: uniqueEmail("nobody"), password: "whatever", ip: ip() }));
    expect(wrong.userMessage).toBe("login.invalidCredentials");
    expect(unknown.userMessage).toBe(wrong.userMessage);
    expect(await db().auditEvent.count({ where: { action: "auth.sign_in_failed", entityId: staff.id } })).toBe(1);
  });

  it("throttles an account after 5 failures in 15 minutes, even with the right password", async () => {
    const staff = await makeStaff("STAFF");
    for (let i = 0; i < THROTTLE.maxFailures; i++) {
      await rejection(authenticate({ email: staff.email, password: "nope", ip: ip() }));
    }
    const error = await rejection(authenticate({ email: staff.email, password: TEST_PASSWORD, ip: ip() }));
    expect(error.code).toBe("RATE_LIMITED");
    expect(error.params?.minutes).toBeGreaterThanOrEqual(14);
    expect(error.params?.minutes).toBeLessThanOrEqual(15);
    expect(await db().auditEvent.count({ where: { action: "auth.sign_in_throttled", details: { path: ["email"], equals: staff.email } } })).toBe(1);
  });

  it("throttles an IP that tries many accounts", async () => {
    const address = ip();
    for (let i = 0; i < THROTTLE.maxFailures; i++) {
      await rejection(authenticate({ email: uniqueEmail("spray"), password: "nope", ip: address }));
    }
    const staff = await makeStaff("STAFF");
    expect((await rejection(authenticate({ email: staff.email, password: TEST_PASSWORD, ip: address }))).code).toBe("RATE_LIMITED");
    // Another address is not affected.
    await expect(authenticate({ email: staff.email, password: TEST_PASSWORD, ip: ip() })).resolves.toMatchObject({ id: staff.id });
  });

  it("forgets failures older than the window", async () => {
    const staff = await makeStaff("STAFF");
    const old = new Date(Date.now() - (THROTTLE.windowMinutes + 1) * 60_000);
    await db().loginAttempt.createMany({
      data: Array.from({ length: 6 }, () => ({ email: staff.email, ip: "10.0.0.1", success: false, createdAt: old })),
    });
    await expect(authenticate({ email: staff.email, password: TEST_PASSWORD, ip: ip() })).resolves.toMatchObject({ id: staff.id });
  });

  it("rejects malformed input without touching the database", async () => {
    const error = await rejection(authenticate({ email: "not-an-email", password: 42, ip: ip() }));
    expect(error.code).toBe("BAD_INPUT");
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
