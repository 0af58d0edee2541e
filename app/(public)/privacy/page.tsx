import type { Metadata } from "next";
import { PolicyArticle } from "@/components/policy/policy-article";
import { PublicShell } from "@/components/policy/public-shell";
import { Alert } from "@/components/ui/alert";
import { formatDate } from "@/lib/i18n/format";
import { getT } from "@/lib/i18n/server";
import { now } from "@/lib/clock";
import { findPolicyInForce } from "@/lib/policies/queries";
import { readSettings } from "@/lib/settings/queries";

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getT();
  return { title: t("public.privacy") };
}

export default async function PrivacyPage() {
  const { t, locale } = await getT();
  const [policy, settings] = await Promise.all([findPolicyInForce(await now()), readSettings()]);
  return (
    <PublicShell>
      {policy ? (
        <>
          <p className="mb-6 text-sm text-zinc-600">{t("public.policyVersion", { number: policy.number, date: formatDate(policy.effectiveAt!, locale) })}</p>
          <PolicyArticle markdown={locale === "en" ? policy.bodyEn : policy.bodyVi} />
        </>
      ) : (
        <Alert tone="info">{t("public.noPolicy")}</Alert>
      )}
      <section className="mt-10 rounded-lg border border-zinc-200 bg-white p-5 text-sm">
        <h2 className="font-semibold">{t("public.dataLocation")}</h2>
        <p className="mt-1 text-zinc-700" data-testid="data-location">
          {t("public.storageAtHq", { address: locale === "en" ? settings.companyAddressEn : settings.companyAddress })}
        </p>
        <p className="mt-3 text-zinc-700">{t("public.contact", { email: settings.contactEmail })}</p>
        <h2 className="mt-4 font-semibold">{t("public.dpoTitle")}</h2>
        <p className="mt-1 text-zinc-700" data-testid="dpo-contact">
          {t("public.dpo", { name: settings.dpoName, email: settings.dpoEmail, phone: settings.dpoPhone })}
        </p>
      </section>
    </PublicShell>
  );
}
