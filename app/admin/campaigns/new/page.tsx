import type { Metadata } from "next";
import Link from "next/link";
import { PageHeader } from "@/components/admin/page-header";
import { requireArea } from "@/lib/auth/session";
import { marketingPurposeLabels } from "@/lib/campaigns/queries";
import { getT } from "@/lib/i18n/server";
import { CampaignComposer } from "../_components/campaign-composer";

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getT();
  return { title: t("campaigns.new") };
}

export default async function NewCampaignPage() {
  const actor = await requireArea("campaigns");
  const { t, locale } = await getT();
  const purposes = await marketingPurposeLabels(actor, locale);
  return (
    <>
      <Link href="/admin/campaigns" className="text-sm text-brand-800 hover:underline">
        ← {t("nav.campaigns")}
      </Link>
      <PageHeader title={t("campaigns.new")} description={t("campaigns.newIntro")} />
      <CampaignComposer
        purposes={purposes}
        initial={{
          name: "",
          purposeKey: "promotions_events",
          subjectVi: "",
          subjectEn: "",
          bodyVi: "",
          bodyEn: "",
          audience: { statuses: ["LEAD", "ACTIVE"], organization: "", locale: "", createdFrom: "", createdTo: "", lastContactFrom: "", lastContactTo: "" },
        }}
      />
    </>
  );
}
