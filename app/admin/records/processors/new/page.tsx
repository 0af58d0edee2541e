import type { Metadata } from "next";
import Link from "next/link";
import { PageHeader } from "@/components/admin/page-header";
import { Card, CardBody } from "@/components/ui/card";
import { requireArea } from "@/lib/auth/session";
import { now } from "@/lib/clock";
import { getT } from "@/lib/i18n/server";
import { vnDay } from "@/lib/privacy-requests/deadlines";
import { ProcessorForm } from "../../_components/processor-form";

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getT();
  return { title: t("records.addProcessor") };
}

export default async function NewProcessorPage() {
  await requireArea("records");
  const { t } = await getT();
  return (
    <>
      <Link href="/admin/records#processors" className="text-sm text-brand-800 hover:underline">
        ← {t("records.title")}
      </Link>
      <PageHeader title={t("records.addProcessor")} description={t("records.processorIntro")} />
      <Card className="max-w-3xl">
        <CardBody>
          <ProcessorForm
            initial={{
              name: "",
              serviceVi: "",
              serviceEn: "",
              location: "",
              country: "VN",
              dataCategories: [],
              contractRef: "",
              since: vnDay(await now()),
              active: true,
            }}
          />
        </CardBody>
      </Card>
    </>
  );
}
