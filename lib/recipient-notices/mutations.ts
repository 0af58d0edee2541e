import "server-only";
import { recordAudit } from "@/lib/audit/mutations";
import { systemActor } from "@/lib/auth/actor";
import { db } from "@/lib/db";
import { enqueueEmail } from "@/lib/email/mutations";
import { renderEmail } from "@/lib/email/render";
import { translator } from "@/lib/i18n/translate";
import { readSettings } from "@/lib/settings/queries";

// Passing a customer's decision on to everyone who received their data. The notice rows are written
// by triggers with the change (an objection, a withdrawn or lapsed advertising consent, an erasure:
// lib/recipient-notices/sql), one per package row and kind; this job emails each recipient once per change,
// covering all its rows, in the same transaction that marks the rows queued, so nobody is told twice.
// Rows of a recipient without a notice address wait until it has one.

type Due = {
  id: string;
  kind: "STOP" | "ERASE";
  customerId: string;
  recipientId: string;
  name: string;
  contactEmail: string;
  disclosureId: string;
  itemId: string;
};

export async function sendRecipientNotices(limit = 200): Promise<number> {
  return db().$transaction(async (tx) => {
    const due = await tx.$queryRaw<Due[]>`
      SELECT n.id, n.kind::text AS kind, n."customerId", n."recipientId", r.name, r."contactEmail", n."disclosureId", n."itemId"
      FROM "RecipientNotice" n JOIN "Recipient" r ON r.id = n."recipientId"
      WHERE n."emailMessageId" IS NULL AND r."contactEmail" IS NOT NULL
      ORDER BY n."createdAt", n.id LIMIT ${limit} FOR UPDATE OF n`;
    if (due.length === 0) return 0;
    const groups = new Map<string, Due[]>();
    for (const n of due) {
      const key = `${n.recipientId}/${n.customerId}/${n.kind}`;
      groups.set(key, [...(groups.get(key) ?? []), n]);
    }
    const settings = await readSettings(tx);
    // Partners here are Vietnamese companies and agencies: the notice is in Vietnamese.
    const t = translator("vi");
    for (const rows of groups.values()) {
      const [first] = rows;
      const email = await renderEmail(
        "recipient_notice",
        "vi",
        {
          subject: t(`email.recipientNotice.subject.${first.kind}`, { company: settings.companyName }),
          paragraphs: [
            t(`email.recipientNotice.body.${first.kind}`, { recipient: first.name }),
            ...rows.map((r) => t("email.recipientNotice.reference", { disclosure: r.disclosureId, row: r.itemId })),
            t("email.recipientNotice.legal"),
          ],
          footer: `${settings.companyName} — ${settings.companyAddress}`,
        },
        settings,
      );
      const message = await enqueueEmail(tx, first.contactEmail, email);
      await tx.recipientNotice.updateMany({ where: { id: { in: rows.map((r) => r.id) } }, data: { emailMessageId: message.id, queuedAt: new Date() } });
      await recordAudit(tx, systemActor("recipient-notices"), {
        action: "recipient.notices_queued",
        entityType: "Recipient",
        entityId: first.recipientId,
        details: { customerId: first.customerId, kind: first.kind, disclosureIds: rows.map((r) => r.disclosureId), emailMessageId: message.id },
      });
    }
    return due.length;
  });
}
