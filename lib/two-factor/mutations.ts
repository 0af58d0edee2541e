import "server-only";
import { renderSVG } from "uqr";
import type { z } from "zod";
import { recordAudit } from "@/lib/audit/mutations";
import { authorize, type Actor, type StaffActor } from "@/lib/auth/actor";
import { openValue, type ResealCounts, resealEach, sealValue } from "@/lib/auth/app-seal";
import { recoveryCodeHash } from "@/lib/auth/mutations";
import { TWO_FACTOR_ROLES } from "@/lib/auth/roles";
import { verifyPassword } from "@/lib/auth/password";
import { rolesFor } from "@/lib/auth/permissions";
import { newRecoveryCodes, newTotpSecret, otpauthUri, verifyTotp } from "@/lib/auth/totp";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { readSettings } from "@/lib/settings/queries";
import type { disableTwoFactorSchema, enableTwoFactorSchema } from "./schemas";

// Two-step sign-in for staff (RFC 6238). The secret is created on the server, shown once as a QR
// code, and only switched on after the person proves their app produces the right codes.

const ISSUER = "Customer Register";

/**
 * A new secret to add to an authenticator app; on only after confirmEnrolment. Not while two-step
 * sign-in is on: someone holding a stolen session must not move it to their own phone (turning it
 * off first needs the password).
 */
export async function startEnrolment(actor: StaffActor) {
  if ((await db().user.findUniqueOrThrow({ where: { id: actor.id }, select: { totpEnabledAt: true } })).totpEnabledAt)
    throw new AppError("CONFLICT", "account.alreadyOn");
  const secret = newTotpSecret();
  await db().user.update({ where: { id: actor.id }, data: { totpPendingSecret: sealValue("two-factor secret", secret) } });
  const uri = otpauthUri(secret, actor.email, ISSUER);
  return { secret: secret.replace(/(.{4})/g, "$1 ").trim(), uri, qrSvg: renderSVG(uri, { ecc: "M", border: 2 }) };
}

/** Turns two-factor on with the first code, lifts a restricted session, and returns recovery codes once. */
export async function confirmEnrolment(actor: StaffActor, input: z.output<typeof enableTwoFactorSchema>) {
  const user = await db().user.findUniqueOrThrow({ where: { id: actor.id }, select: { totpPendingSecret: true, totpEnabledAt: true } });
  if (user.totpEnabledAt) throw new AppError("CONFLICT", "account.alreadyOn");
  if (!user.totpPendingSecret) throw new AppError("CONFLICT", "account.setupExpired");
  const secret = openValue("two-factor secret", user.totpPendingSecret);
  const step = verifyTotp(secret, input.code, new Date(), null);
  if (step === null) throw new AppError("BAD_INPUT", "login.codeInvalid", { code: "login.codeInvalid" });
  const codes = newRecoveryCodes();
  await db().$transaction(async (tx) => {
    await tx.user.update({
      where: { id: actor.id },
      // Sealed afresh under the current secret (the pending one may be under a previous secret).
      data: { totpSecret: sealValue("two-factor secret", secret), totpPendingSecret: null, totpEnabledAt: new Date(), totpLastStep: step },
    });
    await tx.recoveryCode.deleteMany({ where: { userId: actor.id } });
    await tx.recoveryCode.createMany({ data: codes.map((c) => ({ userId: actor.id, codeHash: recoveryCodeHash(c) })) });
    await tx.session.updateMany({ where: { id: actor.sessionId }, data: { restricted: false } });
    await recordAudit(tx, actor, { action: "user.two_factor_enabled", entityType: "User", entityId: actor.id });
  });
  return { recoveryCodes: codes };
}

/** The person turns it off with their password, unless the company requires it for their role. */
export async function disableOwnTwoFactor(actor: StaffActor, input: z.output<typeof disableTwoFactorSchema>) {
  const settings = await readSettings();
  if (settings.requireTwoFactor && (TWO_FACTOR_ROLES as readonly string[]).includes(actor.role)) throw new AppError("CONFLICT", "account.cannotDisable");
  const user = await db().user.findUniqueOrThrow({ where: { id: actor.id }, select: { passwordHash: true } });
  if (!user.passwordHash || !(await verifyPassword(input.password, user.passwordHash))) {
    throw new AppError("BAD_INPUT", "account.wrongPassword", { password: "account.wrongPassword" });
  }
  await db().$transaction(async (tx) => {
    await tx.user.update({ where: { id: actor.id }, data: { totpSecret: null, totpPendingSecret: null, totpEnabledAt: null, totpLastStep: null } });
    await tx.recoveryCode.deleteMany({ where: { userId: actor.id } });
    await recordAudit(tx, actor, { action: "user.two_factor_disabled", entityType: "User", entityId: actor.id });
  });
}

/** ADMIN, for someone who lost their phone and codes: two-factor off, every session ended. */
export async function resetTwoFactor(actor: Actor, userId: string) {
  authorize(actor, ...rolesFor("users"));
  if (actor.kind === "user" && actor.id === userId) throw new AppError("CONFLICT", "users.cannotResetSelf");
  await db().$transaction(async (tx) => {
    const { count } = await tx.user.updateMany({
      where: { id: userId, totpEnabledAt: { not: null } },
      data: { totpSecret: null, totpPendingSecret: null, totpEnabledAt: null, totpLastStep: null },
    });
    if (count === 0) throw new AppError("NOT_FOUND", "errors.notFound");
    await tx.recoveryCode.deleteMany({ where: { userId } });
    await tx.session.updateMany({ where: { userId, revokedAt: null }, data: { revokedAt: new Date() } });
    await recordAudit(tx, actor, { action: "user.two_factor_reset", entityType: "User", entityId: userId });
  });
}

/** After NEXTAUTH_SECRET is rotated: every two-factor secret (set up or pending) sealed under the new one. */
export async function resealTwoFactorSecrets(): Promise<ResealCounts> {
  const users = await db().user.findMany({
    where: { OR: [{ totpSecret: { not: null } }, { totpPendingSecret: { not: null } }] },
    select: { id: true, totpSecret: true, totpPendingSecret: true },
  });
  const active = await resealEach(
    "two-factor secret",
    users.flatMap((u) => (u.totpSecret ? [{ id: u.id, sealed: u.totpSecret }] : [])),
    (id, from, to) => db().user.updateMany({ where: { id, totpSecret: from }, data: { totpSecret: to } }),
  );
  const pending = await resealEach(
    "two-factor secret",
    users.flatMap((u) => (u.totpPendingSecret ? [{ id: u.id, sealed: u.totpPendingSecret }] : [])),
    (id, from, to) => db().user.updateMany({ where: { id, totpPendingSecret: from }, data: { totpPendingSecret: to } }),
  );
  return {
    resealed: active.resealed + pending.resealed,
    current: active.current + pending.current,
    unreadable: active.unreadable + pending.unreadable,
    changed: active.changed + pending.changed,
  };
}
