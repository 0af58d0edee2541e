import type { Metadata } from "next";
import Link from "next/link";
import { PageHeader } from "@/components/admin/page-header";
import { Card, CardBody, CardHeader, CardTitle } from "@/components/ui/card";
import { requireArea } from "@/lib/auth/session";
import { formatDate, formatDateTime, formatNumber } from "@/lib/i18n/format";
import { customerName } from "@/lib/i18n/labels";
import { getT } from "@/lib/i18n/server";
import { listErasureBatches, retentionCandidates } from "@/lib/privacy-requests/queries/desk";
import { ErasureProgress } from "../_components/erasure-progress";
import { RetentionForm } from "../_components/retention-form";

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getT();
  return { title: t("retention.title") };
}

export default async function RetentionPage() {
  const actor = await requireArea("requests");
  const { t, locale } = await getT();
  const [candidates, batches] = await Promise.all([retentionCandidates(actor), listErasureBatches(actor)]);
  const why = (c: (typeof candidates.rows)[number]) =>
    c.status === "LEAD"
      ? t("retention.leadSince", { date: formatDate(c.lastContactAt, locale) })
      : t("retention.terminatedOn", { date: formatDate(c.terminatedAt ?? c.lastContactAt, locale) });
  return (
    <>
      <Link href="/admin/requests" className="text-sm text-brand-800 hover:underline">
        ← {t("nav.requests")}
      </Link>
      <PageHeader
        title={t("retention.title")}
        description={t("retention.description", { days: candidates.retentionGraceDays, months: candidates.leadRetentionMonths })}
      />
      <div className="grid gap-6 lg:grid-cols-3">
        <Card className="lg:col-span-2">
          <CardHeader>
            <CardTitle>{t("retention.candidates", { count: formatNumber(candidates.total, locale) })}</CardTitle>
          </CardHeader>
          <CardBody>
            {candidates.rows.length === 0 ? (
              <p className="py-6 text-center text-sm text-zinc-500">{t("retention.none")}</p>
            ) : actor.role === "COMPLIANCE" ? (
              <RetentionForm
                candidates={candidates.rows.map((c) => ({
                  id: c.id,
                  name: customerName(t, c),
                  why: why(c),
                  legalHoldReason: c.legalHoldReason,
                }))}
              />
            ) : (
              <ul className="divide-y divide-zinc-100 text-sm">
                {candidates.rows.map((c) => (
                  <li key={c.id} className="py-2">
                    {c.fullName ?? c.email} · {why(c)}
                  </li>
                ))}
              </ul>
            )}
            {candidates.total > candidates.rows.length && (
              <p className="mt-3 text-xs text-zinc-500">{t("retention.more", { shown: candidates.rows.length })}</p>
            )}
          </CardBody>
        </Card>
        <Card>
          <CardHeader>
            <CardTitle>{t("retention.batches")}</CardTitle>
          </CardHeader>
          <CardBody className="space-y-5">
            {batches.length === 0 ? (
              <p className="text-sm text-zinc-500">{t("retention.noBatches")}</p>
            ) : (
              batches.map((b) => (
                <div key={b.id} className="space-y-1">
                  <p className="text-xs text-zinc-500">
                    {formatDateTime(b.createdAt, locale)} · {b.confirmedBy.name}
                  </p>
                  <ErasureProgress id={b.id} initial={{ status: b.status, processed: b.processed, erased: b.erased, total: b.total, skipped: b.skipped }} />
                </div>
              ))
            )}
          </CardBody>
        </Card>
      </div>
    </>
  );
}
