import "server-only";
import type { Prisma } from "@/generated/prisma/client";
import { recordAudit } from "@/lib/audit/mutations";
import type { Actor } from "@/lib/auth/actor";
import { db } from "@/lib/db";

/** Every export of personal data is audited with its filter and how many rows left. */
export async function recordCustomerExport(actor: Actor, filter: Prisma.InputJsonObject, rows: number, complete: boolean) {
  await db().$transaction((tx) => recordAudit(tx, actor, { action: "customers.exported", entityType: "Customer", details: { filter, rows, complete } }));
}
