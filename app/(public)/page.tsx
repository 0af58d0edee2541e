import Link from "next/link";
import { LanguageSwitch } from "@/components/i18n/language-switch";
import { buttonVariants } from "@/components/ui/button";
import { getT } from "@/lib/i18n/server";
import { readSettings } from "@/lib/settings/queries";

export default async function HomePage() {
  const { t } = await getT();
  const settings = await readSettings();
  return (
    <div className="min-h-screen">
      <header className="mx-auto flex max-w-5xl items-center justify-between px-6 py-5">
        <span className="font-semibold text-brand-800">{settings.companyName}</span>
        <LanguageSwitch />
      </header>
      <main id="main" className="mx-auto max-w-5xl px-6 py-16">
        <h1 className="max-w-2xl text-4xl font-semibold tracking-tight">{t("home.title")}</h1>
        <p className="mt-4 max-w-2xl text-lg text-zinc-600">{t("home.body")}</p>
        <div className="mt-8 flex gap-3">
          <Link href="/login" className={buttonVariants({ size: "lg" })}>
            {t("home.staffSignIn")}
          </Link>
        </div>
      </main>
    </div>
  );
}
