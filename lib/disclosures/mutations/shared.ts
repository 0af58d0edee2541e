// Shared by preparing a disclosure and by its package: refusals, and the exclusion rules.
import "server-only";
import { recordAudit } from "@/lib/audit/mutations";
import type { Actor } from "@/lib/auth/actor";
import { purposeIdByKey } from "@/lib/customers/queries";
import { db } from "@/lib/db";
import type { AppError } from "@/lib/errors";
import { Prisma } from "@/generated/prisma/client";
import { EXCLUDES, type RecipientCategory } from "../rules";

/** A refused attempt leaves a trace too (in its own transaction; nothing else is written). */
export async function refuse(actor: Actor, action: string, details: Prisma.InputJsonObject, error: AppError): Promise<never> {
  await db().$transaction((tx) => recordAudit(tx, actor, { action, entityType: "Disclosure", details: { ...details, refused: error.userMessage } }));
  throw error;
}

/** The reason a customer is left out, or NULL: the first rule of the category that applies. */
export function exclusionCase(category: RecipientCategory, advertisingPurposeId: string | null) {
  const rules = EXCLUDES[category];
  const when: Prisma.Sql[] = [];
  if (rules.includes("ERASED")) when.push(Prisma.sql`WHEN c.status = 'ERASED' THEN 'ERASED'`);
  if (rules.includes("TERMINATED")) when.push(Prisma.sql`WHEN c.status = 'TERMINATED' THEN 'TERMINATED'`);
  if (rules.includes("OBJECTED")) when.push(Prisma.sql`WHEN c."sharingObjectedAt" IS NOT NULL THEN 'OBJECTED'`);
  if (rules.includes("NO_CONSENT")) {
    when.push(
      Prisma.sql`WHEN NOT EXISTS (SELECT 1 FROM "ConsentState" s WHERE s."customerId" = c.id AND s."purposeId" = ${advertisingPurposeId}::uuid AND s.action = 'GRANTED') THEN 'NO_CONSENT'`,
    );
  }
  return Prisma.sql`CASE ${Prisma.join(when, " ")} ELSE NULL END`;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * The same rules as `exclusionCase`, as a join and a condition over `c` (the customer) and `s` (their
 * advertising consent), true for a customer the rules leave out. The CASE above finds the reason one
 * customer at a time (its EXISTS cannot become a join); this form lets PostgreSQL check a whole package
 * with hash joins in parallel. Plain text, not parameters: it goes into a COPY, which takes none.
 * Both forms are checked against each other for every category (package-check.test.ts).
 */
export function leftOutSql(category: RecipientCategory, advertisingPurposeId: string | null) {
  const rules = EXCLUDES[category];
  const when: string[] = [];
  if (rules.includes("ERASED")) when.push(`c.status = 'ERASED'`);
  if (rules.includes("TERMINATED")) when.push(`c.status = 'TERMINATED'`);
  if (rules.includes("OBJECTED")) when.push(`c."sharingObjectedAt" IS NOT NULL`);
  let join = "";
  if (rules.includes("NO_CONSENT")) {
    // Without the purpose nobody can have agreed to it: everyone is left out.
    const purpose = advertisingPurposeId && UUID.test(advertisingPurposeId) ? `'${advertisingPurposeId}'::uuid` : "NULL::uuid";
    join = `LEFT JOIN "ConsentState" s ON s."customerId" = c.id AND s."purposeId" = ${purpose} AND s.action = 'GRANTED'`;
    when.push(`s."customerId" IS NULL`);
  }
  return { join, leftOut: when.length ? when.map((w) => `(${w})`).join(" OR ") : "false" };
}

/**
 * Who objected, withdrew, was terminated or erased since the list was built is left out now: the
 * item says so, with the reason and when. Returns how many were dropped.
 */
export async function dropNewlyExcluded(actor: Actor, id: string, category: RecipientCategory) {
  return db().$transaction(async (tx) => {
    const purposeId = await purposeIdByKey("advertising", tx);
    // First who is left out now, read in one parallel pass with the join form of the rules (usually
    // nobody); then only their items are updated, each with its reason from the CASE form.
    const check = leftOutSql(category, purposeId);
    const leftOut = await tx.$queryRaw<{ customerId: string }[]>`
      SELECT i."customerId" FROM "DisclosureItem" i JOIN "Customer" c ON c.id = i."customerId" ${Prisma.raw(check.join)}
      WHERE i."disclosureId" = ${id}::uuid AND i.included AND (${Prisma.raw(check.leftOut)})`;
    if (leftOut.length === 0) return 0;
    const reason = exclusionCase(category, purposeId);
    const dropped = await tx.$executeRaw`
      UPDATE "DisclosureItem" i SET included = false, "exclusionReason" = x.reason, "excludedAt" = now()
      FROM (SELECT c.id, ${reason} AS reason FROM "Customer" c JOIN "DisclosureItem" i2 ON i2."customerId" = c.id
            WHERE i2."disclosureId" = ${id}::uuid AND i2.included AND c.id = ANY(${leftOut.map((r) => r.customerId)}::uuid[])) x
      WHERE i."disclosureId" = ${id}::uuid AND i."customerId" = x.id AND x.reason IS NOT NULL`;
    if (dropped > 0) {
      // The package, if one is written, may hold them: exclusionsVersion tells the download (packages.ts).
      await tx.disclosure.update({ where: { id }, data: { itemsIncluded: { decrement: dropped }, exclusionsVersion: { increment: 1 } } });
      await recordAudit(tx, actor, { action: "disclosure.customers_dropped", entityType: "Disclosure", entityId: id, details: { dropped } });
    }
    return dropped;
  });
}
