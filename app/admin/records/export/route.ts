// The records of processing as JSON (codes, for machines: top-level `purposes`) or CSV (one row per
// purpose, in the reader's language). Records describe the processing, not any customer's data.
import { canAccess } from "@/lib/auth/permissions";
import { currentActor } from "@/lib/auth/session";
import { CSV_BOM, csvRow } from "@/lib/csv";
import { dataFieldLabel } from "@/lib/i18n/labels";
import { getT } from "@/lib/i18n/server";
import { auditRecordsExport } from "@/lib/records/mutations";
import { recordsOfProcessing } from "@/lib/records/queries";
import { exportFormatSchema } from "@/lib/records/schemas";

export async function GET(request: Request) {
  const actor = await currentActor();
  if (!actor || !canAccess(actor.role, "records")) return new Response("Forbidden", { status: 403 });
  const records = await recordsOfProcessing(actor);
  const format = exportFormatSchema.parse(new URL(request.url).searchParams.get("format"));
  await auditRecordsExport(actor, format);
  const day = records.generatedAt.slice(0, 10);
  if (format === "json") {
    return new Response(JSON.stringify(records, null, 2), {
      headers: {
        "content-type": "application/json; charset=utf-8",
        "content-disposition": `attachment; filename="records-of-processing-${day}.json"`,
      },
    });
  }
  const { t, locale } = await getT();
  const en = locale === "en";
  const list = (values: string[]) => values.join("; ");
  const field = (f: string) => dataFieldLabel(t, f);
  const header = [
    t("records.csv.purpose"),
    t("records.csv.legalBasis"),
    t("records.csv.wordingVersion"),
    t("records.csv.dataCategories"),
    t("records.csv.sources"),
    t("records.csv.recipients"),
    t("records.csv.processors"),
    t("records.csv.retention"),
    t("records.csv.storage"),
  ];
  const rows = records.purposes.map((p) =>
    csvRow([
      en ? p.labelEn : p.labelVi,
      t(`purposes.basis.${p.legalBasis}`),
      String(p.wordingVersion),
      list(p.dataCategories.map(field)),
      list(p.sources.map((s) => (s.kind === "form" ? (en ? s.titleEn : s.titleVi) : t(`records.source.${s.kind}`)))),
      list(p.recipients.map((r) => `${t(`disclosures.category.${r.category}`)} (${r.fields.map(field).join(", ")})`)),
      list(p.processors),
      t(`purposes.retention.${p.legalBasis}`, { days: p.retention.graceDays }),
      t("public.storageAtHq", { address: en ? records.storage.en : records.storage.vi }),
    ]),
  );
  return new Response(CSV_BOM + [csvRow(header), ...rows].join(""), {
    headers: {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": `attachment; filename="records-of-processing-${day}.csv"`,
    },
  });
}
