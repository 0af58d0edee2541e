import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { PageHeader } from "@/components/admin/page-header";
import { Card, CardBody } from "@/components/ui/card";
import { requireArea } from "@/lib/auth/session";
import { getT } from "@/lib/i18n/server";
import { getProcessor } from "@/lib/records/queries";
import type { PROCESSOR_CATEGORIES } from "@/lib/records/schemas";
import { ProcessorForm } from "../../_components/processor-form";

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getT();
  return { title: t("records.editProcessor") };
}

export default async function ProcessorPage({ params }: { params: Promise<{ id: string }> }) {
  const actor = await requireArea("records");
  const { t } = await getT();
  const p = await getProcessor(actor, (await params).id);
  if (!p) notFound();
  return (
    <>
      <Link href="/admin/records#processors" className="text-sm text-brand-800 hover:underline">
        ← {t("records.title")}
      </Link>
      <PageHeader title={t("records.editProcessor")} description={p.name} />
      <Card className="max-w-3xl">
        <CardBody>
          <ProcessorForm
            id={p.id}
            initial={{
              name: p.name,
              serviceVi: p.serviceVi,
              serviceEn: p.serviceEn,
              location: p.location,
              country: p.country,
              dataCategories: p.dataCategories as (typeof PROCESSOR_CATEGORIES)[number][],
              contractRef: p.contractRef,
              since: p.since.toISOString().slice(0, 10),
              active: p.active,
            }}
          />
        </CardBody>
      </Card>
    </>
  );
}
