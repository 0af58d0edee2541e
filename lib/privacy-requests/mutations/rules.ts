import "server-only";
import { recordAudit } from "@/lib/audit/mutations";
import { actorFields, authorize, type Actor } from "@/lib/auth/actor";
import { db, type Tx } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { holidaySet } from "@/lib/holidays/queries";
import { addPeriod, CLOSED_STATUSES, type DeadlineRule, type DeadlineUnit, deadlinesFor } from "../deadlines";
import { currentRules } from "../queries/rules";
import { requestRuleSchema, thirdPartySchema } from "../schemas";

// Deadlines that move after receipt: the rules table or the holiday table changed, or third parties
// turned out to be involved (or not). Each move is stored on the request and audited.

/** Held by whoever computes deadlines (a new request, a recompute), so none is computed with a rule or holiday table changing under it. */
export const DEADLINE_LOCK = 727_005;

export type DeadlineCause = "RULE_CHANGED" | "HOLIDAYS_CHANGED" | "THIRD_PARTY_SET" | "THIRD_PARTY_CLEARED";

type OpenRequest = {
  id: string;
  type: string;
  involvesThirdParty: boolean;
  receivedAt: Date;
  acknowledgedAt: Date | null;
  acknowledgeDueAt: Date;
  dueAt: Date;
  extendedDueAt: Date | null;
  extensionDays: number | null;
  extensionUnit: DeadlineUnit | null;
  rule: DeadlineRule;
  customerId: string | null;
};

const same = (a: Date | null, b: Date | null) => (a?.getTime() ?? null) === (b?.getTime() ?? null);

/**
 * Recomputes the deadlines of open requests (all of them, those of one type, or one request) with
 * their rule — the table's current row for `cause: RULE_CHANGED`, otherwise the rule they were given
 * — and the holiday table as it is now. An acknowledgement already made keeps its date. Returns how
 * many requests moved.
 */
export async function recomputeOpenDeadlines(
  tx: Tx,
  actor: Actor,
  scope: { cause: DeadlineCause; reason?: string; type?: string; requestId?: string; involvesThirdParty?: boolean },
): Promise<number> {
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(${DEADLINE_LOCK})`;
  const rows = await tx.$queryRaw<OpenRequest[]>`
    SELECT id, type::text, "involvesThirdParty", "receivedAt", "acknowledgedAt", "acknowledgeDueAt", "dueAt", "extendedDueAt", "extensionDays", "extensionUnit"::text, rule, "customerId"
    FROM "PrivacyRequest"
    WHERE status::text <> ALL(${[...CLOSED_STATUSES]}::text[])
      AND (${scope.type ?? null}::text IS NULL OR type::text = ${scope.type ?? null})
      AND (${scope.requestId ?? null}::uuid IS NULL OR id = ${scope.requestId ?? null}::uuid)
    ORDER BY number
    FOR UPDATE`;
  if (rows.length === 0) return 0;
  const holidays = await holidaySet(tx);
  const rules = scope.cause === "RULE_CHANGED" ? await currentRules(tx) : null;
  let moved = 0;
  for (const r of rows) {
    const rule = rules?.get(r.type) ?? r.rule;
    const thirdParty = scope.involvesThirdParty ?? r.involvesThirdParty;
    const next = deadlinesFor(r.receivedAt, rule, thirdParty, holidays);
    const acknowledgeDueAt = r.acknowledgedAt ? r.acknowledgeDueAt : next.acknowledgeDueAt;
    // An extension granted keeps its length and unit (the rule's when it was granted), from the new first deadline.
    const extendedDueAt = r.extensionDays !== null ? addPeriod(next.dueAt, r.extensionDays, r.extensionUnit ?? rule.completeUnit, holidays) : r.extendedDueAt;
    const ruleChanged = rule.version !== r.rule.version || thirdParty !== r.involvesThirdParty;
    if (same(acknowledgeDueAt, r.acknowledgeDueAt) && same(next.dueAt, r.dueAt) && same(extendedDueAt, r.extendedDueAt) && !ruleChanged) continue;
    await tx.privacyRequest.update({
      where: { id: r.id },
      data: { acknowledgeDueAt, dueAt: next.dueAt, extendedDueAt, rule, involvesThirdParty: thirdParty },
    });
    await tx.requestDeadlineChange.create({
      data: {
        requestId: r.id,
        cause: scope.cause,
        reason: scope.reason ?? null,
        previousAcknowledgeDueAt: r.acknowledgeDueAt,
        acknowledgeDueAt,
        previousDueAt: r.dueAt,
        dueAt: next.dueAt,
        previousExtendedDueAt: r.extendedDueAt,
        extendedDueAt,
        actorLabel: actorFields(actor).actorLabel ?? actor.kind,
      },
    });
    await recordAudit(tx, actor, {
      action: "request.deadline_recomputed",
      entityType: "PrivacyRequest",
      entityId: r.id,
      details: {
        customerId: r.customerId,
        cause: scope.cause,
        reason: scope.reason ?? null,
        ruleVersion: rule.version,
        from: (r.extendedDueAt ?? r.dueAt).toISOString(),
        to: (extendedDueAt ?? next.dueAt).toISOString(),
      },
    });
    moved++;
  }
  return moved;
}

/** Changes one row of the rules table, with a reason; open requests of that type follow at once. */
export async function updateRequestRule(actor: Actor, raw: unknown) {
  authorize(actor, "COMPLIANCE");
  const input = requestRuleSchema.parse(raw);
  return db().$transaction(
    async (tx) => {
      const [before] = await tx.$queryRaw<DeadlineRule[]>`
      SELECT type::text, "acknowledgePeriod", "acknowledgeUnit"::text, "completePeriod", "completeUnit"::text, "thirdPartyPeriod", "extensionPeriod", "legalReference", version
      FROM "RequestRule" WHERE type = ${input.type}::"PrivacyRequestType" FOR UPDATE`;
      if (!before) throw new AppError("NOT_FOUND", "errors.notFound");
      if (before.version !== input.version) throw new AppError("CONFLICT", "rules.changedMeanwhile");
      const after = {
        acknowledgePeriod: input.acknowledgePeriod,
        acknowledgeUnit: input.acknowledgeUnit,
        completePeriod: input.completePeriod,
        completeUnit: input.completeUnit,
        thirdPartyPeriod: input.thirdPartyPeriod,
        extensionPeriod: input.extensionPeriod,
        legalReference: input.legalReference,
      };
      const { type: _type, version: _version, ...was } = before;
      if (JSON.stringify(was) === JSON.stringify(after)) throw new AppError("BAD_INPUT", "rules.nothingChanged");
      await tx.requestRule.update({
        where: { type: input.type },
        data: {
          ...after,
          version: before.version + 1,
          changeReason: input.reason,
          updatedById: actor.kind === "user" ? actor.id : null,
          updatedAt: new Date(),
        },
      });
      const moved = await recomputeOpenDeadlines(tx, actor, { cause: "RULE_CHANGED", reason: input.reason, type: input.type });
      await recordAudit(tx, actor, {
        action: "request_rule.changed",
        entityType: "RequestRule",
        entityId: input.type,
        details: { reason: input.reason, version: before.version + 1, before: was, after, moved },
      });
      return { version: before.version + 1, moved };
    },
    { timeout: 60_000 },
  );
}

/** Sets or clears "a processor or third party must also act" on an open request, with a reason. */
export async function setThirdParty(actor: Actor, raw: unknown) {
  authorize(actor, "COMPLIANCE");
  const input = thirdPartySchema.parse(raw);
  return db().$transaction(
    async (tx) => {
      const request = await tx.privacyRequest.findUnique({ where: { id: input.id }, select: { status: true, involvesThirdParty: true } });
      if (!request) throw new AppError("NOT_FOUND", "errors.notFound");
      if (CLOSED_STATUSES.includes(request.status)) throw new AppError("CONFLICT", "requests.closed");
      if (request.involvesThirdParty === input.involved) throw new AppError("CONFLICT", "rules.thirdPartyUnchanged");
      const moved = await recomputeOpenDeadlines(tx, actor, {
        cause: input.involved ? "THIRD_PARTY_SET" : "THIRD_PARTY_CLEARED",
        reason: input.reason,
        requestId: input.id,
        involvesThirdParty: input.involved,
      });
      return { moved };
    },
    { timeout: 60_000 },
  );
}
