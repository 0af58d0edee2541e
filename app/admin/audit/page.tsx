import type { Metadata } from "next";
import Link from "next/link";
import { PageHeader } from "@/components/admin/page-header";
import { buttonVariants } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { Input, Select } from "@/components/ui/input";
import { Table, Td, Th } from "@/components/ui/table";
import { DateRangeFields } from "@/components/ui/date-input";
import { auditActions, auditEntityTypes, auditFilterSchema, listAuditEvents, type AuditFilter } from "@/lib/audit/queries";
import { requireArea } from "@/lib/auth/session";
import { formatDateTime } from "@/lib/i18n/format";
import { getT } from "@/lib/i18n/server";
import { VerifyChainButton } from "./_components/verify-chain-button";
import { auditEventLabel, entityTypeLabel } from "@/lib/i18n/labels";

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getT();
  return { title: t("nav.audit") };
}

const query = (filter: AuditFilter, before?: string) => {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries({ ...filter, before })) if (v) q.set(k, v);
  return q.toString();
};

export default async function AuditPage({ searchParams }: { searchParams: Promise<Record<string, string | undefined>> }) {
  const actor = await requireArea("audit");
  const { t, locale } = await getT();
  const filter = auditFilterSchema.parse(await searchParams);
  const [data, entities, actions] = await Promise.all([listAuditEvents(actor, filter), auditEntityTypes(actor), auditActions(actor)]);
  const label = "mb-1 block text-xs font-medium text-zinc-600";
  return (
    <>
      <PageHeader title={t("nav.audit")} description={t("audit.description")} actions={<VerifyChainButton />} />
      <form
        method="get"
        className="mb-4 grid gap-3 rounded-lg border border-zinc-200 bg-white p-4 sm:grid-cols-3 lg:grid-cols-7"
        aria-label={t("audit.filters")}
      >
        <div>
          <label htmlFor="a-actor" className={label}>
            {t("audit.actor")}
          </label>
          <Input id="a-actor" name="actor" defaultValue={filter.actor} className="h-9" />
        </div>
        <div>
          <label htmlFor="a-action" className={label}>
            {t("audit.action")}
          </label>
          <Select id="a-action" name="action" defaultValue={filter.action ?? ""} className="h-9">
            <option value="">{t("customers.any")}</option>
            {actions.map((a) => (
              <option key={a} value={a}>
                {auditEventLabel(t, a)}
              </option>
            ))}
          </Select>
        </div>
        <div>
          <label htmlFor="a-entity" className={label}>
            {t("audit.entity")}
          </label>
          <Select id="a-entity" name="entity" defaultValue={filter.entity ?? ""} className="h-9">
            <option value="">{t("customers.any")}</option>
            {entities.map((e) => (
              <option key={e} value={e}>
                {entityTypeLabel(t, e)}
              </option>
            ))}
          </Select>
        </div>
        <div>
          <label htmlFor="a-id" className={label}>
            {t("audit.entityId")}
          </label>
          <Input id="a-id" name="entityId" defaultValue={filter.entityId} className="h-9" />
        </div>
        <DateRangeFields idPrefix="a" from={filter.from} to={filter.to} labelClassName={label} />
        <div className="flex items-end gap-2">
          <button type="submit" className={buttonVariants({ size: "sm" })}>
            {t("audit.apply")}
          </button>
          <Link href="/admin/audit" className="text-sm text-zinc-600 hover:underline">
            {t("customers.clearFilters")}
          </Link>
        </div>
      </form>
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
                <tr key={e.id} data-testid="audit-row">
                  <Td className="text-zinc-500 tabular-nums">{e.id}</Td>
                  <Td className="whitespace-nowrap">{formatDateTime(e.createdAt, locale)}</Td>
                  <Td>
                    <div>
                      {e.actorLabel ??
                        t(
                          `audit.actorType.${e.actorType === "SYSTEM" ? "SYSTEM" : e.actorType === "USER" ? "USER" : e.actorType === "CUSTOMER" ? "CUSTOMER" : "ANONYMOUS"}`,
                        )}
                    </div>
                    {e.ip && <div className="text-xs text-zinc-500">{e.ip}</div>}
                  </Td>
                  <Td>{auditEventLabel(t, e.action)}</Td>
                  <Td className="text-xs">
                    {entityTypeLabel(t, e.entityType)}
                    {e.entityId && (
                      <div className="text-zinc-500">
                        {e.entityType === "Customer" ? (
                          <Link className="underline" href={`/admin/customers/${e.entityId}`}>
                            {e.entityId}
                          </Link>
                        ) : (
                          e.entityId
                        )}
                      </div>
                    )}
                  </Td>
                  <Td>
                    {/* The record as the chain keeps it, for auditors: machine format, folded away. */}
                    {Object.keys(e.details as object).length > 0 && (
                      <details className="max-w-md text-xs">
                        <summary className="cursor-pointer text-zinc-600">{t("audit.technical")}</summary>
                        <code className="mt-1 block text-zinc-600 break-all">{JSON.stringify(e.details)}</code>
                      </details>
                    )}
                  </Td>
                </tr>
              ))}
            </tbody>
          </Table>
        )}
      </Card>
      <nav aria-label={t("pagination.label")} className="flex justify-end gap-2 pt-4">
        {filter.before && (
          <Link className={buttonVariants({ variant: "secondary", size: "sm" })} href={`/admin/audit?${query({ ...filter, before: undefined })}`}>
            {t("audit.newest")}
          </Link>
        )}
        {data.next && (
          <Link
            rel="next"
            className={buttonVariants({ variant: "secondary", size: "sm" })}
            href={`/admin/audit?${query({ ...filter, before: undefined }, data.next)}`}
          >
            {t("audit.older")}
          </Link>
        )}
      </nav>
    </>
  );
}
