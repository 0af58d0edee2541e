import type { Metadata } from "next";
import Link from "next/link";
import { PageHeader } from "@/components/admin/page-header";
import { buttonVariants } from "@/components/ui/button";
import { Card, CardBody } from "@/components/ui/card";
import { requireArea } from "@/lib/auth/session";
import { getT } from "@/lib/i18n/server";
import { getSettingsForEdit } from "@/lib/settings/queries";
import { SettingsForm } from "./_components/settings-form";

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getT();
  return { title: t("nav.settings") };
}

export default async function SettingsPage() {
  const actor = await requireArea("settings");
  const { t } = await getT();
  const settings = await getSettingsForEdit(actor);
  return (
    <>
      <PageHeader
        title={t("nav.settings")}
        description={t("settings.description")}
        actions={
          <div className="flex flex-wrap gap-2">
            <Link href="/admin/settings/holidays" className={buttonVariants({ variant: "secondary" })}>
              {t("nav.holidays")}
            </Link>
            <Link href="/admin/settings/api-keys" className={buttonVariants({ variant: "secondary" })}>
              {t("apiKeys.title")}
            </Link>
            <Link href="/admin/settings/webhooks" className={buttonVariants({ variant: "secondary" })}>
              {t("webhooks.title")}
            </Link>
          </div>
        }
      />
      <Card className="max-w-2xl">
        <CardBody>
          <SettingsForm initial={settings} />
        </CardBody>
      </Card>
    </>
  );
}
