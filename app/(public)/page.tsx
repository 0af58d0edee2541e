import { PublicShell } from "@/components/policy/public-shell";
import { EmbeddedForm } from "@/components/public-form/embedded-form";
import { getT } from "@/lib/i18n/server";

// The demo company's homepage: its lead form is embedded exactly as customers' sites embed it.
export const HOMEPAGE_FORM = "lien-he";

export default async function HomePage() {
  const { t, locale } = await getT();
  return (
    <PublicShell>
      <div className="grid gap-10 lg:grid-cols-[1fr_28rem]">
        <section>
          <h1 className="max-w-2xl text-4xl font-semibold tracking-tight">{t("home.title")}</h1>
          <p className="mt-4 max-w-2xl text-lg text-zinc-600">{t("home.body")}</p>
          <ul className="mt-8 space-y-3 text-zinc-700">
            <li>✓ {t("home.point1")}</li>
            <li>✓ {t("home.point2")}</li>
            <li>✓ {t("home.point3")}</li>
          </ul>
        </section>
        <section aria-label={t("home.formLabel")} className="rounded-xl border border-zinc-200 bg-white shadow-sm">
          <EmbeddedForm slug={HOMEPAGE_FORM} locale={locale} title={t("home.formLabel")} />
        </section>
      </div>
    </PublicShell>
  );
}
