import type { Metadata } from "next";
import { PageHeader } from "@/components/admin/page-header";
import { requireArea } from "@/lib/auth/session";
import { now } from "@/lib/clock";
import { getT } from "@/lib/i18n/server";
import { findPolicyInForce } from "@/lib/policies/queries";
import { listPurposes } from "@/lib/purposes/queries";
import { PolicyEditor } from "../_components/policy-editor";

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getT();
  return { title: t("policies.newDraft") };
}

export default async function NewPolicyPage() {
  await requireArea("policies");
  const { t, locale } = await getT();
  // A new version starts from the one in force, so the diff shows only what is being changed.
  const [current, purposes] = await Promise.all([findPolicyInForce(await now()), listPurposes()]);
  return (
    <>
      <PageHeader title={t("policies.newDraft")} description={t("policies.newDescription")} />
      <PolicyEditor
        initial={{ bodyVi: current?.bodyVi ?? "", bodyEn: current?.bodyEn ?? "", summaryVi: "", summaryEn: "", materialPurposeKeys: [] }}
        purposes={purposes.map((p) => ({ key: p.key, label: locale === "en" ? p.labelEn : p.labelVi }))}
      />
    </>
  );
}
