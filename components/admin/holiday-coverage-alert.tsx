import Link from "next/link";
import { Alert } from "@/components/ui/alert";
import type { Role } from "@/lib/auth/roles";
import { missingHolidayYearsNow } from "@/lib/holidays/queries";
import { getT } from "@/lib/i18n/server";

/**
 * Warns when the holiday table lacks a year that deadlines are (or will soon be) counted in.
 * `role` decides what to suggest (administrators keep the table); leave it out on the table's own page.
 */
export async function HolidayCoverageAlert({ role, className }: { role?: Role; className?: string }) {
  const years = await missingHolidayYearsNow();
  if (years.length === 0) return null;
  const { t } = await getT();
  return (
    <Alert tone="warning" className={className} data-testid="holidays-missing">
      {t("holidays.missing", { years: years.join(", ") })}{" "}
      {role === "ADMIN" ? (
        <Link href="/admin/settings/holidays" className="font-medium underline">
          {t("holidays.missingAdmin")}
        </Link>
      ) : role ? (
        t("holidays.missingAsk")
      ) : null}
    </Alert>
  );
}
