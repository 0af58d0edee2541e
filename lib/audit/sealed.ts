import "server-only";
import { createCipheriv, createDecipheriv, randomBytes } from "node:crypto";
import { db, type Tx } from "@/lib/db";

// Crypto-shredding for the permanent audit chain. Values that identify a customer (an edit's
// before/after) are sealed with that customer's own key; erasure deletes the key, after which the
// sealed values are noise while every hash in the chain still verifies.
const PREFIX = "sealed:v1:";
export const ERASED_VALUE = "[erased]";

async function keyFor(tx: Tx, customerId: string): Promise<Buffer> {
  const [row] = await tx.$queryRaw<{ key: Uint8Array }[]>`
    INSERT INTO "CustomerKey" ("customerId", key) VALUES (${customerId}::uuid, ${randomBytes(32)})
    ON CONFLICT ("customerId") DO UPDATE SET key = "CustomerKey".key
    RETURNING key`;
  return Buffer.from(row.key);
}

function sealWith(key: Buffer, value: string) {
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", key, iv);
  const body = Buffer.concat([cipher.update(value, "utf8"), cipher.final()]);
  return PREFIX + Buffer.concat([iv, cipher.getAuthTag(), body]).toString("base64url");
}

/** Seals every non-empty string in `values` (at any depth) with the customer's key, created on first use. */
export async function sealForCustomer<T>(tx: Tx, customerId: string, values: T): Promise<T> {
  const key = await keyFor(tx, customerId);
  return mapStrings(values, (s) => (s === "" ? s : sealWith(key, s))) as T;
}

function open(key: Buffer | undefined, value: string): string {
  if (!key) return ERASED_VALUE;
  const raw = Buffer.from(value.slice(PREFIX.length), "base64url");
  try {
    const decipher = createDecipheriv("aes-256-gcm", key, raw.subarray(0, 12));
    decipher.setAuthTag(raw.subarray(12, 28));
    return Buffer.concat([decipher.update(raw.subarray(28)), decipher.final()]).toString("utf8");
  } catch {
    return ERASED_VALUE;
  }
}

function customerOf(event: { entityType: string; entityId: string | null; details: unknown }): string | null {
  if (event.entityType === "Customer" && event.entityId) return event.entityId;
  const id = (event.details as { customerId?: unknown } | null)?.customerId;
  return typeof id === "string" ? id : null;
}

function mapStrings(value: unknown, fn: (s: string) => string): unknown {
  if (typeof value === "string") return fn(value);
  if (Array.isArray(value)) return value.map((v) => mapStrings(v, fn));
  if (value && typeof value === "object") return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, mapStrings(v, fn)]));
  return value;
}

/** For display: sealed values opened with their customer's key, or "[erased]" once it is gone. */
export async function openSealedDetails<E extends { entityType: string; entityId: string | null; details: unknown }>(events: E[]): Promise<E[]> {
  const sealed = events.filter((e) => JSON.stringify(e.details).includes(PREFIX));
  const ids = [...new Set(sealed.map(customerOf).filter((id): id is string => id !== null))];
  if (ids.length === 0) return events;
  const keys = new Map((await db().customerKey.findMany({ where: { customerId: { in: ids } }, select: { customerId: true, key: true } })).map((k) => [k.customerId, Buffer.from(k.key)]));
  return events.map((e) => {
    if (!sealed.includes(e)) return e;
    const key = keys.get(customerOf(e) ?? "");
    return { ...e, details: mapStrings(e.details, (s) => (s.startsWith(PREFIX) ? open(key, s) : s)) };
  });
}

/** Erasure: without the key, everything sealed for this customer is unreadable for good. */
export async function shredCustomerKey(tx: Tx, customerId: string) {
  await tx.customerKey.deleteMany({ where: { customerId } });
}
