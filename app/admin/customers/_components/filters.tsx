import Link from "next/link";
import { buttonVariants } from "@/components/ui/button";
import { Input, Select } from "@/components/ui/input";
import { DateRangeFields } from "@/components/ui/date-input";
import type { CustomerFilter } from "@/lib/customers/schemas";
import { CUSTOMER_SORTS, CUSTOMER_STATUSES } from "@/lib/customers/schemas";
import type { Locale } from "@/lib/i18n/config";
import type { Translate } from "@/lib/i18n/translate";

type Option = { value: string; label: string };

/** A plain GET form: filters live in the URL (shareable, Back works) and it works without JS. */
export function CustomerFilters(props: { filter: CustomerFilter; t: Translate; locale: Locale; sources: Option[]; purposes: Option[] }) {
  const { filter, t } = props;
  const label = "mb-1 block text-xs font-medium text-zinc-600";
  return (
    <form
      method="get"
      action="/admin/customers"
      role="search"
      aria-label={t("customers.searchLabel")}
      className="mb-4 space-y-3 rounded-lg border border-zinc-200 bg-white p-4"
    >
      <div className="flex flex-wrap gap-2">
        <label htmlFor="q" className="sr-only">
          {t("customers.searchLabel")}
        </label>
        <Input id="q" name="q" type="search" defaultValue={filter.q} placeholder={t("customers.searchPlaceholder")} className="min-w-64 flex-1" />
        <button type="submit" className={buttonVariants()}>
          {t("customers.search")}
        </button>
      </div>
      <div className="grid gap-3 sm:grid-cols-3 lg:grid-cols-7">
        <div>
          <label htmlFor="status" className={label}>
            {t("customers.status")}
          </label>
          <Select id="status" name="status" defaultValue={filter.status ?? ""} className="h-9">
            <option value="">{t("customers.statusAllActive")}</option>
            {CUSTOMER_STATUSES.map((s) => (
              <option key={s} value={s}>
                {t(`customers.statusValue.${s}`)}
              </option>
            ))}
          </Select>
        </div>
        <div>
          <label htmlFor="source" className={label}>
            {t("customers.source")}
          </label>
          <Select id="source" name="source" defaultValue={filter.source ?? ""} className="h-9">
            <option value="">{t("customers.any")}</option>
            {props.sources.map((s) => (
              <option key={s.value} value={s.value}>
                {s.label}
              </option>
            ))}
          </Select>
        </div>
        <div>
          <label htmlFor="purpose" className={label}>
            {t("customers.purpose")}
          </label>
          <Select id="purpose" name="purpose" defaultValue={filter.purpose ?? ""} className="h-9">
            <option value="">{t("customers.any")}</option>
            {props.purposes.map((p) => (
              <option key={p.value} value={p.value}>
                {p.label}
              </option>
            ))}
          </Select>
        </div>
        <div>
          <label htmlFor="consent" className={label}>
            {t("customers.consentState")}
          </label>
          <Select id="consent" name="consent" defaultValue={filter.consent ?? "GRANTED"} className="h-9">
            <option value="GRANTED">{t("consent.state.GRANTED")}</option>
            <option value="WITHDRAWN">{t("consent.state.WITHDRAWN")}</option>
          </Select>
        </div>
        <DateRangeFields idPrefix="c" from={filter.from} to={filter.to} labelClassName={label} />
        <div>
          <label htmlFor="sort" className={label}>
            {t("customers.sort")}
          </label>
          <Select id="sort" name="sort" defaultValue={filter.sort} className="h-9">
            {CUSTOMER_SORTS.map((s) => (
              <option key={s} value={s}>
                {t(`customers.sortValue.${s}`)}
              </option>
            ))}
          </Select>
        </div>
      </div>
      <div className="flex justify-end gap-3 text-sm">
        <Link href="/admin/customers" className="text-zinc-600 hover:underline">
          {t("customers.clearFilters")}
        </Link>
      </div>
    </form>
  );
}
