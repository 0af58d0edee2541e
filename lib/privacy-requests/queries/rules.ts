import "server-only";
import { authorize, type Actor } from "@/lib/auth/actor";
import { rolesFor } from "@/lib/auth/permissions";
import { db, type Tx } from "@/lib/db";
import type { DeadlineRule } from "../deadlines";
import { REQUEST_TYPES, type RequestType } from "../schemas";

// The statutory clock per request type (the RequestRule table). Read on every use, so a change
// applies at once on every instance.

const RULE_FIELDS = {
  type: true,
  acknowledgePeriod: true,
  acknowledgeUnit: true,
  completePeriod: true,
  completeUnit: true,
  thirdPartyPeriod: true,
  extensionPeriod: true,
  legalReference: true,
  version: true,
} as const;

/** The rule a new request of this type is given (a copy is stored on the request). */
export async function ruleFor(tx: Tx, type: RequestType): Promise<DeadlineRule> {
  return tx.requestRule.findUniqueOrThrow({ where: { type }, select: RULE_FIELDS });
}

export async function currentRules(tx: Tx = db()): Promise<Map<string, DeadlineRule>> {
  const rows = await tx.requestRule.findMany({ select: RULE_FIELDS });
  return new Map(rows.map((r) => [r.type, r]));
}

/** The table as the compliance officer reads it, with who changed each row last and why. */
export async function listRequestRules(actor: Actor) {
  authorize(actor, ...rolesFor("requests"));
  const rows = await db().requestRule.findMany({ select: { ...RULE_FIELDS, changeReason: true, updatedAt: true, updatedById: true } });
  const editors = await db().user.findMany({
    where: { id: { in: rows.flatMap((r) => (r.updatedById ? [r.updatedById] : [])) } },
    select: { id: true, name: true },
  });
  return rows
    .sort((a, b) => REQUEST_TYPES.indexOf(a.type) - REQUEST_TYPES.indexOf(b.type))
    .map((r) => ({ ...r, updatedBy: editors.find((e) => e.id === r.updatedById)?.name ?? null }));
}

export async function getRequestRule(actor: Actor, type: string) {
  authorize(actor, ...rolesFor("requests"));
  const rules = await listRequestRules(actor);
  return rules.find((r) => r.type === type) ?? null;
}
