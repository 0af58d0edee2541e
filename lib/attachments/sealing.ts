import { createCipheriv, createDecipheriv, randomBytes } from "node:crypto";

// Files at rest: AES-256-GCM with a key that lives apart from the file (the customer's key, or the
// file's own). Delete the key and every copy of the bytes — backups, replicas — stays noise.
const VERSION = 1;

/** version (1 byte) | iv (12) | tag (16) | ciphertext */
export function encryptBytes(key: Buffer, data: Buffer): Buffer<ArrayBuffer> {
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", key, iv);
  const body = Buffer.concat([cipher.update(data), cipher.final()]);
  // Buffer.concat allocates a plain ArrayBuffer (never a shared one).
  return Buffer.concat([Buffer.from([VERSION]), iv, cipher.getAuthTag(), body]) as Buffer<ArrayBuffer>;
}

/** The file, or null when the key is gone or does not fit (shredded, or tampered with). */
export function decryptBytes(key: Buffer | null | undefined, blob: Buffer): Buffer | null {
  if (!key || blob[0] !== VERSION) return null;
  try {
    const decipher = createDecipheriv("aes-256-gcm", key, blob.subarray(1, 13));
    decipher.setAuthTag(blob.subarray(13, 29));
    return Buffer.concat([decipher.update(blob.subarray(29)), decipher.final()]);
  } catch {
    return null;
  }
}

/** Plain bytes per stored part of a large file. */
export const PART_BYTES = 1024 * 1024;

/**
 * What binds a part to its file and its place in it; the last part says so, so a file cut short
 * fails at its new last part, not only at the checksum after everything was sent.
 */
export const partLabel = (attachmentId: string, seq: number, last: boolean) => `${attachmentId}:${seq}${last ? ":last" : ""}`;

/** One part of a large file: the same format, bound to the file and the part's place by `aad`. */
export function encryptPart(key: Buffer, data: Buffer, aad: string): Buffer<ArrayBuffer> {
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", key, iv);
  cipher.setAAD(Buffer.from(aad));
  const body = Buffer.concat([cipher.update(data), cipher.final()]);
  return Buffer.concat([Buffer.from([VERSION]), iv, cipher.getAuthTag(), body]) as Buffer<ArrayBuffer>;
}

/** The part, or null when the key does not fit or the part is not the one expected at `aad`. */
export function decryptPart(key: Buffer, blob: Buffer, aad: string): Buffer | null {
  if (blob[0] !== VERSION) return null;
  try {
    const decipher = createDecipheriv("aes-256-gcm", key, blob.subarray(1, 13));
    decipher.setAAD(Buffer.from(aad));
    decipher.setAuthTag(blob.subarray(13, 29));
    return Buffer.concat([decipher.update(blob.subarray(29)), decipher.final()]);
  } catch {
    return null;
  }
}
