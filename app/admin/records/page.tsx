import type { Metadata } from "next";
import Link from "next/link";
import { PageHeader } from "@/components/admin/page-header";
import { Badge } from "@/components/ui/badge";
import { buttonVariants } from "@/components/ui/button";
import { Card, CardBody, CardHeader, CardTitle } from "@/components/ui/card";
import { PrintButton } from "@/components/ui/print-button";
import { listPersonalDataKeys } from "@/lib/api-keys/queries";
import { requireArea } from "@/lib/auth/session";
import { formatDate, formatDateTime } from "@/lib/i18n/format";
import { dataFieldLabel } from "@/lib/i18n/labels";
import { getT } from "@/lib/i18n/server";
import { listRecordDocuments, recordsOfProcessing } from "@/lib/records/queries";
import { GenerateButton } from "./_components/generate-button";

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getT();
  return { title: t("nav.records") };
}

/**
 * The records of processing, generated from what the app is configured to do: each purpose with its
 * basis, data, sources, recipients, processors, retention; where data is stored; the measures that
 * protect it; and the dossier documents built from the same data.
 */
export default async function RecordsPage() {
  const actor = await requireArea("records");
  const { t, locale } = await getT();
  const [r, documents, keys] = await Promise.all([recordsOfProcessing(actor), listRecordDocuments(actor), listPersonalDataKeys(actor)]);
  const waitingKeys = keys.filter((k) => !k.approvedAt && !k.revokedAt).length;
  const en = locale === "en";
  const fields = (list: string[]) => list.map((f) => dataFieldLabel(t, f)).join(", ");
  const impact = documents.filter((d) => d.kind === "IMPACT_ASSESSMENT");
  return (
    <>
      <PageHeader
        title={t("records.title")}
        description={t("records.description", { date: formatDateTime(new Date(r.generatedAt), locale) })}
        actions={
          <div className="flex flex-wrap gap-2 print:hidden">
            <Link href="/admin/records/api-keys" className={buttonVariants({ variant: "secondary" })} data-testid="api-key-approvals-link">
              {t("apiKeys.review.link")}
              {waitingKeys > 0 && (
                <Badge tone="warning" className="ml-2">
                  {t("apiKeys.review.waitingCount", { count: waitingKeys })}
                </Badge>
              )}
            </Link>
            <a href="/admin/records/export?format=json" className={buttonVariants({ variant: "secondary" })} download>
              {t("records.exportJson")}
            </a>
            <a href="/admin/records/export?format=csv" className={buttonVariants({ variant: "secondary" })} download>
              {t("records.exportCsv")}
            </a>
            <PrintButton label={t("records.print")} />
          </div>
        }
      />
      <div className="space-y-6">
        <Card>
          <CardHeader>
            <CardTitle>{t("records.controller")}</CardTitle>
          </CardHeader>
          <CardBody>
            <dl className="grid gap-x-6 gap-y-2 text-sm sm:grid-cols-[14rem_1fr]" data-testid="records-controller">
              <dt className="text-zinc-500">{t("records.company")}</dt>
              <dd>
                {en ? r.controller.nameEn : r.controller.nameVi} — {en ? r.controller.addressEn : r.controller.addressVi}
              </dd>
              <dt className="text-zinc-500">{t("public.dpoTitle")}</dt>
              <dd>{t("public.dpo", r.controller.dataProtectionContact)}</dd>
              <dt className="text-zinc-500">{t("records.storage")}</dt>
              <dd>{t("public.storageAtHq", { address: en ? r.storage.en : r.storage.vi })}</dd>
            </dl>
          </CardBody>
        </Card>

        <section aria-labelledby="records-purposes" className="space-y-3">
          <h2 id="records-purposes" className="text-lg font-semibold">
            {t("records.purposes")}
          </h2>
          {r.purposes.map((p) => (
            <Card key={p.key} data-testid="record-purpose" className="break-inside-avoid">
              <CardHeader className="flex flex-wrap items-center justify-between gap-2">
                <CardTitle>{en ? p.labelEn : p.labelVi}</CardTitle>
                <Badge tone={p.legalBasis === "CONSENT" ? "info" : "neutral"}>{t(`purposes.basis.${p.legalBasis}`)}</Badge>
              </CardHeader>
              <CardBody>
                <dl className="grid gap-x-6 gap-y-2 text-sm sm:grid-cols-[14rem_1fr]">
                  <dt className="text-zinc-500">{t("records.wording")}</dt>
                  <dd>
                    {en ? p.descriptionEn : p.descriptionVi} <span className="text-zinc-500">({t("records.version", { version: p.wordingVersion })})</span>
                  </dd>
                  <dt className="text-zinc-500">{t("records.csv.dataCategories")}</dt>
                  <dd>{fields(p.dataCategories)}</dd>
                  <dt className="text-zinc-500">{t("records.csv.sources")}</dt>
                  <dd>{p.sources.map((s) => (s.kind === "form" ? (en ? s.titleEn : s.titleVi) : t(`records.source.${s.kind}`))).join(", ")}</dd>
                  <dt className="text-zinc-500">{t("records.csv.recipients")}</dt>
                  <dd>
                    <ul className="space-y-0.5">
                      {p.recipients.map((x) => (
                        <li key={x.category}>
                          {t(`disclosures.category.${x.category}`)}: {fields(x.fields)}
                          {x.names.length > 0 && <span className="text-zinc-500"> — {x.names.join(", ")}</span>}
                        </li>
                      ))}
                    </ul>
                  </dd>
                  <dt className="text-zinc-500">{t("records.csv.processors")}</dt>
                  <dd>{p.processors.join(", ") || "—"}</dd>
                  <dt className="text-zinc-500">{t("records.csv.retention")}</dt>
                  <dd>{t(`purposes.retention.${p.legalBasis}`, { days: p.retention.graceDays })}</dd>
                </dl>
              </CardBody>
            </Card>
          ))}
        </section>

        <Card id="processors">
          <CardHeader className="flex flex-wrap items-center justify-between gap-2">
            <CardTitle>{t("records.processors")}</CardTitle>
            <Link href="/admin/records/processors/new" className={`${buttonVariants({ variant: "secondary", size: "sm" })} print:hidden`}>
              {t("records.addProcessor")}
            </Link>
          </CardHeader>
          <CardBody>
            <ul className="divide-y divide-zinc-100 text-sm" data-testid="records-processors">
              {r.processors.map((p) => (
                <li key={p.id} className="flex flex-wrap items-start justify-between gap-3 py-2">
                  <div>
                    <p className="font-medium">
                      {p.name} {p.crossBorder && <Badge tone="warning">{t("records.crossBorder")}</Badge>}
                    </p>
                    <p>{en ? p.serviceEn : p.serviceVi}</p>
                    <p className="text-zinc-600">
                      {p.location} · {fields(p.dataCategories)} · {p.contractRef} · {t("records.since", { date: formatDate(new Date(p.since), locale) })}
                    </p>
                  </div>
                  <div className="flex flex-wrap gap-2 print:hidden">
                    <Link
                      href={`/admin/records/processors/${p.id}`}
                      className={buttonVariants({ variant: "ghost", size: "sm" })}
                      aria-label={`${t("records.editProcessor")}: ${p.name}`}
                    >
                      {t("records.editProcessor")}
                    </Link>
                    {p.crossBorder && <GenerateButton input={{ kind: "TRANSFER_ASSESSMENT", processorId: p.id }} label={t("records.generateTransfer")} />}
                  </div>
                </li>
              ))}
            </ul>
          </CardBody>
        </Card>

        <Card>
          <CardHeader>
            <CardTitle>{t("records.measures")}</CardTitle>
          </CardHeader>
          <CardBody>
            <ul className="list-disc space-y-1 pl-5 text-sm" data-testid="records-measures">
              {r.securityMeasures.map((m) => (
                <li key={m}>{t(`records.measure.${m}`)}</li>
              ))}
            </ul>
          </CardBody>
        </Card>

        <Card className="print:hidden">
          <CardHeader className="flex flex-wrap items-center justify-between gap-2">
            <CardTitle>{t("records.dossier")}</CardTitle>
            <GenerateButton input={{ kind: "IMPACT_ASSESSMENT" }} label={t("records.generateImpact")} />
          </CardHeader>
          <CardBody className="space-y-2 text-sm">
            <p className="text-zinc-600">{t("records.dossierHelp")}</p>
            {documents.length === 0 ? (
              <p className="text-zinc-500">{t("records.noDocuments")}</p>
            ) : (
              <ul className="space-y-1" data-testid="record-documents">
                {documents.map((d) => (
                  <li key={d.id}>
                    <Link href={`/admin/records/documents/${d.id}`} className="text-brand-800 hover:underline">
                      {d.kind === "IMPACT_ASSESSMENT" ? t("records.impactTitle") : t("records.transferTitle", { processor: d.processor?.name ?? "—" })}
                    </Link>{" "}
                    <span className="text-zinc-500">
                      · {t("records.version", { version: d.version })} · {formatDateTime(d.createdAt, locale)}
                    </span>
                  </li>
                ))}
              </ul>
            )}
            {impact.length === 0 && <p className="text-amber-800">{t("records.impactMissing")}</p>}
          </CardBody>
        </Card>
      </div>
    </>
  );
}
