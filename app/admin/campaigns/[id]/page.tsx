import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { DetailRow } from "@/components/admin/detail-row";
import { PageHeader } from "@/components/admin/page-header";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { Pagination } from "@/components/ui/pagination";
import { Table, Td, Th } from "@/components/ui/table";
import { requireArea } from "@/lib/auth/session";
import { audiencePreview, campaignRecipients, getCampaign, marketingPurposeLabels } from "@/lib/campaigns/queries";
import { audienceSchema, type ExclusionReason } from "@/lib/campaigns/schemas";
import { formatDateTime } from "@/lib/i18n/format";
import { getT } from "@/lib/i18n/server";
import { CampaignComposer } from "../_components/campaign-composer";
import { CampaignControls } from "../_components/campaign-controls";
import { CampaignProgressBar } from "../_components/campaign-progress-bar";
import { CampaignStatus } from "../_components/campaign-status";
import { ExclusionList } from "../_components/exclusion-list";

export async function generateMetadata({ params }: { params: Promise<{ id: string }> }): Promise<Metadata> {
  const { t } = await getT();
  const actor = await requireArea("campaigns");
  const campaign = await getCampaign(actor, (await params).id);
  return { title: campaign?.name ?? t("nav.campaigns") };
}

/** One campaign: its texts (editable while a draft), who it reaches, and per-recipient evidence once sent. */
export default async function CampaignPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<{ page?: string }> }) {
  const actor = await requireArea("campaigns");
  const { t, locale } = await getT();
  const { id } = await params;
  const campaign = await getCampaign(actor, id);
  if (!campaign?.purpose) notFound();
  const page = Math.max(1, Number((await searchParams).page) || 1);
  const audience = audienceSchema.parse(campaign.audience ?? {});
  const draft = campaign.status === "DRAFT";
  const planned = draft || campaign.status === "SCHEDULED";
  const [preview, recipients, purposes] = await Promise.all([
    planned ? audiencePreview(actor, campaign.purpose.key, audience) : null,
    planned ? null : campaignRecipients(actor, id, page),
    marketingPurposeLabels(actor, locale),
  ]);
  const left = campaign.progress.queued + campaign.progress.held;
  const sending = (campaign.status === "QUEUING" || campaign.status === "QUEUED") && (campaign.status === "QUEUING" || left > 0);
  const atSend = Object.entries(campaign.cancelledAtSend) as [ExclusionReason | "CAMPAIGN_CANCELLED", number][];
  return (
    <>
      <Link href="/admin/campaigns" className="text-sm text-brand-800 hover:underline">
        ← {t("nav.campaigns")}
      </Link>
      <PageHeader
        title={campaign.name ?? ""}
        description={locale === "en" ? campaign.purpose.labelEn : campaign.purpose.labelVi}
        actions={<CampaignStatus status={campaign.status} left={left} t={t} />}
      />
      <div className="grid gap-6 lg:grid-cols-[minmax(0,2fr)_minmax(0,1fr)]">
        <Card>
          <CardHeader>
            <h2 className="font-semibold">{t("campaigns.sending")}</h2>
          </CardHeader>
          <CardBody className="space-y-4">
            <dl className="grid grid-cols-[10rem_1fr] gap-x-4 gap-y-2 text-sm">
              <DetailRow label={t("campaigns.col.start")}>
                {campaign.scheduledAt ? formatDateTime(campaign.scheduledAt, locale) : t("campaigns.notScheduled")}
              </DetailRow>
              {campaign.queuedAt && <DetailRow label={t("campaigns.queuedAt")}>{formatDateTime(campaign.queuedAt, locale)}</DetailRow>}
            </dl>
            {!planned && <CampaignProgressBar progress={campaign.progress} t={t} locale={locale} label={t("campaigns.sending")} />}
            <CampaignControls id={id} status={campaign.status} sending={sending} eligible={preview?.eligible ?? null} />
          </CardBody>
        </Card>
        <Card>
          <CardHeader>
            <h2 className="font-semibold">{t("campaigns.whoGetsIt")}</h2>
          </CardHeader>
          <CardBody className="space-y-3">
            {preview ? (
              <ExclusionList eligible={preview.eligible} excluded={preview.excluded} />
            ) : (
              <>
                <p className="text-sm text-zinc-600">{t("campaigns.atQueue")}</p>
                <ExclusionList eligible={campaign.queuedCount} excluded={campaign.excluded} />
                {atSend.length > 0 && (
                  <>
                    <p className="text-sm text-zinc-600">{t("campaigns.atSend")}</p>
                    <ul className="text-sm" data-testid="stopped-at-send">
                      {atSend.map(([reason, n]) => (
                        <li key={reason}>
                          {t(`campaigns.reason.${reason}`)}: <span className="tabular-nums">{n}</span>
                        </li>
                      ))}
                    </ul>
                  </>
                )}
              </>
            )}
          </CardBody>
        </Card>
      </div>
      {draft ? (
        <section className="mt-6">
          <h2 className="mb-3 text-lg font-semibold">{t("campaigns.editTitle")}</h2>
          <CampaignComposer
            id={id}
            purposes={purposes}
            initial={{
              name: campaign.name ?? "",
              purposeKey: campaign.purpose.key as "advertising",
              subjectVi: campaign.subjectVi,
              subjectEn: campaign.subjectEn,
              bodyVi: campaign.bodyVi ?? "",
              bodyEn: campaign.bodyEn ?? "",
              audience,
            }}
          />
        </section>
      ) : (
        <Card className="mt-6">
          <CardHeader>
            <h2 className="font-semibold">{t("campaigns.subjects")}</h2>
          </CardHeader>
          <CardBody>
            <dl className="grid grid-cols-[10rem_1fr] gap-x-4 gap-y-2 text-sm">
              <DetailRow label={t("language.vi")}>{campaign.subjectVi}</DetailRow>
              <DetailRow label={t("language.en")}>{campaign.subjectEn}</DetailRow>
            </dl>
          </CardBody>
        </Card>
      )}
      {recipients && (
        <Card className="mt-6">
          <CardHeader>
            <h2 className="font-semibold">{t("campaigns.recipients")}</h2>
          </CardHeader>
          <CardBody className="overflow-x-auto p-0">
            {recipients.rows.length === 0 ? (
              <p className="p-4 text-sm text-zinc-600">{t("campaigns.noRecipients")}</p>
            ) : (
              <Table data-testid="recipients">
                <thead>
                  <tr>
                    <Th>{t("campaigns.col.recipient")}</Th>
                    <Th>{t("campaigns.col.outcome")}</Th>
                    <Th>{t("campaigns.col.consent")}</Th>
                    <Th>{t("campaigns.col.sentAt")}</Th>
                    <Th>{t("campaigns.col.providerId")}</Th>
                    <Th>{t("campaigns.col.delivery")}</Th>
                  </tr>
                </thead>
                <tbody>
                  {recipients.rows.map((r) => (
                    <tr key={r.id} data-recipient={r.to}>
                      <Td>
                        {r.customerId ? (
                          <Link href={`/admin/customers/${r.customerId}`} className="text-brand-800 hover:underline">
                            {r.to || t("campaigns.erased")}
                          </Link>
                        ) : (
                          r.to
                        )}
                      </Td>
                      <Td>{outcome(r, t)}</Td>
                      <Td className="font-mono text-xs">{r.consentEventId?.slice(0, 8) ?? "—"}</Td>
                      <Td className="whitespace-nowrap tabular-nums">{r.sentAt ? formatDateTime(r.sentAt, locale) : "—"}</Td>
                      <Td className="font-mono text-xs">{r.providerId ?? "—"}</Td>
                      <Td>{r.delivery ? t(`campaigns.delivery.${r.delivery}`) : "—"}</Td>
                    </tr>
                  ))}
                </tbody>
              </Table>
            )}
          </CardBody>
        </Card>
      )}
      {recipients && <Pagination page={page} pageCount={recipients.pageCount} href={(p) => `/admin/campaigns/${id}?page=${p}`} t={t} />}
    </>
  );
}

type Row = { status: string; lastError: string | null; nextAttemptAt: Date };
function outcome(r: Row, t: Awaited<ReturnType<typeof getT>>["t"]) {
  if (r.status === "CANCELLED" && r.lastError?.startsWith("guard:"))
    return t("campaigns.stopped", { reason: t(`campaigns.reason.${r.lastError.slice(6) as ExclusionReason}`) });
  if (r.status === "QUEUED" && r.lastError?.startsWith("held:")) return t(r.lastError === "held:DAILY_CAP" ? "campaigns.heldCap" : "campaigns.heldWindow");
  return t(`campaigns.outcome.${r.status as "SENT"}`);
}
