import type { Metadata } from "next";
import Link from "next/link";
import { PageHeader } from "@/components/admin/page-header";
import { Alert } from "@/components/ui/alert";
import { buttonVariants } from "@/components/ui/button";
import { Card, CardBody } from "@/components/ui/card";
import { Table, Td, Th } from "@/components/ui/table";
import { requireArea } from "@/lib/auth/session";
import { formatDate } from "@/lib/i18n/format";
import { periodLabel } from "@/lib/i18n/labels";
import { getT } from "@/lib/i18n/server";
import { listRequestRules } from "@/lib/privacy-requests/queries/rules";

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getT();
  return { title: t("rules.title") };
}

/** The statutory clock per type of request, as data the compliance officer reads and corrects with a reason. */
export default async function RequestRulesPage() {
  const actor = await requireArea("requests");
  const { t, locale } = await getT();
  const rules = await listRequestRules(actor);
  const canEdit = actor.role === "COMPLIANCE";
  return (
    <>
      <Link href="/admin/requests" className="text-sm text-brand-800 hover:underline">
        ← {t("nav.requests")}
      </Link>
      <PageHeader title={t("rules.title")} description={t("rules.description")} />
      <div className="space-y-4">
        <Alert tone="info">{t("rules.unitsHelp")}</Alert>
        {!canEdit && <Alert tone="info">{t("rules.viewOnly")}</Alert>}
        <Card>
          <CardBody className="overflow-x-auto p-0">
            <Table data-testid="request-rules">
              <thead>
                <tr>
                  <Th>{t("rules.col.type")}</Th>
                  <Th>{t("rules.col.acknowledge")}</Th>
                  <Th>{t("rules.col.complete")}</Th>
                  <Th>{t("rules.col.thirdParty")}</Th>
                  <Th>{t("rules.col.extension")}</Th>
                  <Th>{t("rules.col.reference")}</Th>
                  <Th>{t("rules.col.changed")}</Th>
                </tr>
              </thead>
              <tbody>
                {rules.map((r) => (
                  <tr key={r.type} data-testid={`rule-${r.type}`}>
                    <Td className="min-w-32 space-y-2">
                      <p className="font-medium">{t(`requests.type.${r.type}`)}</p>
                      {canEdit && (
                        <Link
                          href={`/admin/requests/rules/${r.type}`}
                          className={buttonVariants({ variant: "secondary", size: "sm" })}
                          aria-label={`${t("rules.edit")}: ${t(`requests.type.${r.type}`)}`}
                        >
                          {t("rules.edit")}
                        </Link>
                      )}
                    </Td>
                    <Td className="whitespace-nowrap">{periodLabel(t, r.acknowledgePeriod, r.acknowledgeUnit)}</Td>
                    <Td className="whitespace-nowrap">{periodLabel(t, r.completePeriod, r.completeUnit)}</Td>
                    <Td className="whitespace-nowrap">
                      {r.thirdPartyPeriod === null ? (
                        <span className="text-zinc-500">{t("rules.noLonger")}</span>
                      ) : (
                        periodLabel(t, r.thirdPartyPeriod, r.completeUnit)
                      )}
                    </Td>
                    <Td className="whitespace-nowrap">{r.extensionPeriod === 0 ? "—" : periodLabel(t, r.extensionPeriod, r.completeUnit)}</Td>
                    <Td className="min-w-56 text-xs text-zinc-600">{r.legalReference}</Td>
                    <Td className="min-w-36 text-xs text-zinc-600">
                      {r.changeReason
                        ? t("rules.changedBy", { version: r.version, date: formatDate(r.updatedAt, locale), name: r.updatedBy ?? "—", reason: r.changeReason })
                        : t("rules.asInstalled")}
                    </Td>
                  </tr>
                ))}
              </tbody>
            </Table>
          </CardBody>
        </Card>
      </div>
    </>
  );
}
