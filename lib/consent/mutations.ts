import "server-only";
import { saveAttachment } from "@/lib/attachments/mutations";
import { recordAudit } from "@/lib/audit/mutations";
import { authorizeScope, type Actor } from "@/lib/auth/actor";
import { rolesFor } from "@/lib/auth/permissions";
import { now } from "@/lib/clock";
import { db, type Tx } from "@/lib/db";
import { enqueueEmail } from "@/lib/email/mutations";
import { renderEmail } from "@/lib/email/render";
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors";
import type { Locale } from "@/lib/i18n/config";
import { formatDate } from "@/lib/i18n/format";
import { translator } from "@/lib/i18n/translate";
import { readSettings } from "@/lib/settings/queries";
import type { Settings } from "@/lib/settings/schemas";
import { staffConsentSchema } from "./schemas";
import { consentWording } from "./wording";

/**
 * Records consent given or withdrawn outside the app as a ConsentEvent with source STAFF: who
 * recorded it, how it was given, the document reference and an optional scan. The current consent
 * (ConsentState) follows in the same transaction, so a withdrawal takes effect at once.
 */
export async function recordStaffConsent(actor: Actor, raw: unknown) {
  // Another system with a consents:write key records through here too (source API), with the same
  // checks and evidence: the key stands where the staff member would.
  authorizeScope(actor, "consents:write", ...rolesFor("customers"));
  const input = staffConsentSchema.parse(raw);
  const viaApi = actor.kind === "api";
  // Consent given today is placed at the moment it is recorded, so it orders correctly against
  // anything the customer does later today; an earlier day is placed at its noon.
  const current = await now();
  const today = new Date(current.getTime() + 7 * 3_600_000).toISOString().slice(0, 10);
  if (input.givenOn > today) throw new AppError("BAD_INPUT", "consent.futureDate", { givenOn: "consent.futureDate" });
  const givenAt = input.givenOn === today ? current : new Date(`${input.givenOn}T12:00:00+07:00`);

  return db().$transaction(async (tx) => {
    const [customer, purpose] = await Promise.all([
      tx.customer.findUnique({ where: { id: input.customerId }, select: { id: true, status: true, locale: true, email: true } }),
      tx.purpose.findUnique({
        where: { key: input.purposeKey },
        select: { id: true, key: true, labelVi: true, labelEn: true, descriptionVi: true, descriptionEn: true, active: true, legalBasis: true },
      }),
    ]);
    if (!customer || customer.status === "ERASED") throw new AppError("NOT_FOUND", "errors.notFound");
    // Another system may only record consent to the purposes GET /purposes offers that rest on consent.
    const unknown = !purpose || (viaApi && (!purpose.active || purpose.legalBasis !== "CONSENT"));
    if (unknown) throw new AppError("BAD_INPUT", "consent.unknownPurpose", { purposeKey: "consent.unknownPurpose" });
    if (viaApi) {
      const state = await tx.consentState.findUnique({
        where: { customerId_purposeId: { customerId: customer.id, purposeId: purpose.id } },
        select: { action: true, eventId: true },
      });
      // Another system repeating what is already recorded (a sync run again) adds nothing: no new
      // evidence, no second email to the customer.
      if (state?.action === input.action) return { id: state.eventId };
      // What the customer withdrew themselves (their privacy page, an unsubscribe link) only they can
      // give again — or staff, with the document that shows it; a system's cached "yes" cannot.
      if (input.action === "GRANTED" && state?.action === "WITHDRAWN") {
        const last = await tx.consentEvent.findUnique({ where: { id: state.eventId }, select: { source: true } });
        if (last?.source === "SELF_SERVICE" || last?.source === "UNSUBSCRIBE") throw new AppError("CONFLICT", "consent.customerWithdrew");
      }
    }
    const policy = await tx.policyVersion.findFirst({
      where: { status: "PUBLISHED", effectiveAt: { lte: givenAt } },
      orderBy: [{ effectiveAt: "desc" }, { number: "desc" }],
      select: { id: true, number: true },
    });
    const attachment = input.file && input.file.size > 0 ? await saveAttachment(tx, actor, input.file, { customerId: input.customerId }) : null;
    // Consent given on an earlier day was given to the wording of that day, if it has changed since.
    const wording = consentWording(givenAt < current ? await wordingInForce(tx, purpose, givenAt) : purpose, customer.locale);
    const event = await tx.consentEvent.create({
      data: {
        customerId: customer.id,
        purposeId: purpose.id,
        action: input.action,
        source: viaApi ? "API" : "STAFF",
        policyVersionId: policy?.id,
        wording,
        locale: customer.locale,
        staffId: actor.kind === "user" ? actor.id : null,
        method: input.method,
        documentRef: input.documentRef,
        givenAt,
        ip: viaApi ? (actor.ip ?? null) : null,
        evidence: {
          ...(viaApi ? { apiKey: { id: actor.keyId, name: actor.name } } : {}),
          method: input.method,
          documentRef: input.documentRef,
          note: input.note || null,
          attachment: attachment ? { id: attachment.id, filename: attachment.filename, sha256: attachment.sha256 } : null,
          policyVersion: policy?.number ?? null,
        },
      },
      select: { id: true },
    });
    await recordAudit(tx, actor, {
      action: viaApi
        ? input.action === "GRANTED"
          ? "consent.granted_via_api"
          : "consent.withdrawn_via_api"
        : input.action === "GRANTED"
          ? "consent.granted_by_staff"
          : "consent.withdrawn_by_staff",
      entityType: "ConsentEvent",
      entityId: event.id,
      details: { customerId: customer.id, purpose: purpose.key, givenOn: input.givenOn, method: input.method, documentRef: input.documentRef },
    });
    // Consent someone else wrote down for the customer is told to the customer, in the same
    // transaction: a grant they never gave (a mistaken or made-up record) is seen by the one person
    // who knows, with the way to withdraw it.
    if (input.action === "GRANTED" && customer.email)
      await tellCustomer(tx, { email: customer.email, locale: customer.locale }, [purpose], input.method, givenAt);
    return event;
  });
}

/**
 * A purpose's wording as it stood at `at`: the latest reworded version made by then, else the first
 * (the wording before any change), else the purpose as it is (never reworded).
 */
async function wordingInForce<P extends { id: string; labelVi: string; labelEn: string; descriptionVi: string; descriptionEn: string }>(
  tx: Tx,
  purpose: P,
  at: Date,
) {
  const versions = await tx.purposeVersion.findMany({
    where: { purposeId: purpose.id },
    orderBy: { number: "asc" },
    select: { number: true, createdAt: true, labelVi: true, labelEn: true, descriptionVi: true, descriptionEn: true },
  });
  if (versions.length === 0) return purpose;
  return versions.filter((v) => v.number >= 2 && v.createdAt <= at).at(-1) ?? versions[0];
}

/**
 * Tells the customer that consent was recorded for them by someone else (staff on paper or by phone,
 * an import): one email naming every purpose, so a grant they never gave does not go unnoticed.
 */
export async function tellCustomer(
  tx: Tx,
  customer: { email: string; locale: "vi" | "en" },
  purposes: { labelVi: string; labelEn: string }[],
  method: "PAPER" | "PHONE" | "EMAIL" | "IN_PERSON" | "IMPORT",
  givenAt: Date,
  /** Read once by a caller telling many customers (an import's notices). */
  known?: Settings,
) {
  const t = translator(customer.locale);
  const settings = known ?? (await readSettings(tx));
  const company = customer.locale === "en" ? settings.companyNameEn : settings.companyName;
  const email = await renderEmail(
    "consent_recorded_notice",
    customer.locale,
    {
      subject: t("email.consentRecorded.subject", { company }),
      paragraphs: [
        t("email.consentRecorded.body", {
          company,
          date: formatDate(givenAt, customer.locale),
          purpose: purposes.map((p) => (customer.locale === "en" ? p.labelEn : p.labelVi)).join("”, “"),
          method: t(`consent.method.${method}`),
        }),
        t("email.consentRecorded.notYou"),
      ],
      button: { label: t("email.consentRecorded.button"), href: `${env().APP_URL}/privacy` },
      footer: t("email.footer.customer", { company }),
    },
    settings,
  );
  await enqueueEmail(tx, customer.email, email);
}

export type ConsentChange = {
  customerId: string;
  purposeKey: string;
  action: "GRANTED" | "WITHDRAWN";
  source: "SELF_SERVICE" | "STAFF" | "UNSUBSCRIBE";
  at: Date;
  /** What else proves it (an unsubscribe: the message and campaign the link came in). */
  evidence?: Record<string, string>;
  method?: string;
  documentRef?: string;
  ip?: string | null;
  userAgent?: string | null;
  /** The language the page showing the purpose was in (self-service, unsubscribe page). */
  locale?: Locale;
};

/**
 * A consent change made by the customer on /privacy/me, or by the privacy desk completing their
 * request, in the caller's transaction (the caller checked who may do it). Records the wording the
 * customer saw and the policy in force. Returns null when consent already stood that way.
 */
export async function recordConsentChange(tx: Tx, actor: Actor, change: ConsentChange) {
  const purpose = await tx.purpose.findUnique({
    where: { key: change.purposeKey },
    select: { id: true, key: true, labelVi: true, labelEn: true, descriptionVi: true, descriptionEn: true, active: true, legalBasis: true },
  });
  // Consent is given only to a purpose offered now; it can be withdrawn from one since switched off.
  if (!purpose || (change.action === "GRANTED" && !purpose.active)) {
    throw new AppError("BAD_INPUT", "consent.unknownPurpose", { purposeKey: "consent.unknownPurpose" });
  }
  // A purpose resting on the contract or the law is not a matter of consent: a "withdrawal" would
  // record something that changes nothing (the customer can object through a request instead).
  if (purpose.legalBasis !== "CONSENT") throw new AppError("BAD_INPUT", "consent.notConsentBased", { purposeKey: "consent.notConsentBased" });
  const customer = await tx.customer.findUnique({ where: { id: change.customerId }, select: { locale: true, status: true } });
  if (!customer || customer.status === "ERASED") throw new AppError("NOT_FOUND", "errors.notFound");
  // One change at a time per customer and purpose: two clicks at once record one event.
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${`consent:${change.customerId}:${purpose.id}`}, 0))`;
  const current = await tx.consentState.findUnique({
    where: { customerId_purposeId: { customerId: change.customerId, purposeId: purpose.id } },
    select: { action: true },
  });
  if ((current?.action ?? "WITHDRAWN") === change.action) return null;
  const policy = await tx.policyVersion.findFirst({
    where: { status: "PUBLISHED", effectiveAt: { lte: change.at } },
    orderBy: [{ effectiveAt: "desc" }, { number: "desc" }],
    select: { id: true, number: true },
  });
  // The words in the language the customer saw them in (the page's), else their record's.
  const locale = change.locale ?? customer.locale;
  const wording = consentWording(purpose, locale);
  const event = await tx.consentEvent.create({
    data: {
      customerId: change.customerId,
      purposeId: purpose.id,
      action: change.action,
      source: change.source,
      policyVersionId: policy?.id,
      wording,
      locale,
      staffId: actor.kind === "user" ? actor.id : null,
      method: change.method ?? (change.source === "STAFF" ? null : "WEB"),
      documentRef: change.documentRef ?? null,
      ip: change.ip ?? null,
      userAgent: change.userAgent ?? null,
      givenAt: change.at,
      evidence: {
        channel: change.source === "SELF_SERVICE" ? "privacy_page" : change.source === "UNSUBSCRIBE" ? "unsubscribe_link" : "privacy_request",
        policyVersion: policy?.number ?? null,
        documentRef: change.documentRef ?? null,
        ...change.evidence,
      },
    },
    select: { id: true },
  });
  await recordAudit(tx, actor, {
    action: change.action === "GRANTED" ? "consent.granted" : "consent.withdrawn",
    entityType: "ConsentEvent",
    entityId: event.id,
    details: { customerId: change.customerId, purpose: purpose.key, source: change.source },
  });
  return { eventId: event.id, purpose };
}
