import { StatusPage } from "@/components/status-page";
import { getT } from "@/lib/i18n/server";

export default async function Forbidden() {
  const { t } = await getT();
  return (
    <StatusPage code={403} title={t("errors.forbiddenTitle")} body={t("errors.forbiddenBody")} linkHref="/admin" linkLabel={t("errors.backToDashboard")} />
  );
}
