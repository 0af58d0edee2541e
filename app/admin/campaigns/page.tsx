import type { Metadata } from "next";
import Link from "next/link";
import { PageHeader } from "@/components/admin/page-header";
import { buttonVariants } from "@/components/ui/button";
import { Card, CardBody } from "@/components/ui/card";
import { Pagination } from "@/components/ui/pagination";
import { Table, Td, Th } from "@/components/ui/table";
import { requireArea } from "@/lib/auth/session";
import { listCampaigns } from "@/lib/campaigns/queries";
import { formatDateTime } from "@/lib/i18n/format";
import { getT } from "@/lib/i18n/server";
import { CampaignProgressBar } from "./_components/campaign-progress-bar";
import { CampaignStatus } from "./_components/campaign-status";

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getT();
  return { title: t("nav.campaigns") };
}

/** Marketing campaigns, newest first, with how far each has gone. */
export default async function CampaignsPage({ searchParams }: { searchParams: Promise<{ page?: string }> }) {
  const actor = await requireArea("campaigns");
  const { t, locale } = await getT();
  const page = Math.max(1, Number((await searchParams).page) || 1);
  const { rows, pageCount } = await listCampaigns(actor, page);
  return (
    <>
      <PageHeader
        title={t("nav.campaigns")}
        description={t("campaigns.description")}
        actions={
          <div className="flex gap-2">
            <Link href="/admin/campaigns/rules" className={buttonVariants({ variant: "secondary" })}>
              {t("campaigns.rules")}
            </Link>
            <Link href="/admin/campaigns/new" className={buttonVariants()}>
              {t("campaigns.new")}
            </Link>
          </div>
        }
      />
      {rows.length === 0 ? (
        <Card>
          <CardBody className="text-center text-sm text-zinc-600" data-testid="campaigns-empty">
            <p className="font-medium text-zinc-800">{t("campaigns.empty")}</p>
            <p className="mt-1">{t("campaigns.emptyHelp")}</p>
          </CardBody>
        </Card>
      ) : (
        <Card>
          <CardBody className="overflow-x-auto p-0">
            <Table data-testid="campaigns">
              <thead>
                <tr>
                  <Th>{t("campaigns.col.name")}</Th>
                  <Th>{t("campaigns.col.purpose")}</Th>
                  <Th>{t("campaigns.col.start")}</Th>
                  <Th>{t("campaigns.col.status")}</Th>
                  <Th>{t("campaigns.col.progress")}</Th>
                </tr>
              </thead>
              <tbody>
                {rows.map((c) => (
                  <tr key={c.id}>
                    <Td className="font-medium">
                      <Link href={`/admin/campaigns/${c.id}`} className="text-brand-800 hover:underline">
                        {c.name}
                      </Link>
                    </Td>
                    <Td>{locale === "en" ? c.purpose?.labelEn : c.purpose?.labelVi}</Td>
                    <Td className="whitespace-nowrap tabular-nums">{c.scheduledAt ? formatDateTime(c.scheduledAt, locale) : "—"}</Td>
                    <Td>
                      <CampaignStatus status={c.status} left={c.progress.queued + c.progress.held} t={t} />
                    </Td>
                    <Td>
                      {c.status === "DRAFT" || c.status === "SCHEDULED" ? (
                        "—"
                      ) : (
                        <CampaignProgressBar progress={c.progress} t={t} locale={locale} label={c.name ?? ""} />
                      )}
                    </Td>
                  </tr>
                ))}
              </tbody>
            </Table>
          </CardBody>
        </Card>
      )}
      <Pagination page={page} pageCount={pageCount} href={(p) => `/admin/campaigns?page=${p}`} t={t} />
    </>
  );
}
