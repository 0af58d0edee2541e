import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { now } from "@/lib/clock";
import { CSV_BOM, csvRow } from "@/lib/csv";
import { db } from "@/lib/db";
import { disclosuresVisibleToCustomer } from "@/lib/disclosures/queries";
import { AppError } from "@/lib/errors";
import { holidaySet } from "@/lib/holidays/queries";
import { formatDateTime } from "@/lib/i18n/format";
import { isMessageKey, type MessageKey, type Translate } from "@/lib/i18n/translate";
import { breachNoticesFor } from "@/lib/breaches/queries";
import { noticesToRecipients } from "@/lib/recipient-notices/queries";
import { type DeadlineRule, urgencyOf } from "../deadlines";
import { requestReference } from "../schemas";

// What /privacy/me shows and exports: only the signed-in customer's own data. Confidential
// disclosures to authorities are left out (the law lets an authority require that).

function customerId(actor: Actor) {
  if (actor.kind !== "customer") throw new AppError("FORBIDDEN", "errors.forbidden");
  return actor.customerId;
}

export async function myOverview(actor: Actor) {
  const id = customerId(actor);
  const [customer, purposes, states, events, disclosures, requests, at, holidays, breachNotices, recipientNotices] = await Promise.all([
    db().customer.findUnique({
      where: { id },
      select: {
        fullName: true,
        email: true,
        phone: true,
        address: true,
        organization: true,
        locale: true,
        status: true,
        createdAt: true,
        sharingObjectedAt: true,
        marketingDailyLimit: true,
      },
    }),
    db().purpose.findMany({
      where: { active: true },
      orderBy: { sortOrder: "asc" },
      select: { id: true, key: true, legalBasis: true, labelVi: true, labelEn: true, descriptionVi: true, descriptionEn: true },
    }),
    db().consentState.findMany({ where: { customerId: id }, select: { purposeId: true, action: true, givenAt: true } }),
    db().consentEvent.findMany({
      where: { customerId: id },
      orderBy: [{ givenAt: "desc" }, { createdAt: "desc" }],
      select: {
        id: true,
        purposeId: true,
        action: true,
        source: true,
        method: true,
        givenAt: true,
        wording: true,
        policyVersion: { select: { number: true } },
        form: { select: { titleVi: true, titleEn: true } },
      },
    }),
    disclosuresVisibleToCustomer(id),
    db().privacyRequest.findMany({
      where: { customerId: id },
      orderBy: { receivedAt: "desc" },
      take: 50,
      select: {
        id: true,
        number: true,
        type: true,
        channel: true,
        status: true,
        receivedAt: true,
        acknowledgedAt: true,
        acknowledgeDueAt: true,
        dueAt: true,
        extendedDueAt: true,
        completedAt: true,
        purposeKey: true,
        rule: true,
        involvesThirdParty: true,
      },
    }),
    now(),
    holidaySet(),
    breachNoticesFor(id),
    noticesToRecipients(id),
  ]);
  if (!customer || customer.status === "ERASED") throw new AppError("UNAUTHENTICATED", "privacy.signedOut");
  return {
    customer,
    purposes: purposes.map((purpose) => ({
      purpose,
      current: states.find((s) => s.purposeId === purpose.id) ?? null,
      history: events.filter((e) => e.purposeId === purpose.id),
    })),
    // Each recipient shown with whether it was told to stop or to erase (only recipients of
    // disclosures the customer may see: a confidential authority request stays hidden).
    disclosures: disclosures.map((d) => ({ ...d, notices: recipientNotices.filter((n) => n.recipientId === d.recipient.id) })),
    breachNotices,
    // Customers are told the completion deadline, so days left count towards it.
    requests: requests.map((r) => ({
      ...r,
      reference: requestReference(r.number),
      rule: r.rule as DeadlineRule,
      ...urgencyOf({ ...r, acknowledgedAt: r.acknowledgedAt ?? r.receivedAt }, at, holidays),
    })),
  };
}

/** Everything held about the customer, for the JSON download. */
export async function myExport(actor: Actor) {
  const id = customerId(actor);
  const overview = await myOverview(actor);
  const submissions = await db().submission.findMany({
    where: { customerId: id },
    orderBy: { createdAt: "desc" },
    select: { createdAt: true, fields: true, answers: true, form: { select: { slug: true, titleVi: true, titleEn: true } } },
  });
  return {
    exportedAt: (await now()).toISOString(),
    personalData: overview.customer,
    consent: overview.purposes.map((p) => ({
      purpose: p.purpose.key,
      label: { vi: p.purpose.labelVi, en: p.purpose.labelEn },
      legalBasis: p.purpose.legalBasis,
      current: p.current?.action ?? "NONE",
      history: p.history.map((e) => ({
        action: e.action,
        at: e.givenAt.toISOString(),
        source: e.source,
        method: e.method,
        policyVersion: e.policyVersion?.number ?? null,
        wording: e.wording,
      })),
    })),
    submissions: submissions.map((s) => ({ at: s.createdAt.toISOString(), form: s.form.slug, fields: s.fields, answers: s.answers })),
    sharedWith: overview.disclosures.map((d) => ({
      recipient: d.recipient.name,
      category: d.recipient.category,
      fields: d.fields,
      reason: d.reason,
      at: d.approvedAt?.toISOString() ?? null,
    })),
    requests: overview.requests.map((r) => ({
      reference: r.reference,
      type: r.type,
      status: r.status,
      receivedAt: r.receivedAt.toISOString(),
      completedAt: r.completedAt?.toISOString() ?? null,
    })),
  };
}

/**
 * The same as one table a person can read in a spreadsheet (section, item, value, time, detail), in
 * the language of `t`: labels instead of codes, dates as the page shows them. The JSON keeps codes.
 */
export async function myExportCsv(actor: Actor, t: Translate) {
  const data = await myExport(actor);
  const at = (iso: string | null) => (iso ? formatDateTime(new Date(iso), t.locale) : "");
  const fieldLabel = (f: string) => (isMessageKey(`publicForm.field.${f}`) ? t(`publicForm.field.${f}` as MessageKey) : f);
  let out = CSV_BOM + csvRow([t("me.csv.section"), t("me.csv.item"), t("me.csv.value"), t("me.csv.time"), t("me.csv.detail")]);
  for (const [field, value] of Object.entries(data.personalData)) {
    if (!["fullName", "email", "phone", "address", "organization"].includes(field)) continue;
    out += csvRow([t("me.csv.personalData"), fieldLabel(field), value as string | null, "", ""]);
  }
  for (const p of data.consent) {
    const purpose = t.locale === "en" ? p.label.en : p.label.vi;
    out += csvRow([t("me.csv.consentNow"), purpose, t(`consent.state.${p.current as "GRANTED"}`), "", t(`consent.basis.${p.legalBasis as "CONSENT"}`)]);
    for (const e of p.history) {
      const how = `${t(`me.source.${e.source as "FORM"}`)}${e.policyVersion ? ` · ${t("me.underPolicy", { number: e.policyVersion })}` : ""}`;
      out += csvRow([t("me.csv.consentHistory"), purpose, t(`consent.state.${e.action as "GRANTED"}`), at(e.at), `${how} — ${e.wording}`]);
    }
  }
  for (const s of data.submissions) {
    const sent = Object.entries({ ...(s.fields as object), ...(s.answers as object) } as Record<string, unknown>)
      .map(([k, v]) => `${fieldLabel(k)}: ${Array.isArray(v) ? v.join(", ") : String(v)}`)
      .join("; ");
    out += csvRow([t("me.csv.submission"), s.form, sent, at(s.at), ""]);
  }
  for (const d of data.sharedWith) {
    out += csvRow([t("me.csv.sharedWith"), d.recipient, d.fields.map((f) => t(`disclosures.field.${f as "fullName"}`)).join(", "), at(d.at), d.reason]);
  }
  for (const r of data.requests) {
    out += csvRow([
      t("me.csv.request"),
      r.reference,
      t(`requests.status.${r.status as "RECEIVED"}`),
      at(r.receivedAt),
      t(`requests.type.${r.type as "ACCESS"}`),
    ]);
  }
  return out;
}

/** A consent receipt: what was agreed for one purpose, in which words, under which policy, when and how. */
export async function myReceipt(actor: Actor, purposeKey: string) {
  const id = customerId(actor);
  const purpose = await db().purpose.findUnique({
    where: { key: purposeKey },
    select: { id: true, key: true, labelVi: true, labelEn: true, descriptionVi: true, descriptionEn: true, legalBasis: true },
  });
  if (!purpose) throw new AppError("NOT_FOUND", "errors.notFound");
  const [customer, event] = await Promise.all([
    db().customer.findUnique({ where: { id }, select: { fullName: true, email: true, status: true } }),
    db().consentEvent.findFirst({
      where: { customerId: id, purposeId: purpose.id },
      orderBy: [{ givenAt: "desc" }, { createdAt: "desc" }],
      select: {
        id: true,
        action: true,
        source: true,
        method: true,
        givenAt: true,
        wording: true,
        locale: true,
        documentRef: true,
        policyVersion: { select: { number: true, effectiveAt: true } },
        form: { select: { titleVi: true, titleEn: true } },
      },
    }),
  ]);
  if (!customer || customer.status === "ERASED") throw new AppError("UNAUTHENTICATED", "privacy.signedOut");
  if (!event) throw new AppError("NOT_FOUND", "privacy.noReceipt");
  return { purpose, customer, event, issuedAt: await now() };
}
