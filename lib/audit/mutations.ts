import "server-only";
import type { Prisma } from "@/generated/prisma/client";
import { actorFields, type Actor } from "@/lib/auth/actor";
import { db, type Tx } from "@/lib/db";
import { randomBytes } from "node:crypto";
import { mapStrings, sealWith } from "./sealing";

export type AuditInput = {
  action: string;
  entityType: string;
  entityId?: string | null;
  details?: Prisma.InputJsonObject;
  ip?: string | null;
};

/**
 * Appends to the audit chain inside the caller's transaction, so the record exists exactly when the
 * change it describes does. The database trigger assigns the id, prevHash and hash.
 */
export async function recordAudit(tx: Tx, actor: Actor, input: AuditInput) {
  await tx.auditEvent.create({ data: auditRow(actorFields(actor), input), select: { id: true } });
}

/** Many audit entries by one actor in one statement (the chain trigger links them in order). */
export async function recordAuditMany(tx: Tx, actor: Actor, inputs: AuditInput[]) {
  if (inputs.length === 0) return;
  const who = actorFields(actor);
  await tx.auditEvent.createMany({ data: inputs.map((input) => auditRow(who, input)) });
}

function auditRow(who: ReturnType<typeof actorFields>, input: AuditInput) {
  return {
    ...who,
    ip: input.ip ?? who.ip,
    action: input.action,
    entityType: input.entityType,
    entityId: input.entityId ?? null,
    details: input.details ?? {},
  };
}

/**
 * A staff member refused by the permission table (an action or an area their role may not use): on
 * the record, in its own transaction, since nothing else is written. Never lets the refusal fail.
 */
export async function recordAccessRefused(actor: Actor, details: { action?: string; area?: string; reason: string }) {
  await db()
    .$transaction((tx) => recordAudit(tx, actor, { action: "access.refused", entityType: "User", entityId: actor.kind === "user" ? actor.id : null, details }))
    .catch((error) => console.error("[audit] could not record a refusal", error));
}

/** The customer's own key, created on first use (audit sealing, files at rest). Erasure deletes it. */
export async function customerKey(tx: Tx, customerId: string): Promise<Buffer> {
  const [row] = await tx.$queryRaw<{ key: Uint8Array }[]>`
    INSERT INTO "CustomerKey" ("customerId", key) VALUES (${customerId}::uuid, ${randomBytes(32)})
    ON CONFLICT ("customerId") DO UPDATE SET key = "CustomerKey".key
    RETURNING key`;
  return Buffer.from(row.key);
}

/** Many customers' keys at once (each created on first use, in one order so that writers cannot deadlock). */
export async function customerKeys(tx: Tx, customerIds: string[]): Promise<Map<string, Buffer>> {
  const ids = [...new Set(customerIds)].sort();
  if (ids.length === 0) return new Map();
  const fresh = ids.map(() => randomBytes(32).toString("hex"));
  const rows = await tx.$queryRaw<{ customerId: string; key: Uint8Array }[]>`
    INSERT INTO "CustomerKey" ("customerId", key)
    SELECT t.id, decode(t.k, 'hex') FROM unnest(${ids}::uuid[], ${fresh}::text[]) AS t(id, k) ORDER BY t.id
    ON CONFLICT ("customerId") DO UPDATE SET key = "CustomerKey".key
    RETURNING "customerId"::text AS "customerId", key`;
  return new Map(rows.map((r) => [r.customerId, Buffer.from(r.key)]));
}

/** Seals every non-empty string in `values` (at any depth) with the customer's key, created on first use. */
export async function sealForCustomer<T>(tx: Tx, customerId: string, values: T): Promise<T> {
  const key = await customerKey(tx, customerId);
  return mapStrings(values, (s) => (s === "" ? s : sealWith(key, s))) as T;
}

/**
 * Erasure: without the key, everything sealed for this customer — and for records merged into
 * theirs — is unreadable for good. Returns the ids whose keys went (the files they sealed go too).
 */
export async function shredCustomerKey(tx: Tx, customerId: string): Promise<string[]> {
  const keys = await tx.customerKey.findMany({ where: { OR: [{ customerId }, { mergedIntoId: customerId }] }, select: { customerId: true } });
  await tx.customerKey.deleteMany({ where: { customerId: { in: keys.map((k) => k.customerId) } } });
  return keys.map((k) => k.customerId);
}
