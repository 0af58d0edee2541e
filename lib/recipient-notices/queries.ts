import "server-only";
import { db } from "@/lib/db";

/**
 * Who was told to stop using or to erase this customer's data, and when the email left (null while
 * it waits in the outbox). For the customer's own page: the session's customer id only.
 */
export async function noticesToRecipients(customerId: string) {
  const rows = await db().$queryRaw<
    { recipientId: string; recipient: string; kind: "STOP" | "ERASE"; createdAt: Date; queuedAt: Date | null; sentAt: Date | null }[]
  >`
    SELECT n."recipientId", r.name AS recipient, n.kind::text AS kind, n."createdAt", n."queuedAt", m."sentAt"
    FROM "RecipientNotice" n JOIN "Recipient" r ON r.id = n."recipientId" LEFT JOIN "EmailMessage" m ON m.id = n."emailMessageId"
    WHERE n."customerId" = ${customerId}::uuid ORDER BY n."createdAt"`;
  return rows;
}
