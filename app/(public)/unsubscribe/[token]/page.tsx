import type { Metadata } from "next";
import Link from "next/link";
import { PublicShell } from "@/components/policy/public-shell";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { unsubscribeTarget } from "@/lib/campaigns/mutations/unsubscribe";
import { getT } from "@/lib/i18n/server";

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getT();
  return { title: t("unsubscribe.title"), referrer: "no-referrer", robots: { index: false } };
}

/**
 * Where the unsubscribe link in a marketing email lands. Opening it changes nothing (mail scanners
 * open links); the button posts to the same endpoint mail clients use for one-click unsubscribe.
 * Shows no personal data: the token names a message, not a person.
 */
export default async function UnsubscribePage({ params, searchParams }: { params: Promise<{ token: string }>; searchParams: Promise<{ done?: string }> }) {
  const { t, locale } = await getT();
  const { token } = await params;
  const done = (await searchParams).done === "1";
  const purpose = await unsubscribeTarget(token);
  return (
    <PublicShell>
      <div className="mx-auto max-w-xl space-y-5">
        <h1 className="text-2xl font-semibold">{t("unsubscribe.title")}</h1>
        {!purpose ? (
          <Alert tone="error">{t("unsubscribe.invalid")}</Alert>
        ) : done ? (
          <Alert tone="success">
            <span data-testid="unsubscribed">{t("unsubscribe.done", { purpose: locale === "en" ? purpose.labelEn : purpose.labelVi })}</span>
          </Alert>
        ) : (
          <>
            <p className="text-zinc-700">{t("unsubscribe.intro", { purpose: locale === "en" ? purpose.labelEn : purpose.labelVi })}</p>
            <form method="post" action={`/api/public/unsubscribe/${encodeURIComponent(token)}`}>
              <input type="hidden" name="List-Unsubscribe" value="One-Click" />
              <Button type="submit">{t("unsubscribe.button")}</Button>
            </form>
          </>
        )}
        <p className="text-sm text-zinc-600">
          {t("unsubscribe.more")}{" "}
          <Link href="/privacy/me" className="text-brand-800 underline">
            {t("unsubscribe.privacyPage")}
          </Link>
        </p>
      </div>
    </PublicShell>
  );
}
