import "server-only";
import { createHash, randomBytes, randomUUID } from "node:crypto";
import { authorize, type Actor } from "@/lib/auth/actor";
import type { Db, Tx } from "@/lib/db";
import { customerKey } from "@/lib/audit/mutations";
import { AppError } from "@/lib/errors";
import { db, pool } from "@/lib/db";
import { encryptBytes, encryptPart, PART_BYTES, partLabel } from "./sealing";

export const MAX_ATTACHMENT_BYTES = 5 * 1024 * 1024;
export const ATTACHMENT_TYPES = ["application/pdf", "image/png", "image/jpeg", "image/webp"] as const;

/**
 * Whose key seals the file at rest: a customer's (consent scans, their letters — erasure shreds
 * them with the key), or a key of the file's own (a disclosure package, an authority's request).
 */
export type SealWith = { customerId: string } | "own-key";

/** Stores an uploaded file, encrypted, in the caller's transaction; checks its size and type first. */
export async function saveAttachment(
  tx: Tx,
  actor: Actor,
  file: File,
  seal: SealWith,
  field = "file",
  options: { allowCsv?: boolean; maxBytes?: number } = {},
) {
  authorize(actor, "STAFF", "COMPLIANCE");
  const types: readonly string[] = options.allowCsv ? [...ATTACHMENT_TYPES, "text/csv"] : ATTACHMENT_TYPES;
  if (file.size === 0) throw new AppError("BAD_INPUT", "attachments.empty", { [field]: "attachments.empty" });
  if (file.size > (options.maxBytes ?? MAX_ATTACHMENT_BYTES)) throw new AppError("BAD_INPUT", "attachments.tooLarge", { [field]: "attachments.tooLarge" });
  if (!types.includes(file.type)) throw new AppError("BAD_INPUT", "attachments.type", { [field]: "attachments.type" });
  const data = Buffer.from(await file.arrayBuffer());
  const sha256 = createHash("sha256").update(data).digest("hex");
  const id = randomUUID();
  // A fresh Buffer owns a plain ArrayBuffer (never a shared one).
  const key = (seal === "own-key" ? randomBytes(32) : await customerKey(tx, seal.customerId)) as Buffer<ArrayBuffer>;
  const saved = await tx.attachment.create({
    data: {
      id,
      filename: file.name.slice(0, 200),
      mimeType: file.type,
      size: data.length,
      sha256,
      data: encryptBytes(key, data),
      sealed: true,
      keyCustomerId: seal === "own-key" ? null : seal.customerId,
      uploadedById: actor.kind === "user" ? actor.id : null,
    },
    select: { id: true, sha256: true, filename: true },
  });
  if (seal === "own-key") await tx.fileKey.create({ data: { attachmentId: id, key } });
  return saved;
}

/**
 * Stores a file too large to hold in memory, as it is produced: sealed with a key of its own, one
 * part of PART_BYTES at a time, each written on its own (outside any transaction: the embedded
 * database runs one at a time, and the source may be reading from the database as it goes). The
 * file counts as stored once its size, checksum and number of parts are written last; if anything
 * fails first, the parts written so far are deleted. The caller links the file to what it belongs
 * to and deletes it if that fails (`deleteAttachment`).
 */
export async function saveLargeAttachment(
  actor: Actor,
  meta: { filename: string; mimeType: string },
  source: AsyncIterable<Buffer | Uint8Array>,
  options: { maxBytes: number },
) {
  authorize(actor, "STAFF", "COMPLIANCE");
  const id = randomUUID();
  const key = randomBytes(32) as Buffer<ArrayBuffer>;
  await db().$transaction(async (tx) => {
    await tx.attachment.create({
      data: {
        id,
        filename: meta.filename.slice(0, 200),
        mimeType: meta.mimeType,
        size: 0,
        sha256: "",
        data: Buffer.alloc(0) as Buffer<ArrayBuffer>,
        sealed: true,
        chunks: 0,
        uploadedById: actor.kind === "user" ? actor.id : null,
      },
    });
    await tx.fileKey.create({ data: { attachmentId: id, key } });
  });
  const hash = createHash("sha256");
  let size = 0;
  let seq = 0;
  let pending: Buffer[] = [];
  let pendingBytes = 0;
  // Up to two parts are being written while the source goes on: the database stores one part while
  // the next is read, sealed and hashed, instead of the source waiting for every write.
  const writing: Promise<unknown>[] = [];
  const write = async (seq: number, sealed: Buffer) => {
    if (writing.length >= 2) await writing.shift();
    // Straight through `pg` (a part is a megabyte: the ORM's round trip costs more than the write).
    const done = pool().query(`INSERT INTO "AttachmentChunk" ("attachmentId", seq, data) VALUES ($1, $2, $3)`, [id, seq, sealed]);
    done.catch(() => {}); // awaited below; a failure must not go unhandled while it waits its turn
    writing.push(done);
  };
  // A part is written once more bytes follow it (or the source ends), so the last one is known.
  const flush = async (all: boolean) => {
    while (pendingBytes > PART_BYTES || (all && pendingBytes > 0)) {
      const joined = Buffer.concat(pending);
      const part = joined.subarray(0, PART_BYTES);
      const rest = joined.subarray(part.length);
      pending = rest.length ? [rest] : [];
      pendingBytes = rest.length;
      await write(seq, encryptPart(key, part, partLabel(id, seq, all && rest.length === 0)));
      seq++;
    }
  };
  try {
    for await (const chunk of source) {
      const bytes = Buffer.from(chunk);
      size += bytes.length;
      if (size > options.maxBytes) throw new AppError("BAD_INPUT", "attachments.tooLargeToKeep");
      hash.update(bytes);
      pending.push(bytes);
      pendingBytes += bytes.length;
      if (pendingBytes > PART_BYTES) await flush(false);
    }
    await flush(true);
    await Promise.all(writing);
    const sha256 = hash.digest("hex");
    await db().attachment.update({ where: { id }, data: { size, sha256, chunks: seq } });
    return { id, sha256, size, chunks: seq };
  } catch (error) {
    await Promise.allSettled(writing); // no part may land after the file is deleted
    await deleteAttachment(id).catch(() => {});
    throw error;
  }
}

/** Deletes a stored file with its key and parts (a package replaced, or one that never got linked). */
export async function deleteAttachment(id: string, client: Db | Tx = db()) {
  await client.attachment.deleteMany({ where: { id } });
}

/**
 * Housekeeping: a large file written but never linked (the process died between writing a package
 * and approving it) is deleted after a day, key and parts with it — it holds personal data.
 */
export async function pruneUnlinkedFiles() {
  return db().$executeRaw`
    DELETE FROM "Attachment" a
    WHERE a.chunks IS NOT NULL AND a."createdAt" < now() - interval '1 day'
      AND NOT EXISTS (SELECT 1 FROM "Disclosure" d WHERE d."packageFileId" = a.id)`;
}
