import "server-only";
import { recordAudit } from "@/lib/audit/mutations";
import { dummyPasswordHash, verifyPassword } from "@/lib/auth/password";
import { signInSchema } from "@/lib/auth/schemas";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";

export const SESSION_HOURS = 12;
export const THROTTLE = { maxFailures: 5, windowMinutes: 15 } as const;

type Attempt = { email: unknown; password: unknown; ip: string; userAgent?: string | null };

/** Minutes until the account or IP may try again, or 0 when not throttled. */
export async function throttleMinutesLeft(email: string, ip: string, now = new Date()): Promise<number> {
  const since = new Date(now.getTime() - THROTTLE.windowMinutes * 60_000);
  const oldestBlocking = async (where: { email: string } | { ip: string }, resetBySuccess: boolean) => {
    // An account's failures count since its last success; an IP's failures all count, so one valid
    // account cannot be used to reset the counter while guessing others.
    const lastSuccess = resetBySuccess
      ? await db().loginAttempt.findFirst({
          where: { ...where, success: true, createdAt: { gte: since } },
          orderBy: { createdAt: "desc" },
          select: { createdAt: true },
        })
      : null;
    const failures = await db().loginAttempt.findMany({
      where: { ...where, success: false, createdAt: { gte: lastSuccess?.createdAt ?? since } },
      orderBy: { createdAt: "desc" },
      take: THROTTLE.maxFailures,
      select: { createdAt: true },
    });
    return failures.length >= THROTTLE.maxFailures ? failures[failures.length - 1].createdAt : null;
  };
  const blockers = (await Promise.all([oldestBlocking({ email }, true), oldestBlocking({ ip }, false)])).filter(
    (d): d is Date => d !== null,
  );
  if (blockers.length === 0) return 0;
  const until = Math.max(...blockers.map((d) => d.getTime() + THROTTLE.windowMinutes * 60_000));
  return Math.max(1, Math.ceil((until - now.getTime()) / 60_000));
}

/**
 * Checks a sign-in attempt and, when it succeeds, opens a database session. Every attempt is
 * recorded for throttling; failures and throttled attempts are audited.
 */
export async function authenticate(attempt: Attempt) {
  const parsed = signInSchema.safeParse({ email: attempt.email, password: attempt.password });
  if (!parsed.success) throw new AppError("BAD_INPUT", "login.invalidInput");
  const { email, password } = parsed.data;
  const anonymous = { kind: "anonymous" as const, ip: attempt.ip };

  const minutes = await throttleMinutesLeft(email, attempt.ip);
  if (minutes > 0) {
    await db().$transaction(async (tx) => {
      await tx.loginAttempt.create({ data: { email, ip: attempt.ip, success: false } });
      await recordAudit(tx, anonymous, { action: "auth.sign_in_throttled", entityType: "User", details: { email } });
    });
    throw new AppError("RATE_LIMITED", "login.throttled", undefined, { minutes });
  }

  const user = await db().user.findUnique({
    where: { email },
    select: { id: true, email: true, name: true, role: true, locale: true, passwordHash: true, disabledAt: true },
  });
  const valid = await verifyPassword(password, user?.passwordHash ?? (await dummyPasswordHash()));
  if (!user || !valid || user.disabledAt || !user.passwordHash) {
    await db().$transaction(async (tx) => {
      await tx.loginAttempt.create({ data: { email, ip: attempt.ip, success: false } });
      await recordAudit(tx, anonymous, {
        action: "auth.sign_in_failed",
        entityType: "User",
        entityId: user?.id,
        details: { email, reason: !user ? "unknown_account" : user.disabledAt ? "disabled" : "bad_password" },
      });
    });
    throw new AppError("UNAUTHENTICATED", "login.invalidCredentials");
  }

  return db().$transaction(async (tx) => {
    await tx.loginAttempt.create({ data: { email, ip: attempt.ip, success: true } });
    await tx.user.update({ where: { id: user.id }, data: { lastLoginAt: new Date() } });
    const session = await tx.session.create({
      data: {
        userId: user.id,
        ip: attempt.ip,
        userAgent: attempt.userAgent?.slice(0, 500),
        expiresAt: new Date(Date.now() + SESSION_HOURS * 3_600_000),
      },
      select: { id: true },
    });
    await recordAudit(tx, { kind: "user", ...user, sessionId: session.id, ip: attempt.ip }, {
      action: "auth.sign_in",
      entityType: "User",
      entityId: user.id,
    });
    return { sessionId: session.id, id: user.id, email: user.email, name: user.name, role: user.role, locale: user.locale };
  });
}

export async function revokeSession(sessionId: string) {
  if (!/^[0-9a-f-]{36}$/i.test(sessionId)) return;
  await db().session.updateMany({ where: { id: sessionId, revokedAt: null }, data: { revokedAt: new Date() } });
}
