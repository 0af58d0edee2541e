import "server-only";
// The unsubscribe link of a marketing email (a visible link and RFC 8058 one-click). The token is the
// message id and an HMAC of it: it names no person, cannot be made up without the app's secret, and
// works without signing in. Using it withdraws the campaign's purpose (evidence: the message, the
// campaign, the socket address the app saw) and puts the address on the suppression list.
import { createHmac, hkdfSync, timingSafeEqual } from "node:crypto";
import { recordAudit } from "@/lib/audit/mutations";
import { appSecrets } from "@/lib/auth/app-seal";
import { now } from "@/lib/clock";
import { recordConsentChange } from "@/lib/consent/mutations";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { emailHash } from "./guard";

const keys = new Map<string, Buffer>();

/** The link's HMAC under one of the app's secrets (the current one unless told). */
function mac(messageId: string, secret = env().NEXTAUTH_SECRET) {
  let key = keys.get(secret);
  if (!key) {
    key = Buffer.from(hkdfSync("sha256", secret, "customer-register", "unsubscribe link", 32));
    keys.set(secret, key);
  }
  return createHmac("sha256", key).update(messageId).digest("base64url").slice(0, 32);
}

export function unsubscribeToken(messageId: string) {
  return `${messageId}.${mac(messageId)}`;
}

export function unsubscribeUrl(messageId: string) {
  return new URL(`/api/public/unsubscribe/${unsubscribeToken(messageId)}`, env().APP_URL).toString();
}

/**
 * The message a token was issued for, or null when it was not issued by this app. Links in emails
 * sent before the secret was rotated keep working while the old secret is listed as previous.
 */
export function messageIdFromToken(token: string): string | null {
  const match = /^([0-9a-f-]{36})\.([A-Za-z0-9_-]{32})$/i.exec(token);
  if (!match) return null;
  const messageId = match[1].toLowerCase();
  const given = Buffer.from(match[2]);
  const valid = appSecrets().some((secret) => {
    const expected = Buffer.from(mac(messageId, secret));
    return expected.length === given.length && timingSafeEqual(expected, given);
  });
  return valid ? messageId : null;
}

export type UnsubscribeContext = { ip: string | null; userAgent: string | null; oneClick: boolean };

/** What the unsubscribe page shows before the button is pressed (nothing personal: the purpose). */
export async function unsubscribeTarget(token: string) {
  const messageId = messageIdFromToken(token);
  if (!messageId) return null;
  const message = await db().emailMessage.findFirst({
    where: { id: messageId, customerId: { not: null }, campaign: { kind: "MARKETING" } },
    select: { campaign: { select: { purpose: { select: { key: true, labelVi: true, labelEn: true } } } } },
  });
  return message?.campaign?.purpose ?? null;
}

/** Idempotent: a second use records nothing new. Returns whether consent was withdrawn by this call. */
export async function unsubscribe(token: string, context: UnsubscribeContext) {
  const messageId = messageIdFromToken(token);
  if (!messageId) throw new AppError("NOT_FOUND", "unsubscribe.invalid");
  const at = await now();
  return db().$transaction(async (tx) => {
    const message = await tx.emailMessage.findFirst({
      where: { id: messageId, customerId: { not: null }, campaign: { kind: "MARKETING" } },
      select: { to: true, customerId: true, campaignId: true, campaign: { select: { purpose: { select: { key: true } } } } },
    });
    if (!message?.customerId || !message.campaign?.purpose) throw new AppError("NOT_FOUND", "unsubscribe.invalid");
    const customer = await tx.customer.findUnique({ where: { id: message.customerId }, select: { email: true, status: true } });
    // An erased customer is already out of every list; nothing about them is left to record.
    if (!customer || customer.status === "ERASED" || !customer.email) return { withdrawn: false };
    const actor = { kind: "anonymous" } as const;
    // (A purpose since moved off consent has none to withdraw: the mailbox is still suppressed below.)
    const change = await recordConsentChange(tx, actor, {
      customerId: message.customerId,
      purposeKey: message.campaign.purpose.key,
      action: "WITHDRAWN",
      source: "UNSUBSCRIBE",
      at,
      ip: context.ip,
      userAgent: context.userAgent,
      evidence: { messageId, campaignId: message.campaignId ?? "", method: context.oneClick ? "one_click" : "link" },
    }).catch((error: unknown) => {
      if (error instanceof AppError && error.userMessage === "consent.notConsentBased") return null;
      throw error;
    });
    // The mailbox the email reached is the one that asked to hear no more (the customer may have
    // changed address since); their current address too, when it is another one.
    const addresses = [...new Set([message.to, customer.email].filter((a) => a.trim() !== "").map((a) => emailHash(a)))];
    const added = await tx.$executeRaw`
      INSERT INTO "Suppression" ("emailHash", reason, "messageId") SELECT h, 'UNSUBSCRIBED', ${messageId}::uuid FROM unnest(${addresses}::text[]) AS h
      ON CONFLICT ("emailHash") DO NOTHING`;
    if (added)
      await recordAudit(tx, actor, { action: "suppression.added", entityType: "EmailMessage", entityId: messageId, details: { reason: "UNSUBSCRIBED" } });
    return { withdrawn: !!change };
  });
}
