import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { DetailRow } from "@/components/admin/detail-row";
import { PageHeader } from "@/components/admin/page-header";
import { Alert } from "@/components/ui/alert";
import { Card, CardBody, CardHeader, CardTitle } from "@/components/ui/card";
import { requireArea } from "@/lib/auth/session";
import { now } from "@/lib/clock";
import { formatDate, formatDateTime } from "@/lib/i18n/format";
import { getT } from "@/lib/i18n/server";
import { CLOSED_STATUSES, completionPeriod } from "@/lib/privacy-requests/deadlines";
import { getRequest } from "@/lib/privacy-requests/queries/desk";
import { requestReference } from "@/lib/privacy-requests/schemas";
import { listPurposes } from "@/lib/purposes/queries";
import { DaysLeft, RequestStatusBadge } from "../_components/request-badges";
import { RequestActions } from "../_components/request-actions";
import { PostButton } from "@/components/admin/post-button";
import { customerName, periodLabel, resolutionLabel } from "@/lib/i18n/labels";

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getT();
  return { title: t("nav.requests") };
}

export default async function RequestPage({ params }: { params: Promise<{ id: string }> }) {
  const actor = await requireArea("requests");
  const { t, locale } = await getT();
  const r = await getRequest(actor, (await params).id);
  if (!r) notFound();
  const closed = CLOSED_STATUSES.includes(r.status);
  // A purpose by its name in the reader's language, never its key.
  const purpose = r.purposeKey ? (await listPurposes()).find((p) => p.key === r.purposeKey) : undefined;
  const purposeLabel = (key: string) => (purpose ? (locale === "en" ? purpose.labelEn : purpose.labelVi) : key);
  const erased = r.customer?.status === "ERASED";
  return (
    <>
      <Link href="/admin/requests" className="text-sm text-brand-800 hover:underline">
        ← {t("nav.requests")}
      </Link>
      <PageHeader
        title={`${requestReference(r.number)} · ${t(`requests.type.${r.type}`)}`}
        description={t("requests.receivedVia", { channel: t(`requests.channel.${r.channel}`), date: formatDateTime(r.receivedAt, locale) })}
        actions={<RequestStatusBadge status={r.status} t={t} />}
      />
      <div className="grid gap-6 lg:grid-cols-3">
        <div className="space-y-6 lg:col-span-2">
          <Card>
            <CardHeader>
              <CardTitle>{t("requests.deadlines")}</CardTitle>
            </CardHeader>
            <CardBody>
              <dl className="grid grid-cols-[max-content_1fr] gap-x-6 gap-y-2 text-sm" data-testid="request-deadlines">
                <DetailRow label={t("requests.acknowledgeBy")}>
                  {formatDate(r.acknowledgeDueAt, locale)}
                  {r.acknowledgedAt ? ` · ${t("requests.doneOn", { date: formatDateTime(r.acknowledgedAt, locale) })}` : ""}
                </DetailRow>
                <DetailRow label={t("requests.completeBy")}>
                  {formatDate(r.dueAt, locale)}{" "}
                  <span className="text-zinc-500">({periodLabel(t, completionPeriod(r.rule, r.involvesThirdParty), r.rule.completeUnit)})</span>
                </DetailRow>
                <DetailRow label={t("requests.rule")}>
                  <span data-testid="request-rule">
                    {t(`requests.type.${r.type}`)}, {t("requests.ruleLine", { version: r.rule.version, reference: r.rule.legalReference })}
                  </span>
                </DetailRow>
                <DetailRow label={t("requests.thirdPartyNow")}>{t(r.involvesThirdParty ? "requests.thirdPartyYes" : "requests.thirdPartyNo")}</DetailRow>
                {r.extendedDueAt && (
                  <DetailRow label={t("requests.extendedTo")}>
                    {formatDate(r.extendedDueAt, locale)} — {r.extensionReason}
                  </DetailRow>
                )}
                {!closed && (
                  <DetailRow label={t("requests.timeLeft")}>
                    <DaysLeft urgency={r.urgency} daysLeft={r.daysLeft} t={t} />
                  </DetailRow>
                )}
                {r.completedAt && <DetailRow label={t("requests.closedOn")}>{formatDateTime(r.completedAt, locale)}</DetailRow>}
              </dl>
              {r.deadlineChanges.length > 0 && (
                <div className="mt-4 border-t border-zinc-200 pt-3">
                  <h3 className="text-sm font-medium">{t("requests.deadlineChanges")}</h3>
                  <ol className="mt-2 space-y-1.5 text-sm" data-testid="deadline-changes">
                    {r.deadlineChanges.map((c) => (
                      <li key={c.id}>
                        <span className="text-zinc-500 tabular-nums">{formatDateTime(c.createdAt, locale)}</span> ·{" "}
                        {t(`requests.deadlineCause.${c.cause as "RULE_CHANGED"}`)}:{" "}
                        <span className="tabular-nums">
                          {t("requests.deadlineMove", {
                            from: formatDate(c.previousExtendedDueAt ?? c.previousDueAt, locale),
                            to: formatDate(c.extendedDueAt ?? c.dueAt, locale),
                          })}
                        </span>
                        {c.reason && <span className="text-zinc-600"> — {c.reason}</span>}
                        <span className="text-zinc-500"> · {c.actorLabel}</span>
                      </li>
                    ))}
                  </ol>
                </div>
              )}
            </CardBody>
          </Card>
          <Card>
            <CardHeader>
              <CardTitle>{t("requests.content")}</CardTitle>
            </CardHeader>
            <CardBody className="space-y-3 text-sm">
              {r.purposeKey && (
                <p>
                  <span className="text-zinc-500">{t("requests.purpose")}:</span> {purposeLabel(r.purposeKey)}
                </p>
              )}
              <p className="whitespace-pre-wrap">
                {r.details || <span className="text-zinc-500">{erased ? t("requests.detailsErased") : t("requests.noDetails")}</span>}
              </p>
              {r.attachmentId && (
                <PostButton variant="link" action={`/admin/attachments/${r.attachmentId}`}>
                  {t("requests.scan")}
                </PostButton>
              )}
              {r.resolution && (
                <p>
                  <span className="text-zinc-500">{t("requests.resolution")}:</span> {resolutionLabel(t, r.resolution)}
                </p>
              )}
            </CardBody>
          </Card>
          {!closed && actor.role === "COMPLIANCE" && !erased && (
            <Card>
              <CardHeader>
                <CardTitle>{t("requests.handle")}</CardTitle>
              </CardHeader>
              <CardBody>
                <RequestActions
                  id={r.id}
                  type={r.type}
                  acknowledged={r.acknowledgedAt !== null}
                  extended={r.extendedAt !== null}
                  canExtend={(await now()) <= r.dueAt}
                  extension={{ max: r.rule.extensionPeriod, unit: r.rule.completeUnit }}
                  involvesThirdParty={r.involvesThirdParty}
                  blockedBy={r.type === "DELETE" ? (r.customer?.legalHoldReason ?? null) : null}
                />
              </CardBody>
            </Card>
          )}
          {!closed && actor.role !== "COMPLIANCE" && <Alert tone="info">{t("requests.viewOnly")}</Alert>}
        </div>
        <div className="space-y-6">
          <Card>
            <CardHeader>
              <CardTitle>{t("requests.customer")}</CardTitle>
            </CardHeader>
            <CardBody className="space-y-1 text-sm">
              {!r.customer ? (
                "—"
              ) : erased ? (
                <p className="text-zinc-600" data-testid="customer-erased">
                  {t("requests.erasedCustomer")}
                </p>
              ) : (
                <>
                  <Link href={`/admin/customers/${r.customer.id}`} className="font-medium text-brand-800 hover:underline">
                    {customerName(t, r.customer)}
                  </Link>
                  {r.customer.email && <p className="text-zinc-600">{r.customer.email}</p>}
                  {r.customer.sharingObjectedAt && (
                    <p className="text-zinc-600">{t("requests.objectedSince", { date: formatDate(r.customer.sharingObjectedAt, locale) })}</p>
                  )}
                  {r.customer.legalHoldReason && <p className="text-amber-800">{t("requests.onLegalHold", { reason: r.customer.legalHoldReason })}</p>}
                </>
              )}
            </CardBody>
          </Card>
          <Card>
            <CardHeader>
              <CardTitle>{t("requests.history")}</CardTitle>
            </CardHeader>
            <CardBody>
              <ol className="space-y-1.5 text-sm" data-testid="request-history">
                {r.history.map((h) => (
                  <li key={h.id}>
                    <span className="text-zinc-500 tabular-nums">{formatDateTime(h.createdAt, locale)}</span> ·{" "}
                    {t(`requests.event.${h.action.replace("request.", "") as "received"}`)}
                    <span className="text-zinc-500">
                      {" "}
                      · {h.actorLabel ?? t(`audit.actorType.${h.actorType === "CUSTOMER" ? "CUSTOMER" : h.actorType === "USER" ? "USER" : "SYSTEM"}`)}
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
