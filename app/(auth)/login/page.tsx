import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { Card, CardBody } from "@/components/ui/card";
import { Alert } from "@/components/ui/alert";
import { currentActor } from "@/lib/auth/session";
import { env } from "@/lib/env";
import { safeRedirectPath } from "@/lib/http/safe-redirect";
import { getT } from "@/lib/i18n/server";
import { DEMO_USERS } from "@/lib/users/demo";
import { LoginForm } from "./_components/login-form";

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getT();
  return { title: t("login.title") };
}

export default async function LoginPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const params = await searchParams;
  const callbackUrl = safeRedirectPath(params.callbackUrl);
  if (await currentActor()) redirect(callbackUrl);
  const { t } = await getT();
  const demo = env().EMBEDDED_DB;
  return (
    <div className="space-y-6">
      <div className="space-y-1 text-center">
        <h1 className="text-2xl font-semibold">{t("login.title")}</h1>
        <p className="text-sm text-zinc-600">{t("login.subtitle")}</p>
      </div>
      {params.reason === "signed-out" && <Alert tone="info">{t("login.signedOutNotice")}</Alert>}
      <Card>
        <CardBody className="py-6">
          <LoginForm callbackUrl={callbackUrl} />
        </CardBody>
      </Card>
      {demo && (
        <Card className="border-dashed">
          <CardBody>
            <h2 className="text-sm font-semibold">{t("login.demoTitle")}</h2>
            <ul className="mt-2 space-y-1 text-sm text-zinc-700">
              {DEMO_USERS.map((u) => (
                <li key={u.email}>
                  <span className="font-medium">{t(`roles.${u.role}`)}</span>: <code>{u.email}</code> / <code>{u.password}</code>
                </li>
              ))}
            </ul>
          </CardBody>
        </Card>
      )}
    </div>
  );
}
