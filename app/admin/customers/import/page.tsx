import type { Metadata } from "next";
import Link from "next/link";
import { PageHeader } from "@/components/admin/page-header";
import { Badge } from "@/components/ui/badge";
import { Card, CardBody, CardHeader, CardTitle } from "@/components/ui/card";
import { requireArea } from "@/lib/auth/session";
import { recentImports } from "@/lib/imports/queries";
import { formatDateTime } from "@/lib/i18n/format";
import { getT } from "@/lib/i18n/server";
import { UploadForm } from "./_components/upload-form";

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getT();
  return { title: t("imports.title") };
}

export default async function ImportPage() {
  const actor = await requireArea("customers");
  const { t, locale } = await getT();
  const jobs = await recentImports(actor);
  return (
    <>
      <PageHeader title={t("imports.title")} description={t("imports.description")} />
      <div className="grid gap-6 lg:grid-cols-2">
        <Card>
          <CardHeader>
            <CardTitle>{t("imports.uploadTitle")}</CardTitle>
          </CardHeader>
          <CardBody>
            <UploadForm />
          </CardBody>
        </Card>
        <Card>
          <CardHeader>
            <CardTitle>{t("imports.recent")}</CardTitle>
          </CardHeader>
          <CardBody>
            {jobs.length === 0 ? (
              <p className="text-sm text-zinc-500">{t("imports.none")}</p>
            ) : (
              <ul className="space-y-2 text-sm">
                {jobs.map((j) => (
                  <li key={j.id} className="flex flex-wrap items-center gap-2">
                    <Link href={`/admin/customers/import/${j.id}`} className="font-medium text-brand-800 hover:underline">
                      {j.filename}
                    </Link>
                    <Badge tone={j.status === "COMPLETED" ? "success" : j.status === "FAILED" ? "danger" : "info"}>{t(`imports.status.${j.status}`)}</Badge>
                    <span className="text-zinc-500">{formatDateTime(j.createdAt, locale)}</span>
                  </li>
                ))}
              </ul>
            )}
          </CardBody>
        </Card>
      </div>
    </>
  );
}
