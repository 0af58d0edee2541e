import "server-only";
import { createHash } from "node:crypto";
import { authorize, type Actor } from "@/lib/auth/actor";
import type { Tx } from "@/lib/db";
import { AppError } from "@/lib/errors";

export const MAX_ATTACHMENT_BYTES = 5 * 1024 * 1024;
export const ATTACHMENT_TYPES = ["application/pdf", "image/png", "image/jpeg", "image/webp"] as const;

/** Stores an uploaded scan in the caller's transaction; checks its size and type first. */
export async function saveAttachment(tx: Tx, actor: Actor, file: File, field = "file", options: { allowCsv?: boolean; maxBytes?: number } = {}) {
  authorize(actor, "STAFF", "COMPLIANCE");
  const types: readonly string[] = options.allowCsv ? [...ATTACHMENT_TYPES, "text/csv"] : ATTACHMENT_TYPES;
  if (file.size === 0) throw new AppError("BAD_INPUT", "attachments.empty", { [field]: "attachments.empty" });
  if (file.size > (options.maxBytes ?? MAX_ATTACHMENT_BYTES)) throw new AppError("BAD_INPUT", "attachments.tooLarge", { [field]: "attachments.tooLarge" });
  if (!types.includes(file.type)) throw new AppError("BAD_INPUT", "attachments.type", { [field]: "attachments.type" });
  const data = Buffer.from(await file.arrayBuffer());
  const sha256 = createHash("sha256").update(data).digest("hex");
  return tx.attachment.create({
    data: { filename: file.name.slice(0, 200), mimeType: file.type, size: data.length, sha256, data, uploadedById: actor.kind === "user" ? actor.id : null },
    select: { id: true, sha256: true, filename: true },
  });
}
