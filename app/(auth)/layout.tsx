import Link from "next/link";
import type { ReactNode } from "react";
import { LanguageSwitch } from "@/components/i18n/language-switch";
import { getT } from "@/lib/i18n/server";

export default async function AuthLayout({ children }: { children: ReactNode }) {
  const { t } = await getT();
  return (
    <div className="flex min-h-screen flex-col">
      <header className="flex items-center justify-between px-6 py-4">
        <Link href="/" className="text-sm font-semibold text-brand-800">
          {t("app.name")}
        </Link>
        <LanguageSwitch />
      </header>
      <main id="main" className="flex flex-1 items-start justify-center px-4 pt-10 pb-16">
        <div className="w-full max-w-md">{children}</div>
      </main>
    </div>
  );
}
