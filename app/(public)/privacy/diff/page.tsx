import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { PolicyDiff } from "@/components/policy/policy-diff";
import { PublicShell } from "@/components/policy/public-shell";
import { formatDate } from "@/lib/i18n/format";
import { getT } from "@/lib/i18n/server";
import { policyDiff } from "@/lib/policies/diff";
import { findPublishedPolicy } from "@/lib/policies/queries";

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getT();
  return { title: t("public.changesTitle") };
}

/** The difference between any two versions; by default a version against the one before it. */
export default async function PolicyDiffPage({ searchParams }: { searchParams: Promise<{ from?: string; to?: string }> }) {
  const params = await searchParams;
  const to = await findPublishedPolicy(Number(params.to));
  if (!to) notFound();
  const from = await findPublishedPolicy(params.from ? Number(params.from) : to.number - 1);
  const { t, locale } = await getT();
  const body = (v: { bodyVi: string; bodyEn: string } | null) => (v ? (locale === "en" ? v.bodyEn : v.bodyVi) : "");
  return (
    <PublicShell>
      <h1 className="text-3xl font-semibold">{t("public.changesTitle")}</h1>
      <p className="mt-2 mb-6 text-zinc-700">
        {from ? t("public.changesBetween", { from: from.number, to: to.number }) : t("public.versionN", { number: to.number })}
        {to.effectiveAt && ` · ${t("public.takesEffect", { date: formatDate(to.effectiveAt, locale) })}`}
      </p>
      <section className="mb-6 rounded-lg border border-zinc-200 bg-white p-4">
        <h2 className="font-semibold">{t("public.summaryOfChanges")}</h2>
        <p className="mt-1 text-zinc-700">{locale === "en" ? to.summaryEn : to.summaryVi}</p>
      </section>
      <PolicyDiff
        blocks={policyDiff(body(from), body(to))}
        labels={{ added: t("policies.added"), removed: t("policies.removed"), empty: t("policies.noDifference") }}
      />
      <p className="mt-6 text-sm">
        <Link href={`/privacy/versions/${to.number}`} className="underline">
          {t("public.readFull", { number: to.number })}
        </Link>
      </p>
    </PublicShell>
  );
}
