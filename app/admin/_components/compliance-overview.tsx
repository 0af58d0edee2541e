import { BarList } from "@/components/charts/bar-list";
import { ColumnChart } from "@/components/charts/column-chart";
import { StackedColumnChart } from "@/components/charts/stacked-column-chart";
import { Card, CardBody, CardHeader, CardTitle } from "@/components/ui/card";
import type { DisclosureMonth, SlaMonth } from "@/lib/dashboard/queries";
import type { Locale } from "@/lib/i18n/config";
import { formatNumber } from "@/lib/i18n/format";
import type { Translate } from "@/lib/i18n/translate";

const monthLabel = (month: string) => `${month.slice(5, 7)}/${month.slice(2, 4)}`;
const monthFull = (month: string) => `${month.slice(5, 7)}/${month.slice(0, 4)}`;
const lastDay = (month: string) => {
  const [y, m] = month.split("-").map(Number);
  return new Date(Date.UTC(y, m, 0)).toISOString().slice(0, 10);
};

/** What left the company and how fast customers were answered: the compliance officer's two charts. */
export function ComplianceOverview({
  disclosures,
  sla,
  open,
  t,
  locale,
}: {
  disclosures?: DisclosureMonth[];
  sla?: SlaMonth[];
  open?: { open: number; overdue: number; dueSoon: number };
  t: Translate;
  locale: Locale;
}) {
  const fmt = (n: number) => formatNumber(n, locale);
  const sum = <T,>(rows: T[], pick: (row: T) => number) => rows.reduce((n, row) => n + pick(row), 0);
  return (
    <div className="grid grid-cols-1 gap-6 xl:grid-cols-2">
      {disclosures && (
        <Card data-testid="chart-disclosures">
          <CardHeader>
            <CardTitle>{t("dashboard.disclosuresPerMonth")}</CardTitle>
          </CardHeader>
          <CardBody className="space-y-3">
            <ColumnChart
              label={t("dashboard.disclosuresPerMonth")}
              formatNumber={fmt}
              color="bg-violet-600"
              columns={disclosures.map((m) => ({
                label: monthLabel(m.month),
                value: m.disclosures,
                href: `/admin/disclosures?from=${m.month}-01&to=${lastDay(m.month)}`,
              }))}
            />
            <p className="text-sm text-zinc-600">
              {t("dashboard.disclosuresTotal", {
                disclosures: fmt(sum(disclosures, (m) => m.disclosures)),
                customers: fmt(sum(disclosures, (m) => m.customers)),
              })}
            </p>
          </CardBody>
        </Card>
      )}
      {sla && open && (
        <Card data-testid="chart-sla">
          <CardHeader>
            <CardTitle>{t("dashboard.requestSla")}</CardTitle>
          </CardHeader>
          <CardBody className="space-y-4">
            <StackedColumnChart
              label={t("dashboard.requestSla")}
              formatNumber={fmt}
              series={[
                { label: t("dashboard.onTime"), color: "bg-emerald-600" },
                { label: t("dashboard.late"), color: "bg-red-600" },
              ]}
              columns={sla.map((m) => ({ label: monthLabel(m.month), fullLabel: monthFull(m.month), values: [m.onTime, m.late] }))}
            />
            <p className="text-sm text-zinc-600">
              {(() => {
                const onTime = sum(sla, (m) => m.onTime);
                const total = onTime + sum(sla, (m) => m.late);
                return total ? t("dashboard.slaRate", { rate: Math.round((onTime / total) * 100), total: fmt(total) }) : t("dashboard.slaNone");
              })()}
            </p>
            <BarList
              label={t("dashboard.openNow")}
              total={open.open}
              formatNumber={fmt}
              items={[
                { label: t("dashboard.openOverdue"), count: open.overdue, href: "/admin/requests?view=overdue" },
                { label: t("dashboard.openDueSoon"), count: open.dueSoon, href: "/admin/requests?view=dueSoon" },
                { label: t("dashboard.openOnTrack"), count: open.open - open.overdue - open.dueSoon, href: "/admin/requests?view=open" },
              ]}
            />
          </CardBody>
        </Card>
      )}
    </div>
  );
}
