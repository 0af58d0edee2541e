import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { DetailRow } from "@/components/admin/detail-row";
import { PageHeader } from "@/components/admin/page-header";
import { Alert } from "@/components/ui/alert";
import { buttonVariants } from "@/components/ui/button";
import { Card, CardBody, CardHeader, CardTitle } from "@/components/ui/card";
import { customerAuditTrail } from "@/lib/audit/queries";
import { requireArea } from "@/lib/auth/session";
import { consentOverview } from "@/lib/consent/queries";
import { recordCustomerView } from "@/lib/customers/mutations";
import { getCustomer } from "@/lib/customers/queries";
import { customerDisclosures } from "@/lib/disclosures/queries";
import { customerNotices } from "@/lib/policies/queries";
import { formatDate, formatDateTime } from "@/lib/i18n/format";
import { getT } from "@/lib/i18n/server";
import { customerSubmissions } from "@/lib/submissions/queries";
import { ConsentTimeline } from "../_components/consent-timeline";
import { ObjectionForm } from "../_components/objection-form";
import { RecordConsentForm } from "../_components/record-consent-form";
import { RevealContact } from "@/components/admin/reveal-contact";
import { revealContactAction } from "../actions";
import { ProposalCard } from "../_components/proposal-card";
import { pendingProposals } from "@/lib/confirmations/queries";
import { CustomerStatusBadge } from "../_components/status-badge";
import { TerminateForm } from "../_components/terminate-form";
import { LegalHoldForm } from "../_components/legal-hold-form";
import { customerRequests } from "@/lib/privacy-requests/queries/desk";
import { requestReference } from "@/lib/privacy-requests/schemas";
import { auditEventLabel, customerSourceLabel, customerName } from "@/lib/i18n/labels";

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getT();
  return { title: t("customers.detailTitle") };
}

const PROPOSED_FIELDS = ["fullName", "email", "phone", "address", "organization"] as const;

export default async function CustomerPage({ params }: { params: Promise<{ id: string }> }) {
  const actor = await requireArea("customers");
  const { t, locale } = await getT();
  const customer = await getCustomer(actor, (await params).id);
  if (!customer) notFound();
  await recordCustomerView(actor, customer.id);
  const [consents, submissions, audit, notices, disclosures, requests, proposals] = await Promise.all([
    consentOverview(actor, customer.id),
    customerSubmissions(actor, customer.id),
    customerAuditTrail(actor, customer.id),
    customerNotices(actor, customer.id),
    customerDisclosures(actor, customer.id),
    customerRequests(actor, customer.id),
    pendingProposals(actor, customer.id),
  ]);
  const open = customer.status === "LEAD" || customer.status === "ACTIVE";
  const contact = (field: "phone" | "address") =>
    customer.masked ? (
      <RevealContact reveal={revealContactAction.bind(null, { customerId: customer.id })} masked={customer[field]} field={field} />
    ) : (
      (customer[field] ?? "—")
    );
  return (
    <>
      <Link href="/admin/customers" className="text-sm text-brand-800 hover:underline">
        ← {t("nav.customers")}
      </Link>
      <PageHeader
        title={customerName(t, customer)}
        description={customer.organization ?? undefined}
        actions={
          <div className="flex items-center gap-2">
            <CustomerStatusBadge status={customer.status} t={t} />
            {customer.status !== "ERASED" && (
              <Link href={`/admin/customers/${customer.id}/edit`} className={buttonVariants({ variant: "secondary" })}>
                {t("customers.edit")}
              </Link>
            )}
          </div>
        }
      />
      {customer.status === "ERASED" && (
        <Alert tone="info" className="mb-4" data-testid="erased-notice">
          {t("customers.erasedNotice", { date: customer.erasedAt ? formatDate(customer.erasedAt, locale) : "—" })}
        </Alert>
      )}
      {customer.status === "TERMINATED" && (
        <Alert tone="warning" className="mb-4">
          {t("customers.terminatedOn", { date: formatDate(customer.terminatedAt!, locale), reason: customer.terminationReason ?? "" })}
        </Alert>
      )}
      {proposals.length > 0 && (
        <Card className="mb-6">
          <CardHeader>
            <CardTitle>{t("proposals.title")}</CardTitle>
          </CardHeader>
          <CardBody className="space-y-3">
            <p className="text-sm text-zinc-600">{t("proposals.intro")}</p>
            <ul className="space-y-3">
              {proposals.map((p) => (
                <ProposalCard
                  key={p.id}
                  proposal={{
                    id: p.id,
                    formTitle: locale === "en" ? p.form.titleEn : p.form.titleVi,
                    when: formatDateTime(p.createdAt, locale),
                    awaitingOwner: p.awaitingOwner,
                    rows: PROPOSED_FIELDS.filter((f) => p.proposed[f]).map((f) => ({ label: t(`publicForm.field.${f}`), value: p.proposed[f] ?? "" })),
                  }}
                />
              ))}
            </ul>
          </CardBody>
        </Card>
      )}
      <div className="grid gap-6 xl:grid-cols-[24rem_1fr]">
        <div className="space-y-6">
          <Card>
            <CardHeader>
              <CardTitle>{t("customers.profile")}</CardTitle>
            </CardHeader>
            <CardBody>
              <dl className="grid grid-cols-[8rem_1fr] gap-x-4 gap-y-2 text-sm">
                <DetailRow label={t("publicForm.field.email")}>{customer.email ?? "—"}</DetailRow>
                <DetailRow label={t("publicForm.field.phone")}>{contact("phone")}</DetailRow>
                <DetailRow label={t("publicForm.field.address")}>{contact("address")}</DetailRow>
                <DetailRow label={t("publicForm.field.organization")}>{customer.organization ?? "—"}</DetailRow>
                <DetailRow label={t("customers.language")}>{t(`language.${customer.locale}`)}</DetailRow>
                <DetailRow label={t("customers.source")}>{customerSourceLabel(t, customer.source)}</DetailRow>
                <DetailRow label={t("customers.created")}>{formatDateTime(customer.createdAt, locale)}</DetailRow>
                {customer.sharingObjectedAt && <DetailRow label={t("customers.sharingObjected")}>{formatDate(customer.sharingObjectedAt, locale)}</DetailRow>}
                {customer.legalHoldReason && <DetailRow label={t("customers.legalHold")}>{customer.legalHoldReason}</DetailRow>}
              </dl>
            </CardBody>
          </Card>
          <Card>
            <CardHeader>
              <CardTitle>{t("customers.submissions")}</CardTitle>
            </CardHeader>
            <CardBody>
              {submissions.length === 0 ? (
                <p className="text-sm text-zinc-500">{t("customers.noSubmissions")}</p>
              ) : (
                <ul className="space-y-2 text-sm">
                  {submissions.map((s) => (
                    <li key={s.id}>
                      <Link href={`/admin/forms/${s.form.id}/submissions`} className="text-brand-800 hover:underline">
                        {locale === "en" ? s.form.titleEn : s.form.titleVi}
                      </Link>
                      <span className="text-zinc-500"> · {formatDateTime(s.createdAt, locale)}</span>
                    </li>
                  ))}
                </ul>
              )}
            </CardBody>
          </Card>
          <Card>
            <CardHeader>
              <CardTitle>{t("customers.disclosures")}</CardTitle>
            </CardHeader>
            <CardBody className="space-y-4">
              {disclosures.length === 0 ? (
                <p className="text-sm text-zinc-500">{t("customers.noDisclosures")}</p>
              ) : (
                <ul className="space-y-1.5 text-sm" data-testid="customer-disclosures">
                  {disclosures.map((d) => (
                    <li key={d.id}>
                      <Link href={`/admin/disclosures/${d.id}`} className="text-brand-800 hover:underline">
                        {d.recipient.name}
                      </Link>
                      <span className="text-zinc-500">
                        {" "}
                        · {d.fields.map((f) => t(`disclosures.field.${f as "fullName"}`)).join(", ")} · {d.approvedAt ? formatDate(d.approvedAt, locale) : ""}
                        {d.confidential ? ` · ${t("disclosures.confidentialShort")}` : ""}
                      </span>
                    </li>
                  ))}
                </ul>
              )}
              {!customer.sharingObjectedAt && customer.status !== "ERASED" && <ObjectionForm customerId={customer.id} />}
            </CardBody>
          </Card>
          <Card>
            <CardHeader>
              <CardTitle>{t("customers.notices")}</CardTitle>
            </CardHeader>
            <CardBody>
              {notices.length === 0 ? (
                <p className="text-sm text-zinc-500">{t("customers.noNotices")}</p>
              ) : (
                <ul className="space-y-1.5 text-sm" data-testid="policy-notices">
                  {notices.map((n) => (
                    <li key={n.id}>
                      {t("customers.noticeLine", {
                        number: n.policyVersion.number,
                        effective: n.policyVersion.effectiveAt ? formatDate(n.policyVersion.effectiveAt, locale) : "—",
                      })}
                      <span className="text-zinc-500">
                        {" "}
                        · {n.sentAt ? t("customers.noticeSent", { date: formatDateTime(n.sentAt, locale) }) : t("customers.noticeQueued")}
                      </span>
                    </li>
                  ))}
                </ul>
              )}
            </CardBody>
          </Card>
          <Card>
            <CardHeader>
              <CardTitle>{t("nav.requests")}</CardTitle>
            </CardHeader>
            <CardBody className="space-y-4">
              {requests.length === 0 ? (
                <p className="text-sm text-zinc-500">{t("requests.none")}</p>
              ) : (
                <ul className="space-y-1.5 text-sm" data-testid="customer-requests">
                  {requests.map((r) => (
                    <li key={r.id}>
                      <Link href={`/admin/requests/${r.id}`} className="text-brand-800 hover:underline">
                        {requestReference(r.number)} · {t(`requests.type.${r.type}`)}
                      </Link>
                      <span className="text-zinc-500">
                        {" "}
                        · {t(`requests.status.${r.status}`)} · {formatDate(r.receivedAt, locale)}
                      </span>
                    </li>
                  ))}
                </ul>
              )}
              {actor.role === "COMPLIANCE" && customer.status !== "ERASED" && (
                <>
                  <Link href={`/admin/requests/new?customerId=${customer.id}`} className={buttonVariants({ variant: "secondary", size: "sm" })}>
                    {t("requests.log")}
                  </Link>
                  <LegalHoldForm customerId={customer.id} reason={customer.legalHoldReason} />
                </>
              )}
            </CardBody>
          </Card>
          {open && (
            <Card>
              <CardHeader>
                <CardTitle>{t("customers.terminateTitle")}</CardTitle>
              </CardHeader>
              <CardBody>
                <TerminateForm customerId={customer.id} />
              </CardBody>
            </Card>
          )}
        </div>
        <div className="space-y-6">
          <Card>
            <CardHeader>
              <CardTitle>{t("customers.consent")}</CardTitle>
            </CardHeader>
            <CardBody>
              <ConsentTimeline items={consents} t={t} locale={locale} />
            </CardBody>
          </Card>
          {customer.status !== "ERASED" && (
            <Card>
              <CardHeader>
                <CardTitle>{t("consent.recordTitle")}</CardTitle>
              </CardHeader>
              <CardBody>
                <RecordConsentForm
                  customerId={customer.id}
                  purposes={consents.map((c) => ({ key: c.purpose.key, label: locale === "en" ? c.purpose.labelEn : c.purpose.labelVi }))}
                />
              </CardBody>
            </Card>
          )}
          <Card>
            <CardHeader>
              <CardTitle>{t("customers.auditTrail")}</CardTitle>
            </CardHeader>
            <CardBody>
              <ol className="space-y-1.5 text-sm">
                {audit.map((e) => (
                  <li key={e.id} className="flex flex-wrap gap-x-2">
                    <span className="text-zinc-500 tabular-nums">{formatDateTime(e.createdAt, locale)}</span>
                    <span>{auditEventLabel(t, e.action)}</span>
                    <span className="text-zinc-600">
                      {e.actorLabel ??
                        t(
                          `audit.actorType.${e.actorType === "USER" ? "USER" : e.actorType === "SYSTEM" ? "SYSTEM" : e.actorType === "CUSTOMER" ? "CUSTOMER" : "ANONYMOUS"}`,
                        )}
                    </span>
                  </li>
                ))}
              </ol>
            </CardBody>
          </Card>
        </div>
      </div>
    </>
  );
}
