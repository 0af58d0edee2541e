import type { Metadata } from "next";
import Link from "next/link";
import { DetailRow } from "@/components/admin/detail-row";
import { PageHeader } from "@/components/admin/page-header";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { requireArea } from "@/lib/auth/session";
import { marketingRuleHistory, readMarketingRules } from "@/lib/campaigns/queries";
import { formatDateTime } from "@/lib/i18n/format";
import { getT } from "@/lib/i18n/server";
import { RulesForm } from "../_components/rules-form";

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getT();
  return { title: t("campaigns.rules") };
}

/** The anti-spam rules every campaign is sent under; COMPLIANCE may change them, with a reason. */
export default async function MarketingRulesPage() {
  const actor = await requireArea("campaigns");
  const { t, locale } = await getT();
  const [rules, history] = await Promise.all([readMarketingRules(), marketingRuleHistory(actor)]);
  return (
    <>
      <Link href="/admin/campaigns" className="text-sm text-brand-800 hover:underline">
        ← {t("nav.campaigns")}
      </Link>
      <PageHeader title={t("campaigns.rules")} description={t("campaigns.rulesIntro")} />
      <div className="grid gap-6 lg:grid-cols-2">
        <Card>
          <CardHeader>
            <h2 className="font-semibold">{t("campaigns.rulesInForce")}</h2>
          </CardHeader>
          <CardBody>
            {actor.role === "COMPLIANCE" ? (
              <RulesForm rules={rules} />
            ) : (
              <dl className="grid grid-cols-[12rem_1fr] gap-x-4 gap-y-2 text-sm" data-testid="rules">
                <DetailRow label={t("campaigns.rule.dailyCap")}>{rules.dailyCap}</DetailRow>
                <DetailRow label={t("campaigns.rule.window")}>
                  {t("campaigns.rule.windowValue", { start: rules.windowStartHour, end: rules.windowEndHour })}
                </DetailRow>
                <DetailRow label={t("campaigns.rule.labelVi")}>{rules.labelVi}</DetailRow>
                <DetailRow label={t("campaigns.rule.labelEn")}>{rules.labelEn}</DetailRow>
              </dl>
            )}
          </CardBody>
        </Card>
        <Card>
          <CardHeader>
            <h2 className="font-semibold">{t("campaigns.rulesHistory")}</h2>
          </CardHeader>
          <CardBody>
            {history.length === 0 ? (
              <p className="text-sm text-zinc-600">{t("campaigns.rulesDefault")}</p>
            ) : (
              <ul className="space-y-3 text-sm" data-testid="rules-history">
                {history.map((h) => {
                  const details = h.details as { reason?: string; changes?: Record<string, { before: unknown; after: unknown }> };
                  return (
                    <li key={h.id}>
                      <p className="text-zinc-500">
                        {formatDateTime(h.createdAt, locale)} · {h.actorLabel}
                      </p>
                      <p>{details.reason}</p>
                      <p className="text-zinc-600">
                        {Object.entries(details.changes ?? {})
                          .map(([k, v]) => `${t(`campaigns.rule.${k as "dailyCap"}`)}: ${String(v.before)} → ${String(v.after)}`)
                          .join("; ")}
                      </p>
                    </li>
                  );
                })}
              </ul>
            )}
          </CardBody>
        </Card>
      </div>
    </>
  );
}
