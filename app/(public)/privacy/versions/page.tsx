import type { Metadata } from "next";
import Link from "next/link";
import { PublicShell } from "@/components/policy/public-shell";
import { now } from "@/lib/clock";
import { formatDate } from "@/lib/i18n/format";
import { getT } from "@/lib/i18n/server";
import { listAnnouncedPolicies } from "@/lib/policies/queries";

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getT();
  return { title: t("public.versions") };
}

export default async function PolicyVersionsPage() {
  const { t, locale } = await getT();
  const [versions, today] = await Promise.all([listAnnouncedPolicies(), now()]);
  const inForce = versions.find((v) => v.effectiveAt && v.effectiveAt <= today)?.number;
  return (
    <PublicShell>
      <h1 className="mb-6 text-3xl font-semibold">{t("public.versions")}</h1>
      <ol className="space-y-4">
        {versions.map((v, i) => (
          <li key={v.number} className="rounded-lg border border-zinc-200 bg-white p-4">
            <div className="flex flex-wrap items-center gap-3">
              <Link href={`/privacy/versions/${v.number}`} className="font-semibold text-brand-800 hover:underline">
                {t("public.versionN", { number: v.number })}
              </Link>
              <span className="text-sm text-zinc-600">
                {v.effectiveAt && v.effectiveAt > today
                  ? t("public.takesEffect", { date: formatDate(v.effectiveAt, locale) })
                  : t("public.inForceSince", { date: formatDate(v.effectiveAt!, locale) })}
                {v.number === inForce && ` · ${t("public.current")}`}
              </span>
              {versions[i + 1] && (
                <Link href={`/privacy/diff?from=${versions[i + 1].number}&to=${v.number}`} className="text-sm underline">
                  {t("public.compareWithPrevious")}
                </Link>
              )}
            </div>
            <p className="mt-1 text-sm text-zinc-700">{locale === "en" ? v.summaryEn : v.summaryVi}</p>
          </li>
        ))}
      </ol>
    </PublicShell>
  );
}
