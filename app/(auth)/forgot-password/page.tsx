import type { Metadata } from "next";
import Link from "next/link";
import { Card, CardBody } from "@/components/ui/card";
import { getT } from "@/lib/i18n/server";
import { ForgotForm } from "./_components/forgot-form";

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getT();
  return { title: t("forgot.title") };
}

export default async function ForgotPasswordPage() {
  const { t } = await getT();
  return (
    <div className="space-y-6">
      <div className="space-y-1 text-center">
        <h1 className="text-2xl font-semibold">{t("forgot.title")}</h1>
        <p className="text-sm text-zinc-600">{t("forgot.intro")}</p>
      </div>
      <Card>
        <CardBody className="py-6">
          <ForgotForm />
        </CardBody>
      </Card>
      <p className="text-center text-sm">
        <Link href="/login" className="text-brand-800 underline">
          {t("forgot.back")}
        </Link>
      </p>
    </div>
  );
}
