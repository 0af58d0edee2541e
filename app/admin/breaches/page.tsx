import type { Metadata } from "next";
import Link from "next/link";
import { PageHeader } from "@/components/admin/page-header";
import { Badge } from "@/components/ui/badge";
import { buttonVariants } from "@/components/ui/button";
import { Card, CardBody } from "@/components/ui/card";
import { Table, Td, Th } from "@/components/ui/table";
import { requireArea } from "@/lib/auth/session";
import { listBreaches } from "@/lib/breaches/queries";
import { breachReference } from "@/lib/breaches/schemas";
import { formatDateTime, formatNumber } from "@/lib/i18n/format";
import { getT } from "@/lib/i18n/server";
import { ClockBadge } from "./_components/clock-badge";

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getT();
  return { title: t("nav.breaches") };
}

/** Every personal-data incident, open ones first, each with its 72-hour clock to the authority. */
export default async function BreachesPage() {
  const actor = await requireArea("breaches");
  const { t, locale } = await getT();
  const breaches = await listBreaches(actor);
  return (
    <>
      <PageHeader
        title={t("nav.breaches")}
        description={t("breaches.description")}
        actions={
          <Link href="/admin/breaches/new" className={buttonVariants()}>
            {t("breaches.new")}
          </Link>
        }
      />
      {breaches.length === 0 ? (
        <Card>
          <CardBody className="text-center text-sm text-zinc-600" data-testid="breaches-empty">
            <p className="font-medium text-zinc-800">{t("breaches.empty")}</p>
            <p className="mt-1">{t("breaches.emptyHelp")}</p>
          </CardBody>
        </Card>
      ) : (
        <Card>
          <CardBody className="overflow-x-auto p-0">
            <Table data-testid="breaches">
              <thead>
                <tr>
                  <Th>{t("breaches.col.reference")}</Th>
                  <Th>{t("breaches.col.title")}</Th>
                  <Th>{t("breaches.col.detected")}</Th>
                  <Th>{t("breaches.col.authority")}</Th>
                  <Th>{t("breaches.col.customers")}</Th>
                  <Th>{t("breaches.col.handler")}</Th>
                  <Th>{t("breaches.col.status")}</Th>
                </tr>
              </thead>
              <tbody>
                {breaches.map((b) => (
                  <tr key={b.id}>
                    <Td className="whitespace-nowrap font-medium">
                      <Link href={`/admin/breaches/${b.id}`} className="text-brand-800 hover:underline">
                        {breachReference(b.number)}
                      </Link>
                    </Td>
                    <Td>{b.title}</Td>
                    <Td className="whitespace-nowrap tabular-nums">{formatDateTime(b.detectedAt, locale)}</Td>
                    <Td>
                      <ClockBadge clock={b.clock} t={t} />
                    </Td>
                    <Td className="whitespace-nowrap tabular-nums">
                      {t("breaches.customersCount", { notified: formatNumber(b.notified, locale), linked: formatNumber(b.linked, locale) })}
                    </Td>
                    <Td>{b.handler}</Td>
                    <Td>
                      <Badge tone={b.status === "CLOSED" ? "neutral" : "info"}>{t(`breaches.status.${b.status as "OPEN"}`)}</Badge>
                    </Td>
                  </tr>
                ))}
              </tbody>
            </Table>
          </CardBody>
        </Card>
      )}
    </>
  );
}
