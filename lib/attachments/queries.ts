import "server-only";
import { recordAudit } from "@/lib/audit/mutations";
import { authorize, type Actor } from "@/lib/auth/actor";
import { db, type Tx } from "@/lib/db";
import { AppError } from "@/lib/errors";

/**
 * Who may read a stored file depends on what it belongs to: a disclosure package only through its
 * counted download (never here), the request of a confidential disclosure only by compliance, a
 * consent scan by whoever works the register, a privacy request's scan by the request desk.
 * A file that belongs to nothing is not handed out.
 */
async function mayRead(tx: Tx, actor: Actor, id: string) {
  const role = actor.kind === "user" ? actor.role : "system";
  const [pkg, request, privacyRequest, consent] = await Promise.all([
    tx.disclosure.findFirst({ where: { packageFileId: id }, select: { id: true } }),
    tx.disclosure.findFirst({ where: { requestFileId: id }, select: { confidential: true } }),
    tx.privacyRequest.findFirst({ where: { attachmentId: id }, select: { id: true } }),
    tx.$queryRaw<{ n: number }[]>`SELECT count(*)::int AS n FROM "ConsentEvent" WHERE evidence -> 'attachment' ->> 'id' = ${id}`,
  ]);
  if (pkg) throw new AppError("FORBIDDEN", "disclosures.packageOnlyByDownload");
  if (request) return !request.confidential || role === "COMPLIANCE" || role === "system";
  if (privacyRequest) return role === "COMPLIANCE" || role === "STAFF" || role === "system";
  return consent[0].n > 0;
}

/** A stored file for download; every download is audited. */
export async function readAttachment(actor: Actor, id: string) {
  authorize(actor, "STAFF", "COMPLIANCE");
  if (!/^[0-9a-f-]{36}$/i.test(id)) return null;
  return db().$transaction(async (tx) => {
    if (!(await mayRead(tx, actor, id))) return null;
    const file = await tx.attachment.findUnique({ where: { id }, select: { filename: true, mimeType: true, data: true, sha256: true } });
    if (file) await recordAudit(tx, actor, { action: "attachment.downloaded", entityType: "Attachment", entityId: id, details: { sha256: file.sha256 } });
    return file;
  });
}
