import "server-only";
import type { StaffActor } from "@/lib/auth/actor";
import { TWO_FACTOR_ROLES } from "@/lib/auth/roles";
import { db } from "@/lib/db";
import { readSettings } from "@/lib/settings/queries";

/** The signed-in person's own two-factor state, for their account page. */
export async function ownTwoFactorStatus(actor: StaffActor) {
  const [user, codesLeft, settings] = await Promise.all([
    db().user.findUniqueOrThrow({ where: { id: actor.id }, select: { totpEnabledAt: true } }),
    db().recoveryCode.count({ where: { userId: actor.id, usedAt: null } }),
    readSettings(),
  ]);
  return { enabledAt: user.totpEnabledAt, codesLeft, required: settings.requireTwoFactor && (TWO_FACTOR_ROLES as readonly string[]).includes(actor.role) };
}
