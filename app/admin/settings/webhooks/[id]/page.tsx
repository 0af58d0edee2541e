import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { ActionButton } from "@/components/admin/action-button";
import { PageHeader } from "@/components/admin/page-header";
import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { Pagination } from "@/components/ui/pagination";
import { Table, Td, Th } from "@/components/ui/table";
import { requireArea } from "@/lib/auth/session";
import { formatDateTime } from "@/lib/i18n/format";
import { getT } from "@/lib/i18n/server";
import type { WebhookEventType } from "@/lib/webhooks/events";
import { listWebhookEndpoints, webhookDeliveries } from "@/lib/webhooks/queries";
import { replayWebhookAction } from "../../actions";

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getT();
  return { title: t("webhooks.deliveries") };
}

const TONE = { PENDING: "warning", SUCCEEDED: "success", FAILED: "danger" } as const;

export default async function WebhookDeliveriesPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<{ page?: string }> }) {
  const actor = await requireArea("settings");
  const { t, locale } = await getT();
  const { id } = await params;
  const endpoint = /^[0-9a-f-]{36}$/i.test(id) ? (await listWebhookEndpoints(actor)).find((e) => e.id === id) : undefined;
  if (!endpoint) notFound();
  const data = await webhookDeliveries(actor, id, Number((await searchParams).page) || 1);
  return (
    <>
      <Link href="/admin/settings/webhooks" className="text-sm text-brand-800 hover:underline">
        ← {t("webhooks.title")}
      </Link>
      <PageHeader title={t("webhooks.deliveries")} description={endpoint.url} />
      <Card>
        {data.rows.length === 0 ? (
          <p className="px-5 py-12 text-center text-sm text-zinc-500">{t("webhooks.noDeliveries")}</p>
        ) : (
          <Table>
            <thead>
              <tr>
                <Th>{t("webhooks.event")}</Th>
                <Th>{t("webhooks.status")}</Th>
                <Th>{t("webhooks.attempts")}</Th>
                <Th>
                  <span className="sr-only">{t("webhooks.replay")}</span>
                </Th>
              </tr>
            </thead>
            <tbody>
              {data.rows.map((d) => (
                <tr key={d.id} data-testid="webhook-delivery">
                  <Td>
                    <div>{t(`webhooks.event.${d.event.type as WebhookEventType}`)}</div>
                    <div className="text-xs text-zinc-500">{formatDateTime(d.createdAt, locale)}</div>
                    <code className="text-xs text-zinc-600">msg_{d.event.id}</code>
                  </Td>
                  <Td>
                    <Badge tone={TONE[d.status]}>{t(`webhooks.deliveryStatus.${d.status}`)}</Badge>
                    {d.status === "PENDING" && d.attempts > 0 && (
                      <div className="mt-1 text-xs text-zinc-500">
                        {t("webhooks.nextAttempt")}: {formatDateTime(d.nextAttemptAt, locale)}
                      </div>
                    )}
                  </Td>
                  <Td className="text-xs">
                    <ul>
                      {d.attemptLog.map((a) => (
                        <li key={a.at.toISOString()} className="tabular-nums">
                          {formatDateTime(a.at, locale)} · {a.status ?? t("webhooks.noAnswer")} · {a.durationMs} ms
                        </li>
                      ))}
                    </ul>
                  </Td>
                  <Td className="text-right">
                    {d.status !== "PENDING" && (
                      <ActionButton action={replayWebhookAction.bind(null, { id: d.id })} label={t("webhooks.replay")} done={t("webhooks.replayed")} />
                    )}
                  </Td>
                </tr>
              ))}
            </tbody>
          </Table>
        )}
      </Card>
      <Pagination page={data.page} pageCount={data.pageCount} t={t} href={(page) => `/admin/settings/webhooks/${id}?page=${page}`} />
    </>
  );
}
