// For the demo seed only: it plays the visitors who confirm their choices from their inbox.
import { db } from "@/lib/db";
import { openLink } from "@/lib/email/secret-link";

/** Queued confirmation emails with their one-time links opened, oldest first. */
export async function pendingConfirmationEmails() {
  const rows = await db().emailMessage.findMany({
    where: { template: "consent_confirmation", status: "QUEUED", secret: { not: null } },
    orderBy: { createdAt: "asc" },
    select: { id: true, secret: true },
  });
  return rows.map((r) => ({ id: r.id, link: openLink(r.secret!) }));
}

export async function cancelEmails(ids: string[]) {
  await db().emailMessage.updateMany({ where: { id: { in: ids } }, data: { status: "CANCELLED" } });
}
