import { createCipheriv, createDecipheriv, randomBytes } from "node:crypto";

// Crypto-shredding for the permanent audit chain. Values that identify a customer (an edit's
// before/after) are sealed with that customer's own key; erasure deletes the key, after which the
// sealed values are noise while every hash in the chain still verifies. The key handling is in
// lib/audit/mutations.ts (seal, shred) and lib/audit/queries.ts (open for display).
export const SEALED_PREFIX = "sealed:v1:";
export const ERASED_VALUE = "[erased]";

export function sealWith(key: Buffer, value: string) {
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", key, iv);
  const body = Buffer.concat([cipher.update(value, "utf8"), cipher.final()]);
  return SEALED_PREFIX + Buffer.concat([iv, cipher.getAuthTag(), body]).toString("base64url");
}

export function openWith(key: Buffer | undefined, value: string): string {
  if (!key) return ERASED_VALUE;
  const raw = Buffer.from(value.slice(SEALED_PREFIX.length), "base64url");
  try {
    const decipher = createDecipheriv("aes-256-gcm", key, raw.subarray(0, 12));
    decipher.setAuthTag(raw.subarray(12, 28));
    return Buffer.concat([decipher.update(raw.subarray(28)), decipher.final()]).toString("utf8");
  } catch {
    return ERASED_VALUE;
  }
}

/** Applies `fn` to every string in a JSON value, at any depth. */
export function mapStrings(value: unknown, fn: (s: string) => string): unknown {
  if (typeof value === "string") return fn(value);
  if (Array.isArray(value)) return value.map((v) => mapStrings(v, fn));
  if (value && typeof value === "object") return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, mapStrings(v, fn)]));
  return value;
}

/** Whose key an audit event's sealed values use. */
export function sealedCustomerOf(event: { entityType: string; entityId: string | null; details: unknown }): string | null {
  if (event.entityType === "Customer" && event.entityId) return event.entityId;
  const id = (event.details as { customerId?: unknown } | null)?.customerId;
  return typeof id === "string" ? id : null;
}
