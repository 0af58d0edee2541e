import "server-only";
import type { Prisma } from "@/generated/prisma/client";
import { db } from "@/lib/db";

const sessionUserSelect = {
  id: true,
  email: true,
  name: true,
  role: true,
  locale: true,
} satisfies Prisma.UserSelect;

/**
 * The user behind a live session, or null when the session was revoked or expired or the user was
 * disabled. Called on every request, so role changes and disabling take effect at once everywhere.
 */
export async function findSessionUser(sessionId: string) {
  if (!/^[0-9a-f-]{36}$/i.test(sessionId)) return null;
  const session = await db().session.findFirst({
    where: { id: sessionId, revokedAt: null, expiresAt: { gt: new Date() }, user: { disabledAt: null } },
    select: { id: true, user: { select: sessionUserSelect } },
  });
  return session ? { sessionId: session.id, ...session.user } : null;
}
