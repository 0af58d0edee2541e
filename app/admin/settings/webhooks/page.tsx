import type { Metadata } from "next";
import Link from "next/link";
import { ActionButton } from "@/components/admin/action-button";
import { PageHeader } from "@/components/admin/page-header";
import { Badge } from "@/components/ui/badge";
import { Card, CardBody, CardHeader, CardTitle } from "@/components/ui/card";
import { requireArea } from "@/lib/auth/session";
import { formatDateTime, formatNumber } from "@/lib/i18n/format";
import { getT } from "@/lib/i18n/server";
import type { WebhookEventType } from "@/lib/webhooks/events";
import { listWebhookEndpoints } from "@/lib/webhooks/queries";
import { deleteWebhookAction, setWebhookEnabledAction } from "../actions";
import { WebhookForm } from "./_components/webhook-form";

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getT();
  return { title: t("webhooks.title") };
}

export default async function WebhooksPage() {
  const actor = await requireArea("settings");
  const { t, locale } = await getT();
  const endpoints = await listWebhookEndpoints(actor);
  return (
    <>
      <Link href="/admin/settings" className="text-sm text-brand-800 hover:underline">
        ← {t("nav.settings")}
      </Link>
      <PageHeader title={t("webhooks.title")} description={t("webhooks.intro")} />
      <div className="grid gap-6 lg:grid-cols-3">
        <div className="space-y-4 lg:col-span-2">
          {endpoints.length === 0 && (
            <Card>
              <CardBody>
                <p className="font-medium">{t("webhooks.empty")}</p>
                <p className="text-sm text-zinc-600">{t("webhooks.emptyHelp")}</p>
              </CardBody>
            </Card>
          )}
          {endpoints.map((e) => (
            <Card key={e.id} data-testid="webhook-endpoint">
              <CardBody className="space-y-2">
                <div className="flex flex-wrap items-start justify-between gap-2">
                  <div className="min-w-0">
                    <Link href={`/admin/settings/webhooks/${e.id}`} className="font-mono text-sm break-all text-brand-800 hover:underline">
                      {e.url}
                    </Link>
                    {e.description && <p className="text-sm text-zinc-600">{e.description}</p>}
                  </div>
                  {e.enabled ? <Badge tone="success">{t("webhooks.enabled")}</Badge> : <Badge tone="warning">{t("webhooks.disabled")}</Badge>}
                </div>
                <div className="flex flex-wrap gap-1">
                  {e.events.map((ev) => (
                    <Badge key={ev}>{t(`webhooks.event.${ev as WebhookEventType}`)}</Badge>
                  ))}
                </div>
                <p className="text-xs text-zinc-600">
                  {t("webhooks.deliveryStatus.SUCCEEDED")}: {formatNumber(e.succeeded, locale)} · {t("webhooks.deliveryStatus.PENDING")}:{" "}
                  {formatNumber(e.pending, locale)} · {t("webhooks.deliveryStatus.FAILED")}: {formatNumber(e.failed, locale)} · {t("webhooks.secret")}: whsec_
                  {e.secretHint}…
                </p>
                {e.disabledReason === "key_revoked" && (
                  <p className="text-xs text-amber-800" role="status">
                    {t("webhooks.disabledReason.key_revoked")}
                  </p>
                )}
                {e.failingSince && (
                  <p className="text-xs text-amber-800" role="status">
                    {t(e.enabled ? "webhooks.failingSince" : "webhooks.disabledReason.failing", { since: formatDateTime(e.failingSince, locale) })}
                  </p>
                )}
                <div className="flex flex-wrap gap-2">
                  <ActionButton
                    action={setWebhookEnabledAction.bind(null, { id: e.id, enabled: !e.enabled })}
                    label={t(e.enabled ? "webhooks.disable" : "webhooks.enable")}
                  />
                  <ActionButton
                    action={deleteWebhookAction.bind(null, { id: e.id })}
                    label={t("webhooks.delete")}
                    variant="danger"
                    confirm={{ title: t("webhooks.deleteConfirm"), confirmLabel: t("webhooks.delete"), tone: "danger" }}
                  />
                </div>
              </CardBody>
            </Card>
          ))}
        </div>
        <Card>
          <CardHeader>
            <CardTitle>{t("webhooks.create")}</CardTitle>
          </CardHeader>
          <CardBody>
            <WebhookForm />
          </CardBody>
        </Card>
      </div>
    </>
  );
}
