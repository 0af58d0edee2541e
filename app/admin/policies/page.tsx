import type { Metadata } from "next";
import Link from "next/link";
import { PageHeader } from "@/components/admin/page-header";
import { Badge } from "@/components/ui/badge";
import { buttonVariants } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { Table, Td, Th } from "@/components/ui/table";
import { requireArea } from "@/lib/auth/session";
import { now } from "@/lib/clock";
import { formatDate, formatNumber } from "@/lib/i18n/format";
import { getT } from "@/lib/i18n/server";
import { listPolicyVersions } from "@/lib/policies/queries";

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getT();
  return { title: t("nav.policies") };
}

export default async function PoliciesPage() {
  const actor = await requireArea("policies");
  const { t, locale } = await getT();
  const [versions, today] = await Promise.all([listPolicyVersions(actor), now()]);
  const state = (v: (typeof versions)[number]) =>
    v.status === "DRAFT"
      ? "DRAFT"
      : v.effectiveAt && v.effectiveAt <= today
        ? versions.find((x) => x.status !== "DRAFT" && x.effectiveAt && x.effectiveAt <= today)?.id === v.id
          ? "IN_FORCE"
          : "SUPERSEDED"
        : "ANNOUNCED";
  const tone = { DRAFT: "neutral", ANNOUNCED: "warning", IN_FORCE: "success", SUPERSEDED: "neutral" } as const;
  return (
    <>
      <PageHeader
        title={t("nav.policies")}
        description={t("policies.description")}
        actions={
          <div className="flex flex-wrap gap-2">
            <Link href="/admin/policies/purposes" className={buttonVariants({ variant: "secondary" })}>
              {t("purposes.link")}
            </Link>
            <Link href="/admin/policies/new" className={buttonVariants()}>
              {t("policies.newDraft")}
            </Link>
          </div>
        }
      />
      <Card>
        {versions.length === 0 ? (
          <p className="px-5 py-12 text-center text-sm text-zinc-500">{t("policies.none")}</p>
        ) : (
          <Table>
            <thead>
              <tr>
                <Th>{t("policies.version")}</Th>
                <Th>{t("policies.state")}</Th>
                <Th>{t("policies.summary")}</Th>
                <Th>{t("policies.effective")}</Th>
                <Th className="text-right">{t("policies.notices")}</Th>
              </tr>
            </thead>
            <tbody>
              {versions.map((v) => (
                <tr key={v.id} data-testid={`policy-row-${v.number}`}>
                  <Td>
                    <Link href={`/admin/policies/${v.id}`} className="font-medium text-brand-800 hover:underline">
                      v{v.number}
                    </Link>
                  </Td>
                  <Td>
                    <Badge tone={tone[state(v)]}>{t(`policies.stateValue.${state(v)}`)}</Badge>
                  </Td>
                  <Td className="max-w-md truncate">{locale === "en" ? v.summaryEn : v.summaryVi}</Td>
                  <Td className="whitespace-nowrap">
                    {v.effectiveAt
                      ? t(state(v) === "ANNOUNCED" ? "policies.takesEffectOn" : "policies.inForceSince", { date: formatDate(v.effectiveAt, locale) })
                      : "—"}
                  </Td>
                  <Td className="text-right tabular-nums">{formatNumber(v._count.notices, locale)}</Td>
                </tr>
              ))}
            </tbody>
          </Table>
        )}
      </Card>
    </>
  );
}
