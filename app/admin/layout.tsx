import Link from "next/link";
import { redirect } from "next/navigation";
import type { ReactNode } from "react";
import { AdminNav } from "@/components/admin/admin-nav";
import { AdminMobileMenu } from "@/components/admin/mobile-menu";
import { SignOutButton } from "@/components/admin/sign-out-button";
import { LanguageSwitch } from "@/components/i18n/language-switch";
import { Badge } from "@/components/ui/badge";
import { canAccess, type Area } from "@/lib/auth/permissions";
import { currentActor } from "@/lib/auth/session";
import { getT } from "@/lib/i18n/server";

// Only areas that exist appear here; each page checks its own area again.
const NAV: { area: Area; href: string }[] = [
  { area: "dashboard", href: "/admin" },
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
  { area: "jobs", href: "/admin/jobs" },
  { area: "users", href: "/admin/users" },
  { area: "settings", href: "/admin/settings" },
];

export default async function AdminLayout({ children }: { children: ReactNode }) {
  const actor = await currentActor({ allowRestricted: true });
  if (!actor) redirect("/login?callbackUrl=/admin");
  const { t } = await getT();
  // A session that must set up two-factor first sees only its account page.
  const items = actor.restricted
    ? [{ href: "/admin/account", label: t("account.title") }]
    : NAV.filter((n) => canAccess(actor.role, n.area)).map((n) => ({ href: n.href, label: t(`nav.${n.area}`) }));
  const account = (testId?: string) => (
    <>
      <LanguageSwitch />
      <Link href="/admin/account" className="min-w-0 rounded-md px-1 text-sm leading-tight hover:bg-zinc-50 lg:text-right" title={t("account.title")}>
        <div className="font-medium">{actor.name}</div>
        <div className="break-all text-zinc-500">{actor.email}</div>
      </Link>
      <Badge tone="info" data-testid={testId}>
        {t(`roles.${actor.role}`)}
      </Badge>
      <SignOutButton />
    </>
  );
  return (
    <div className="min-h-screen">
      <a href="#main" className="skip-link">
        {t("admin.skipToContent")}
      </a>
      <header className="relative border-b border-zinc-200 bg-white print:hidden">
        <div className="mx-auto flex max-w-7xl items-center justify-between gap-3 px-4 py-3">
          <Link href="/admin" className="font-semibold text-brand-800">
            {t("app.name")}
          </Link>
          <div className="hidden flex-wrap items-center gap-3 lg:flex">{account("current-role")}</div>
          <AdminMobileMenu>
            <AdminNav items={items} label={t("admin.navLabel")} />
            <div className="mt-3 flex flex-wrap items-center gap-3 border-t border-zinc-100 pt-3">{account()}</div>
          </AdminMobileMenu>
        </div>
      </header>
      <div className="mx-auto flex max-w-7xl flex-col gap-6 px-4 py-6 lg:flex-row print:p-0">
        <aside className="hidden lg:block lg:w-52 lg:shrink-0 print:hidden">
          <AdminNav items={items} label={t("admin.navLabel")} />
        </aside>
        <main id="main" className="min-w-0 flex-1">
          {children}
        </main>
      </div>
    </div>
  );
}
