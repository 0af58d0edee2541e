import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { PageHeader } from "@/components/admin/page-header";
import { Alert } from "@/components/ui/alert";
import { buttonVariants } from "@/components/ui/button";
import { Card, CardBody, CardHeader, CardTitle } from "@/components/ui/card";
import { requireArea } from "@/lib/auth/session";
import { env } from "@/lib/env";
import { getForm } from "@/lib/forms/queries";
import { getT } from "@/lib/i18n/server";
import { listPurposes } from "@/lib/purposes/queries";
import { CopySnippet } from "../_components/copy-snippet";
import { toEditorValues } from "../_components/form-defaults";
import { FormEditor } from "../_components/form-editor";
import { FormTabs } from "../_components/form-tabs";

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getT();
  return { title: t("forms.editTitle") };
}

export default async function EditFormPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<{ created?: string }> }) {
  const actor = await requireArea("forms");
  const { t, locale } = await getT();
  const form = await getForm(actor, (await params).id);
  if (!form) notFound();
  const purposes = (await listPurposes()).filter((p) => p.legalBasis === "CONSENT");
  const app = env().APP_URL;
  const title = locale === "en" ? form.titleEn : form.titleVi;
  return (
    <>
      <PageHeader title={title} description={`/f/${form.slug}`} actions={<FormTabs id={form.id} kind={form.kind} current="edit" t={t} />} />
      {(await searchParams).created && (
        <Alert tone="success" className="mb-4">
          {t("forms.created")}
        </Alert>
      )}
      <div className="grid gap-6 2xl:grid-cols-[1fr_26rem]">
        <FormEditor
          formId={form.id}
          initial={toEditorValues(form)}
          purposes={purposes.map((p) => ({
            key: p.key,
            label: locale === "en" ? p.labelEn : p.labelVi,
            description: locale === "en" ? p.descriptionEn : p.descriptionVi,
          }))}
        />
        <div className="space-y-6">
          <Card>
            <CardHeader>
              <CardTitle>{t("forms.embedTitle")}</CardTitle>
            </CardHeader>
            <CardBody className="space-y-4">
              {form.status !== "PUBLISHED" && <Alert tone="warning">{t("forms.notPublishedNotice")}</Alert>}
              <CopySnippet label={t("forms.embedScript")} code={`<script src="${app}/embed.js" data-form="${form.slug}" async></script>`} />
              <CopySnippet
                label={t("forms.embedIframe")}
                code={`<iframe src="${app}/f/${form.slug}?embed=1" title="${title.replaceAll('"', "&quot;")}" style="width:100%;min-height:640px;border:0"></iframe>`}
              />
              <CopySnippet label={t("forms.embedLink")} code={`${app}/f/${form.slug}`} />
              <p className="text-xs text-zinc-500">{t("forms.embedOriginsNote")}</p>
            </CardBody>
          </Card>
          <Card>
            <CardHeader className="flex items-center justify-between">
              <CardTitle>{t("forms.preview")}</CardTitle>
              <Link className={buttonVariants({ variant: "link", size: "sm" })} href={`/admin/forms/${form.id}/preview?lang=${locale}`} target="_blank">
                {t("forms.openPreview")}
              </Link>
            </CardHeader>
            <iframe title={t("forms.preview")} src={`/admin/forms/${form.id}/preview?lang=${locale}&embed=1`} className="h-[36rem] w-full rounded-b-lg" />
          </Card>
        </div>
      </div>
    </>
  );
}
