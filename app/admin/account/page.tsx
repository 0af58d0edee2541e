import type { Metadata } from "next";
import { PageHeader } from "@/components/admin/page-header";
import { Alert } from "@/components/ui/alert";
import { Card, CardBody, CardHeader, CardTitle } from "@/components/ui/card";
import { requireSignedIn } from "@/lib/auth/session";
import { formatDate } from "@/lib/i18n/format";
import { getT } from "@/lib/i18n/server";
import { ownTwoFactorStatus } from "@/lib/two-factor/queries";
import { ChangePasswordForm } from "./_components/change-password-form";
import { TwoFactorPanel } from "./_components/two-factor-panel";

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getT();
  return { title: t("account.title") };
}

/** Every staff member's own page; the only one a session that must set up two-factor may open. */
export default async function AccountPage() {
  const actor = await requireSignedIn();
  const { t, locale } = await getT();
  const status = await ownTwoFactorStatus(actor);
  return (
    <>
      <PageHeader title={t("account.title")} description={`${actor.name} · ${actor.email}`} />
      {actor.restricted && (
        <Alert tone="warning" className="mb-4">
          {t("account.twoFactorRequired")}
        </Alert>
      )}
      <div className="grid gap-6 xl:grid-cols-2">
        <Card className="self-start">
          <CardHeader>
            <CardTitle>{t("account.twoFactor")}</CardTitle>
          </CardHeader>
          <CardBody className="space-y-4">
            <p className="text-sm text-zinc-700" data-testid="two-factor-status">
              {status.enabledAt ? t("account.twoFactorOn", { date: formatDate(status.enabledAt, locale), count: status.codesLeft }) : t("account.twoFactorOff")}
            </p>
            {status.enabledAt && status.required && <p className="text-sm text-zinc-600">{t("account.cannotDisable")}</p>}
            <TwoFactorPanel enabled={!!status.enabledAt} required={status.required} />
          </CardBody>
        </Card>
        {!actor.restricted && (
          <Card className="self-start">
            <CardHeader>
              <CardTitle>{t("account.password")}</CardTitle>
            </CardHeader>
            <CardBody>
              <ChangePasswordForm />
            </CardBody>
          </Card>
        )}
      </div>
    </>
  );
}
