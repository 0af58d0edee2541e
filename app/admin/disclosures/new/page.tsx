import type { Metadata } from "next";
import Link from "next/link";
import { PageHeader } from "@/components/admin/page-header";
import { Alert } from "@/components/ui/alert";
import { Card, CardBody } from "@/components/ui/card";
import { requireArea } from "@/lib/auth/session";
import { customerFilterSchema } from "@/lib/customers/schemas";
import { listRecipients } from "@/lib/disclosures/queries";
import type { RecipientCategory } from "@/lib/disclosures/rules";
import { getT } from "@/lib/i18n/server";
import { PrepareForm } from "../_components/prepare-form";

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getT();
  return { title: t("disclosures.prepareTitle") };
}

export default async function NewDisclosurePage({ searchParams }: { searchParams: Promise<Record<string, string | undefined>> }) {
  const actor = await requireArea("disclosures");
  const { t } = await getT();
  const params = await searchParams;
  const recipients = await listRecipients(actor, true);
  // Coming from the register's "share these customers": its filter, as it was in the URL.
  const parsed = customerFilterSchema.parse(params);
  const filter = Object.fromEntries(
    Object.entries({
      q: parsed.q,
      match: parsed.q && parsed.match !== "words" ? parsed.match : undefined,
      status: parsed.status,
      source: parsed.source,
      purpose: parsed.purpose,
      consent: parsed.purpose ? parsed.consent : undefined,
      from: parsed.from,
      to: parsed.to,
    }).filter(([, v]) => v),
  ) as Record<string, string>;
  const hasFilter = Object.keys(filter).length > 0;
  return (
    <>
      <PageHeader title={t("disclosures.prepareTitle")} description={t("disclosures.prepareDescription")} />
      {recipients.length === 0 ? (
        <Alert tone="info">
          {t("disclosures.noRecipients")}{" "}
          <Link className="underline" href="/admin/disclosures/recipients">
            {t("disclosures.recipients")}
          </Link>
        </Alert>
      ) : (
        <Card>
          <CardBody>
            <PrepareForm
              recipients={recipients.map((r) => ({ id: r.id, name: r.name, category: r.category as RecipientCategory }))}
              filter={hasFilter ? filter : null}
              filterLabel={Object.entries(filter)
                .map(([k, v]) => `${k}=${v}`)
                .join(", ")}
            />
          </CardBody>
        </Card>
      )}
    </>
  );
}
