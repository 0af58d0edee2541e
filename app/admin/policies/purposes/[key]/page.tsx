import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { PageHeader } from "@/components/admin/page-header";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Card, CardBody, CardHeader, CardTitle } from "@/components/ui/card";
import { requireArea } from "@/lib/auth/session";
import { formatDateTime } from "@/lib/i18n/format";
import { getT } from "@/lib/i18n/server";
import { purposeWithVersions } from "@/lib/purposes/queries";
import { RewordForm } from "../../_components/reword-form";

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getT();
  return { title: t("purposes.rewordTitle") };
}

export default async function PurposePage({ params }: { params: Promise<{ key: string }> }) {
  const actor = await requireArea("policies");
  const { t, locale } = await getT();
  const purpose = await purposeWithVersions(actor, (await params).key);
  if (!purpose) notFound();
  const current = purpose.versions[0]?.number ?? 0;
  return (
    <>
      <Link href="/admin/policies/purposes" className="text-sm text-brand-800 hover:underline">
        ← {t("purposes.title")}
      </Link>
      <PageHeader title={locale === "en" ? purpose.labelEn : purpose.labelVi} description={t(`purposes.basis.${purpose.legalBasis}`)} />
      <div className="grid gap-6 xl:grid-cols-[1fr_26rem]">
        <Card>
          <CardHeader>
            <CardTitle>{t("purposes.rewordTitle")}</CardTitle>
          </CardHeader>
          <CardBody className="space-y-4">
            <Alert tone="warning">{t("purposes.rewordWarning")}</Alert>
            <RewordForm
              initial={{
                key: purpose.key,
                basedOn: current,
                labelVi: purpose.labelVi,
                labelEn: purpose.labelEn,
                descriptionVi: purpose.descriptionVi,
                descriptionEn: purpose.descriptionEn,
                reason: "",
              }}
            />
          </CardBody>
        </Card>
        <Card>
          <CardHeader>
            <CardTitle>{t("purposes.history")}</CardTitle>
          </CardHeader>
          <CardBody>
            {purpose.versions.length === 0 ? (
              <p className="text-sm text-zinc-500">{t("purposes.noHistory")}</p>
            ) : (
              <ol className="space-y-4 text-sm" data-testid="purpose-versions">
                {purpose.versions.map((v) => (
                  <li key={v.number} className="space-y-1 border-l-2 border-zinc-200 pl-3">
                    <div className="flex flex-wrap items-center gap-2">
                      <span className="font-medium">{t("purposes.versionN", { number: v.number })}</span>
                      {v.number === current && <Badge tone="success">{t("purposes.current")}</Badge>}
                    </div>
                    <p className="text-xs text-zinc-500">
                      {v.number === 1 && !v.createdBy
                        ? t("purposes.firstVersion", { date: formatDateTime(v.createdAt, locale) })
                        : t("purposes.changedBy", { name: v.createdBy?.name ?? t("purposes.system"), date: formatDateTime(v.createdAt, locale) })}
                    </p>
                    {v.reason && <p className="text-zinc-700">{t("purposes.because", { reason: v.reason })}</p>}
                    <p lang="vi">
                      <span className="font-medium">{v.labelVi}</span>: {v.descriptionVi}
                    </p>
                    <p lang="en" className="text-zinc-600">
                      <span className="font-medium">{v.labelEn}</span>: {v.descriptionEn}
                    </p>
                  </li>
                ))}
              </ol>
            )}
          </CardBody>
        </Card>
      </div>
    </>
  );
}
