import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { PolicyArticle } from "@/components/policy/policy-article";
import { PublicShell } from "@/components/policy/public-shell";
import { formatDate } from "@/lib/i18n/format";
import { getT } from "@/lib/i18n/server";
import { findPublishedPolicy } from "@/lib/policies/queries";

export async function generateMetadata({ params }: { params: Promise<{ number: string }> }): Promise<Metadata> {
  const { t } = await getT();
  return { title: `${t("public.privacy")} v${(await params).number}` };
}

export default async function PolicyVersionPage({ params }: { params: Promise<{ number: string }> }) {
  const policy = await findPublishedPolicy(Number((await params).number));
  if (!policy) notFound();
  const { t, locale } = await getT();
  return (
    <PublicShell>
      <p className="mb-6 text-sm text-zinc-600">
        {t("public.policyVersion", { number: policy.number, date: formatDate(policy.effectiveAt!, locale) })} ·{" "}
        <Link href="/privacy" className="underline">
          {t("public.currentPolicy")}
        </Link>
      </p>
      <PolicyArticle markdown={locale === "en" ? policy.bodyEn : policy.bodyVi} />
    </PublicShell>
  );
}
