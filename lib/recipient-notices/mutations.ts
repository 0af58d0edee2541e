import "server-only";
import { recordAudit } from "@/lib/audit/mutations";
import { systemActor } from "@/lib/auth/actor";
import { db } from "@/lib/db";
import { enqueueEmail } from "@/lib/email/mutations";
import { renderEmail } from "@/lib/email/render";
import { translator } from "@/lib/i18n/translate";
import { readSettings } from "@/lib/settings/queries";

// Passing a customer's decision on to everyone who received their data. The notices themselves are
// written by triggers with the change (an objection, a withdrawn advertising consent, an erasure:
// migration `integrations`), one per recipient, customer and kind; this job turns each into an email
// in the outbox, in the same transaction that marks it queued, so each recipient is told once.

type Due = {
  id: string;
  kind: "STOP" | "ERASE";
  customerId: string;
  recipientId: string;
  name: string;
  contactEmail: string;
  disclosureIds: string[];
  itemIds: string[];
};

export async function sendRecipientNotices(limit = 20): Promise<number> {
  return db().$transaction(async (tx) => {
    const due = await tx.$queryRaw<Due[]>`
      SELECT n.id, n.kind::text AS kind, n."customerId", n."recipientId", r.name, r."contactEmail", n."disclosureIds", n."itemIds"
      FROM "RecipientNotice" n JOIN "Recipient" r ON r.id = n."recipientId"
      WHERE n."emailMessageId" IS NULL AND r."contactEmail" IS NOT NULL
      ORDER BY n."createdAt" LIMIT ${limit} FOR UPDATE OF n SKIP LOCKED`;
    if (due.length === 0) return 0;
    const settings = await readSettings(tx);
    // Partners here are Vietnamese companies and agencies: the notice is in Vietnamese.
    const t = translator("vi");
    for (const n of due) {
      const references = n.disclosureIds.map((d, i) => t("email.recipientNotice.reference", { disclosure: d, row: n.itemIds[i] }));
      const email = await renderEmail(
        "recipient_notice",
        "vi",
        {
          subject: t(`email.recipientNotice.subject.${n.kind}`, { company: settings.companyName }),
          paragraphs: [t(`email.recipientNotice.body.${n.kind}`, { recipient: n.name }), ...references, t("email.recipientNotice.legal")],
          footer: `${settings.companyName} — ${settings.companyAddress}`,
        },
        settings,
      );
      const message = await enqueueEmail(tx, n.contactEmail, email);
      await tx.recipientNotice.update({ where: { id: n.id }, data: { emailMessageId: message.id, queuedAt: new Date() } });
      await recordAudit(tx, systemActor("recipient-notices"), {
        action: "recipient.notices_queued",
        entityType: "RecipientNotice",
        entityId: n.id,
        details: { recipientId: n.recipientId, customerId: n.customerId, kind: n.kind, disclosureIds: n.disclosureIds },
      });
    }
    return due.length;
  });
}
