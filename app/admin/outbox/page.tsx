import { describeLastError } from "@/lib/email/last-error";
import type { Metadata } from "next";
import Link from "next/link";
import { PageHeader } from "@/components/admin/page-header";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { FilterPills } from "@/components/ui/filter-pills";
import { Pagination } from "@/components/ui/pagination";
import { Table, Td, Th } from "@/components/ui/table";
import { requireArea } from "@/lib/auth/session";
import { EMAIL_STATUSES, listOutbox, type EmailStatusName } from "@/lib/email/queries";
import { env } from "@/lib/env";
import { formatDateTime, formatNumber } from "@/lib/i18n/format";
import { getT } from "@/lib/i18n/server";
import { EmailStatusBadge } from "./_components/status-badge";

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getT();
  return { title: t("nav.outbox") };
}

type Search = Promise<{ page?: string; status?: string }>;

export default async function OutboxPage({ searchParams }: { searchParams: Search }) {
  const actor = await requireArea("outbox");
  const { t, locale } = await getT();
  const params = await searchParams;
  const status = EMAIL_STATUSES.find((s) => s === params.status);
  const data = await listOutbox(actor, { page: Number(params.page) || 1, status });
  const href = (next: { page?: number; status?: EmailStatusName }) => {
    const q = new URLSearchParams();
    if (next.status) q.set("status", next.status);
    if (next.page && next.page > 1) q.set("page", String(next.page));
    const s = q.toString();
    return `/admin/outbox${s ? `?${s}` : ""}`;
  };
  return (
    <>
      <PageHeader title={t("nav.outbox")} description={t("outbox.description")} />
      {!env().RESEND_API_KEY && (
        <Alert tone="warning" className="mb-4">
          {t(env().EMBEDDED_DB ? "outbox.noProviderDemo" : "outbox.noProvider")}
        </Alert>
      )}
      <FilterPills
        label={t("outbox.filterLabel")}
        className="mb-4"
        items={[undefined, ...EMAIL_STATUSES].map((s) => ({
          key: s ?? "all",
          href: href({ status: s }),
          current: s === status,
          label: (
            <>
              {s ? t(`outbox.status.${s}`) : t("outbox.all")}
              {s && <span className="ml-1.5 opacity-80">{formatNumber(data.byStatus[s], locale)}</span>}
            </>
          ),
        }))}
      />
      <Card>
        {data.rows.length === 0 ? (
          <p className="px-5 py-10 text-center text-sm text-zinc-500">{t("outbox.empty")}</p>
        ) : (
          <Table>
            <thead>
              <tr>
                <Th>{t("outbox.to")}</Th>
                <Th>{t("outbox.subject")}</Th>
                <Th>{t("outbox.statusLabel")}</Th>
                <Th>{t("outbox.created")}</Th>
              </tr>
            </thead>
            <tbody>
              {data.rows.map((m) => (
                <tr key={m.id}>
                  <Td>{m.to}</Td>
                  <Td>
                    <Link className="font-medium text-brand-800 hover:underline" href={`/admin/outbox/${m.id}`}>
                      {m.subject}
                    </Link>
                    {m.carriesSecret && (
                      <Badge tone="neutral" className="ml-2">
                        {t("outbox.secretBadge")}
                      </Badge>
                    )}
                    {m.lastError && <div className="mt-0.5 text-xs text-red-700">{describeLastError(m.lastError, t)}</div>}
                  </Td>
                  <Td>
                    <EmailStatusBadge status={m.status} t={t} />
                    {m.attempts > 1 && <span className="ml-2 text-xs text-zinc-500">{t("outbox.attempts", { count: m.attempts })}</span>}
                  </Td>
                  <Td className="whitespace-nowrap text-zinc-600">{formatDateTime(m.createdAt, locale)}</Td>
                </tr>
              ))}
            </tbody>
          </Table>
        )}
      </Card>
      <Pagination page={data.page} pageCount={data.pageCount} t={t} href={(page) => href({ page, status })} />
    </>
  );
}
