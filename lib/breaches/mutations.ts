import "server-only";
import { createHash } from "node:crypto";
import { Prisma } from "@/generated/prisma/client";
import { recordAudit } from "@/lib/audit/mutations";
import { authorize, type Actor } from "@/lib/auth/actor";
import { now } from "@/lib/clock";
import { customerWhere } from "@/lib/customers/queries";
import { db, type Tx } from "@/lib/db";
import { enqueueEmail } from "@/lib/email/mutations";
import { renderEmail } from "@/lib/email/render";
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { normalizeEmail, normalizePhone } from "@/lib/forms/normalize";
import { readSettings } from "@/lib/settings/queries";
import { UNTOLD } from "./queries";
import {
  authorityClock,
  authorityNoticeSchema,
  breachIdSchema,
  breachReference,
  breachSchema,
  closeBreachSchema,
  customerNoticeSchema,
  linkCustomersSchema,
  vnMoment,
} from "./schemas";

// The breach register: log an incident, tell the authority within 72 hours of detection, link the
// customers it touched and tell them through the outbox. COMPLIANCE only; every step audited.

/** Customers are emailed in transactions of this many, so a large breach never holds one long lock. */
const NOTIFY_CHUNK = 200;

async function checkHandler(tx: Tx, handlerId: string) {
  const handler = await tx.user.findUnique({ where: { id: handlerId }, select: { role: true, disabledAt: true } });
  // Only a compliance officer can open the register, so only one can handle a breach.
  if (!handler || handler.disabledAt || handler.role !== "COMPLIANCE")
    throw new AppError("BAD_INPUT", "breaches.handlerRequired", { handlerId: "breaches.handlerRequired" });
}

function details(input: ReturnType<typeof breachSchema.parse>, at: Date) {
  const detectedAt = vnMoment(input.detectedOn, input.detectedTime);
  if (detectedAt > at) throw new AppError("BAD_INPUT", "breaches.futureDate", { detectedOn: "breaches.futureDate" });
  const occurredAt = input.occurredOn ? new Date(`${input.occurredOn}T00:00:00+07:00`) : null;
  if (occurredAt && occurredAt > detectedAt)
    throw new AppError("BAD_INPUT", "breaches.occurredAfterDetected", { occurredOn: "breaches.occurredAfterDetected" });
  return {
    title: input.title,
    detectedAt,
    occurredAt,
    description: input.description,
    dataCategories: input.dataCategories,
    otherCategories: input.dataCategories.includes("other") ? input.otherCategories : "",
    approxSubjects: input.approxSubjects,
    consequences: input.consequences,
    measures: input.measures,
    handlerId: input.handlerId,
  };
}

export async function logBreach(actor: Actor, raw: unknown) {
  authorize(actor, "COMPLIANCE");
  const input = breachSchema.parse(raw);
  const data = details(input, await now());
  return db().$transaction(async (tx) => {
    await checkHandler(tx, input.handlerId);
    const breach = await tx.breach.create({
      data: { ...data, createdById: actor.kind === "user" ? actor.id : input.handlerId },
      select: { id: true, number: true },
    });
    await recordAudit(tx, actor, {
      action: "breach.logged",
      entityType: "Breach",
      entityId: breach.id,
      details: { number: breach.number, detectedAt: data.detectedAt.toISOString(), approxSubjects: data.approxSubjects, categories: data.dataCategories },
    });
    return breach;
  });
}

const BREACH_FIELDS = {
  title: true,
  detectedAt: true,
  occurredAt: true,
  description: true,
  dataCategories: true,
  otherCategories: true,
  approxSubjects: true,
  consequences: true,
  measures: true,
  handlerId: true,
} as const;

const sha256 = (text: string) => createHash("sha256").update(text).digest("hex");
const FREE_TEXT = ["title", "description", "otherCategories", "consequences", "measures"];

/** Locks a breach that is not closed. */
async function openBreach(tx: Tx, id: string) {
  const [row] = await tx.$queryRaw<{ status: string; detectedAt: Date; authorityNotifiedAt: Date | null }[]>`
    SELECT status::text, "detectedAt", "authorityNotifiedAt" FROM "Breach" WHERE id = ${id}::uuid FOR UPDATE`;
  if (!row) throw new AppError("NOT_FOUND", "errors.notFound");
  if (row.status === "CLOSED") throw new AppError("CONFLICT", "breaches.closed");
  return row;
}

export async function updateBreach(actor: Actor, raw: unknown) {
  authorize(actor, "COMPLIANCE");
  const { id } = breachIdSchema.parse(raw);
  const input = breachSchema.parse(raw);
  const data = details(input, await now());
  await db().$transaction(async (tx) => {
    const current = await openBreach(tx, id);
    // What the authority was told is evidence: once reported, the breach is read-only (close it with
    // the outcome). Before that, detection may only move earlier: a later time would restart the clock.
    if (current.authorityNotifiedAt) throw new AppError("CONFLICT", "breaches.reportedFixed");
    if (data.detectedAt > current.detectedAt) throw new AppError("BAD_INPUT", "breaches.detectedLater", { detectedOn: "breaches.detectedLater" });
    await checkHandler(tx, input.handlerId);
    const before = await tx.breach.findUniqueOrThrow({ where: { id }, select: BREACH_FIELDS });
    await tx.breach.update({ where: { id }, data });
    // The chain keeps the before and after of times, counts, categories and handler; of the free text
    // (which may describe people, and which administrators reading the audit log may not see) only
    // which parts changed — the breach itself holds the words.
    const pick = (o: Record<string, unknown>) => Object.fromEntries(Object.entries(o).filter(([k]) => !FREE_TEXT.includes(k)));
    const textChanged = FREE_TEXT.filter(
      (k) => JSON.stringify((before as Record<string, unknown>)[k] ?? null) !== JSON.stringify((data as Record<string, unknown>)[k] ?? null),
    );
    await recordAudit(tx, actor, {
      action: "breach.updated",
      entityType: "Breach",
      entityId: id,
      details: JSON.parse(JSON.stringify({ before: pick(before), after: pick(data), textChanged })),
    });
  });
}

/** When and how the authority was told; past 72 hours after detection the reason for the delay is required. */
export async function recordAuthorityNotice(actor: Actor, raw: unknown) {
  authorize(actor, "COMPLIANCE");
  const input = authorityNoticeSchema.parse(raw);
  const at = await now();
  const notifiedAt = vnMoment(input.notifiedOn, input.notifiedTime);
  if (notifiedAt > at) throw new AppError("BAD_INPUT", "breaches.futureDate", { notifiedOn: "breaches.futureDate" });
  await db().$transaction(async (tx) => {
    const breach = await openBreach(tx, input.id);
    if (breach.authorityNotifiedAt) throw new AppError("CONFLICT", "breaches.alreadyNotified");
    if (notifiedAt < breach.detectedAt) throw new AppError("BAD_INPUT", "breaches.beforeDetection", { notifiedOn: "breaches.beforeDetection" });
    // Late when reported after 72 hours — or recorded here after them: a report claimed in time but
    // written down later cannot be told from a backdated one, so it needs its reason too.
    const late =
      authorityClock({ detectedAt: breach.detectedAt, authorityNotifiedAt: notifiedAt }, at).state === "late" ||
      authorityClock({ detectedAt: breach.detectedAt, authorityNotifiedAt: at }, at).state === "late";
    if (late && input.lateReason.length < 10) throw new AppError("BAD_INPUT", "breaches.lateReasonRequired", { lateReason: "breaches.lateReasonRequired" });
    await tx.breach.update({
      where: { id: input.id },
      data: {
        status: "AUTHORITY_NOTIFIED",
        authorityNotifiedAt: notifiedAt,
        authorityRecordedAt: at,
        authorityChannel: input.channel,
        authorityReference: input.reference,
        lateReason: late ? input.lateReason : null,
      },
    });
    await recordAudit(tx, actor, {
      action: "breach.authority_notified",
      entityType: "Breach",
      entityId: input.id,
      details: { notifiedAt: notifiedAt.toISOString(), channel: input.channel, reference: input.reference, late },
    });
  });
}

/** Links the customers a breach touched: a pasted list (emails or phones) or the register's filter. Re-linking is harmless. */
export async function linkBreachCustomers(actor: Actor, raw: unknown) {
  authorize(actor, "COMPLIANCE");
  const input = linkCustomersSchema.parse(raw);
  return db().$transaction(
    async (tx) => {
      await openBreach(tx, input.id);
      let where: Prisma.Sql;
      let unknown: string[] = [];
      if (input.mode === "list") {
        // One entry per line (or comma/semicolon): a phone number may contain spaces.
        const entries = [
          ...new Set(
            input.list
              .split(/[\r\n,;]+/)
              .map((e) => e.trim())
              .filter(Boolean),
          ),
        ];
        const emails = entries.filter((e) => e.includes("@")).map(normalizeEmail);
        const phones = entries.filter((e) => !e.includes("@")).map((e) => normalizePhone(e) ?? e);
        where = Prisma.sql`c.status <> 'ERASED' AND (c.email = ANY(${emails}::text[]) OR c.phone = ANY(${phones}::text[]))`;
        const found = await tx.$queryRaw<{ email: string | null; phone: string | null }[]>`SELECT c.email, c.phone FROM "Customer" c WHERE ${where}`;
        const known = new Set(found.flatMap((f) => [f.email, f.phone]));
        unknown = [...emails, ...phones].filter((e) => !known.has(e));
      } else {
        // Inside words, as the search box did before it had a word index: for telling people about a
        // breach, finding more of them is the safe side.
        where = customerWhere(
          { q: input.q, match: "inside", status: input.status || undefined, from: input.from || undefined, to: input.to || undefined },
          null,
        );
      }
      const linked = await tx.$executeRaw`
        INSERT INTO "BreachCustomer" ("breachId", "customerId")
        SELECT ${input.id}::uuid, c.id FROM "Customer" c WHERE ${where}
        ON CONFLICT DO NOTHING`;
      await recordAudit(tx, actor, {
        action: "breach.customers_linked",
        entityType: "Breach",
        entityId: input.id,
        details: { mode: input.mode, linked, unknown: unknown.length },
      });
      return { linked, unknown: unknown.slice(0, 20), unknownCount: unknown.length };
    },
    { timeout: 60_000 },
  );
}

export async function saveCustomerNotice(actor: Actor, raw: unknown) {
  authorize(actor, "COMPLIANCE");
  const input = customerNoticeSchema.parse(raw);
  await db().$transaction(async (tx) => {
    await openBreach(tx, input.id);
    // Customers see the text they were sent: once anyone has been told, it no longer changes.
    if (await tx.breachCustomer.count({ where: { breachId: input.id, notifiedAt: { not: null } } })) throw new AppError("CONFLICT", "breaches.noticeSent");
    await tx.breach.update({ where: { id: input.id }, data: { customerNoticeVi: input.noticeVi, customerNoticeEn: input.noticeEn } });
    await recordAudit(tx, actor, {
      action: "breach.notice_written",
      entityType: "Breach",
      entityId: input.id,
      // Which text (its digest): the words are on the breach, frozen once anyone has been told.
      details: { noticeVi: sha256(input.noticeVi), noticeEn: sha256(input.noticeEn) },
    });
  });
}

/**
 * Emails every linked customer not yet told (and not erased) the breach notice in their language,
 * through the outbox: each message's id is kept on the link as the evidence. Customers without an
 * email are counted, for staff to reach another way. Safe to run again: the told are skipped.
 */
export async function notifyBreachCustomers(actor: Actor, raw: unknown) {
  authorize(actor, "COMPLIANCE");
  const { id } = breachIdSchema.parse(raw);
  const breach = await db().breach.findUnique({ where: { id }, select: { number: true, status: true, customerNoticeVi: true, customerNoticeEn: true } });
  if (!breach) throw new AppError("NOT_FOUND", "errors.notFound");
  if (breach.status === "CLOSED") throw new AppError("CONFLICT", "breaches.closed");
  if (!breach.customerNoticeVi || !breach.customerNoticeEn) throw new AppError("CONFLICT", "breaches.noticeFirst");
  const company = await readSettings();
  const reference = breachReference(breach.number);
  const link = (lang: "vi" | "en") => `${env().APP_URL}/privacy/me?lang=${lang}`;
  const rendered = {
    vi: await renderEmail("breach_notice", "vi", { reference, notice: breach.customerNoticeVi, link: link("vi") }, company),
    en: await renderEmail("breach_notice", "en", { reference, notice: breach.customerNoticeEn, link: link("en") }, company),
  };
  let notified = 0;
  for (;;) {
    const sent = await db().$transaction(async (tx) => {
      await openBreach(tx, id);
      const rows = await tx.$queryRaw<{ customerId: string; email: string; locale: "vi" | "en" }[]>`
        SELECT bc."customerId", c.email, c.locale::text AS locale
        FROM "BreachCustomer" bc JOIN "Customer" c ON c.id = bc."customerId"
        WHERE bc."breachId" = ${id}::uuid AND ${UNTOLD}
        ORDER BY bc."customerId" LIMIT ${NOTIFY_CHUNK}
        FOR UPDATE OF bc`;
      const at = await now();
      for (const row of rows) {
        const email = await enqueueEmail(tx, row.email, rendered[row.locale]);
        await tx.breachCustomer.update({
          where: { breachId_customerId: { breachId: id, customerId: row.customerId } },
          data: { notifiedAt: at, emailMessageId: email.id },
        });
      }
      return rows.length;
    });
    notified += sent;
    if (sent < NOTIFY_CHUNK) break;
  }
  const [{ withoutEmail }] = await db().$queryRaw<{ withoutEmail: number }[]>`
    SELECT count(*)::int AS "withoutEmail" FROM "BreachCustomer" bc JOIN "Customer" c ON c.id = bc."customerId"
    WHERE bc."breachId" = ${id}::uuid AND bc."notifiedAt" IS NULL AND c.status <> 'ERASED' AND c.email IS NULL`;
  await db().$transaction((tx) =>
    recordAudit(tx, actor, { action: "breach.customers_notified", entityType: "Breach", entityId: id, details: { notified, withoutEmail } }),
  );
  return { notified, withoutEmail };
}

export async function closeBreach(actor: Actor, raw: unknown) {
  authorize(actor, "COMPLIANCE");
  const input = closeBreachSchema.parse(raw);
  await db().$transaction(async (tx) => {
    const breach = await openBreach(tx, input.id);
    if (!breach.authorityNotifiedAt) throw new AppError("CONFLICT", "breaches.notifyAuthorityFirst");
    const [{ untold }] = await tx.$queryRaw<{ untold: number }[]>`
      SELECT count(*)::int AS untold FROM "BreachCustomer" bc JOIN "Customer" c ON c.id = bc."customerId"
      WHERE bc."breachId" = ${input.id}::uuid AND ${UNTOLD}`;
    if (untold > 0) throw new AppError("CONFLICT", "breaches.customersUntold", undefined, { count: untold });
    await tx.breach.update({ where: { id: input.id }, data: { status: "CLOSED", closedAt: await now(), closingNote: input.note } });
    await recordAudit(tx, actor, { action: "breach.closed", entityType: "Breach", entityId: input.id, details: { note: input.note } });
  });
}
