import Link from "next/link";
import { BarList } from "@/components/charts/bar-list";
import { ColumnChart } from "@/components/charts/column-chart";
import { Card, CardBody, CardHeader, CardTitle } from "@/components/ui/card";
import type { RegisterStats } from "@/lib/dashboard/queries";
import type { Locale } from "@/lib/i18n/config";
import { formatNumber } from "@/lib/i18n/format";
import type { Translate } from "@/lib/i18n/translate";

const shortDate = (iso: string, locale: Locale) =>
  new Intl.DateTimeFormat(locale === "en" ? "en-GB" : "vi-VN", { day: "numeric", month: "numeric" }).format(new Date(`${iso}T12:00:00Z`));
const plusDays = (iso: string, n: number) => new Date(Date.parse(`${iso}T12:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);

/** The register at a glance; every figure links to the list it counts. */
export function RegisterOverview({ stats, t, locale, canSeeRequests }: { stats: RegisterStats; t: Translate; locale: Locale; canSeeRequests: boolean }) {
  const fmt = (n: number) => formatNumber(n, locale);
  return (
    <div className="grid grid-cols-1 gap-6 xl:grid-cols-2">
      <Card>
        <CardHeader>
          <CardTitle>{t("dashboard.newCustomers")}</CardTitle>
        </CardHeader>
        <CardBody>
          <ColumnChart
            label={t("dashboard.newCustomers")}
            formatNumber={fmt}
            columns={stats.weeks.map((w) => ({
              label: shortDate(w.week, locale),
              value: w.customers,
              href: `/admin/customers?from=${w.week}&to=${plusDays(w.week, 6)}`,
            }))}
          />
        </CardBody>
      </Card>
      <Card>
        <CardHeader>
          <CardTitle>{t("dashboard.submissions")}</CardTitle>
        </CardHeader>
        <CardBody>
          <ColumnChart
            label={t("dashboard.submissions")}
            formatNumber={fmt}
            color="bg-sky-600"
            columns={stats.weeks.map((w) => ({ label: shortDate(w.week, locale), value: w.submissions }))}
          />
        </CardBody>
      </Card>
      <Card>
        <CardHeader>
          <CardTitle>{t("dashboard.consentRate", { total: fmt(stats.totalCustomers) })}</CardTitle>
        </CardHeader>
        <CardBody>
          <BarList
            label={t("dashboard.consentRateLabel")}
            total={stats.totalCustomers}
            formatNumber={fmt}
            items={stats.consent.map((c) => ({
              label: locale === "en" ? c.labelEn : c.labelVi,
              count: c.granted,
              href: `/admin/customers?purpose=${c.key}&consent=GRANTED`,
            }))}
          />
        </CardBody>
      </Card>
      <Card>
        <CardHeader>
          <CardTitle>{t("dashboard.byStatus")}</CardTitle>
        </CardHeader>
        <CardBody className="space-y-4">
          <BarList
            label={t("dashboard.byStatus")}
            total={stats.byStatus.reduce((n, s) => n + s.count, 0)}
            formatNumber={fmt}
            items={stats.byStatus.map((s) => ({ label: t(`customers.statusValue.${s.status}`), count: s.count, href: `/admin/customers?status=${s.status}` }))}
          />
          <p className="text-sm text-zinc-600">
            {t("dashboard.openRequests", { count: fmt(stats.openRequests) })}{" "}
            {canSeeRequests && (
              <Link href="/admin/requests" className="text-brand-800 underline">
                {t("dashboard.toRequests")}
              </Link>
            )}
          </p>
        </CardBody>
      </Card>
    </div>
  );
}
