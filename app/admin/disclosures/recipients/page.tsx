import type { Metadata } from "next";
import { PageHeader } from "@/components/admin/page-header";
import { Badge } from "@/components/ui/badge";
import { Card, CardBody, CardHeader, CardTitle } from "@/components/ui/card";
import { Table, Td, Th } from "@/components/ui/table";
import { requireArea } from "@/lib/auth/session";
import { listRecipients } from "@/lib/disclosures/queries";
import { ALLOWED_FIELDS, type RecipientCategory } from "@/lib/disclosures/rules";
import { formatDate } from "@/lib/i18n/format";
import { getT } from "@/lib/i18n/server";
import { RecipientForm } from "../_components/recipient-form";

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getT();
  return { title: t("disclosures.recipients") };
}

export default async function RecipientsPage() {
  const actor = await requireArea("disclosures");
  const { t, locale } = await getT();
  const recipients = await listRecipients(actor);
  return (
    <>
      <PageHeader title={t("disclosures.recipients")} description={t("disclosures.recipientsDescription")} />
      <div className="grid gap-6 xl:grid-cols-[1fr_24rem]">
        <Card className="self-start">
          {recipients.length === 0 ? (
            <p className="px-5 py-12 text-center text-sm text-zinc-500">{t("disclosures.noRecipients")}</p>
          ) : (
            <Table>
              <thead>
                <tr>
                  <Th>{t("disclosures.recipientName")}</Th>
                  <Th>{t("disclosures.categoryLabel")}</Th>
                  <Th>{t("disclosures.mayReceive")}</Th>
                  <Th>{t("disclosures.agreementRef")}</Th>
                </tr>
              </thead>
              <tbody>
                {recipients.map((r) => (
                  <tr key={r.id}>
                    <Td>
                      <div className="font-medium">{r.name}</div>
                      <div className="text-xs text-zinc-500">{r.contact}</div>
                      {r.contactEmail && <div className="text-xs text-zinc-500">{r.contactEmail}</div>}
                    </Td>
                    <Td>
                      <Badge tone="info">{t(`disclosures.category.${r.category}`)}</Badge>
                      {!r.active && <Badge className="ml-1">{t("disclosures.inactive")}</Badge>}
                    </Td>
                    <Td className="text-xs">{ALLOWED_FIELDS[r.category as RecipientCategory].map((f) => t(`disclosures.field.${f}`)).join(", ")}</Td>
                    <Td className="text-xs">
                      {r.agreementRef ?? "—"}
                      {r.agreementDate && ` · ${formatDate(r.agreementDate, locale)}`}
                    </Td>
                  </tr>
                ))}
              </tbody>
            </Table>
          )}
        </Card>
        {actor.role === "COMPLIANCE" && (
          <Card className="self-start">
            <CardHeader>
              <CardTitle>{t("disclosures.newRecipient")}</CardTitle>
            </CardHeader>
            <CardBody>
              <RecipientForm />
            </CardBody>
          </Card>
        )}
      </div>
    </>
  );
}
