// The register of disclosures as CSV (records of what was disclosed to whom, not the customers' data).
import { canAccess } from "@/lib/auth/permissions";
import { currentActor } from "@/lib/auth/session";
import { CSV_BOM, csvRow } from "@/lib/csv";
import { allDisclosures } from "@/lib/disclosures/queries";

export async function GET(request: Request) {
  const actor = await currentActor();
  if (!actor || !canAccess(actor.role, "disclosures") || actor.role !== "COMPLIANCE") return new Response("Forbidden", { status: 403 });
  const p = new URL(request.url).searchParams;
  const rows = await allDisclosures(actor, {
    recipientId: p.get("recipientId") ?? undefined,
    category: p.get("category") ?? undefined,
    status: p.get("status") ?? undefined,
    from: p.get("from") ?? undefined,
    to: p.get("to") ?? undefined,
  });
  const header = [
    "id",
    "created_at",
    "status",
    "recipient",
    "category",
    "reason",
    "fields",
    "customers_included",
    "customers_considered",
    "prepared_by",
    "approved_by",
    "approved_at",
    "confidential",
    "agency",
    "document_number",
    "document_date",
    "package_sha256",
    "downloads",
  ];
  const body = rows.map((d) =>
    csvRow([
      d.id,
      d.createdAt,
      d.status,
      d.recipient.name,
      d.recipient.category,
      d.reason,
      d.fields.join(";"),
      d.itemsIncluded,
      d.itemsTotal,
      d.preparedBy.name,
      d.approvedBy?.name,
      d.approvedAt,
      d.confidential,
      d.agencyName,
      d.documentNumber,
      d.documentDate,
      d.packageChecksum,
      d.downloadCount,
    ]),
  );
  return new Response(CSV_BOM + csvRow(header) + body.join(""), {
    headers: {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": `attachment; filename="disclosures-${new Date().toISOString().slice(0, 10)}.csv"`,
    },
  });
}
