import { describe, expect, it } from "vitest";
import { authenticate } from "@/lib/auth/mutations";
import { db } from "@/lib/db";
import type { AppError } from "@/lib/errors";
import { oneTimeLinkTo, tokenOf } from "@/tests/support/email";
import { makeStaff, uniqueEmail } from "@/tests/support/factories";
import { changeUserRole, inviteUser, resendInvite, setPasswordWithToken, setUserDisabled } from "./mutations";
import { findUsableInvite } from "./queries";

async function invite(role: "STAFF" | "COMPLIANCE" = "STAFF", locale: "vi" | "en" = "en") {
  const admin = await makeStaff("ADMIN");
  const email = uniqueEmail("invitee");
  const { id } = await inviteUser(admin, { email, name: "Phạm Mời", role, locale });
  const message = await db().emailMessage.findFirstOrThrow({ where: { to: email }, orderBy: { createdAt: "desc" } });
  const token = tokenOf(await oneTimeLinkTo(email, "invite"));
  expect(token).toBeTruthy();
  return { admin, email, id, message, token: token! };
}

const failure = (p: Promise<unknown>) =>
  p.then(
    () => null,
    (e: AppError) => e,
  );

describe("staff invitations", () => {
  it("create the user, a single-use link, the email and the audit event together", async () => {
    const { admin, id, message, token, email } = await invite("COMPLIANCE", "en");
    expect(message).toMatchObject({ status: "QUEUED", template: "invite", locale: "en", subject: "Your invitation to Customer Register" });
    // The stored email holds no usable link: only its sealed copy, for the sender.
    expect(message.carriesSecret).toBe(true);
    expect(`${message.html}${message.text}${message.secret}`).not.toContain(token);
    expect(message.html).toContain("{{one-time-link}}");
    const user = await db().user.findUniqueOrThrow({ where: { id } });
    expect(user).toMatchObject({ role: "COMPLIANCE", passwordHash: null });
    const audit = await db().auditEvent.findFirstOrThrow({ where: { action: "user.invited", entityId: id } });
    expect(audit.actorId).toBe(admin.id);
    // Only the hash of the token is stored.
    expect(await db().authToken.count({ where: { tokenHash: token } })).toBe(0);
    expect(await findUsableInvite(token)).toEqual({ email, name: "Phạm Mời" });
  });

  it("write the email in Vietnamese by default", async () => {
    const admin = await makeStaff("ADMIN");
    const email = uniqueEmail("vi");
    await inviteUser(admin, { email, name: "Vũ", role: "STAFF" });
    const message = await db().emailMessage.findFirstOrThrow({ where: { to: email } });
    expect(message.subject).toBe("Lời mời sử dụng Sổ khách hàng");
  });

  it("let the invitee set a password once, then sign in", async () => {
    const { email, token } = await invite();
    await setPasswordWithToken({ token, password: "a long new password", confirmPassword: "a long new password" }, "10.1.1.1");
    await expect(authenticate({ email, password: "a long new password", ip: "10.1.1.2" })).resolves.toMatchObject({ email });
    const again = await failure(setPasswordWithToken({ token, password: "another password!", confirmPassword: "another password!" }, "10.1.1.1"));
    expect(again?.userMessage).toBe("setPassword.usedLink");
    expect(await findUsableInvite(token)).toBeNull();
  });

  it("refuse an expired link", async () => {
    const { id, token } = await invite();
    await db().authToken.updateMany({ where: { userId: id }, data: { expiresAt: new Date(Date.now() - 1000) } });
    const error = await failure(setPasswordWithToken({ token, password: "a long new password", confirmPassword: "a long new password" }, "10.1.1.1"));
    expect(error?.code).toBe("EXPIRED");
  });

  it("replace the old link when the invitation is sent again", async () => {
    const { admin, id, token } = await invite();
    await resendInvite(admin, { userId: id });
    expect(await findUsableInvite(token)).toBeNull();
    expect(await db().emailMessage.count({ where: { to: (await db().user.findUniqueOrThrow({ where: { id } })).email } })).toBe(2);
  });

  it("refuse a duplicate email with a message on the email field", async () => {
    const { admin, email } = await invite();
    const error = await failure(inviteUser(admin, { email: email.toUpperCase(), name: "Again", role: "STAFF" }));
    expect(error).toMatchObject({ code: "CONFLICT", fieldErrors: { email: "users.emailTaken" } });
  });

  it("are only for administrators", async () => {
    for (const role of ["STAFF", "COMPLIANCE"] as const) {
      const actor = await makeStaff(role);
      const error = await failure(inviteUser(actor, { email: uniqueEmail(), name: "X", role: "ADMIN" }));
      expect(error?.code).toBe("FORBIDDEN");
    }
  });
});

describe("roles and disabling", () => {
  it("audit a role change with the values before and after", async () => {
    const admin = await makeStaff("ADMIN");
    const staff = await makeStaff("STAFF");
    await changeUserRole(admin, { userId: staff.id, role: "COMPLIANCE" });
    expect((await db().user.findUniqueOrThrow({ where: { id: staff.id } })).role).toBe("COMPLIANCE");
    const audit = await db().auditEvent.findFirstOrThrow({ where: { action: "user.role_changed", entityId: staff.id } });
    expect(audit.details).toEqual({ before: "STAFF", after: "COMPLIANCE" });
  });

  it("do not let administrators lock themselves out", async () => {
    const admin = await makeStaff("ADMIN");
    expect((await failure(changeUserRole(admin, { userId: admin.id, role: "STAFF" })))?.code).toBe("CONFLICT");
    expect((await failure(setUserDisabled(admin, { userId: admin.id, disabled: true })))?.code).toBe("CONFLICT");
  });

  it("audit disabling and enabling", async () => {
    const admin = await makeStaff("ADMIN");
    const staff = await makeStaff("STAFF");
    await setUserDisabled(admin, { userId: staff.id, disabled: true });
    await setUserDisabled(admin, { userId: staff.id, disabled: true }); // no-op, no second event
    await setUserDisabled(admin, { userId: staff.id, disabled: false });
    const actions = (await db().auditEvent.findMany({ where: { entityId: staff.id, action: { startsWith: "user." } }, orderBy: { id: "asc" } })).map(
      (a) => a.action,
    );
    expect(actions).toEqual(["user.created", "user.disabled", "user.enabled"]);
  });
});
