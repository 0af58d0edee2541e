import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { now } from "@/lib/clock";
import { CSV_BOM, csvRow } from "@/lib/csv";
import { db } from "@/lib/db";
import { disclosuresVisibleToCustomer } from "@/lib/disclosures/queries";
import { AppError } from "@/lib/errors";
import { holidaySet } from "@/lib/holidays/queries";
import { formatDateTime } from "@/lib/i18n/format";
import { resolutionLabel } from "@/lib/i18n/labels";
import { isMessageKey, type MessageKey, type Translate } from "@/lib/i18n/translate";
import { breachNoticesFor } from "@/lib/breaches/queries";
import { breachReference } from "@/lib/breaches/schemas";
import { noticesToRecipients } from "@/lib/recipient-notices/queries";
import { type DeadlineRule, urgencyOf } from "../deadlines";
import { requestReference } from "../schemas";

// What /privacy/me shows and exports: only the signed-in customer's own data. Confidential
// disclosures to authorities are left out (the law lets an authority require that).

function customerId(actor: Actor) {
  if (actor.kind !== "customer") throw new AppError("FORBIDDEN", "errors.forbidden");
  return actor.customerId;
}

/**
 * What the page and the download both show: the record (refused once erased), whom the data went to
 * with who was told to stop or erase (only disclosures the customer may see: a confidential
 * authority request stays hidden), and the breach notices sent.
 */
async function myRecord(id: string) {
  const [customer, disclosures, breachNotices, recipientNotices] = await Promise.all([
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
    disclosuresVisibleToCustomer(id),
    breachNoticesFor(id),
    noticesToRecipients(id),
  ]);
  if (!customer || customer.status === "ERASED") throw new AppError("UNAUTHENTICATED", "privacy.signedOut");
  return {
    customer,
    disclosures: disclosures.map((d) => ({ ...d, notices: recipientNotices.filter((n) => n.recipientId === d.recipient.id) })),
    breachNotices,
  };
}

export async function myOverview(actor: Actor) {
  const id = customerId(actor);
  const [record, purposes, states, events, requests, at, holidays] = await Promise.all([
    myRecord(id),
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
  ]);
  return {
    ...record,
    purposes: purposes.map((purpose) => ({
      purpose,
      current: states.find((s) => s.purposeId === purpose.id) ?? null,
      history: events.filter((e) => e.purposeId === purpose.id),
    })),
    // Customers are told the completion deadline, so days left count towards it.
    requests: requests.map((r) => ({
      ...r,
      reference: requestReference(r.number),
      rule: r.rule as DeadlineRule,
      ...urgencyOf({ ...r, acknowledgedAt: r.acknowledgedAt ?? r.receivedAt }, at, holidays),
    })),
  };
}

/**
 * Everything held about the customer, for the JSON download: every consent event (also for purposes
 * since switched off, with the evidence recorded), every request, the forms they sent, whom their data
 * went to and who was told to stop or erase, the notices they were sent, and photos or videos they
 * appear in.
 *
 * A form sent without this customer's email address (found by phone number) is listed but its
 * content is withheld: signing in proves the email, not the phone, and a number passes between people
 * or is typed by someone else. The customer can ask for it through a request, checked by staff.
 */
export async function myExport(actor: Actor) {
  const id = customerId(actor);
  // (Not the page's overview: the download reads every event and request itself.)
  const [overview, submissions, purposes, states, events, requests, media, policyNotices] = await Promise.all([
    myRecord(id),
    db().submission.findMany({
      where: { customerId: id },
      orderBy: { createdAt: "desc" },
      select: { createdAt: true, fields: true, answers: true, form: { select: { slug: true, titleVi: true, titleEn: true } } },
    }),
    db().purpose.findMany({
      where: { OR: [{ active: true }, { consentEvents: { some: { customerId: id } } }] },
      orderBy: { sortOrder: "asc" },
      select: { id: true, key: true, legalBasis: true, labelVi: true, labelEn: true, active: true },
    }),
    db().consentState.findMany({ where: { customerId: id }, select: { purposeId: true, action: true } }),
    db().consentEvent.findMany({
      where: { customerId: id },
      orderBy: [{ givenAt: "desc" }, { createdAt: "desc" }],
      select: {
        purposeId: true,
        action: true,
        source: true,
        method: true,
        givenAt: true,
        wording: true,
        locale: true,
        documentRef: true,
        ip: true,
        userAgent: true,
        policyVersion: { select: { number: true } },
      },
    }),
    db().privacyRequest.findMany({
      where: { customerId: id },
      orderBy: { receivedAt: "desc" },
      select: { number: true, type: true, channel: true, status: true, details: true, purposeKey: true, resolution: true, receivedAt: true, completedAt: true },
    }),
    db().mediaAppearance.findMany({
      where: { customerId: id },
      select: { media: { select: { title: true, link: true, publishedWhere: true, status: true, publishedAt: true, takenDownAt: true } } },
    }),
    db().policyNotice.findMany({
      where: { customerId: id },
      orderBy: { createdAt: "asc" },
      select: { channel: true, createdAt: true, sentAt: true, policyVersion: { select: { number: true } } },
    }),
  ]);
  const email = overview.customer.email;
  const iso = (d: Date | null | undefined) => d?.toISOString() ?? null;
  return {
    exportedAt: (await now()).toISOString(),
    personalData: overview.customer,
    consent: purposes.map((p) => ({
      purpose: p.key,
      label: { vi: p.labelVi, en: p.labelEn },
      legalBasis: p.legalBasis,
      active: p.active,
      current: states.find((st) => st.purposeId === p.id)?.action ?? "NONE",
      history: events
        .filter((e) => e.purposeId === p.id)
        .map((e) => ({
          action: e.action,
          at: e.givenAt.toISOString(),
          source: e.source,
          method: e.method,
          policyVersion: e.policyVersion?.number ?? null,
          wording: e.wording,
          locale: e.locale,
          documentRef: e.documentRef,
          ip: e.ip,
          userAgent: e.userAgent,
        })),
    })),
    submissions: submissions.map((s) => {
      const own = email !== null && (s.fields as { email?: unknown } | null)?.email === email;
      return own
        ? { at: s.createdAt.toISOString(), form: s.form.slug, withheld: false, fields: s.fields, answers: s.answers }
        : { at: s.createdAt.toISOString(), form: s.form.slug, withheld: true, fields: null, answers: null };
    }),
    sharedWith: overview.disclosures.map((d) => ({
      recipient: d.recipient.name,
      category: d.recipient.category,
      fields: d.fields,
      reason: d.reason,
      at: d.approvedAt?.toISOString() ?? null,
      toldTo: d.notices.map((n) => ({ kind: n.kind, at: n.createdAt.toISOString(), sentAt: iso(n.sentAt) })),
    })),
    requests: requests.map((r) => ({
      reference: requestReference(r.number),
      type: r.type,
      channel: r.channel,
      status: r.status,
      details: r.details,
      purpose: r.purposeKey,
      resolution: r.resolution,
      receivedAt: r.receivedAt.toISOString(),
      completedAt: iso(r.completedAt),
    })),
    media: media.map(({ media: m }) => ({
      title: m.title,
      link: m.link,
      where: m.publishedWhere,
      status: m.status,
      publishedAt: iso(m.publishedAt),
      takenDownAt: iso(m.takenDownAt),
    })),
    notices: {
      policyChanges: policyNotices.map((n) => ({
        policyVersion: n.policyVersion.number,
        channel: n.channel,
        at: n.createdAt.toISOString(),
        sentAt: iso(n.sentAt),
      })),
      breaches: overview.breachNotices.map((b) => ({
        breach: b.number,
        at: b.notifiedAt.toISOString(),
        text: { vi: b.customerNoticeVi, en: b.customerNoticeEn },
      })),
    },
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
    if (s.withheld) {
      out += csvRow([t("me.csv.submission"), s.form, t("me.submissionWithheld"), at(s.at), ""]);
      continue;
    }
    const sent = Object.entries({ ...(s.fields as object), ...(s.answers as object) } as Record<string, unknown>)
      .map(([k, v]) => `${fieldLabel(k)}: ${Array.isArray(v) ? v.join(", ") : String(v)}`)
      .join("; ");
    out += csvRow([t("me.csv.submission"), s.form, sent, at(s.at), ""]);
  }
  for (const d of data.sharedWith) {
    out += csvRow([t("me.csv.sharedWith"), d.recipient, d.fields.map((f) => t(`disclosures.field.${f as "fullName"}`)).join(", "), at(d.at), d.reason]);
    for (const n of d.toldTo) out += csvRow([t("me.csv.recipientNotice"), d.recipient, t(`me.disclosures.kind.${n.kind as "STOP"}`), at(n.at), ""]);
  }
  for (const m of data.media) {
    out += csvRow([t("me.csv.media"), m.title, t(`media.status.${m.status as "DRAFT"}`), at(m.publishedAt), [m.where, m.link].filter(Boolean).join(" · ")]);
  }
  for (const n of data.notices.policyChanges) {
    out += csvRow([
      t("me.csv.policyNotice"),
      t("me.underPolicy", { number: n.policyVersion }),
      t(`me.noticeChannel.${n.channel as "EMAIL"}`),
      at(n.sentAt ?? n.at),
      "",
    ]);
  }
  for (const b of data.notices.breaches) {
    out += csvRow([t("me.csv.breachNotice"), breachReference(b.breach), t.locale === "en" ? b.text.en : b.text.vi, at(b.at), ""]);
  }
  for (const r of data.requests) {
    out += csvRow([
      t("me.csv.request"),
      r.reference,
      t(`requests.status.${r.status as "RECEIVED"}`),
      at(r.receivedAt),
      [t(`requests.type.${r.type as "ACCESS"}`), r.details, resolutionLabel(t, r.resolution)].filter(Boolean).join(" — "),
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
