import type { Metadata } from "next";
import Link from "next/link";
import { PageHeader } from "@/components/admin/page-header";
import { Badge } from "@/components/ui/badge";
import { buttonVariants } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { Select } from "@/components/ui/input";
import { Pagination } from "@/components/ui/pagination";
import { Table, Td, Th } from "@/components/ui/table";
import { DateRangeFields } from "@/components/ui/date-input";
import { requireArea } from "@/lib/auth/session";
import { DISCLOSURE_STATUSES, listDisclosures, listRecipients } from "@/lib/disclosures/queries";
import { RECIPIENT_CATEGORIES } from "@/lib/disclosures/rules";
import { formatDateTime, formatNumber } from "@/lib/i18n/format";
import { getT } from "@/lib/i18n/server";

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getT();
  return { title: t("nav.disclosures") };
}

export default async function DisclosuresPage({ searchParams }: { searchParams: Promise<Record<string, string | undefined>> }) {
  const actor = await requireArea("disclosures");
  const { t, locale } = await getT();
  const p = await searchParams;
  const filter = {
    recipientId: p.recipientId || undefined,
    category: RECIPIENT_CATEGORIES.find((c) => c === p.category),
    status: DISCLOSURE_STATUSES.find((s) => s === p.status),
    customerId: /^[0-9a-f-]{36}$/.test(p.customerId ?? "") ? p.customerId : undefined,
    from: p.from || undefined,
    to: p.to || undefined,
    page: Number(p.page) || 1,
  };
  const [data, recipients] = await Promise.all([listDisclosures(actor, filter), listRecipients(actor)]);
  const query = (page?: number) =>
    new URLSearchParams(Object.entries({ ...filter, page: page && page > 1 ? String(page) : undefined }).filter(([, v]) => v) as [string, string][]).toString();
  const label = "mb-1 block text-xs font-medium text-zinc-600";
  return (
    <>
      <PageHeader
        title={t("nav.disclosures")}
        description={t("disclosures.description")}
        actions={
          <div className="flex flex-wrap gap-2">
            <Link href="/admin/disclosures/media" className={buttonVariants({ variant: "secondary" })}>
              {t("media.title")}
            </Link>
            <Link href="/admin/disclosures/recipients" className={buttonVariants({ variant: "secondary" })}>
              {t("disclosures.recipients")}
            </Link>
            {actor.role === "COMPLIANCE" && (
              <a href={`/admin/disclosures/export?${query()}`} className={buttonVariants({ variant: "secondary" })} download>
                {t("disclosures.exportRegister")}
              </a>
            )}
            <Link href="/admin/disclosures/new" className={buttonVariants()}>
              {t("disclosures.prepareTitle")}
            </Link>
          </div>
        }
      />
      <form
        method="get"
        className="mb-4 grid gap-3 rounded-lg border border-zinc-200 bg-white p-4 sm:grid-cols-3 lg:grid-cols-6"
        aria-label={t("disclosures.filters")}
      >
        <div>
          <label htmlFor="d-r" className={label}>
            {t("disclosures.recipient")}
          </label>
          <Select id="d-r" name="recipientId" defaultValue={filter.recipientId ?? ""} className="h-9">
            <option value="">{t("customers.any")}</option>
            {recipients.map((r) => (
              <option key={r.id} value={r.id}>
                {r.name}
              </option>
            ))}
          </Select>
        </div>
        <div>
          <label htmlFor="d-c" className={label}>
            {t("disclosures.categoryLabel")}
          </label>
          <Select id="d-c" name="category" defaultValue={filter.category ?? ""} className="h-9">
            <option value="">{t("customers.any")}</option>
            {RECIPIENT_CATEGORIES.map((c) => (
              <option key={c} value={c}>
                {t(`disclosures.category.${c}`)}
              </option>
            ))}
          </Select>
        </div>
        <div>
          <label htmlFor="d-s" className={label}>
            {t("customers.status")}
          </label>
          <Select id="d-s" name="status" defaultValue={filter.status ?? ""} className="h-9">
            <option value="">{t("customers.any")}</option>
            {DISCLOSURE_STATUSES.map((s) => (
              <option key={s} value={s}>
                {t(`disclosures.status.${s}`)}
              </option>
            ))}
          </Select>
        </div>
        <DateRangeFields idPrefix="d" from={filter.from} to={filter.to} labelClassName={label} />
        <div className="flex items-end">
          <button type="submit" className={buttonVariants({ size: "sm" })}>
            {t("audit.apply")}
          </button>
        </div>
      </form>
      <Card>
        {data.rows.length === 0 ? (
          <p className="px-5 py-12 text-center text-sm text-zinc-500">{t("disclosures.none")}</p>
        ) : (
          <Table>
            <thead>
              <tr>
                <Th>{t("disclosures.recipient")}</Th>
                <Th>{t("customers.status")}</Th>
                <Th>{t("disclosures.fields")}</Th>
                <Th className="text-right">{t("disclosures.customersShort")}</Th>
                <Th>{t("disclosures.when")}</Th>
              </tr>
            </thead>
            <tbody>
              {data.rows.map((d) => (
                <tr key={d.id} data-testid="disclosure-row">
                  <Td>
                    <Link href={`/admin/disclosures/${d.id}`} className="font-medium text-brand-800 hover:underline">
                      {d.recipient.name}
                    </Link>
                    <div className="text-xs text-zinc-500">
                      {t(`disclosures.category.${d.recipient.category}`)}
                      {d.confidential ? ` · ${t("disclosures.confidentialShort")}` : ""}
                    </div>
                  </Td>
                  <Td>
                    <Badge tone={d.status === "REJECTED" ? "danger" : d.status === "PENDING_APPROVAL" ? "warning" : "info"}>
                      {t(`disclosures.status.${d.status}`)}
                    </Badge>
                  </Td>
                  <Td className="text-xs">{d.fields.map((f) => t(`disclosures.field.${f as "fullName"}`)).join(", ")}</Td>
                  <Td className="text-right tabular-nums">
                    {formatNumber(d.itemsIncluded, locale)} / {formatNumber(d.itemsTotal, locale)}
                  </Td>
                  <Td className="whitespace-nowrap text-zinc-600">{formatDateTime(d.createdAt, locale)}</Td>
                </tr>
              ))}
            </tbody>
          </Table>
        )}
      </Card>
      <Pagination page={data.page} pageCount={data.pageCount} t={t} href={(page) => `/admin/disclosures?${query(page)}`} />
    </>
  );
}
