import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { Paper, PaperSection, SignatureBlock } from "@/components/admin/paper";
import { PrintButton } from "@/components/ui/print-button";
import { requireArea } from "@/lib/auth/session";
import { formatDate, formatDateTime } from "@/lib/i18n/format";
import { dataFieldLabel } from "@/lib/i18n/labels";
import { getT } from "@/lib/i18n/server";
import { getRecordDocument, type RecordsOfProcessing } from "@/lib/records/queries";

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getT();
  return { title: t("records.dossier") };
}

/**
 * A dossier document as it was generated (its data frozen with its version): the impact assessment
 * of the company's processing, or the assessment of one transfer abroad, with the sections the
 * decree asks for.
 */
export default async function RecordDocumentPage({ params }: { params: Promise<{ id: string }> }) {
  const actor = await requireArea("records");
  const { t, locale } = await getT();
  const doc = await getRecordDocument(actor, (await params).id);
  if (!doc) notFound();
  const r = doc.content as RecordsOfProcessing & { processor: RecordsOfProcessing["processors"][number] | null };
  const en = locale === "en";
  const fields = (list: string[]) => list.map((f) => dataFieldLabel(t, f)).join(", ");
  const transfer = doc.kind === "TRANSFER_ASSESSMENT" && r.processor;
  const purposes = transfer ? r.purposes.filter((p) => p.processors.includes(r.processor?.name ?? "")) : r.purposes;
  let n = 0;
  return (
    <>
      <div className="mb-4 flex flex-wrap items-center gap-3 print:hidden">
        <Link href="/admin/records" className="text-sm text-brand-800 hover:underline">
          ← {t("records.title")}
        </Link>
        <PrintButton label={t("records.print")} />
      </div>
      <Paper testId="record-document">
        <header className="space-y-1 text-center">
          <h1 className="text-lg font-bold uppercase">
            {transfer ? t("records.transferTitle", { processor: r.processor?.name ?? "" }) : t("records.impactTitle")}
          </h1>
          <p className="text-sm">{en ? r.controller.nameEn : r.controller.nameVi}</p>
          <p className="text-xs text-zinc-600" data-testid="document-version">
            {t("records.versionDated", { version: doc.version, date: formatDateTime(doc.createdAt, locale) })}
          </p>
        </header>
        <PaperSection n={++n} title={t("records.doc.controller")}>
          <p>
            {en ? r.controller.nameEn : r.controller.nameVi} — {en ? r.controller.addressEn : r.controller.addressVi}
          </p>
          <p>
            {t("public.dpoTitle")}: {t("public.dpo", r.controller.dataProtectionContact)}
          </p>
        </PaperSection>
        {transfer && r.processor && (
          <PaperSection n={++n} title={t("records.doc.recipientAbroad")}>
            <p>
              {r.processor.name} — {r.processor.location}
            </p>
            <p>{en ? r.processor.serviceEn : r.processor.serviceVi}</p>
            <p>
              {t("records.field.contractRef")}: {r.processor.contractRef} · {t("records.since", { date: formatDate(new Date(r.processor.since), locale) })}
            </p>
          </PaperSection>
        )}
        <PaperSection n={++n} title={t("records.doc.purposes")}>
          <ul className="list-disc pl-5">
            {purposes.map((p) => (
              <li key={p.key}>
                <span className="font-medium">{en ? p.labelEn : p.labelVi}</span> ({t(`purposes.basis.${p.legalBasis}`)}):{" "}
                {en ? p.descriptionEn : p.descriptionVi}
              </li>
            ))}
          </ul>
        </PaperSection>
        <PaperSection n={++n} title={t("records.doc.data")}>
          <p>{transfer && r.processor ? fields(r.processor.dataCategories) : fields([...new Set(r.purposes.flatMap((p) => p.dataCategories))])}</p>
          <p className="text-zinc-600">{t("records.doc.noSensitive")}</p>
        </PaperSection>
        {!transfer && (
          <PaperSection n={++n} title={t("records.doc.recipients")}>
            <ul className="list-disc pl-5">
              {r.recipients.map((x) => (
                <li key={x.category}>
                  {t(`disclosures.category.${x.category}`)}: {fields(x.fields)}
                  {x.recipients.length > 0 && ` — ${x.recipients.map((y) => y.name).join(", ")}`}
                </li>
              ))}
              {r.processors.map((p) => (
                <li key={p.id}>{t("records.processorLine", { name: p.name, service: en ? p.serviceEn : p.serviceVi, location: p.location })}</li>
              ))}
            </ul>
          </PaperSection>
        )}
        <PaperSection n={++n} title={t("records.doc.abroad")}>
          {r.processors.filter((p) => p.crossBorder).length === 0 ? (
            <p>{t("records.doc.noTransfer")}</p>
          ) : (
            <ul className="list-disc pl-5">
              {r.processors
                .filter((p) => p.crossBorder && (!transfer || p.id === r.processor?.id))
                .map((p) => (
                  <li key={p.id}>
                    {p.name} ({p.location}): {fields(p.dataCategories)}
                  </li>
                ))}
            </ul>
          )}
        </PaperSection>
        <PaperSection n={++n} title={t("records.doc.retention")}>
          <ul className="list-disc pl-5">
            {[...new Set(r.purposes.map((p) => p.legalBasis))].map((basis) => (
              <li key={basis}>
                {t(`purposes.basis.${basis}`)}: {t(`purposes.retention.${basis}`, { days: r.retentionGraceDays })}
              </li>
            ))}
          </ul>
          <p>
            {t("records.storage")}: {t("public.storageAtHq", { address: en ? r.storage.en : r.storage.vi })}
          </p>
        </PaperSection>
        <PaperSection n={++n} title={t("records.doc.measures")}>
          <ul className="list-disc pl-5">
            {r.securityMeasures.map((m) => (
              <li key={m}>{t(`records.measure.${m as "roles"}`)}</li>
            ))}
          </ul>
        </PaperSection>
        <PaperSection n={++n} title={t("records.doc.risks")}>
          <ul className="list-disc pl-5">
            {(transfer ? (["transferAccess", "transferLaw", "breach"] as const) : (["unauthorised", "sharing", "breach", "retention"] as const)).map((risk) => (
              <li key={risk}>{t(`records.risk.${risk}`)}</li>
            ))}
          </ul>
        </PaperSection>
        {transfer && (
          <PaperSection n={++n} title={t("records.doc.subjects")}>
            <p>{t("records.doc.subjectsText")}</p>
          </PaperSection>
        )}
        <SignatureBlock title={t("breaches.notification.signature")} hint={t("breaches.notification.signatureHint")} />
      </Paper>
    </>
  );
}
