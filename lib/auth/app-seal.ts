// Secrets the app must read back later (one-time links waiting in the outbox, two-factor secrets)
// are stored sealed with AES-256-GCM under a key derived from NEXTAUTH_SECRET for one purpose, so a
// copy of the database alone is not enough to use them.
import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from "node:crypto";
import { env } from "@/lib/env";

export type SealPurpose = "outbox one-time link" | "two-factor secret" | "webhook signing secret";

function key(purpose: SealPurpose): Buffer {
  return Buffer.from(hkdfSync("sha256", env().NEXTAUTH_SECRET, "customer-register", purpose, 32));
}

export function sealValue(purpose: SealPurpose, value: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", key(purpose), iv);
  const body = Buffer.concat([cipher.update(value, "utf8"), cipher.final()]);
  return Buffer.concat([iv, cipher.getAuthTag(), body]).toString("base64url");
}

export function openValue(purpose: SealPurpose, sealed: string): string {
  const raw = Buffer.from(sealed, "base64url");
  const decipher = createDecipheriv("aes-256-gcm", key(purpose), raw.subarray(0, 12));
  decipher.setAuthTag(raw.subarray(12, 28));
  return Buffer.concat([decipher.update(raw.subarray(28)), decipher.final()]).toString("utf8");
}
