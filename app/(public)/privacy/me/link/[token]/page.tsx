import type { Metadata } from "next";
import { PublicShell } from "@/components/policy/public-shell";
import { getT } from "@/lib/i18n/server";
import { ContinueSignIn } from "../../_components/continue-sign-in";

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getT();
  return { title: t("me.title"), referrer: "no-referrer" };
}

/** Where the emailed link lands. Opening it changes nothing; the button signs in. */
export default async function SignInLinkPage({ params }: { params: Promise<{ token: string }> }) {
  const { t } = await getT();
  const { token } = await params;
  return (
    <PublicShell>
      <div className="mx-auto max-w-md space-y-4">
        <h1 className="text-2xl font-semibold">{t("me.title")}</h1>
        <p className="text-zinc-700">{t("me.continueIntro")}</p>
        <ContinueSignIn token={token} />
      </div>
    </PublicShell>
  );
}
