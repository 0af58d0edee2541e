import type { Metadata } from "next";
import Link from "next/link";
import { Alert } from "@/components/ui/alert";
import { Card, CardBody } from "@/components/ui/card";
import { getT } from "@/lib/i18n/server";
import { findUsableInvite } from "@/lib/users/queries";
import { SetPasswordForm } from "./_components/set-password-form";

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getT();
  return { title: t("setPassword.title"), referrer: "no-referrer" };
}

export default async function SetPasswordPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const { t } = await getT();
  const invite = await findUsableInvite(token);
  return (
    <div className="space-y-6">
      <h1 className="text-center text-2xl font-semibold">{t("setPassword.title")}</h1>
      {invite ? (
        <Card>
          <CardBody className="space-y-4 py-6">
            <p className="text-sm text-zinc-700">{t("setPassword.intro", { name: invite.name, email: invite.email })}</p>
            <SetPasswordForm token={token} />
          </CardBody>
        </Card>
      ) : (
        <Alert tone="error">
          {t("setPassword.invalidLink")}{" "}
          <Link href="/login" className="font-medium underline">
            {t("setPassword.toLogin")}
          </Link>
        </Alert>
      )}
    </div>
  );
}
