import type { Metadata } from "next";
import Link from "next/link";
import { forbidden, notFound } from "next/navigation";
import { PageHeader } from "@/components/admin/page-header";
import { Card, CardBody } from "@/components/ui/card";
import { requireArea } from "@/lib/auth/session";
import { getT } from "@/lib/i18n/server";
import { getRequestRule } from "@/lib/privacy-requests/queries/rules";
import { RuleForm } from "../../_components/rule-form";

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getT();
  return { title: t("rules.title") };
}

export default async function RequestRulePage({ params }: { params: Promise<{ type: string }> }) {
  const actor = await requireArea("requests");
  if (actor.role !== "COMPLIANCE") forbidden();
  const { t } = await getT();
  const rule = await getRequestRule(actor, (await params).type);
  if (!rule) notFound();
  const type = t(`requests.type.${rule.type}`);
  return (
    <>
      <Link href="/admin/requests/rules" className="text-sm text-brand-800 hover:underline">
        ← {t("rules.title")}
      </Link>
      <PageHeader title={t("rules.editTitle", { type })} description={t("rules.editIntro")} />
      <Card className="max-w-3xl">
        <CardBody>
          <RuleForm
            initial={{
              type: rule.type,
              version: rule.version,
              acknowledgePeriod: rule.acknowledgePeriod,
              acknowledgeUnit: rule.acknowledgeUnit,
              completePeriod: rule.completePeriod,
              completeUnit: rule.completeUnit,
              thirdPartyPeriod: rule.thirdPartyPeriod ?? "",
              extensionPeriod: rule.extensionPeriod,
              legalReference: rule.legalReference,
              reason: "",
            }}
          />
        </CardBody>
      </Card>
    </>
  );
}
