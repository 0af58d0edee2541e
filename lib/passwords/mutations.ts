import "server-only";
import { recordAudit } from "@/lib/audit/mutations";
import { authorize, systemActor, type Actor, type StaffActor } from "@/lib/auth/actor";
import { hashPassword, verifyPassword } from "@/lib/auth/password";
import { rolesFor } from "@/lib/auth/permissions";
import { newToken } from "@/lib/auth/tokens";
import { db, type Tx } from "@/lib/db";
import { enqueueEmail } from "@/lib/email/mutations";
import { renderEmail } from "@/lib/email/render";
import { SECRET_LINK } from "@/lib/email/secret-link";
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { limitAddress, limitKey } from "@/lib/rate-limit/address";
import { hitRateLimits } from "@/lib/rate-limit/mutations";
import { readSettings } from "@/lib/settings/queries";
import type { changePasswordSchema, forgotPasswordSchema } from "./schemas";
import type { z } from "zod";

// Forgotten, changed and administrator-required passwords. Asking for a reset link does the same
// work whatever the address (a row in PasswordResetRequest); a job answers, so neither the answer
// nor its timing says whether an account exists. Every new password ends the other sessions.

export const RESET_MINUTES = 60;
export const FORCED_RESET_HOURS = 48;
export const RESET_LIMITS = { perAddress: { limit: 3, windowSeconds: 3600 }, perIp: { limit: 10, windowSeconds: 3600 } };

export async function requestPasswordReset(input: z.output<typeof forgotPasswordSchema>, context: { ip: string; locale: "vi" | "en" }) {
  const limits = await hitRateLimits([
    { key: `password-reset:id:${limitKey(input.email)}`, ...RESET_LIMITS.perAddress },
    { key: `password-reset:ip:${limitKey(limitAddress(context.ip))}`, ...RESET_LIMITS.perIp },
  ]);
  const blocked = limits.find((r) => !r.allowed);
  if (blocked) throw new AppError("RATE_LIMITED", "forgot.tooMany", undefined, { minutes: Math.ceil(blocked.retryAfterSeconds / 60) });
  await db().passwordResetRequest.create({ data: { email: input.email, locale: context.locale }, select: { id: true } });
}

/** Issues a reset link (voiding earlier ones) and queues its email, in the caller's transaction. */
async function issueResetLink(tx: Tx, user: { id: string; email: string; name: string; locale: "vi" | "en" }, forced: boolean) {
  const { token, hash } = newToken();
  const minutes = forced ? FORCED_RESET_HOURS * 60 : RESET_MINUTES;
  await tx.authToken.updateMany({ where: { userId: user.id, kind: "PASSWORD_RESET", usedAt: null }, data: { usedAt: new Date() } });
  await tx.authToken.create({ data: { kind: "PASSWORD_RESET", tokenHash: hash, userId: user.id, expiresAt: new Date(Date.now() + minutes * 60_000) } });
  const email = await renderEmail(
    "password_reset",
    user.locale,
    { name: user.name, email: user.email, link: SECRET_LINK, minutes, forced },
    await readSettings(tx),
  );
  await enqueueEmail(tx, user.email, email, { secretLink: `${env().APP_URL}/set-password/${token}` });
}

/** The job: answers queued reset requests; only addresses of active accounts get an email. */
export async function processPasswordResetRequests(limit = 20): Promise<number> {
  return db().$transaction(async (tx) => {
    const claimed = await tx.$queryRaw<{ email: string }[]>`
      DELETE FROM "PasswordResetRequest" WHERE id IN (
        SELECT id FROM "PasswordResetRequest" ORDER BY "createdAt" LIMIT ${limit} FOR UPDATE)
      RETURNING email`;
    for (const { email } of claimed) {
      const user = await tx.user.findFirst({ where: { email, disabledAt: null }, select: { id: true, email: true, name: true, locale: true } });
      if (!user) continue;
      await issueResetLink(tx, user, false);
      await recordAudit(tx, systemActor("password-reset"), { action: "user.password_reset_sent", entityType: "User", entityId: user.id });
    }
    return claimed.length;
  });
}

/** Signed in: a new password, after the current one. Every other session of the user ends. */
export async function changeOwnPassword(actor: StaffActor, input: z.output<typeof changePasswordSchema>) {
  const user = await db().user.findUniqueOrThrow({ where: { id: actor.id }, select: { passwordHash: true } });
  if (!user.passwordHash || !(await verifyPassword(input.currentPassword, user.passwordHash))) {
    throw new AppError("BAD_INPUT", "account.wrongPassword", { currentPassword: "account.wrongPassword" });
  }
  const passwordHash = await hashPassword(input.password);
  await db().$transaction(async (tx) => {
    await tx.user.update({ where: { id: actor.id }, data: { passwordHash } });
    await tx.session.updateMany({ where: { userId: actor.id, revokedAt: null, id: { not: actor.sessionId } }, data: { revokedAt: new Date() } });
    await recordAudit(tx, actor, { action: "user.password_changed", entityType: "User", entityId: actor.id });
  });
}

/** ADMIN: the user's password stops working, every session ends, and a reset link is emailed. */
export async function forcePasswordReset(actor: Actor, userId: string) {
  authorize(actor, ...rolesFor("users"));
  if (actor.kind === "user" && actor.id === userId) throw new AppError("CONFLICT", "users.cannotResetSelf");
  return db().$transaction(async (tx) => {
    const user = await tx.user.findFirst({ where: { id: userId, disabledAt: null }, select: { id: true, email: true, name: true, locale: true } });
    if (!user) throw new AppError("NOT_FOUND", "errors.notFound");
    await tx.user.update({ where: { id: userId }, data: { passwordResetRequiredAt: new Date() } });
    await tx.session.updateMany({ where: { userId, revokedAt: null }, data: { revokedAt: new Date() } });
    await issueResetLink(tx, user, true);
    await recordAudit(tx, actor, { action: "user.password_reset_required", entityType: "User", entityId: userId });
    return { email: user.email };
  });
}
