import type { Metadata } from "next";
import Link from "next/link";
import { PageHeader } from "@/components/admin/page-header";
import { buttonVariants } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { Table, Td, Th } from "@/components/ui/table";
import { requireArea } from "@/lib/auth/session";
import { countCustomers, customerSources, listCustomers } from "@/lib/customers/queries";
import { customerFilterSchema } from "@/lib/customers/schemas";
import { classifySearch } from "@/lib/customers/search";
import { formatDate, formatNumber } from "@/lib/i18n/format";
import { getT } from "@/lib/i18n/server";
import { listPurposes } from "@/lib/purposes/queries";
import { CustomerFilters } from "./_components/filters";
import { filterQuery } from "./_components/filter-query";
import { RevealContact } from "@/components/admin/reveal-contact";
import { revealContactAction } from "./actions";
import { CustomerStatusBadge } from "./_components/status-badge";
import { PostButton } from "@/components/admin/post-button";
import { customerName } from "@/lib/i18n/labels";

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getT();
  return { title: t("nav.customers") };
}

export default async function CustomersPage({ searchParams }: { searchParams: Promise<Record<string, string | undefined>> }) {
  const actor = await requireArea("customers");
  const { t, locale } = await getT();
  const filter = customerFilterSchema.parse(await searchParams);
  const [page, count, sources, purposes] = await Promise.all([
    listCustomers(actor, filter),
    countCustomers(actor, filter),
    customerSources(actor),
    listPurposes(),
  ]);
  const query = filterQuery(filter);
  const wordSearch = classifySearch(filter.q).kind === "text";
  const countText = count.capped
    ? t("customers.countCapped", { count: formatNumber(count.count, locale) })
    : t("customers.count", { count: formatNumber(count.count, locale) });
  return (
    <>
      <PageHeader
        title={t("nav.customers")}
        description={t("customers.description")}
        actions={
          <div className="flex flex-wrap gap-2">
            <Link href="/admin/customers/duplicates" className={buttonVariants({ variant: "secondary" })}>
              {t("customers.duplicates")}
            </Link>
            <Link href="/admin/customers/import" className={buttonVariants({ variant: "secondary" })}>
              {t("customers.import")}
            </Link>
            <Link href="/admin/customers/new" className={buttonVariants()}>
              {t("customers.new")}
            </Link>
          </div>
        }
      />
      <CustomerFilters
        filter={filter}
        t={t}
        locale={locale}
        sources={sources.map((s) => ({ value: s.value, label: locale === "en" ? s.labelEn : s.labelVi }))}
        purposes={purposes.map((p) => ({ value: p.key, label: locale === "en" ? p.labelEn : p.labelVi }))}
      />
      <div className="mb-2 flex items-center justify-between text-sm text-zinc-600">
        <p role="status">
          {countText}
          {wordSearch && filter.match === "inside" && (
            <>
              {" · "}
              {t("customers.searchingInside")}{" "}
              <Link href={`/admin/customers?${filterQuery({ ...filter, match: "words" })}`} className="text-brand-800 underline">
                {t("customers.searchWordsOnly")}
              </Link>
            </>
          )}
        </p>
        {count.count > 0 && (
          <div className="flex gap-2">
            <Link href={`/admin/disclosures/new${query ? `?${query}` : ""}`} className={buttonVariants({ variant: "secondary", size: "sm" })}>
              {t("customers.shareThese")}
            </Link>
            <PostButton action={`/admin/customers/export${query ? `?${query}` : ""}`}>{t("customers.exportCsv")}</PostButton>
          </div>
        )}
      </div>
      <Card>
        {page.rows.length === 0 ? (
          <div className="px-5 py-12 text-center text-sm text-zinc-500">
            <p>{filter.q || query ? t("customers.noMatch") : t("customers.empty")}</p>
            {wordSearch && filter.match === "words" && (
              <p className="mt-3">
                <Link href={`/admin/customers?${filterQuery({ ...filter, match: "inside" })}`} className="font-medium text-brand-800 underline">
                  {t("customers.searchInside")}
                </Link>
              </p>
            )}
          </div>
        ) : (
          <Table>
            <thead>
              <tr>
                <Th>{t("customers.name")}</Th>
                <Th>{t("publicForm.field.phone")}</Th>
                <Th>{t("publicForm.field.organization")}</Th>
                <Th>{t("customers.status")}</Th>
                <Th>{t("customers.created")}</Th>
              </tr>
            </thead>
            <tbody>
              {page.rows.map((c) => (
                <tr key={c.id} data-testid="customer-row">
                  <Td>
                    <Link href={`/admin/customers/${c.id}`} className="font-medium text-brand-800 hover:underline">
                      {customerName(t, c)}
                    </Link>
                    {c.email && <div className="text-zinc-500">{c.email}</div>}
                  </Td>
                  <Td className="whitespace-nowrap">
                    {c.masked ? (
                      <RevealContact reveal={revealContactAction.bind(null, { customerId: c.id })} masked={c.phone} field="phone" />
                    ) : (
                      (c.phone ?? "—")
                    )}
                  </Td>
                  <Td>{c.organization ?? "—"}</Td>
                  <Td>
                    <CustomerStatusBadge status={c.status} t={t} />
                  </Td>
                  <Td className="whitespace-nowrap text-zinc-600">{formatDate(c.createdAt, locale)}</Td>
                </tr>
              ))}
            </tbody>
          </Table>
        )}
      </Card>
      <nav aria-label={t("pagination.label")} className="flex justify-end gap-2 pt-4">
        {page.prev && (
          <Link
            rel="prev"
            className={buttonVariants({ variant: "secondary", size: "sm" })}
            href={`/admin/customers?${filterQuery(filter, { before: page.prev })}`}
          >
            {t("pagination.previous")}
          </Link>
        )}
        {page.next && (
          <Link
            rel="next"
            className={buttonVariants({ variant: "secondary", size: "sm" })}
            href={`/admin/customers?${filterQuery(filter, { after: page.next })}`}
          >
            {t("pagination.next")}
          </Link>
        )}
      </nav>
    </>
  );
}
