import "server-only";
import type { Prisma } from "@/generated/prisma/client";
import { TWO_FACTOR_ROLES } from "@/lib/auth/roles";
import { db } from "@/lib/db";

/** A staff session ends after this long without a request, and in any case SESSION_HOURS after sign-in. */
export const IDLE_MINUTES = 30;
/** lastSeenAt is written at most this often, so browsing does not turn every request into a write. */
const TOUCH_SECONDS = 60;

const sessionUserSelect = {
  id: true,
  email: true,
  name: true,
  role: true,
  locale: true,
} satisfies Prisma.UserSelect;

/**
 * The user behind a live session, or null when the session was revoked, expired, idled out, or the
 * user was disabled. Called on every request, so role changes and disabling take effect at once
 * everywhere; each call counts as activity.
 */
export async function findSessionUser(sessionId: string, now = new Date()) {
  if (!/^[0-9a-f-]{36}$/i.test(sessionId)) return null;
  const [session, requirement] = await Promise.all([
    db().session.findFirst({
      where: {
        id: sessionId,
        revokedAt: null,
        expiresAt: { gt: now },
        lastSeenAt: { gt: new Date(now.getTime() - IDLE_MINUTES * 60_000) },
        user: { disabledAt: null },
      },
      select: { id: true, lastSeenAt: true, restricted: true, user: { select: { ...sessionUserSelect, totpEnabledAt: true } } },
    }),
    db().setting.findUnique({ where: { key: "requireTwoFactor" }, select: { value: true } }),
  ]);
  if (!session) return null;
  if (now.getTime() - session.lastSeenAt.getTime() > TOUCH_SECONDS * 1000) {
    await db().session.updateMany({ where: { id: session.id }, data: { lastSeenAt: now } });
  }
  const { totpEnabledAt, ...user } = session.user;
  // Decided on every request, not only at sign-in: a promotion, or the setting turned on, applies at once.
  const required = requirement?.value === true && TWO_FACTOR_ROLES.includes(user.role) && !totpEnabledAt;
  return { sessionId: session.id, restricted: session.restricted || required, ...user };
}
