import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { DetailRow } from "@/components/admin/detail-row";
import { PageHeader } from "@/components/admin/page-header";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { buttonVariants } from "@/components/ui/button";
import { Card, CardBody, CardHeader, CardTitle } from "@/components/ui/card";
import { requireArea } from "@/lib/auth/session";
import { getBreach } from "@/lib/breaches/queries";
import { breachReference } from "@/lib/breaches/schemas";
import { now } from "@/lib/clock";
import { formatDateTime, formatNumber } from "@/lib/i18n/format";
import { customerName } from "@/lib/i18n/labels";
import { getT } from "@/lib/i18n/server";
import { vnDay } from "@/lib/privacy-requests/deadlines";
import { AuthorityForm, CloseBreachForm, CustomerNoticeForm, LinkCustomersForm, NotifyButton } from "../_components/breach-steps";
import { ClockBadge } from "../_components/clock-badge";

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getT();
  return { title: t("nav.breaches") };
}

export default async function BreachPage({ params }: { params: Promise<{ id: string }> }) {
  const actor = await requireArea("breaches");
  const { t, locale } = await getT();
  const b = await getBreach(actor, (await params).id);
  if (!b) notFound();
  const closed = b.status === "CLOSED";
  const fmt = (n: number) => formatNumber(n, locale);
  return (
    <>
      <Link href="/admin/breaches" className="text-sm text-brand-800 hover:underline">
        ← {t("nav.breaches")}
      </Link>
      <PageHeader
        title={`${breachReference(b.number)} · ${b.title}`}
        description={t("breaches.detectedAt", { date: formatDateTime(b.detectedAt, locale) })}
        actions={
          <div className="flex flex-wrap gap-2">
            <Link href={`/admin/breaches/${b.id}/notification`} className={buttonVariants({ variant: "secondary" })}>
              {t("breaches.printNotification")}
            </Link>
            {!closed && !b.authorityNotifiedAt && (
              <Link href={`/admin/breaches/${b.id}/edit`} className={buttonVariants({ variant: "secondary" })}>
                {t("breaches.edit")}
              </Link>
            )}
          </div>
        }
      />
      <div className="grid gap-6 lg:grid-cols-3">
        <div className="space-y-6 lg:col-span-2">
          <Card>
            <CardHeader className="flex flex-wrap items-center justify-between gap-2">
              <CardTitle>{t("breaches.authorityTitle")}</CardTitle>
              <ClockBadge clock={b.clock} t={t} />
            </CardHeader>
            <CardBody className="space-y-4">
              <dl className="grid grid-cols-[max-content_1fr] gap-x-6 gap-y-2 text-sm" data-testid="authority-clock">
                <DetailRow label={t("breaches.authorityDue")}>{formatDateTime(b.clock.dueAt, locale)}</DetailRow>
                {b.authorityNotifiedAt && (
                  <>
                    <DetailRow label={t("breaches.authorityNotifiedAt")}>
                      {formatDateTime(b.authorityNotifiedAt, locale)} · {t(`breaches.channel.${b.authorityChannel ?? "PORTAL"}`)}
                    </DetailRow>
                    {b.authorityRecordedAt && <DetailRow label={t("breaches.authorityRecordedAt")}>{formatDateTime(b.authorityRecordedAt, locale)}</DetailRow>}
                    <DetailRow label={t("breaches.field.reference")}>{b.authorityReference}</DetailRow>
                    {b.lateReason && <DetailRow label={t("breaches.field.lateReason")}>{b.lateReason}</DetailRow>}
                  </>
                )}
              </dl>
              {!b.authorityNotifiedAt && !closed && <AuthorityForm id={b.id} today={vnDay(await now())} late={b.clock.state === "overdue"} />}
            </CardBody>
          </Card>
          <Card>
            <CardHeader>
              <CardTitle>{t("breaches.customersTitle")}</CardTitle>
            </CardHeader>
            <CardBody className="space-y-4">
              <p className="text-sm" data-testid="breach-counts">
                {t("breaches.counts", {
                  linked: fmt(b.counts.linked),
                  notified: fmt(b.counts.notified),
                  withoutEmail: fmt(b.counts.withoutEmail),
                  approx: fmt(b.approxSubjects),
                })}
              </p>
              {b.counts.linked > 0 && (
                <div
                  className="h-2 overflow-hidden rounded-full bg-zinc-100"
                  role="progressbar"
                  aria-label={t("breaches.notifiedProgress")}
                  aria-valuemin={0}
                  aria-valuemax={b.counts.linked}
                  aria-valuenow={b.counts.notified}
                >
                  <div className="h-full bg-emerald-600" style={{ width: `${(100 * b.counts.notified) / b.counts.linked}%` }} />
                </div>
              )}
              {b.sample.length > 0 && (
                <ul className="divide-y divide-zinc-100 text-sm" data-testid="breach-customers">
                  {b.sample.map((s) => (
                    <li key={s.customer.id} className="flex flex-wrap items-center justify-between gap-2 py-1.5">
                      <Link href={`/admin/customers/${s.customer.id}`} className="text-brand-800 hover:underline">
                        {customerName(t, s.customer)}
                      </Link>
                      {s.notifiedAt ? (
                        <Badge tone="success">{t("breaches.toldOn", { date: formatDateTime(s.notifiedAt, locale) })}</Badge>
                      ) : (
                        <Badge tone="neutral">
                          {t(s.customer.status === "ERASED" ? "breaches.erasedNotTold" : s.customer.email ? "breaches.notToldYet" : "breaches.noEmail")}
                        </Badge>
                      )}
                    </li>
                  ))}
                </ul>
              )}
              {!closed && <LinkCustomersForm id={b.id} />}
            </CardBody>
          </Card>
          <Card>
            <CardHeader>
              <CardTitle>{t("breaches.noticeTitle")}</CardTitle>
            </CardHeader>
            <CardBody>
              {closed || b.counts.notified > 0 ? (
                <div className="space-y-3">
                  <p className="whitespace-pre-wrap text-sm" data-testid="sent-notice">
                    {locale === "en" ? b.customerNoticeEn : b.customerNoticeVi}
                  </p>
                  {!closed && b.counts.pending > 0 && <NotifyButton id={b.id} pending={b.counts.pending} />}
                </div>
              ) : (
                <CustomerNoticeForm
                  id={b.id}
                  initial={{ noticeVi: b.customerNoticeVi, noticeEn: b.customerNoticeEn }}
                  linked={b.counts.linked}
                  pending={b.counts.pending}
                />
              )}
            </CardBody>
          </Card>
          {!closed && b.authorityNotifiedAt && (
            <Card>
              <CardHeader>
                <CardTitle>{t("breaches.closeTitle")}</CardTitle>
              </CardHeader>
              <CardBody>
                <CloseBreachForm id={b.id} />
              </CardBody>
            </Card>
          )}
          {closed && (
            <Alert tone="info">{t("breaches.closedOn", { date: formatDateTime(b.closedAt ?? b.updatedAt, locale), note: b.closingNote ?? "" })}</Alert>
          )}
        </div>
        <div className="space-y-6">
          <Card>
            <CardHeader>
              <CardTitle>{t("breaches.whatHappened")}</CardTitle>
            </CardHeader>
            <CardBody>
              <dl className="space-y-3 text-sm">
                <div>
                  <dt className="text-zinc-500">{t("breaches.field.description")}</dt>
                  <dd className="whitespace-pre-wrap">{b.description}</dd>
                </div>
                <div>
                  <dt className="text-zinc-500">{t("breaches.field.categories")}</dt>
                  <dd>
                    {b.dataCategories.map((c) => t(`breaches.category.${c as "email"}`)).join(", ")}
                    {b.otherCategories && ` (${b.otherCategories})`}
                  </dd>
                </div>
                <div>
                  <dt className="text-zinc-500">{t("breaches.field.approxSubjects")}</dt>
                  <dd>{fmt(b.approxSubjects)}</dd>
                </div>
                <div>
                  <dt className="text-zinc-500">{t("breaches.field.consequences")}</dt>
                  <dd className="whitespace-pre-wrap">{b.consequences}</dd>
                </div>
                <div>
                  <dt className="text-zinc-500">{t("breaches.field.measures")}</dt>
                  <dd className="whitespace-pre-wrap">{b.measures}</dd>
                </div>
                <div>
                  <dt className="text-zinc-500">{t("breaches.field.handler")}</dt>
                  <dd>{b.handler.name}</dd>
                </div>
              </dl>
            </CardBody>
          </Card>
          <Card>
            <CardHeader>
              <CardTitle>{t("breaches.history")}</CardTitle>
            </CardHeader>
            <CardBody>
              <ol className="space-y-1.5 text-sm" data-testid="breach-history">
                {b.history.map((h) => (
                  <li key={h.id}>
                    <span className="text-zinc-500 tabular-nums">{formatDateTime(h.createdAt, locale)}</span> ·{" "}
                    {t(`audit.event.${h.action as "breach.logged"}`)}
                    {h.actorLabel && <span className="text-zinc-500"> · {h.actorLabel}</span>}
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
