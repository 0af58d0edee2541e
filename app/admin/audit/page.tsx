import type { Metadata } from "next";
import { PageHeader } from "@/components/admin/page-header";
import { Card } from "@/components/ui/card";
import { Pagination } from "@/components/ui/pagination";
import { Table, Td, Th } from "@/components/ui/table";
import { listAuditEvents } from "@/lib/audit/queries";
import { requireArea } from "@/lib/auth/session";
import { formatDateTime } from "@/lib/i18n/format";
import { getT } from "@/lib/i18n/server";
import { VerifyChainButton } from "./_components/verify-chain-button";

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getT();
  return { title: t("nav.audit") };
}

export default async function AuditPage({ searchParams }: { searchParams: Promise<{ page?: string }> }) {
  const actor = await requireArea("audit");
  const { t, locale } = await getT();
  const data = await listAuditEvents(actor, { page: Number((await searchParams).page) || 1 });
  return (
    <>
      <PageHeader title={t("nav.audit")} description={t("audit.description")} actions={<VerifyChainButton />} />
      <Card>
        {data.rows.length === 0 ? (
          <p className="px-5 py-10 text-center text-sm text-zinc-500">{t("audit.empty")}</p>
        ) : (
          <Table>
            <thead>
              <tr>
                <Th>#</Th>
                <Th>{t("audit.time")}</Th>
                <Th>{t("audit.actor")}</Th>
                <Th>{t("audit.action")}</Th>
                <Th>{t("audit.entity")}</Th>
                <Th>{t("audit.details")}</Th>
              </tr>
            </thead>
            <tbody>
              {data.rows.map((e) => (
                <tr key={e.id}>
                  <Td className="text-zinc-500 tabular-nums">{e.id}</Td>
                  <Td className="whitespace-nowrap">{formatDateTime(e.createdAt, locale)}</Td>
                  <Td>
                    <div>{e.actorLabel ?? t(`audit.actorType.${e.actorType === "SYSTEM" ? "SYSTEM" : e.actorType === "USER" ? "USER" : "ANONYMOUS"}`)}</div>
                    {e.ip && <div className="text-xs text-zinc-500">{e.ip}</div>}
                  </Td>
                  <Td>
                    <code className="text-xs">{e.action}</code>
                  </Td>
                  <Td className="text-xs">
                    {e.entityType}
                    {e.entityId && <div className="text-zinc-500">{e.entityId}</div>}
                  </Td>
                  <Td>
                    <code className="block max-w-md truncate text-xs text-zinc-600" title={JSON.stringify(e.details)}>
                      {JSON.stringify(e.details)}
                    </code>
                  </Td>
                </tr>
              ))}
            </tbody>
          </Table>
        )}
      </Card>
      <Pagination page={data.page} pageCount={data.pageCount} t={t} href={(page) => `/admin/audit?page=${page}`} />
    </>
  );
}
