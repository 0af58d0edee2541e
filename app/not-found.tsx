import Link from "next/link";
import { getT } from "@/lib/i18n/server";

export default async function NotFound() {
  const { t } = await getT();
  return (
    <div className="mx-auto max-w-lg px-4 py-16 text-center">
      <p className="text-sm font-semibold text-brand-700">404</p>
      <h1 className="mt-2 text-2xl font-semibold">{t("errors.notFoundTitle")}</h1>
      <p className="mt-2 text-zinc-600">{t("errors.notFoundBody")}</p>
      <Link href="/" className="mt-6 inline-block font-medium text-brand-800 underline">
        {t("errors.backHome")}
      </Link>
    </div>
  );
}
