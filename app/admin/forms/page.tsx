import type { Metadata } from "next";
import Link from "next/link";
import { PageHeader } from "@/components/admin/page-header";
import { Badge } from "@/components/ui/badge";
import { buttonVariants } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { Table, Td, Th } from "@/components/ui/table";
import { requireArea } from "@/lib/auth/session";
import { listForms } from "@/lib/forms/queries";
import { formatDateTime, formatNumber } from "@/lib/i18n/format";
import { getT } from "@/lib/i18n/server";

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getT();
  return { title: t("nav.forms") };
}

const STATUS_TONE = { DRAFT: "neutral", PUBLISHED: "success", CLOSED: "warning" } as const;

export default async function FormsPage() {
  const actor = await requireArea("forms");
  const { t, locale } = await getT();
  const forms = await listForms(actor);
  return (
    <>
      <PageHeader
        title={t("nav.forms")}
        description={t("forms.description")}
        actions={
          <Link href="/admin/forms/new" className={buttonVariants()}>
            {t("forms.new")}
          </Link>
        }
      />
      <Card>
        {forms.length === 0 ? (
          <div className="px-5 py-12 text-center">
            <p className="text-sm text-zinc-600">{t("forms.empty")}</p>
            <Link href="/admin/forms/new" className={`${buttonVariants({ variant: "secondary" })} mt-4`}>
              {t("forms.new")}
            </Link>
          </div>
        ) : (
          <Table>
            <thead>
              <tr>
                <Th>{t("forms.titleCol")}</Th>
                <Th>{t("forms.kind")}</Th>
                <Th>{t("forms.status")}</Th>
                <Th className="text-right">{t("forms.submissions")}</Th>
                <Th>{t("forms.updated")}</Th>
              </tr>
            </thead>
            <tbody>
              {forms.map((f) => (
                <tr key={f.id}>
                  <Td>
                    <Link href={`/admin/forms/${f.id}`} className="font-medium text-brand-800 hover:underline">
                      {locale === "en" ? f.titleEn : f.titleVi}
                    </Link>
                    <div className="text-xs text-zinc-500">/f/{f.slug}</div>
                  </Td>
                  <Td>{t(`forms.kind.${f.kind}`)}</Td>
                  <Td>
                    <Badge tone={STATUS_TONE[f.status]}>{t(`forms.status.${f.status}`)}</Badge>
                  </Td>
                  <Td className="text-right tabular-nums">
                    <Link href={`/admin/forms/${f.id}/submissions`} className="hover:underline">
                      {formatNumber(f.submissionCount, locale)}
                    </Link>
                  </Td>
                  <Td className="whitespace-nowrap text-zinc-600">{formatDateTime(f.updatedAt, locale)}</Td>
                </tr>
              ))}
            </tbody>
          </Table>
        )}
      </Card>
    </>
  );
}
