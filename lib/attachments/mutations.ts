import "server-only";
import { createHash, randomBytes, randomUUID } from "node:crypto";
import { authorize, type Actor } from "@/lib/auth/actor";
import type { Tx } from "@/lib/db";
import { customerKey } from "@/lib/audit/mutations";
import { AppError } from "@/lib/errors";
import { encryptBytes } from "./sealing";

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
