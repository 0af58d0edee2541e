import "server-only";
import { createHash } from "node:crypto";
import { recordAudit } from "@/lib/audit/mutations";
import { openValue } from "@/lib/auth/app-seal";
import { dummyPasswordHash, hashPassword, needsRehash, verifyPassword } from "@/lib/auth/password";
import { signInSchema } from "@/lib/auth/schemas";
import { minutesLeft, THROTTLE, type FailureCount } from "@/lib/auth/throttle";
import { normalizeRecoveryCode, verifyTotp } from "@/lib/auth/totp";
import { db, type Db, type Tx } from "@/lib/db";
import { limitAddress } from "@/lib/rate-limit/address";
import { TWO_FACTOR_ROLES } from "@/lib/auth/roles";
import { AppError } from "@/lib/errors";
import { readSettings } from "@/lib/settings/queries";

export const SESSION_HOURS = 12;

type Attempt = { email: unknown; password: unknown; code?: unknown; ip: string; userAgent?: string | null };

export const recoveryCodeHash = (code: string) =>
  createHash("sha256")
    .update(`recovery:${normalizeRecoveryCode(code)}`)
    .digest("hex");

async function failures(client: Db | Tx, where: { email: string; ip: string } | { ip: string }, since: Date): Promise<FailureCount> {
  const found = await client.loginAttempt.aggregate({
    where: { ...where, success: false, throttled: false, createdAt: { gt: since } },
    _count: { _all: true },
    _max: { createdAt: true },
  });
  return { failures: found._count._all, lastFailureAt: found._max.createdAt };
}

/** Minutes until this account may be tried from this address (see limitAddress) again (0 = now). */
export async function throttleMinutesLeft(email: string, ip: string, now = new Date(), client: Db | Tx = db()): Promise<number> {
  const since = new Date(now.getTime() - THROTTLE.windowHours * 3_600_000);
  // The pair's count starts again after a success there; an address's count does not (one valid
  // account must not reset the counter while guessing others).
  const lastSuccess = await client.loginAttempt.findFirst({
    where: { email, ip, success: true, createdAt: { gt: since } },
    orderBy: { createdAt: "desc" },
    select: { createdAt: true },
  });
  const pair = await failures(client, { email, ip }, lastSuccess?.createdAt ?? since);
  const address = await failures(client, { ip }, since);
  return minutesLeft(pair, address, now);
}

type SignInUser = { id: string; totpSecret: string | null; totpEnabledAt: Date | null; totpLastStep: number | null };

/** Checks the second factor: a current code from the authenticator, or an unused recovery code. */
async function checkSecondFactor(tx: Tx, user: SignInUser, code: string) {
  if (/^\s*\d{3}\s?\d{3}\s*$/.test(code) && user.totpSecret) {
    const step = verifyTotp(openValue("two-factor secret", user.totpSecret), code, new Date(), user.totpLastStep);
    if (step === null) return null;
    // Conditional: of two sign-ins racing with the same code, one wins.
    const { count } = await tx.user.updateMany({
      where: { id: user.id, OR: [{ totpLastStep: null }, { totpLastStep: { lt: step } }] },
      data: { totpLastStep: step },
    });
    return count === 1 ? "totp" : null;
  }
  const { count } = await tx.recoveryCode.updateMany({
    where: { userId: user.id, codeHash: recoveryCodeHash(code), usedAt: null },
    data: { usedAt: new Date() },
  });
  return count === 1 ? "recovery_code" : null;
}

/**
 * Checks a sign-in attempt and, when it succeeds, opens a database session. Every attempt is
 * recorded for throttling; failures are audited without the address typed (it may be anyone's).
 * With two-factor on, the password is not enough: the answer asks for the code (only once the
 * password was right), and a wrong code counts as a failure.
 */
export async function authenticate(attempt: Attempt) {
  const parsed = signInSchema.safeParse({ email: attempt.email, password: attempt.password, code: attempt.code ?? undefined });
  if (!parsed.success) throw new AppError("BAD_INPUT", "login.invalidInput");
  const { email, password, code } = parsed.data;
  const anonymous = { kind: "anonymous" as const, ip: attempt.ip };
  const address = limitAddress(attempt.ip);

  // The attempt is counted (as a failure until it succeeds) before the password is checked, under
  // a lock: a burst of parallel tries cannot all slip through before the first one is recorded.
  const reserved = await db().$transaction(async (tx) => {
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${`sign-in:${address}`}, 0))`;
    const minutes = await throttleMinutesLeft(email, address, new Date(), tx);
    const row = await tx.loginAttempt.create({ data: { email, ip: address, success: false, throttled: minutes > 0 }, select: { id: true } });
    if (minutes > 0) await recordAudit(tx, anonymous, { action: "auth.sign_in_throttled", entityType: "User", details: { reason: "throttled" } });
    return { id: row.id, minutes };
  });
  if (reserved.minutes > 0) throw new AppError("RATE_LIMITED", "login.throttled", undefined, { minutes: reserved.minutes });
  const fail = (entityId: string | undefined, reason: string) =>
    db().$transaction((tx) => recordAudit(tx, anonymous, { action: "auth.sign_in_failed", entityType: "User", entityId, details: { reason } }));
  /** The password was right but the sign-in goes on elsewhere (a code to come, a new password): not a failure. */
  const release = () => db().loginAttempt.deleteMany({ where: { id: reserved.id } });

  const user = await db().user.findUnique({
    where: { email },
    select: {
      id: true,
      email: true,
      name: true,
      role: true,
      locale: true,
      passwordHash: true,
      disabledAt: true,
      passwordResetRequiredAt: true,
      totpSecret: true,
      totpEnabledAt: true,
      totpLastStep: true,
    },
  });
  const valid = await verifyPassword(password, user?.passwordHash ?? (await dummyPasswordHash()));
  if (!user || !valid || user.disabledAt || !user.passwordHash) {
    await fail(user?.id, !user ? "unknown_account" : user.disabledAt ? "disabled" : "bad_password");
    throw new AppError("UNAUTHENTICATED", "login.invalidCredentials");
  }
  // Said only to someone who knows the password.
  if (user.passwordResetRequiredAt) {
    await release();
    throw new AppError("UNAUTHENTICATED", "login.resetRequired");
  }
  if (user.totpEnabledAt && !code) {
    await release();
    throw new AppError("UNAUTHENTICATED", "login.codeRequired");
  }
  const settings = await readSettings();
  const restricted = !user.totpEnabledAt && settings.requireTwoFactor && (TWO_FACTOR_ROLES as readonly string[]).includes(user.role);
  const rehash = needsRehash(user.passwordHash) ? await hashPassword(password) : null;

  return db()
    .$transaction(async (tx) => {
      const factor = user.totpEnabledAt ? await checkSecondFactor(tx, user, code!) : null;
      if (user.totpEnabledAt && !factor) {
        await recordAudit(tx, anonymous, { action: "auth.sign_in_failed", entityType: "User", entityId: user.id, details: { reason: "bad_second_factor" } });
        return null;
      }
      await tx.loginAttempt.update({ where: { id: reserved.id }, data: { success: true } });
      await tx.user.update({ where: { id: user.id }, data: { lastLoginAt: new Date(), ...(rehash ? { passwordHash: rehash } : {}) } });
      const session = await tx.session.create({
        data: {
          userId: user.id,
          ip: attempt.ip,
          userAgent: attempt.userAgent?.slice(0, 500),
          expiresAt: new Date(Date.now() + SESSION_HOURS * 3_600_000),
          restricted,
        },
        select: { id: true },
      });
      await recordAudit(
        tx,
        { kind: "user", ...user, sessionId: session.id, ip: attempt.ip },
        {
          action: "auth.sign_in",
          entityType: "User",
          entityId: user.id,
          details: { secondFactor: factor, restricted, ...(rehash ? { passwordRehashed: true } : {}) },
        },
      );
      return { sessionId: session.id, id: user.id, email: user.email, name: user.name, role: user.role, locale: user.locale, restricted };
    })
    .then((result) => {
      if (!result) throw new AppError("UNAUTHENTICATED", "login.codeInvalid");
      return result;
    });
}

export async function revokeSession(sessionId: string) {
  if (!/^[0-9a-f-]{36}$/i.test(sessionId)) return;
  await db().session.updateMany({ where: { id: sessionId, revokedAt: null }, data: { revokedAt: new Date() } });
}

/** Housekeeping for the job runner: sessions, sign-in attempts and reset requests nobody needs any more. */
export async function pruneSignInRecords(now = new Date()) {
  const day = 86_400_000;
  const [sessions, attempts, resets] = await Promise.all([
    db().session.deleteMany({ where: { OR: [{ expiresAt: { lt: new Date(now.getTime() - day) } }, { revokedAt: { lt: new Date(now.getTime() - day) } }] } }),
    db().loginAttempt.deleteMany({ where: { createdAt: { lt: new Date(now.getTime() - 7 * day) } } }),
    db().passwordResetRequest.deleteMany({ where: { createdAt: { lt: new Date(now.getTime() - day) } } }),
  ]);
  return sessions.count + attempts.count + resets.count;
}
