import "server-only";
import { recordAudit } from "@/lib/audit/mutations";
import { authorize, type Actor } from "@/lib/auth/actor";
import { db } from "@/lib/db";

/** A stored file for download; every download is audited. */
export async function readAttachment(actor: Actor, id: string) {
  authorize(actor, "STAFF", "COMPLIANCE");
  if (!/^[0-9a-f-]{36}$/i.test(id)) return null;
  return db().$transaction(async (tx) => {
    const file = await tx.attachment.findUnique({ where: { id }, select: { filename: true, mimeType: true, data: true, sha256: true } });
    if (file) await recordAudit(tx, actor, { action: "attachment.downloaded", entityType: "Attachment", entityId: id, details: { sha256: file.sha256 } });
    return file;
  });
}
