// Emails that carry a one-time link (an invitation, a password reset, a customer's sign-in link, a
// consent confirmation) are stored with a placeholder where the link goes; the link itself is
// sealed with a key derived from NEXTAUTH_SECRET, filled in only by the sender at send time, and
// wiped by the database as soon as the message leaves the queue (sent, kept, failed or cancelled).
// So the outbox, its exports and a database dump never hold a usable link: only the recipient does.
import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from "node:crypto";
import { env } from "@/lib/env";
import { escapeHtml } from "@/lib/html/escape";

export const SECRET_LINK = "{{one-time-link}}";

function key(): Buffer {
  return Buffer.from(hkdfSync("sha256", env().NEXTAUTH_SECRET, "customer-register", "outbox one-time link", 32));
}

export function sealLink(link: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", key(), iv);
  const body = Buffer.concat([cipher.update(link, "utf8"), cipher.final()]);
  return Buffer.concat([iv, cipher.getAuthTag(), body]).toString("base64url");
}

export function openLink(sealed: string): string {
  const raw = Buffer.from(sealed, "base64url");
  const decipher = createDecipheriv("aes-256-gcm", key(), raw.subarray(0, 12));
  decipher.setAuthTag(raw.subarray(12, 28));
  return Buffer.concat([decipher.update(raw.subarray(28)), decipher.final()]).toString("utf8");
}

/** The body as sent: the sealed link put back in place of the placeholder. */
export function fillLink(body: { html: string; text: string }, sealed: string | null) {
  if (!sealed) return body;
  const link = openLink(sealed);
  return { html: body.html.replaceAll(SECRET_LINK, escapeHtml(link)), text: body.text.replaceAll(SECRET_LINK, link) };
}
