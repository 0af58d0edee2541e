import "server-only";
import type { Prisma } from "@/generated/prisma/client";
import { recordAudit } from "@/lib/audit/mutations";
import type { Actor } from "@/lib/auth/actor";
import { db } from "@/lib/db";

/**
 * Every export of personal data is audited with its filter and how many rows left. Words typed in the
 * search box (often a name) are not kept in the permanent chain: only that a search narrowed it.
 */
export async function recordCustomerExport(actor: Actor, filter: Prisma.InputJsonObject, rows: number, complete: boolean) {
  const kept = typeof filter.q === "string" && filter.q !== "" ? { ...filter, q: "[search]" } : filter;
  await db().$transaction((tx) => recordAudit(tx, actor, { action: "customers.exported", entityType: "Customer", details: { filter: kept, rows, complete } }));
}
