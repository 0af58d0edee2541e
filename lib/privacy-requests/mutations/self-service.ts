import "server-only";
import { recordAudit } from "@/lib/audit/mutations";
import type { Actor, CustomerActor } from "@/lib/auth/actor";
import { now } from "@/lib/clock";
import { recordConsentChange } from "@/lib/consent/mutations";
import { db, type Tx } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type { Locale } from "@/lib/i18n/config";
import { createRequest } from "./desk";
import { queueRequestEmail } from "./notify";
import { consentChangeSchema, deletionSchema, marketingLimitSchema, rectifySchema, requestIdSchema } from "../schemas";

// What a signed-in customer can do on /privacy/me. The customer is always the session's: no input
// names a customer, and request ids are looked up within the customer's own requests.

function asCustomer(actor: Actor): CustomerActor {
  if (actor.kind !== "customer") throw new AppError("FORBIDDEN", "errors.forbidden");
  return actor;
}

async function me(tx: Tx, actor: CustomerActor) {
  const customer = await tx.customer.findUnique({
    where: { id: actor.customerId },
    select: { id: true, email: true, locale: true, status: true, sharingObjectedAt: true },
  });
  if (!customer || customer.status === "ERASED") throw new AppError("UNAUTHENTICATED", "privacy.signedOut");
  return customer;
}

/**
 * Grant or withdraw one purpose: takes effect at once, recorded as a completed request. `shownIn`:
 * the language the page was in (the evidence keeps the words as the customer read them).
 */
export async function changeMyConsent(actor: Actor, raw: unknown, shownIn?: Locale) {
  const customer = asCustomer(actor);
  const input = consentChangeSchema.parse(raw);
  const at = await now();
  return db().$transaction(async (tx) => {
    const record = await me(tx, customer);
    const change = await recordConsentChange(tx, customer, {
      customerId: record.id,
      purposeKey: input.purposeKey,
      action: input.action,
      source: "SELF_SERVICE",
      at,
      ip: customer.ip,
      userAgent: customer.userAgent,
      locale: shownIn,
    });
    if (!change) throw new AppError("CONFLICT", input.action === "GRANTED" ? "privacy.alreadyGranted" : "privacy.alreadyWithdrawn");
    const type = input.action === "GRANTED" ? "GRANT_CONSENT" : "WITHDRAW_CONSENT";
    const request = await createRequest(tx, customer, {
      customerId: record.id,
      type,
      channel: "SELF_SERVICE",
      receivedAt: at,
      purposeKey: input.purposeKey,
      completed: { at, resolution: "self-service" },
    });
    await queueRequestEmail(tx, record, request, input.action === "GRANTED" ? "granted" : "withdrawn", { purpose: change.purpose });
    return { number: request.number };
  });
}

/** Stop sharing: excluded from every disclosure prepared from now on (authorities' legal orders excepted). */
export async function objectToSharing(actor: Actor) {
  const customer = asCustomer(actor);
  const at = await now();
  return db().$transaction(async (tx) => {
    const record = await me(tx, customer);
    if (record.sharingObjectedAt) throw new AppError("CONFLICT", "privacy.alreadyObjected");
    await tx.customer.update({ where: { id: record.id }, data: { sharingObjectedAt: at } });
    await recordAudit(tx, customer, {
      action: "customer.sharing_objected",
      entityType: "Customer",
      entityId: record.id,
      details: { customerId: record.id, source: "SELF_SERVICE" },
    });
    const request = await createRequest(tx, customer, {
      customerId: record.id,
      type: "STOP_SHARING",
      channel: "SELF_SERVICE",
      receivedAt: at,
      completed: { at, resolution: "self-service" },
    });
    await queueRequestEmail(tx, record, request, "objected");
    return { number: request.number };
  });
}

/**
 * The customer's own choice of how many marketing emails a day they accept (Decree 91/2020: more
 * than one only when they agree to it). The marketing guard reads it (lib/campaigns/mutations/guard.ts).
 */
export async function setMyMarketingLimit(actor: Actor, raw: unknown) {
  const customer = asCustomer(actor);
  const { perDay } = marketingLimitSchema.parse(raw);
  await db().$transaction(async (tx) => {
    const record = await me(tx, customer);
    await tx.customer.update({ where: { id: record.id }, data: { marketingDailyLimit: perDay } });
    await recordAudit(tx, customer, {
      action: "customer.marketing_limit_set",
      entityType: "Customer",
      entityId: record.id,
      details: { customerId: record.id, perDay, source: "SELF_SERVICE" },
    });
  });
}

/** Records a download of the customer's data (the route streams it). */
export async function recordMyExport(actor: Actor, format: "json" | "csv") {
  const customer = asCustomer(actor);
  const at = await now();
  return db().$transaction(async (tx) => {
    const record = await me(tx, customer);
    const request = await createRequest(tx, customer, {
      customerId: record.id,
      type: "EXPORT",
      channel: "SELF_SERVICE",
      receivedAt: at,
      details: format,
      completed: { at, resolution: `self-service ${format}` },
    });
    await queueRequestEmail(tx, record, request, "exported");
    return request;
  });
}

/** A correction the customer describes in their own words; staff make it within the legal deadline. */
export async function requestCorrection(actor: Actor, raw: unknown) {
  const customer = asCustomer(actor);
  const input = rectifySchema.parse(raw);
  const at = await now();
  return db().$transaction(async (tx) => {
    const record = await me(tx, customer);
    const request = await createRequest(tx, customer, {
      customerId: record.id,
      type: "RECTIFY",
      channel: "SELF_SERVICE",
      receivedAt: at,
      details: input.details,
    });
    await queueRequestEmail(tx, record, request, "rectifyReceived", { date: request.dueAt });
    return { number: request.number, dueAt: request.dueAt };
  });
}

/** Deletion, after the customer confirmed. Asking twice returns the request already open. */
export async function requestDeletion(actor: Actor, raw: unknown) {
  const customer = asCustomer(actor);
  deletionSchema.parse(raw);
  const at = await now();
  return db().$transaction(async (tx) => {
    const record = await me(tx, customer);
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${`delete-request:${record.id}`}, 0))`;
    const open = await tx.privacyRequest.findFirst({
      where: { customerId: record.id, type: "DELETE", status: { in: ["RECEIVED", "ACKNOWLEDGED", "IN_PROGRESS"] } },
      select: { number: true, dueAt: true },
    });
    if (open) return { ...open, existing: true };
    const request = await createRequest(tx, customer, { customerId: record.id, type: "DELETE", channel: "SELF_SERVICE", receivedAt: at });
    await queueRequestEmail(tx, record, request, "deleteReceived", { date: request.dueAt });
    return { number: request.number, dueAt: request.dueAt, existing: false };
  });
}

/** Withdraws one of the customer's own open requests; any other id is "not found" and changes nothing. */
export async function cancelMyRequest(actor: Actor, raw: unknown) {
  const customer = asCustomer(actor);
  const { id } = requestIdSchema.parse(raw);
  const at = await now();
  await db().$transaction(async (tx) => {
    const { count } = await tx.privacyRequest.updateMany({
      where: { id, customerId: customer.customerId, status: { in: ["RECEIVED", "ACKNOWLEDGED", "IN_PROGRESS"] } },
      data: { status: "CANCELLED", completedAt: at, resolution: "cancelled by the customer" },
    });
    if (count === 0) throw new AppError("NOT_FOUND", "privacy.requestNotFound");
    await recordAudit(tx, customer, { action: "request.cancelled", entityType: "PrivacyRequest", entityId: id, details: { customerId: customer.customerId } });
    const request = await tx.privacyRequest.findUniqueOrThrow({ where: { id }, select: { number: true, type: true } });
    await queueRequestEmail(tx, await me(tx, customer), request, "cancelled");
  });
}
