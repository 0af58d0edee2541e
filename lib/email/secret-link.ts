// Emails that carry a one-time link (an invitation, a password reset, a customer's sign-in link, a
// consent confirmation) are stored with a placeholder where the link goes; the link itself is
// sealed with a key derived from NEXTAUTH_SECRET, filled in only by the sender at send time, and
// wiped by the database as soon as the message leaves the queue (sent, kept, failed or cancelled).
// So the outbox, its exports and a database dump never hold a usable link: only the recipient does.
import { openValue, sealValue } from "@/lib/auth/app-seal";
import { escapeHtml } from "@/lib/html/escape";

export const SECRET_LINK = "{{one-time-link}}";

export const sealLink = (link: string) => sealValue("outbox one-time link", link);
export const openLink = (sealed: string) => openValue("outbox one-time link", sealed);

/** The body as sent: the sealed link put back in place of the placeholder. */
export function fillLink(body: { html: string; text: string }, sealed: string | null) {
  if (!sealed) return body;
  const link = openLink(sealed);
  return { html: body.html.replaceAll(SECRET_LINK, escapeHtml(link)), text: body.text.replaceAll(SECRET_LINK, link) };
}
