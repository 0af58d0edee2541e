import type { Metadata } from "next";
import Link from "next/link";
import { HolidayCoverageAlert } from "@/components/admin/holiday-coverage-alert";
import { PageHeader } from "@/components/admin/page-header";
import { buttonVariants } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { Select } from "@/components/ui/input";
import { Pagination } from "@/components/ui/pagination";
import { Table, Td, Th } from "@/components/ui/table";
import { requireArea } from "@/lib/auth/session";
import { cn } from "@/lib/cn";
import { formatDate, formatNumber } from "@/lib/i18n/format";
import { getT } from "@/lib/i18n/server";
import { listRequests } from "@/lib/privacy-requests/queries/desk";
import { REQUEST_TYPES, requestFilterSchema, requestReference } from "@/lib/privacy-requests/schemas";
import { DaysLeft, RequestStatusBadge } from "./_components/request-badges";

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getT();
  return { title: t("nav.requests") };
}

const VIEWS = ["open", "overdue", "dueSoon", "closed", "all"] as const;

export default async function RequestsPage({ searchParams }: { searchParams: Promise<Record<string, string | undefined>> }) {
  const actor = await requireArea("requests");
  const { t, locale } = await getT();
  const filter = requestFilterSchema.parse(await searchParams);
  const data = await listRequests(actor, filter);
  const query = (change: Record<string, string | number | undefined>) => {
    const values: Record<string, string | number | undefined> = { view: filter.view, type: filter.type, ...change };
    return new URLSearchParams(
      Object.entries(values)
        .filter(([k, v]) => v !== undefined && !(k === "page" && v === 1))
        .map(([k, v]) => [k, String(v)]),
    ).toString();
  };
  const count = (view: (typeof VIEWS)[number]) =>
    view === "open" ? data.counts.open : view === "overdue" ? data.counts.overdue : view === "dueSoon" ? data.counts.dueSoon : null;
  return (
    <>
      <PageHeader
        title={t("nav.requests")}
        description={t("requests.description")}
        actions={
          <div className="flex flex-wrap gap-2">
            <Link href="/admin/requests/rules" className={buttonVariants({ variant: "secondary" })}>
              {t("rules.link")}
            </Link>
            <Link href="/admin/requests/retention" className={buttonVariants({ variant: "secondary" })}>
              {t("retention.title")}
            </Link>
            {actor.role === "COMPLIANCE" && (
              <Link href="/admin/requests/new" className={buttonVariants()}>
                {t("requests.log")}
              </Link>
            )}
          </div>
        }
      />
      <HolidayCoverageAlert role={actor.role} className="mb-4" />
      <div className="mb-4 flex flex-wrap items-end justify-between gap-3">
        <nav aria-label={t("requests.views")} className="flex flex-wrap gap-1">
          {VIEWS.map((view) => {
            const n = count(view);
            return (
              <Link
                key={view}
                href={`/admin/requests?${query({ view, page: undefined })}`}
                aria-current={filter.view === view ? "page" : undefined}
                className={cn(
                  "rounded-md px-3 py-1.5 text-sm font-medium",
                  filter.view === view ? "bg-brand-700 text-white" : "border border-zinc-300 bg-white text-zinc-800 hover:bg-zinc-50",
                  view === "overdue" && n ? "data-[current=false]:text-red-700" : "",
                )}
              >
                {t(`requests.view.${view}`)}
                {n !== null && (
                  <span
                    className={cn(
                      "ml-1.5 rounded-full px-1.5 text-xs tabular-nums",
                      view === "overdue" && n > 0
                        ? "bg-red-100 text-red-800"
                        : view === "dueSoon" && n > 0
                          ? "bg-amber-100 text-amber-900"
                          : "bg-zinc-100 text-zinc-700",
                    )}
                    data-testid={`count-${view}`}
                  >
                    {formatNumber(n, locale)}
                  </span>
                )}
              </Link>
            );
          })}
        </nav>
        <form method="get" className="flex items-end gap-2" aria-label={t("requests.filterType")}>
          <input type="hidden" name="view" value={filter.view} />
          <div>
            <label htmlFor="r-type" className="mb-1 block text-xs font-medium text-zinc-600">
              {t("requests.typeLabel")}
            </label>
            <Select id="r-type" name="type" defaultValue={filter.type ?? ""} className="h-9">
              <option value="">{t("customers.any")}</option>
              {REQUEST_TYPES.map((type) => (
                <option key={type} value={type}>
                  {t(`requests.type.${type}`)}
                </option>
              ))}
            </Select>
          </div>
          <button type="submit" className={buttonVariants({ size: "sm", variant: "secondary" })}>
            {t("audit.apply")}
          </button>
        </form>
      </div>
      <Card>
        {data.rows.length === 0 ? (
          <p className="px-5 py-12 text-center text-sm text-zinc-500">{t(filter.view === "overdue" ? "requests.noneOverdue" : "requests.none")}</p>
        ) : (
          <Table>
            <thead>
              <tr>
                <Th>{t("requests.reference")}</Th>
                <Th>{t("requests.typeLabel")}</Th>
                <Th>{t("requests.customer")}</Th>
                <Th>{t("requests.received")}</Th>
                <Th>{t("requests.deadline")}</Th>
                <Th>{t("customers.status")}</Th>
              </tr>
            </thead>
            <tbody>
              {data.rows.map((r) => (
                <tr
                  key={r.id}
                  data-testid="request-row"
                  className={r.urgency === "overdue" ? "bg-red-50/60" : r.urgency === "dueSoon" ? "bg-amber-50/60" : undefined}
                >
                  <Td>
                    <Link href={`/admin/requests/${r.id}`} className="font-medium text-brand-800 hover:underline">
                      {requestReference(r.number)}
                    </Link>
                  </Td>
                  <Td>
                    {t(`requests.type.${r.type as "ACCESS"}`)}
                    <div className="text-xs text-zinc-500">{t(`requests.channel.${r.channel as "EMAIL"}`)}</div>
                  </Td>
                  <Td>
                    {r.customerStatus === "ERASED" ? (
                      <span className="text-zinc-500">{t("requests.erasedCustomer")}</span>
                    ) : r.customerId ? (
                      <Link href={`/admin/customers/${r.customerId}`} className="hover:underline">
                        {r.customerName ?? "—"}
                      </Link>
                    ) : (
                      "—"
                    )}
                  </Td>
                  <Td className="whitespace-nowrap text-zinc-600">{formatDate(r.receivedAt, locale)}</Td>
                  <Td className="whitespace-nowrap">
                    {r.urgency === "closed" ? (
                      <span className="text-zinc-500">{r.completedAt ? formatDate(r.completedAt, locale) : "—"}</span>
                    ) : (
                      <>
                        <div>
                          {formatDate(r.deadline, locale)}{" "}
                          <span className="text-xs text-zinc-500">· {t(r.acknowledgedAt ? "requests.toComplete" : "requests.toAcknowledge")}</span>
                        </div>
                        <DaysLeft urgency={r.urgency} daysLeft={r.daysLeft} t={t} />
                      </>
                    )}
                  </Td>
                  <Td>
                    <RequestStatusBadge status={r.status} t={t} />
                  </Td>
                </tr>
              ))}
            </tbody>
          </Table>
        )}
      </Card>
      <Pagination
        page={filter.page}
        pageCount={Math.max(1, Math.ceil(data.total / data.pageSize))}
        t={t}
        href={(page) => `/admin/requests?${query({ page })}`}
      />
    </>
  );
}
