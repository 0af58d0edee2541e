import { StatusPage } from "@/components/status-page";
import { getT } from "@/lib/i18n/server";

export default async function NotFound() {
  const { t } = await getT();
  return <StatusPage code={404} title={t("errors.notFoundTitle")} body={t("errors.notFoundBody")} linkHref="/" linkLabel={t("errors.backHome")} />;
}
