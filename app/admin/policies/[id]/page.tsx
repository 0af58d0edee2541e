import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { PageHeader } from "@/components/admin/page-header";
import { PolicyArticle } from "@/components/policy/policy-article";
import { PolicyDiff } from "@/components/policy/policy-diff";
import { Alert } from "@/components/ui/alert";
import { Card, CardBody, CardHeader, CardTitle } from "@/components/ui/card";
import { requireArea } from "@/lib/auth/session";
import { now } from "@/lib/clock";
import { formatDate, formatDateTime } from "@/lib/i18n/format";
import { getT } from "@/lib/i18n/server";
import { policyDiff } from "@/lib/policies/diff";
import { campaignProgress, findPolicyInForce, getPolicyVersion, reconsentCandidates } from "@/lib/policies/queries";
import { listPurposes } from "@/lib/purposes/queries";
import { readSettings } from "@/lib/settings/queries";
import { CampaignProgressPanel } from "../_components/campaign-progress";
import { PolicyEditor } from "../_components/policy-editor";
import { ReconsentButton } from "../_components/reconsent-button";
import { ScheduleForm } from "../_components/schedule-form";

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getT();
  return { title: t("nav.policies") };
}

const vnDate = (d: Date) => new Date(d.getTime() + 7 * 3_600_000).toISOString().slice(0, 10);

export default async function PolicyVersionPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<{ diff?: string }> }) {
  const actor = await requireArea("policies");
  const { t, locale } = await getT();
  const version = await getPolicyVersion(actor, (await params).id);
  if (!version) notFound();
  const today = await now();
  const [inForce, purposes, settings] = await Promise.all([findPolicyInForce(today), listPurposes(), readSettings()]);
  const diffLang = (await searchParams).diff === "en" ? "en" : "vi";
  const base = inForce && inForce.id !== version.id ? inForce : null;
  const lines = policyDiff(base ? (diffLang === "en" ? base.bodyEn : base.bodyVi) : "", diffLang === "en" ? version.bodyEn : version.bodyVi);
  const diffLabels = { added: t("policies.added"), removed: t("policies.removed"), empty: t("policies.noDifference") };
  const draft = version.status === "DRAFT";
  const inEffect = !draft && version.effectiveAt && version.effectiveAt <= today;
  const [campaigns, reconsent] = draft
    ? [[], null]
    : await Promise.all([campaignProgress(actor, version.id), inEffect && version.materialPurposeKeys.length ? reconsentCandidates(actor, version.id) : null]);
  const DAY = 86_400_000;
  return (
    <>
      <Link href="/admin/policies" className="text-sm text-brand-800 hover:underline">
        ← {t("nav.policies")}
      </Link>
      <PageHeader
        title={t("policies.versionTitle", { number: version.number })}
        description={
          draft
            ? t("policies.draftDescription")
            : t(inEffect ? "policies.announcedOn" : "policies.announcedFuture", {
                published: formatDateTime(version.publishedAt!, locale),
                effective: formatDate(version.effectiveAt!, locale),
              })
        }
      />
      {version.shortNoticeReason && (
        <Alert tone="warning" className="mb-4">
          {t("policies.shortNoticeShown", { reason: version.shortNoticeReason })}
        </Alert>
      )}
      <div className="space-y-6">
        {draft ? (
          <PolicyEditor
            id={version.id}
            initial={{
              bodyVi: version.bodyVi,
              bodyEn: version.bodyEn,
              summaryVi: version.summaryVi,
              summaryEn: version.summaryEn,
              materialPurposeKeys: version.materialPurposeKeys,
            }}
            purposes={purposes.map((p) => ({ key: p.key, label: locale === "en" ? p.labelEn : p.labelVi }))}
          />
        ) : (
          <Card>
            <CardHeader>
              <CardTitle>{locale === "en" ? version.summaryEn : version.summaryVi}</CardTitle>
            </CardHeader>
            <CardBody>
              <PolicyArticle markdown={locale === "en" ? version.bodyEn : version.bodyVi} />
            </CardBody>
          </Card>
        )}
        <Card>
          <CardHeader className="flex flex-wrap items-center justify-between gap-2">
            <CardTitle>{base ? t("policies.diffAgainst", { number: base.number }) : t("policies.diffNone")}</CardTitle>
            <nav className="flex gap-2 text-sm" aria-label={t("language.label")}>
              {(["vi", "en"] as const).map((l) => (
                <Link
                  key={l}
                  href={`?diff=${l}`}
                  scroll={false}
                  aria-current={l === diffLang ? "true" : undefined}
                  className={l === diffLang ? "font-semibold" : "text-brand-800 underline"}
                >
                  {t(`language.${l}`)}
                </Link>
              ))}
            </nav>
          </CardHeader>
          <CardBody>
            <PolicyDiff blocks={lines} labels={diffLabels} />
          </CardBody>
        </Card>
        {draft ? (
          <Card>
            <CardHeader>
              <CardTitle>{t("policies.scheduleTitle")}</CardTitle>
            </CardHeader>
            <CardBody>
              <ScheduleForm
                id={version.id}
                noticeDays={settings.noticePeriodDays}
                earliest={vnDate(new Date(today.getTime() + settings.noticePeriodDays * DAY))}
              />
            </CardBody>
          </Card>
        ) : (
          <Card>
            <CardHeader>
              <CardTitle>{t("policies.campaignTitle")}</CardTitle>
            </CardHeader>
            <CardBody>
              <CampaignProgressPanel versionId={version.id} initial={campaigns} />
            </CardBody>
          </Card>
        )}
        {reconsent && (
          <Card>
            <CardHeader>
              <CardTitle>{t("policies.reconsentTitle", { count: reconsent.customers })}</CardTitle>
            </CardHeader>
            <CardBody className="space-y-4">
              <p className="text-sm text-zinc-600">{t("policies.reconsentHint")}</p>
              <ul className="text-sm" data-testid="reconsent-list">
                {reconsent.rows.map((r) => (
                  <li key={`${r.id}-${r.purpose}`}>
                    <Link href={`/admin/customers/${r.id}`} className="text-brand-800 hover:underline">
                      {r.fullName ?? r.email}
                    </Link>{" "}
                    <span className="text-zinc-500">
                      · {r.purpose} · v{r.givenUnder ?? "—"}
                    </span>
                  </li>
                ))}
              </ul>
              <ReconsentButton id={version.id} count={reconsent.customers} />
            </CardBody>
          </Card>
        )}
      </div>
    </>
  );
}
