// Tests play the recipient: they open the sealed one-time link of a queued email, as the sender would.
import { db } from "@/lib/db";
import { openLink } from "@/lib/email/secret-link";

export async function oneTimeLinkTo(to: string, template: string): Promise<string | null> {
  const message = await db().emailMessage.findFirst({ where: { to, template }, orderBy: { createdAt: "desc" }, select: { secret: true } });
  return message?.secret ? openLink(message.secret) : null;
}

/** The token at the end of a one-time link's path (before any query string). */
export const tokenOf = (link: string | null) => link?.match(/\/([A-Za-z0-9_-]{20,})(?:\?|$)/)?.[1] ?? null;
