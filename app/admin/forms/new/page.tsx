import type { Metadata } from "next";
import { PageHeader } from "@/components/admin/page-header";
import { requireArea } from "@/lib/auth/session";
import { getT } from "@/lib/i18n/server";
import { listPurposes } from "@/lib/purposes/queries";
import { EMPTY_FORM } from "../_components/form-defaults";
import { FormEditor } from "../_components/form-editor";

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getT();
  return { title: t("forms.newTitle") };
}

export default async function NewFormPage() {
  await requireArea("forms");
  const { t, locale } = await getT();
  const purposes = (await listPurposes()).filter((p) => p.legalBasis === "CONSENT");
  return (
    <>
      <PageHeader title={t("forms.newTitle")} description={t("forms.newDescription")} />
      <FormEditor
        initial={EMPTY_FORM}
        purposes={purposes.map((p) => ({
          key: p.key,
          label: locale === "en" ? p.labelEn : p.labelVi,
          description: locale === "en" ? p.descriptionEn : p.descriptionVi,
        }))}
      />
    </>
  );
}
