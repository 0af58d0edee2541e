import "server-only";
import { recordAudit } from "@/lib/audit/mutations";
import { authorize, type Actor, type StaffActor } from "@/lib/auth/actor";
import { hashPassword } from "@/lib/auth/password";
import { rolesFor } from "@/lib/auth/permissions";
import type { Role } from "@/lib/auth/roles";
import { hashToken, newToken } from "@/lib/auth/tokens";
import { db } from "@/lib/db";
import { enqueueEmail } from "@/lib/email/mutations";
import { renderEmail } from "@/lib/email/render";
import { SECRET_LINK } from "@/lib/email/secret-link";
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { translator } from "@/lib/i18n/translate";
import { readSettings } from "@/lib/settings/queries";
import { nudgeJobs } from "@/lib/jobs/mutations";
import { changeRoleSchema, createUserSchema, inviteUserSchema, resendInviteSchema, setDisabledSchema, setPasswordSchema } from "./schemas";

export const INVITE_HOURS = 48;

/** Renders the invitation before any transaction opens, so no transaction waits on rendering. */
async function prepareInvite(actor: Actor, user: { name: string; role: Role; locale: "vi" | "en" }) {
  const { token, hash } = newToken();
  const link = `${env().APP_URL}/set-password/${token}`;
  const inviterName = actor.kind === "user" ? actor.name : translator(user.locale)("app.name");
  const email = await renderEmail(
    "invite",
    user.locale,
    { name: user.name, inviterName, role: translator(user.locale)(`roles.${user.role}`), link: SECRET_LINK, hours: INVITE_HOURS },
    await readSettings(),
  );
  return { hash, email, link };
}

export async function inviteUser(actor: Actor, raw: unknown) {
  authorize(actor, ...rolesFor("users"));
  const input = inviteUserSchema.parse(raw);
  const { hash, email, link } = await prepareInvite(actor, input);
  const created = await db().$transaction(async (tx) => {
    if (await tx.user.findUnique({ where: { email: input.email }, select: { id: true } })) {
      throw new AppError("CONFLICT", "users.emailTaken", { email: "users.emailTaken" });
    }
    const user = await tx.user.create({
      data: { email: input.email, name: input.name, role: input.role, locale: input.locale },
      select: { id: true, email: true, role: true },
    });
    await tx.authToken.create({
      data: { kind: "INVITE", tokenHash: hash, userId: user.id, expiresAt: new Date(Date.now() + INVITE_HOURS * 3_600_000) },
    });
    const message = await enqueueEmail(tx, user.email, email, { secretLink: link });
    await recordAudit(tx, actor, {
      action: "user.invited",
      entityType: "User",
      entityId: user.id,
      details: { email: user.email, role: user.role, emailMessageId: message.id },
    });
    return user;
  });
  nudgeJobs();
  return { id: created.id };
}

export async function resendInvite(actor: Actor, raw: unknown) {
  authorize(actor, ...rolesFor("users"));
  const { userId } = resendInviteSchema.parse(raw);
  const user = await db().user.findFirst({
    where: { id: userId, passwordHash: null, disabledAt: null },
    select: { id: true, email: true, name: true, role: true, locale: true },
  });
  if (!user) throw new AppError("CONFLICT", "users.inviteNotPending");
  const { hash, email, link } = await prepareInvite(actor, user);
  await db().$transaction(async (tx) => {
    // A new link replaces the old ones: only the latest invitation works.
    await tx.authToken.updateMany({ where: { userId, kind: "INVITE", usedAt: null }, data: { usedAt: new Date() } });
    await tx.authToken.create({
      data: { kind: "INVITE", tokenHash: hash, userId, expiresAt: new Date(Date.now() + INVITE_HOURS * 3_600_000) },
    });
    await enqueueEmail(tx, user.email, email, { secretLink: link });
    await recordAudit(tx, actor, { action: "user.invite_resent", entityType: "User", entityId: userId });
  });
  nudgeJobs();
}

function refuseSelf(actor: Actor, userId: string, message: string) {
  if (actor.kind === "user" && actor.id === userId) throw new AppError("CONFLICT", message);
}

export async function changeUserRole(actor: Actor, raw: unknown) {
  authorize(actor, ...rolesFor("users"));
  const { userId, role } = changeRoleSchema.parse(raw);
  refuseSelf(actor, userId, "users.cannotChangeOwnRole");
  await db().$transaction(async (tx) => {
    const before = await tx.user.findUnique({ where: { id: userId }, select: { role: true } });
    if (!before) throw new AppError("NOT_FOUND", "errors.notFound");
    if (before.role === role) return;
    await tx.user.update({ where: { id: userId }, data: { role } });
    await recordAudit(tx, actor, {
      action: "user.role_changed",
      entityType: "User",
      entityId: userId,
      details: { before: before.role, after: role },
    });
  });
}

export async function setUserDisabled(actor: Actor, raw: unknown) {
  authorize(actor, ...rolesFor("users"));
  const { userId, disabled } = setDisabledSchema.parse(raw);
  refuseSelf(actor, userId, "users.cannotDisableSelf");
  await db().$transaction(async (tx) => {
    const { count } = await tx.user.updateMany({
      where: { id: userId, disabledAt: disabled ? null : { not: null } },
      data: { disabledAt: disabled ? new Date() : null },
    });
    if (count === 0) return;
    // Ending the sessions is belt and braces: findSessionUser already refuses disabled users.
    if (disabled) await tx.session.updateMany({ where: { userId, revokedAt: null }, data: { revokedAt: new Date() } });
    await recordAudit(tx, actor, { action: disabled ? "user.disabled" : "user.enabled", entityType: "User", entityId: userId });
  });
}

/**
 * Public: the invited person, or one who asked for a reset, chooses a password with the single-use
 * link from their email. The link is checked before any hashing (a wrong link costs nothing), and
 * every session of the user ends: whoever had the old password is out.
 */
export async function setPasswordWithToken(raw: unknown, ip: string) {
  const input = setPasswordSchema.parse(raw);
  const token = await db().authToken.findFirst({
    where: { tokenHash: hashToken(input.token), kind: { in: ["INVITE", "PASSWORD_RESET"] } },
    select: { id: true, kind: true, usedAt: true, expiresAt: true, user: { select: { id: true, email: true, disabledAt: true } } },
  });
  if (!token?.user || token.user.disabledAt) throw new AppError("NOT_FOUND", "setPassword.invalidLink");
  if (token.usedAt) throw new AppError("CONFLICT", "setPassword.usedLink");
  if (token.expiresAt <= new Date()) throw new AppError("EXPIRED", "setPassword.expiredLink");
  const passwordHash = await hashPassword(input.password);
  const user = token.user;
  return db().$transaction(async (tx) => {
    // Conditional update: of two simultaneous uses, only one wins.
    const { count } = await tx.authToken.updateMany({ where: { id: token.id, usedAt: null, expiresAt: { gt: new Date() } }, data: { usedAt: new Date() } });
    if (count !== 1) throw new AppError("CONFLICT", "setPassword.usedLink");
    await tx.user.update({ where: { id: user.id }, data: { passwordHash, passwordResetRequiredAt: null } });
    await tx.session.updateMany({ where: { userId: user.id, revokedAt: null }, data: { revokedAt: new Date() } });
    await recordAudit(
      tx,
      { kind: "anonymous", ip },
      {
        action: token.kind === "INVITE" ? "user.password_set" : "user.password_reset",
        entityType: "User",
        entityId: user.id,
      },
    );
    return { email: user.email };
  });
}

/** For the CLI and demo seed: a user with a password, no invitation. */
export async function createUserWithPassword(actor: Actor, raw: unknown) {
  authorize(actor, ...rolesFor("users"));
  const input = createUserSchema.parse(raw);
  const passwordHash = await hashPassword(input.password);
  return db().$transaction(async (tx) => {
    if (await tx.user.findUnique({ where: { email: input.email }, select: { id: true } })) {
      throw new AppError("CONFLICT", "users.emailTaken", { email: "users.emailTaken" });
    }
    const user = await tx.user.create({
      data: { email: input.email, name: input.name, role: input.role, passwordHash },
      select: { id: true },
    });
    await recordAudit(tx, actor, {
      action: "user.created",
      entityType: "User",
      entityId: user.id,
      details: { email: input.email, role: input.role },
    });
    return user;
  });
}

/** A staff member's own language preference (used for their emails and on new browsers). */
export async function setOwnLocale(actor: StaffActor, locale: "vi" | "en") {
  await saveLocale(actor.id, locale);
}

export async function saveLocale(userId: string, locale: "vi" | "en") {
  await db().user.update({ where: { id: userId }, data: { locale } });
}
