import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { PageHeader } from "@/components/admin/page-header";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { buttonVariants } from "@/components/ui/button";
import { Card, CardBody, CardHeader, CardTitle } from "@/components/ui/card";
import { requireArea } from "@/lib/auth/session";
import { disclosureItems, getDisclosure } from "@/lib/disclosures/queries";
import { NEEDS_APPROVAL, type RecipientCategory } from "@/lib/disclosures/rules";
import { formatDate, formatDateTime, formatNumber } from "@/lib/i18n/format";
import { getT } from "@/lib/i18n/server";
import { ApprovalButtons, PreparingProgress } from "../_components/disclosure-actions";
import { PostButton } from "@/components/admin/post-button";
import { customerName } from "@/lib/i18n/labels";

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getT();
  return { title: t("nav.disclosures") };
}

export default async function DisclosurePage({ params }: { params: Promise<{ id: string }> }) {
  const actor = await requireArea("disclosures");
  const { t, locale } = await getT();
  const d = await getDisclosure(actor, (await params).id);
  if (!d) notFound();
  const category = d.recipient.category as RecipientCategory;
  const [included, excluded] = await Promise.all([disclosureItems(actor, d.id, true), disclosureItems(actor, d.id, false)]);
  const pending = d.status === "PENDING_APPROVAL";
  const fourEyesOk = !NEEDS_APPROVAL[category] || (actor.role === "COMPLIANCE" && actor.id !== d.preparedById);
  // Advertising and authority packages go out through compliance; staff hand over shipments.
  const mayDownload = actor.role === "COMPLIANCE" || !NEEDS_APPROVAL[category];
  const downloadable =
    mayDownload &&
    (d.status === "APPROVED" || d.status === "DELIVERED") &&
    d.downloadCount < d.maxDownloads &&
    d.packageExpiresAt &&
    d.packageExpiresAt > new Date();
  const fmt = (n: number) => formatNumber(n, locale);
  return (
    <>
      <Link href="/admin/disclosures" className="text-sm text-brand-800 hover:underline">
        ← {t("nav.disclosures")}
      </Link>
      <PageHeader
        title={`${d.recipient.name} · ${t(`disclosures.category.${category}`)}`}
        description={d.reason}
        actions={
          <Badge tone={d.status === "REJECTED" ? "danger" : d.status === "PENDING_APPROVAL" ? "warning" : "info"} data-testid="disclosure-status">
            {t(`disclosures.status.${d.status}`)}
          </Badge>
        }
      />
      <div className="grid gap-6 xl:grid-cols-[1fr_24rem]">
        <div className="space-y-6">
          {d.status === "PREPARING" && (
            <Card>
              <CardBody>
                <PreparingProgress id={d.id} total={d.itemsTotal} />
              </CardBody>
            </Card>
          )}
          <Card>
            <CardHeader>
              <CardTitle>{t("disclosures.previewTitle")}</CardTitle>
            </CardHeader>
            <CardBody className="space-y-4">
              <p className="text-sm" data-testid="disclosure-counts">
                {t("disclosures.counts", { included: fmt(d.itemsIncluded), excluded: fmt(d.itemsTotal - d.itemsIncluded) })}
              </p>
              {Object.entries(d.excluded).length > 0 && (
                <ul className="flex flex-wrap gap-2 text-sm">
                  {Object.entries(d.excluded).map(([reason, count]) => (
                    <li key={reason}>
                      <Badge tone="warning">
                        {t(`disclosures.exclusion.${reason as "OBJECTED"}`)}: {fmt(count)}
                      </Badge>
                    </li>
                  ))}
                </ul>
              )}
              <div className="grid gap-4 md:grid-cols-2">
                <section aria-label={t("disclosures.includedList")}>
                  <h3 className="mb-1 text-sm font-semibold">{t("disclosures.includedList")}</h3>
                  <ul className="space-y-1 text-sm" data-testid="included-list">
                    {included.map((i) => (
                      <li key={i.customer.id}>
                        <Link className="text-brand-800 hover:underline" href={`/admin/customers/${i.customer.id}`}>
                          {customerName(t, i.customer)}
                        </Link>
                      </li>
                    ))}
                  </ul>
                </section>
                <section aria-label={t("disclosures.excludedList")}>
                  <h3 className="mb-1 text-sm font-semibold">{t("disclosures.excludedList")}</h3>
                  <ul className="space-y-1 text-sm" data-testid="excluded-list">
                    {excluded.map((i) => (
                      <li key={i.customer.id}>
                        {customerName(t, i.customer)}{" "}
                        <span className="text-zinc-500">
                          — {t(`disclosures.exclusion.${i.exclusionReason as "OBJECTED"}`)}
                          {i.excludedAt ? ` (${t("disclosures.droppedLater", { date: formatDateTime(i.excludedAt, locale) })})` : ""}
                        </span>
                      </li>
                    ))}
                  </ul>
                </section>
              </div>
            </CardBody>
          </Card>
        </div>
        <div className="space-y-6">
          <Card>
            <CardHeader>
              <CardTitle>{t("disclosures.details")}</CardTitle>
            </CardHeader>
            <CardBody>
              <dl className="grid grid-cols-[8rem_1fr] gap-y-2 text-sm">
                <dt className="text-zinc-500">{t("disclosures.fields")}</dt>
                <dd data-testid="disclosure-fields">{d.fields.map((f) => t(`disclosures.field.${f as "fullName"}`)).join(", ")}</dd>
                <dt className="text-zinc-500">{t("disclosures.preparedBy")}</dt>
                <dd>
                  {d.preparedBy.name} · {formatDateTime(d.createdAt, locale)}
                </dd>
                {d.approvedBy && (
                  <>
                    <dt className="text-zinc-500">{t("disclosures.approvedBy")}</dt>
                    <dd>
                      {d.approvedBy.name} · {formatDateTime(d.approvedAt!, locale)}
                    </dd>
                  </>
                )}
                {d.reference && (
                  <>
                    <dt className="text-zinc-500">{t("disclosures.reference")}</dt>
                    <dd>{d.reference}</dd>
                  </>
                )}
                {d.agencyName && (
                  <>
                    <dt className="text-zinc-500">{t("disclosures.agency")}</dt>
                    <dd>
                      {d.agencyName} · {d.documentNumber} · {d.documentDate ? formatDate(d.documentDate, locale) : ""}
                    </dd>
                  </>
                )}
                {d.requestFileId && (
                  <>
                    <dt className="text-zinc-500">{t("disclosures.requestFile")}</dt>
                    <dd>
                      <PostButton variant="link" action={`/admin/attachments/${d.requestFileId}`}>
                        {t("disclosures.download")}
                      </PostButton>
                    </dd>
                  </>
                )}
                {d.confidential && (
                  <>
                    <dt className="text-zinc-500">{t("disclosures.confidentialShort")}</dt>
                    <dd>{t("disclosures.confidentialYes")}</dd>
                  </>
                )}
                {d.packageChecksum && (
                  <>
                    <dt className="text-zinc-500">SHA-256</dt>
                    <dd className="font-mono text-xs break-all">{d.packageChecksum}</dd>
                  </>
                )}
                {d.rejectionReason && (
                  <>
                    <dt className="text-zinc-500">{t("disclosures.rejectedBecause")}</dt>
                    <dd>{d.rejectionReason}</dd>
                  </>
                )}
              </dl>
            </CardBody>
          </Card>
          {pending && (
            <Card>
              <CardHeader>
                <CardTitle>{t("disclosures.approvalTitle")}</CardTitle>
              </CardHeader>
              <CardBody className="space-y-3">
                {NEEDS_APPROVAL[category] && <p className="text-sm text-zinc-600">{t("disclosures.fourEyesHint")}</p>}
                {fourEyesOk ? (
                  <ApprovalButtons id={d.id} canApprove canReject={actor.role === "COMPLIANCE"} />
                ) : (
                  <Alert tone="info">{t("disclosures.waitingForApproval")}</Alert>
                )}
              </CardBody>
            </Card>
          )}
          {(d.status === "APPROVED" || d.status === "DELIVERED") && (
            <Card>
              <CardHeader>
                <CardTitle>{t("disclosures.packageTitle")}</CardTitle>
              </CardHeader>
              <CardBody className="space-y-3 text-sm">
                <p>
                  {t("disclosures.packageRules", {
                    left: d.maxDownloads - d.downloadCount,
                    date: d.packageExpiresAt ? formatDateTime(d.packageExpiresAt, locale) : "—",
                  })}
                </p>
                {downloadable ? (
                  <form method="post" action={`/admin/disclosures/${d.id}/package`}>
                    <button type="submit" className={buttonVariants()}>
                      {t("disclosures.downloadPackage")}
                    </button>
                  </form>
                ) : (
                  <Alert tone="warning">{t("disclosures.downloadUnavailable")}</Alert>
                )}
              </CardBody>
            </Card>
          )}
        </div>
      </div>
    </>
  );
}
