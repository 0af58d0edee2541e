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
