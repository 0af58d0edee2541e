import "server-only";
import { saveAttachment } from "@/lib/attachments/mutations";
import { recordAudit, sealForCustomer } from "@/lib/audit/mutations";
import { authorize, type Actor } from "@/lib/auth/actor";
import { now } from "@/lib/clock";
import { recordConsentChange } from "@/lib/consent/mutations";
import { db, type Tx } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { holidaySet } from "@/lib/holidays/queries";
import { CLOSED_STATUSES, type DeadlineRule, deadlinesFor, extendedDeadline, vnDay } from "../deadlines";
import { ruleFor } from "../queries/rules";
import { DEADLINE_LOCK } from "./rules";
import { eraseCustomer } from "./erasure";
import { queueRequestEmail } from "./notify";
import {
  requestReference,
  completeSchema,
  extendSchema,
  clearLegalHoldSchema,
  legalHoldSchema,
  logRequestSchema,
  MAX_SCAN_BYTES,
  rejectSchema,
  requestIdSchema,
  type RequestType,
} from "../schemas";

// The privacy-request desk: COMPLIANCE logs, acknowledges, extends, completes and rejects requests.
// Every step is audited and emailed to the customer in the same transaction.

type NewRequest = {
  customerId: string;
  type: RequestType;
  channel: "SELF_SERVICE" | "EMAIL" | "LETTER" | "PHONE" | "IN_PERSON";
  receivedAt: Date;
  details?: string;
  purposeKey?: string | null;
  involvesThirdParty?: boolean;
  attachmentId?: string | null;
  /** Self-service actions that take effect at once are recorded as completed. */
  completed?: { at: Date; resolution: string };
};

/** Creates a request with its legal deadlines, from the rules table's row for its type (kept on the request). */
export async function createRequest(tx: Tx, actor: Actor, input: NewRequest) {
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(${DEADLINE_LOCK})`;
  const rule = await ruleFor(tx, input.type);
  const deadlines = deadlinesFor(input.receivedAt, rule, input.involvesThirdParty ?? false, await holidaySet(tx));
  const request = await tx.privacyRequest.create({
    data: {
      customerId: input.customerId,
      type: input.type,
      channel: input.channel,
      receivedAt: input.receivedAt,
      details: input.details ?? "",
      purposeKey: input.purposeKey || null,
      involvesThirdParty: input.involvesThirdParty ?? false,
      attachmentId: input.attachmentId ?? null,
      rule,
      ...deadlines,
      // A self-service request is acknowledged at once: the confirmation email goes out with it.
      ...(input.channel === "SELF_SERVICE" ? { status: "ACKNOWLEDGED", acknowledgedAt: input.receivedAt } : {}),
      ...(input.completed
        ? { status: "COMPLETED", acknowledgedAt: input.completed.at, completedAt: input.completed.at, resolution: input.completed.resolution }
        : {}),
    },
    select: { id: true, number: true, type: true, dueAt: true, acknowledgeDueAt: true, rule: true, involvesThirdParty: true },
  });
  await recordAudit(tx, actor, {
    action: input.completed ? "request.completed_at_once" : "request.received",
    entityType: "PrivacyRequest",
    entityId: request.id,
    details: {
      customerId: input.customerId,
      type: input.type,
      channel: input.channel,
      number: request.number,
      dueAt: deadlines.dueAt.toISOString(),
      ruleVersion: rule.version,
    },
  });
  return request;
}

export async function logRequest(actor: Actor, raw: unknown) {
  authorize(actor, "COMPLIANCE");
  const input = logRequestSchema.parse(raw);
  const today = await now();
  if (input.receivedOn > vnDay(today)) throw new AppError("BAD_INPUT", "requests.futureDate", { receivedOn: "requests.futureDate" });
  const receivedAt = input.receivedOn === vnDay(today) ? today : new Date(`${input.receivedOn}T12:00:00+07:00`);
  return db().$transaction(async (tx) => {
    const customer = await tx.customer.findUnique({ where: { id: input.customerId }, select: { status: true, email: true, locale: true } });
    if (!customer || customer.status === "ERASED") throw new AppError("BAD_INPUT", "requests.customerRequired", { customerId: "requests.customerRequired" });
    if (input.purposeKey && !(await tx.purpose.findUnique({ where: { key: input.purposeKey }, select: { id: true } }))) {
      throw new AppError("BAD_INPUT", "consent.unknownPurpose", { purposeKey: "consent.unknownPurpose" });
    }
    const scan =
      input.file && input.file.size > 0
        ? await saveAttachment(tx, actor, input.file, { customerId: input.customerId }, "file", {
            maxBytes: MAX_SCAN_BYTES,
          })
        : null;
    // The customer hears from us when an officer acknowledges it (within 2 working days).
    return createRequest(tx, actor, { ...input, receivedAt, attachmentId: scan?.id });
  });
}

/** Locks an open request for a step; refuses closed ones. */
async function openRequest(tx: Tx, id: string) {
  const [row] = await tx.$queryRaw<{ id: string }[]>`SELECT id FROM "PrivacyRequest" WHERE id = ${id}::uuid FOR UPDATE`;
  if (!row) throw new AppError("NOT_FOUND", "errors.notFound");
  const request = await tx.privacyRequest.findUniqueOrThrow({
    where: { id },
    select: {
      id: true,
      number: true,
      type: true,
      status: true,
      purposeKey: true,
      channel: true,
      dueAt: true,
      extendedDueAt: true,
      extendedAt: true,
      acknowledgedAt: true,
      rule: true,
      involvesThirdParty: true,
      customer: { select: { id: true, email: true, locale: true, status: true, legalHoldReason: true } },
    },
  });
  if (CLOSED_STATUSES.includes(request.status)) throw new AppError("CONFLICT", "requests.closed");
  return request;
}

export async function acknowledgeRequest(actor: Actor, raw: unknown) {
  authorize(actor, "COMPLIANCE");
  const { id } = requestIdSchema.parse(raw);
  const at = await now();
  await db().$transaction(async (tx) => {
    const request = await openRequest(tx, id);
    if (request.acknowledgedAt) throw new AppError("CONFLICT", "requests.alreadyAcknowledged");
    await tx.privacyRequest.update({ where: { id }, data: { status: "ACKNOWLEDGED", acknowledgedAt: at, handlerId: actor.kind === "user" ? actor.id : null } });
    await recordAudit(tx, actor, {
      action: "request.acknowledged",
      entityType: "PrivacyRequest",
      entityId: id,
      details: { customerId: request.customer?.id ?? null },
    });
    if (request.customer) await queueRequestEmail(tx, request.customer, request, "acknowledged", { date: request.extendedDueAt ?? request.dueAt });
  });
}

/** The one extension the law allows: at most the rule's extension period, decided before the deadline, with a reason the customer is told. */
export async function extendRequest(actor: Actor, raw: unknown) {
  authorize(actor, "COMPLIANCE");
  const input = extendSchema.parse(raw);
  const at = await now();
  return db().$transaction(async (tx) => {
    const request = await openRequest(tx, input.id);
    if (request.extendedAt) throw new AppError("CONFLICT", "requests.alreadyExtended");
    if (at > request.dueAt) throw new AppError("CONFLICT", "requests.extendTooLate");
    const rule = request.rule as DeadlineRule;
    if (input.days > rule.extensionPeriod)
      throw new AppError("BAD_INPUT", "requests.extensionTooLong", { days: "requests.extensionTooLong" }, { max: rule.extensionPeriod });
    const extendedDueAt = extendedDeadline(request.dueAt, input.days, rule, await holidaySet(tx));
    await tx.privacyRequest.update({
      where: { id: input.id },
      data: {
        extendedDueAt,
        extensionDays: input.days,
        extensionUnit: rule.completeUnit,
        extendedAt: at,
        extensionReason: input.reason,
        status: "IN_PROGRESS",
        acknowledgedAt: request.acknowledgedAt ?? at,
      },
    });
    await recordAudit(tx, actor, {
      action: "request.extended",
      entityType: "PrivacyRequest",
      entityId: input.id,
      details: {
        customerId: request.customer?.id ?? null,
        days: input.days,
        extendedDueAt: extendedDueAt.toISOString(),
        reason: request.customer ? await sealForCustomer(tx, request.customer.id, input.reason) : input.reason,
      },
    });
    if (request.customer) await queueRequestEmail(tx, request.customer, request, "extended", { date: extendedDueAt, reason: input.reason });
    return { extendedDueAt };
  });
}

/**
 * Completes a request, doing what it asks where the register can: erasure for DELETE (unless a
 * legal hold blocks it), the consent change, or the objection to sharing. For access, export and
 * correction the officer has done the work and records how.
 */
export async function completeRequest(actor: Actor, raw: unknown) {
  authorize(actor, "COMPLIANCE");
  const input = completeSchema.parse(raw);
  const at = await now();
  return db().$transaction(async (tx) => {
    const request = await openRequest(tx, input.id);
    const customer = request.customer;
    if (!customer || customer.status === "ERASED") throw new AppError("CONFLICT", "requests.customerGone");
    const done = {
      status: "COMPLETED" as const,
      completedAt: at,
      resolution: input.resolution,
      acknowledgedAt: request.acknowledgedAt ?? at,
      handlerId: actor.kind === "user" ? actor.id : null,
    };

    if (request.type === "DELETE") {
      if (customer.legalHoldReason) throw new AppError("CONFLICT", "requests.legalHoldBlocks", undefined, { reason: customer.legalHoldReason });
      // The completion email goes out with the address it needs; the outbox wipes it once handled.
      const email = await queueRequestEmail(tx, customer, request, "erased", { eraseAfterSend: true });
      await tx.privacyRequest.update({ where: { id: request.id }, data: done });
      await recordAudit(tx, actor, {
        action: "request.completed",
        entityType: "PrivacyRequest",
        entityId: request.id,
        details: { customerId: customer.id, type: request.type },
      });
      await eraseCustomer(tx, actor, customer.id, { requestId: request.id, keepEmailId: email?.id });
      return { erased: true };
    }

    if (request.type === "WITHDRAW_CONSENT" || request.type === "GRANT_CONSENT") {
      await recordConsentChange(tx, actor, {
        customerId: customer.id,
        purposeKey: request.purposeKey ?? "",
        action: request.type === "GRANT_CONSENT" ? "GRANTED" : "WITHDRAWN",
        source: "STAFF",
        method: request.channel,
        documentRef: requestReference(request.number),
        at,
      });
    }
    if (request.type === "STOP_SHARING") {
      await tx.customer.updateMany({ where: { id: customer.id, sharingObjectedAt: null }, data: { sharingObjectedAt: at } });
    }
    await tx.privacyRequest.update({ where: { id: request.id }, data: done });
    await recordAudit(tx, actor, {
      action: "request.completed",
      entityType: "PrivacyRequest",
      entityId: request.id,
      details: { customerId: customer.id, type: request.type },
    });
    await queueRequestEmail(tx, customer, request, "completed");
    return { erased: false };
  });
}

export async function rejectRequest(actor: Actor, raw: unknown) {
  authorize(actor, "COMPLIANCE");
  const input = rejectSchema.parse(raw);
  const at = await now();
  await db().$transaction(async (tx) => {
    const request = await openRequest(tx, input.id);
    await tx.privacyRequest.update({
      where: { id: input.id },
      data: {
        status: "REJECTED",
        completedAt: at,
        resolution: input.reason,
        acknowledgedAt: request.acknowledgedAt ?? at,
        handlerId: actor.kind === "user" ? actor.id : null,
      },
    });
    await recordAudit(tx, actor, {
      action: "request.rejected",
      entityType: "PrivacyRequest",
      entityId: input.id,
      details: {
        customerId: request.customer?.id ?? null,
        reason: request.customer ? await sealForCustomer(tx, request.customer.id, input.reason) : input.reason,
      },
    });
    if (request.customer) await queueRequestEmail(tx, request.customer, request, "rejected", { reason: input.reason });
  });
}

/** A legal hold (litigation, an authority's order) keeps a customer's data from being erased. */
export async function setLegalHold(actor: Actor, raw: unknown) {
  authorize(actor, "COMPLIANCE");
  const input = legalHoldSchema.parse(raw);
  await db().$transaction(async (tx) => {
    // Never silently over another hold (its reason and date are evidence): lift it first, with a reason.
    const { count } = await tx.customer.updateMany({
      where: { id: input.customerId, status: { not: "ERASED" }, legalHoldReason: null },
      data: { legalHoldReason: input.reason, legalHoldSetAt: await now() },
    });
    if (count === 0) {
      const held = await tx.customer.count({ where: { id: input.customerId, status: { not: "ERASED" }, legalHoldReason: { not: null } } });
      throw held ? new AppError("CONFLICT", "requests.alreadyOnHold") : new AppError("NOT_FOUND", "errors.notFound");
    }
    await recordAudit(tx, actor, {
      action: "customer.legal_hold_set",
      entityType: "Customer",
      entityId: input.customerId,
      details: { reason: await sealForCustomer(tx, input.customerId, input.reason) },
    });
  });
}

export async function clearLegalHold(actor: Actor, raw: unknown) {
  authorize(actor, "COMPLIANCE");
  const { customerId, reason } = clearLegalHoldSchema.parse(raw);
  await db().$transaction(async (tx) => {
    const { count } = await tx.customer.updateMany({
      where: { id: customerId, legalHoldReason: { not: null } },
      data: { legalHoldReason: null, legalHoldSetAt: null },
    });
    if (count === 0) throw new AppError("CONFLICT", "requests.noLegalHold");
    await recordAudit(tx, actor, {
      action: "customer.legal_hold_cleared",
      entityType: "Customer",
      entityId: customerId,
      details: { reason: await sealForCustomer(tx, customerId, reason) },
    });
  });
}
