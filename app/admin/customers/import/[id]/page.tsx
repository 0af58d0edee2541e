import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { PageHeader } from "@/components/admin/page-header";
import { Card, CardBody, CardHeader, CardTitle } from "@/components/ui/card";
import { requireArea } from "@/lib/auth/session";
import { PERSONAL_FIELDS } from "@/lib/forms/definition";
import { parseCsv } from "@/lib/imports/parse";
import { getImport } from "@/lib/imports/queries";
import { getT } from "@/lib/i18n/server";
import { listPurposes } from "@/lib/purposes/queries";
import { MappingForm } from "../_components/mapping-form";
import { ImportProgressBar } from "../_components/progress";

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getT();
  return { title: t("imports.title") };
}

export default async function ImportJobPage({ params }: { params: Promise<{ id: string }> }) {
  const actor = await requireArea("customers");
  const { t, locale } = await getT();
  const job = await getImport(actor, (await params).id);
  if (!job) notFound();
  const { headers, rows } = parseCsv(job.preview.join("\n"), job.delimiter);
  const purposes = await listPurposes();
  const targets = [
    { value: "", label: t("imports.ignore") },
    ...PERSONAL_FIELDS.map((f) => ({ value: f, label: t(`publicForm.field.${f}`) })),
    { value: "locale", label: t("customers.language") },
    ...purposes.map((p) => ({ value: `consent:${p.key}`, label: t("imports.consentFor", { purpose: locale === "en" ? p.labelEn : p.labelVi }) })),
  ];
  return (
    <>
      <Link href="/admin/customers/import" className="text-sm text-brand-800 hover:underline">
        ← {t("imports.title")}
      </Link>
      <PageHeader title={job.filename} description={t("imports.rowsInFile", { count: job.totalRows })} />
      {job.status === "UPLOADED" ? (
        <Card>
          <CardHeader>
            <CardTitle>{t("imports.mappingTitle")}</CardTitle>
          </CardHeader>
          <CardBody>
            <MappingForm
              id={job.id}
              headers={headers}
              samples={rows.map((r) => r.cells)}
              mapping={job.mapping}
              evidence={job.consentEvidence ?? ""}
              report={job.report}
              targets={targets}
            />
          </CardBody>
        </Card>
      ) : (
        <Card>
          <CardHeader>
            <CardTitle>{t("imports.progress")}</CardTitle>
          </CardHeader>
          <CardBody>
            <ImportProgressBar initial={job} />
          </CardBody>
        </Card>
      )}
    </>
  );
}
