import type { Metadata } from "next";
import Link from "next/link";
import { PageHeader } from "@/components/admin/page-header";
import { Card, CardBody } from "@/components/ui/card";
import { canAccess, type Area } from "@/lib/auth/permissions";
import { requireArea } from "@/lib/auth/session";
import { disclosuresPerMonth, registerStats, requestSlaPerMonth } from "@/lib/dashboard/queries";
import { requestCounts } from "@/lib/privacy-requests/queries/desk";
import { breachesAwaitingAuthority } from "@/lib/breaches/queries";
import { breachReference } from "@/lib/breaches/schemas";
import { formatDateTime } from "@/lib/i18n/format";
import { Alert } from "@/components/ui/alert";
import { getT } from "@/lib/i18n/server";
import { ComplianceOverview } from "./_components/compliance-overview";
import { RegisterOverview } from "./_components/register-overview";

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getT();
  return { title: t("nav.dashboard") };
}

const TILES: { area: Area; href: string }[] = [
  { area: "customers", href: "/admin/customers" },
  { area: "forms", href: "/admin/forms" },
  { area: "disclosures", href: "/admin/disclosures" },
  { area: "campaigns", href: "/admin/campaigns" },
  { area: "requests", href: "/admin/requests" },
  { area: "breaches", href: "/admin/breaches" },
  { area: "records", href: "/admin/records" },
  { area: "policies", href: "/admin/policies" },
  { area: "audit", href: "/admin/audit" },
  { area: "outbox", href: "/admin/outbox" },
  { area: "users", href: "/admin/users" },
  { area: "settings", href: "/admin/settings" },
];

export default async function DashboardPage() {
  const actor = await requireArea("dashboard");
  const { t, locale } = await getT();
  const tiles = TILES.filter((tile) => canAccess(actor.role, tile.area));
  const stats = canAccess(actor.role, "customers") ? await registerStats(actor) : null;
  const requests = canAccess(actor.role, "requests") ? await requestCounts(actor) : null;
  const breaches = canAccess(actor.role, "breaches") ? await breachesAwaitingAuthority(actor) : [];
  const [disclosures, sla] = await Promise.all([
    canAccess(actor.role, "disclosures") ? disclosuresPerMonth(actor) : undefined,
    canAccess(actor.role, "requests") ? requestSlaPerMonth(actor) : undefined,
  ]);
  return (
    <>
      <PageHeader title={t("dashboard.welcome", { name: actor.name })} description={t(`dashboard.roleIntro.${actor.role}`)} />
      {breaches.map((b) => (
        <Alert key={b.id} tone={b.clock.state === "running" ? "warning" : "error"} className="mb-4" data-testid="breach-clock">
          {t(b.clock.state === "overdue" ? "dashboard.breachOverdue" : "dashboard.breachDue", {
            reference: breachReference(b.number),
            title: b.title,
            date: formatDateTime(b.clock.dueAt, locale),
            hours: Math.max(0, b.clock.hoursLeft ?? 0),
          })}{" "}
          <Link href={`/admin/breaches/${b.id}`} className="font-medium underline">
            {t("dashboard.breachOpen")}
          </Link>
        </Alert>
      ))}
      {requests && (requests.overdue > 0 || requests.dueSoon > 0) && (
        <Alert tone={requests.overdue > 0 ? "error" : "warning"} className="mb-6" data-testid="requests-alert">
          {t("dashboard.requestsAlert", { overdue: requests.overdue, dueSoon: requests.dueSoon })}{" "}
          <Link href={`/admin/requests?view=${requests.overdue > 0 ? "overdue" : "dueSoon"}`} className="font-medium underline">
            {t("dashboard.requestsOpen")}
          </Link>
        </Alert>
      )}
      {stats && (
        <div className="mb-8">
          <RegisterOverview stats={stats} t={t} locale={locale} canSeeRequests={canAccess(actor.role, "requests")} />
        </div>
      )}
      {(disclosures || sla) && (
        <div className="mb-8">
          <ComplianceOverview disclosures={disclosures} sla={sla} open={requests ?? undefined} t={t} locale={locale} />
        </div>
      )}
      {tiles.length > 0 && (
        <ul className="grid grid-cols-1 gap-4 sm:grid-cols-2">
          {tiles.map((tile) => (
            <li key={tile.area}>
              <Card className="h-full transition-shadow hover:shadow-md">
                <CardBody>
                  <Link href={tile.href} className="text-base font-semibold text-brand-800 hover:underline">
                    {t(`nav.${tile.area}`)}
                  </Link>
                  <p className="mt-1 text-sm text-zinc-600">{t(`dashboard.tile.${tile.area}`)}</p>
                </CardBody>
              </Card>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
