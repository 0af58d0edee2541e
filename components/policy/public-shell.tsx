import Link from "next/link";
import type { ReactNode } from "react";
import { LanguageSwitch } from "@/components/i18n/language-switch";
import { getT } from "@/lib/i18n/server";
import { now } from "@/lib/clock";
import { formatDate } from "@/lib/i18n/format";
import { findUpcomingPolicy } from "@/lib/policies/queries";
import { readSettings } from "@/lib/settings/queries";

/** Header and footer of the public pages (homepage, privacy policy). On paper only the company name and address stay, as a letterhead. */
export async function PublicShell({ children }: { children: ReactNode }) {
  const { t, locale } = await getT();
  const [settings, upcoming] = await Promise.all([readSettings(), findUpcomingPolicy(await now())]);
  return (
    <div className="flex min-h-screen flex-col">
      <header className="border-b border-zinc-200 bg-white">
        <div className="mx-auto flex max-w-5xl items-center justify-between gap-4 px-4 py-4 sm:px-6">
          <Link href="/" className="font-semibold text-brand-800">
            {settings.companyName}
          </Link>
          <nav aria-label={t("public.navLabel")} className="print:hidden flex flex-wrap items-center justify-end gap-x-4 gap-y-2 text-sm">
            <Link href="/privacy/me" className="hover:underline">
              {t("public.myData")}
            </Link>
            <Link href="/privacy" className="hover:underline">
              {t("public.privacy")}
            </Link>
            <Link href="/privacy/versions" className="hover:underline">
              {t("public.versions")}
            </Link>
            <LanguageSwitch />
          </nav>
        </div>
      </header>
      {upcoming?.effectiveAt && (
        <div role="status" className="print:hidden border-b border-amber-200 bg-amber-50 text-sm text-amber-900" data-testid="policy-banner">
          <div className="mx-auto max-w-5xl px-6 py-2.5">
            {t("public.policyChanges", { date: formatDate(upcoming.effectiveAt, locale) })}{" "}
            <Link href={`/privacy/diff?to=${upcoming.number}`} className="font-medium underline">
              {t("public.seeChanges")}
            </Link>
          </div>
        </div>
      )}
      <main id="main" className="mx-auto w-full max-w-5xl flex-1 px-4 py-8 sm:px-6 sm:py-10 print:max-w-none print:p-0 print:py-4">
        {children}
      </main>
      <footer className="border-t border-zinc-200 bg-white text-sm text-zinc-600">
        <div className="mx-auto flex max-w-5xl flex-wrap justify-between gap-2 px-6 py-5">
          <span>
            {settings.companyName} · {settings.companyAddress}
          </span>
          <Link href="/login" className="hover:underline print:hidden">
            {t("home.staffSignIn")}
          </Link>
        </div>
      </footer>
    </div>
  );
}
