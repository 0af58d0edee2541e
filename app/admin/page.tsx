import type { Metadata } from "next";
import Link from "next/link";
import { PageHeader } from "@/components/admin/page-header";
import { Card, CardBody } from "@/components/ui/card";
import { canAccess, type Area } from "@/lib/auth/permissions";
import { requireArea } from "@/lib/auth/session";
import { registerStats } from "@/lib/dashboard/queries";
import { getT } from "@/lib/i18n/server";
import { RegisterOverview } from "./_components/register-overview";

export async function generateMetadata(): Promise<Metadata> {
  const { t, locale } = await getT();
  return { title: t("nav.dashboard") };
}

const TILES: { area: Area; href: string }[] = [
  { area: "customers", href: "/admin/customers" },
  { area: "forms", href: "/admin/forms" },
  { area: "disclosures", href: "/admin/disclosures" },
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
  return (
    <>
      <PageHeader title={t("dashboard.welcome", { name: actor.name })} description={t(`dashboard.roleIntro.${actor.role}`)} />
      {stats && (
        <div className="mb-8">
          <RegisterOverview stats={stats} t={t} locale={locale} />
        </div>
      )}
      {tiles.length > 0 && (
        <ul className="grid gap-4 sm:grid-cols-2">
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
