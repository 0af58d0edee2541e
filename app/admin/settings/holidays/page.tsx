import type { Metadata } from "next";
import Link from "next/link";
import { HolidayCoverageAlert } from "@/components/admin/holiday-coverage-alert";
import { PageHeader } from "@/components/admin/page-header";
import { Card, CardBody, CardHeader, CardTitle } from "@/components/ui/card";
import { requireArea } from "@/lib/auth/session";
import { listHolidays } from "@/lib/holidays/queries";
import { formatDate } from "@/lib/i18n/format";
import { getT } from "@/lib/i18n/server";
import { AddHolidayForm, RemoveHolidayButton } from "./_components/holiday-forms";

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getT();
  return { title: t("nav.holidays") };
}

export default async function HolidaysPage() {
  const actor = await requireArea("settings");
  const { t, locale } = await getT();
  const holidays = await listHolidays(actor);
  const years = [...new Set(holidays.map((h) => h.date.slice(0, 4)))];
  return (
    <>
      <Link href="/admin/settings" className="text-sm text-brand-800 hover:underline">
        ← {t("nav.settings")}
      </Link>
      <PageHeader title={t("nav.holidays")} description={t("holidays.description")} />
      <HolidayCoverageAlert className="mb-4" />
      <div className="grid gap-6 lg:grid-cols-3">
        <Card className="lg:col-span-2">
          <CardHeader>
            <CardTitle>{t("holidays.list")}</CardTitle>
          </CardHeader>
          <CardBody>
            {holidays.length === 0 ? (
              <p className="text-sm text-zinc-500">{t("holidays.none")}</p>
            ) : (
              years.map((year) => (
                <section key={year} aria-label={year} className="mb-4">
                  <h3 className="mb-1 text-sm font-semibold text-zinc-700">{year}</h3>
                  <ul className="divide-y divide-zinc-100 text-sm" data-testid="holiday-list">
                    {holidays
                      .filter((h) => h.date.startsWith(year))
                      .map((h) => {
                        const label = formatDate(new Date(`${h.date}T12:00:00+07:00`), locale);
                        return (
                          <li key={h.date} className="flex items-center justify-between gap-3 py-1.5">
                            <span>
                              <span className="tabular-nums">{label}</span> · {h.name}
                            </span>
                            <RemoveHolidayButton date={h.date} label={label} />
                          </li>
                        );
                      })}
                  </ul>
                </section>
              ))
            )}
          </CardBody>
        </Card>
        <Card>
          <CardHeader>
            <CardTitle>{t("holidays.add")}</CardTitle>
          </CardHeader>
          <CardBody>
            <AddHolidayForm />
          </CardBody>
        </Card>
      </div>
    </>
  );
}
