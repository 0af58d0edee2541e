import { describeLastError } from "@/lib/email/last-error";
import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { PageHeader } from "@/components/admin/page-header";
import { Alert } from "@/components/ui/alert";
import { Card, CardBody, CardHeader, CardTitle } from "@/components/ui/card";
import { requireArea } from "@/lib/auth/session";
import { getOutboxMessage } from "@/lib/email/queries";
import { SECRET_LINK } from "@/lib/email/secret-link";
import { escapeHtml } from "@/lib/html/escape";
import { formatDateTime } from "@/lib/i18n/format";
import { getT } from "@/lib/i18n/server";
import { EmailStatusBadge } from "../_components/status-badge";
import { RequeueButton } from "../_components/requeue-button";

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getT();
  return { title: t("nav.outbox") };
}

export default async function OutboxMessagePage({ params }: { params: Promise<{ id: string }> }) {
  const actor = await requireArea("outbox");
  const { t, locale } = await getT();
  const found = await getOutboxMessage(actor, (await params).id);
  if (!found) notFound();
  // The stored body has a placeholder where a one-time link goes; say so instead.
  const hidden = t("outbox.linkHidden");
  const message = { ...found, html: found.html.replaceAll(SECRET_LINK, escapeHtml(hidden)), text: found.text.replaceAll(SECRET_LINK, hidden) };
  return (
    <>
      <Link href="/admin/outbox" className="text-sm text-brand-800 hover:underline">
        ← {t("outbox.back")}
      </Link>
      <PageHeader
        title={message.subject}
        actions={(message.status === "FAILED" || message.status === "CAPTURED") && !message.carriesSecret && <RequeueButton id={message.id} />}
      />
      {message.carriesSecret && (
        <Alert tone="info" className="mb-4">
          {t("outbox.secretNotice")}
        </Alert>
      )}
      <Card className="mb-6">
        <CardBody>
          <dl className="grid gap-x-6 gap-y-2 text-sm sm:grid-cols-[10rem_1fr]">
            <dt className="text-zinc-500">{t("outbox.to")}</dt>
            <dd>{message.to}</dd>
            <dt className="text-zinc-500">{t("outbox.statusLabel")}</dt>
            <dd>
              <EmailStatusBadge status={message.status} t={t} />
            </dd>
            <dt className="text-zinc-500">{t("outbox.created")}</dt>
            <dd>{formatDateTime(message.createdAt, locale)}</dd>
            {message.sentAt && (
              <>
                <dt className="text-zinc-500">{t("outbox.sentAt")}</dt>
                <dd>{formatDateTime(message.sentAt, locale)}</dd>
              </>
            )}
            <dt className="text-zinc-500">{t("outbox.attemptsLabel")}</dt>
            <dd>{message.attempts}</dd>
            {message.lastError && (
              <>
                <dt className="text-zinc-500">{t("outbox.lastError")}</dt>
                <dd className="text-red-700">{describeLastError(message.lastError, t)}</dd>
              </>
            )}
          </dl>
        </CardBody>
      </Card>
      {message.withheld ? (
        <Alert tone="info" data-testid="email-withheld">
          {t("outbox.withheld")}
        </Alert>
      ) : (
        <div className="grid gap-6 xl:grid-cols-2">
          <Card>
            <CardHeader>
              <CardTitle>{t("outbox.html")}</CardTitle>
            </CardHeader>
            {/* sandbox without scripts: the message renders like a mail client would, isolated from the app */}
            <iframe title={t("outbox.html")} sandbox="" srcDoc={message.html} className="h-[32rem] w-full rounded-b-lg bg-white" />
          </Card>
          <Card>
            <CardHeader>
              <CardTitle>{t("outbox.text")}</CardTitle>
            </CardHeader>
            <CardBody>
              <pre className="text-sm whitespace-pre-wrap" data-testid="email-text">
                {message.text}
              </pre>
            </CardBody>
          </Card>
        </div>
      )}
    </>
  );
}
