import Link from "next/link";
import { getT } from "@/lib/i18n/server";

export default async function Forbidden() {
  const { t } = await getT();
  return (
    <div className="mx-auto max-w-lg px-4 py-16 text-center">
      <p className="text-sm font-semibold text-brand-700">403</p>
      <h1 className="mt-2 text-2xl font-semibold">{t("errors.forbiddenTitle")}</h1>
      <p className="mt-2 text-zinc-600">{t("errors.forbiddenBody")}</p>
      <Link href="/admin" className="mt-6 inline-block font-medium text-brand-800 underline">
        {t("errors.backToDashboard")}
      </Link>
    </div>
  );
}
