import "server-only";
import { createHash } from "node:crypto";
import { recordAudit } from "@/lib/audit/mutations";
import { authorize, type Actor } from "@/lib/auth/actor";
import { db, pool, type Tx } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { decryptBytes, decryptPart, partLabel } from "./sealing";

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
    const file = await tx.attachment.findUnique({
      where: { id },
      select: { id: true, filename: true, mimeType: true, data: true, sha256: true, sealed: true, keyCustomerId: true },
    });
    const data = file ? await openAttachment(tx, file) : null;
    if (!file || !data) return null;
    await recordAudit(tx, actor, { action: "attachment.downloaded", entityType: "Attachment", entityId: id, details: { sha256: file.sha256 } });
    return { filename: file.filename, mimeType: file.mimeType, data, sha256: file.sha256 };
  });
}

/**
 * A stored file's bytes as uploaded: decrypted with its key, or null when the key is gone (the
 * customer was erased) — a shredded file is as good as deleted.
 */
export async function openAttachment(tx: Tx, file: { id: string; data: Uint8Array; sealed: boolean; keyCustomerId: string | null }): Promise<Buffer | null> {
  if (!file.sealed) return Buffer.from(file.data);
  const [row] = file.keyCustomerId
    ? await tx.$queryRaw<{ key: Uint8Array }[]>`SELECT key FROM "CustomerKey" WHERE "customerId" = ${file.keyCustomerId}::uuid`
    : await tx.$queryRaw<{ key: Uint8Array }[]>`SELECT key FROM "FileKey" WHERE "attachmentId" = ${file.id}::uuid`;
  return decryptBytes(row ? Buffer.from(row.key) : null, Buffer.from(file.data));
}

/**
 * A large stored file's bytes, one part at a time (memory stays flat): each part must decrypt with
 * the file's key at its own place (the last one as the last), and the whole must match the checksum
 * the caller expects — otherwise the stream fails rather than hand out a damaged or shortened file.
 */
export async function* readLargeAttachment(id: string, expectedSha256?: string): AsyncGenerator<Buffer> {
  const file = await db().attachment.findUnique({ where: { id }, select: { chunks: true, sha256: true, fileKey: { select: { key: true } } } });
  if (!file?.fileKey || file.chunks === null) throw new AppError("EXPIRED", "attachments.unavailable");
  const key = Buffer.from(file.fileKey.key);
  const hash = createHash("sha256");
  for (let seq = 0; seq < file.chunks; seq++) {
    // Straight through `pg` (a part is a megabyte: the ORM's round trip costs more than the read).
    const { rows } = await pool().query<{ data: Buffer }>(`SELECT data FROM "AttachmentChunk" WHERE "attachmentId" = $1 AND seq = $2`, [id, seq]);
    const plain = rows[0] ? decryptPart(key, rows[0].data, partLabel(id, seq, seq === file.chunks - 1)) : null;
    if (!plain) throw new AppError("EXPIRED", "attachments.damaged");
    hash.update(plain);
    yield plain;
  }
  const sha256 = hash.digest("hex");
  if (sha256 !== file.sha256 || (expectedSha256 !== undefined && sha256 !== expectedSha256)) throw new AppError("EXPIRED", "attachments.damaged");
}

/** Whether every part of a large file and its key are there (checked before a download is counted). */
export async function largeAttachmentComplete(tx: Tx, id: string) {
  const [row] = await tx.$queryRaw<{ complete: boolean }[]>`
    SELECT a.chunks IS NOT NULL AND k."attachmentId" IS NOT NULL
           AND (SELECT count(*) FROM "AttachmentChunk" p WHERE p."attachmentId" = a.id) = a.chunks AS complete
    FROM "Attachment" a LEFT JOIN "FileKey" k ON k."attachmentId" = a.id WHERE a.id = ${id}::uuid`;
  return row?.complete ?? false;
}
