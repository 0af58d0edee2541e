import "server-only";
import { recordAudit } from "@/lib/audit/mutations";
import { systemActor, type CustomerActor } from "@/lib/auth/actor";
import { hashToken, newToken } from "@/lib/auth/tokens";
import { db } from "@/lib/db";
import { enqueueEmail } from "@/lib/email/mutations";
import { renderEmail } from "@/lib/email/render";
import { SECRET_LINK } from "@/lib/email/secret-link";
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { normalizeEmail, normalizePhone } from "@/lib/forms/normalize";
import { formatDate } from "@/lib/i18n/format";
import { limitAddress, limitKey } from "@/lib/rate-limit/address";
import { hitRateLimits } from "@/lib/rate-limit/mutations";
import { readSettings } from "@/lib/settings/queries";
import { signInRequestSchema } from "../schemas";

// Customers sign in to /privacy/me with a single-use link sent to the email the register holds.
// Asking for a link does the same work whatever the address (a row in SignInRequest); a background
// job looks the address up and sends the link only if it is known, so neither the answer nor its
// timing tells anyone whether someone is a customer.
// Links and sessions run on real time, not the app's (test) clock: they are about security, not
// about the business calendar that deadlines and policy dates follow.

export const LINK_MINUTES = 15;
export const SESSION_MINUTES = 60;
/**
 * Per address and asker (the address with the client's address): the asker's own repeated clicks,
 * answered "too many links". Per address from anyone: a ceiling on how many emails a stranger can
 * have sent to someone; over it a request is quietly not queued (the same answer), so nobody can lock
 * a customer out by asking for their links. Per client address: one source asking about many people.
 */
export const LIMITS = {
  perAsker: { limit: 5, windowSeconds: 3600 },
  perAddress: { limit: 10, windowSeconds: 3600 },
  perIp: { limit: 20, windowSeconds: 3600 },
};

function normalizeIdentifier(raw: string): string {
  const value = raw.trim();
  if (value.includes("@")) return normalizeEmail(value);
  const phone = normalizePhone(value);
  if (!phone) throw new AppError("BAD_INPUT", "privacy.identifierInvalid", { identifier: "privacy.identifierInvalid" });
  return phone;
}

export async function requestSignInLink(raw: unknown, context: { ip: string; locale: "vi" | "en" }) {
  const { identifier: typed } = signInRequestSchema.parse(raw);
  const identifier = normalizeIdentifier(typed);
  const from = limitAddress(context.ip);
  const [perAsker, perIp, perAddress] = await hitRateLimits([
    { key: `privacy-link:asker:${limitKey(`${identifier} ${from}`)}`, ...LIMITS.perAsker },
    { key: `privacy-link:ip:${limitKey(from)}`, ...LIMITS.perIp },
    { key: `privacy-link:id:${limitKey(identifier)}`, ...LIMITS.perAddress },
  ]);
  const blocked = [perAsker, perIp].find((r) => !r.allowed);
  if (blocked) throw new AppError("RATE_LIMITED", "privacy.tooManyLinks", undefined, { minutes: Math.ceil(blocked.retryAfterSeconds / 60) });
  if (!perAddress.allowed) return;
  await db().signInRequest.create({ data: { identifier, locale: context.locale }, select: { id: true } });
}

/** The job: answers queued link requests. One runs at a time across instances (a stately queue, lib/jobs). */
export async function processSignInRequests(limit = 20): Promise<number> {
  return db().$transaction(async (tx) => {
    const claimed = await tx.$queryRaw<{ id: string; identifier: string; locale: "vi" | "en" }[]>`
      DELETE FROM "SignInRequest" WHERE id IN (
        SELECT id FROM "SignInRequest" ORDER BY "createdAt" LIMIT ${limit} FOR UPDATE)
      RETURNING id, identifier, locale::text AS locale`;
    if (claimed.length === 0) return 0;
    const company = await readSettings(tx);
    const at = new Date();
    for (const request of claimed) {
      const byEmail = request.identifier.includes("@");
      const customers = await tx.customer.findMany({
        where: { status: { not: "ERASED" }, email: byEmail ? request.identifier : { not: null }, ...(byEmail ? {} : { phone: request.identifier }) },
        orderBy: { updatedAt: "desc" },
        take: 3,
        select: { id: true, email: true, fullName: true, createdAt: true },
      });
      for (const customer of customers) {
        const { token, hash } = newToken();
        // Links sent before stay usable until they are used or expire: someone else asking for this
        // customer's link (which only reaches the customer's mailbox) cannot void the one they hold.
        await tx.authToken.create({
          data: { kind: "CUSTOMER_SIGN_IN", tokenHash: hash, customerId: customer.id, expiresAt: new Date(at.getTime() + LINK_MINUTES * 60_000) },
        });
        // In the language the person asked in.
        // (Found by phone, the records may have different addresses: each mailbox gets only its own.)
        const shared = customers.filter((other) => other.email === customer.email).length > 1;
        const record = shared ? { name: customer.fullName ?? "—", createdOn: formatDate(customer.createdAt, request.locale) } : undefined;
        const email = await renderEmail("customer_sign_in", request.locale, { link: SECRET_LINK, minutes: LINK_MINUTES, record }, company);
        await enqueueEmail(tx, customer.email!, email, { secretLink: `${env().APP_URL}/privacy/me/link/${token}?lang=${request.locale}` });
        await recordAudit(tx, systemActor("privacy-sign-in"), {
          action: "customer.sign_in_link_sent",
          entityType: "Customer",
          entityId: customer.id,
          details: { customerId: customer.id },
        });
      }
    }
    return claimed.length;
  });
}

/**
 * Exchanges an emailed token for a session, once. Says why a link does not work (used, expired,
 * unknown) — that reveals nothing: only the link's holder knows it.
 */
export async function redeemSignInToken(token: string): Promise<{ sessionToken: string; expiresAt: Date }> {
  if (!/^[A-Za-z0-9_-]{20,100}$/.test(token)) throw new AppError("NOT_FOUND", "privacy.linkInvalid");
  const hash = hashToken(token);
  const at = new Date();
  return db().$transaction(async (tx) => {
    const [used] = await tx.$queryRaw<{ customerId: string }[]>`
      UPDATE "AuthToken" SET "usedAt" = ${at}
      WHERE "tokenHash" = ${hash} AND kind = 'CUSTOMER_SIGN_IN' AND "usedAt" IS NULL AND "expiresAt" > ${at}
      RETURNING "customerId"`;
    if (!used) {
      const row = await tx.authToken.findUnique({ where: { tokenHash: hash }, select: { kind: true, usedAt: true } });
      if (row?.kind !== "CUSTOMER_SIGN_IN") throw new AppError("NOT_FOUND", "privacy.linkInvalid");
      throw new AppError("EXPIRED", row.usedAt ? "privacy.linkUsed" : "privacy.linkExpired");
    }
    const session = newToken();
    const expiresAt = new Date(at.getTime() + SESSION_MINUTES * 60_000);
    await tx.customerSession.create({ data: { tokenHash: session.hash, customerId: used.customerId, expiresAt } });
    await recordAudit(tx, systemActor("privacy-sign-in"), {
      action: "customer.signed_in",
      entityType: "Customer",
      entityId: used.customerId,
      details: { customerId: used.customerId },
    });
    return { sessionToken: session.token, expiresAt };
  });
}

/** The customer behind a session cookie, or null when it is unknown, expired or the record erased. */
export async function customerForSession(
  sessionToken: string | undefined,
  context: { ip?: string; userAgent?: string | null } = {},
): Promise<CustomerActor | null> {
  if (!sessionToken || !/^[A-Za-z0-9_-]{20,100}$/.test(sessionToken)) return null;
  const session = await db().customerSession.findUnique({
    where: { tokenHash: hashToken(sessionToken) },
    select: { id: true, expiresAt: true, customer: { select: { id: true, status: true } } },
  });
  if (!session || session.expiresAt <= new Date() || session.customer.status === "ERASED") return null;
  return { kind: "customer", customerId: session.customer.id, sessionId: session.id, ip: context.ip, userAgent: context.userAgent ?? undefined };
}

export async function endCustomerSession(sessionToken: string | undefined) {
  if (!sessionToken) return;
  await db().customerSession.deleteMany({ where: { tokenHash: hashToken(sessionToken) } });
}

/** Housekeeping for the job runner: expired links and sessions. */
export async function pruneCustomerSessions() {
  const cutoff = new Date(Date.now() - 86_400_000);
  const [sessions, tokens] = await Promise.all([
    db().customerSession.deleteMany({ where: { expiresAt: { lt: cutoff } } }),
    db().authToken.deleteMany({ where: { kind: "CUSTOMER_SIGN_IN", expiresAt: { lt: cutoff } } }),
  ]);
  return sessions.count + tokens.count;
}
