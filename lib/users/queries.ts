import "server-only";
import type { Prisma } from "@/generated/prisma/client";
import { authorize, type Actor } from "@/lib/auth/actor";
import { rolesFor } from "@/lib/auth/permissions";
import { hashToken } from "@/lib/auth/tokens";
import { db } from "@/lib/db";

const userListSelect = {
  id: true,
  email: true,
  name: true,
  role: true,
  disabledAt: true,
  lastLoginAt: true,
  createdAt: true,
  passwordHash: true,
  passwordResetRequiredAt: true,
  totpEnabledAt: true,
} satisfies Prisma.UserSelect;

export async function listUsers(actor: Actor) {
  authorize(actor, ...rolesFor("users"));
  const users = await db().user.findMany({ orderBy: [{ disabledAt: "desc" }, { name: "asc" }], select: userListSelect });
  // Never hand the hash to a page: only whether the invitation was accepted.
  return users.map(({ passwordHash, passwordResetRequiredAt, totpEnabledAt, ...u }) => ({
    ...u,
    invitationPending: !passwordHash,
    resetPending: !!passwordResetRequiredAt,
    twoFactor: !!totpEnabledAt,
  }));
}
export type UserListItem = Awaited<ReturnType<typeof listUsers>>[number];

/** For the public set-password page: whether the link can still be used, and for whom. */
export async function findUsableInvite(token: string) {
  if (token.length < 20 || token.length > 200) return null;
  const row = await db().authToken.findFirst({
    where: { tokenHash: hashToken(token), kind: { in: ["INVITE", "PASSWORD_RESET"] }, usedAt: null, expiresAt: { gt: new Date() } },
    select: { user: { select: { email: true, name: true, disabledAt: true } } },
  });
  if (!row?.user || row.user.disabledAt) return null;
  return { email: row.user.email, name: row.user.name };
}

/** Whether any staff account exists (first start, seeding). Not personal data. */
export async function hasAnyUser() {
  return (await db().user.count()) > 0;
}
