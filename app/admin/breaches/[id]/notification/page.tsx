import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { Paper, PaperSection, SignatureBlock } from "@/components/admin/paper";
import { PrintButton } from "@/components/ui/print-button";
import { requireArea } from "@/lib/auth/session";
import { getBreach } from "@/lib/breaches/queries";
import { breachReference } from "@/lib/breaches/schemas";
import { now } from "@/lib/clock";
import { formatDateTime, formatNumber } from "@/lib/i18n/format";
import { getT } from "@/lib/i18n/server";
import { readSettings } from "@/lib/settings/queries";

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getT();
  return { title: t("breaches.notification.title") };
}

/**
 * The notification to the authority (the Ministry of Public Security's data-protection department),
 * laid out with what it asks for: who reports, what happened and when, which data and how many
 * people, likely consequences, measures taken, a contact, and the reason for any delay past 72 hours.
 */
export default async function BreachNotificationPage({ params }: { params: Promise<{ id: string }> }) {
  const actor = await requireArea("breaches");
  const { t, locale } = await getT();
  const b = await getBreach(actor, (await params).id);
  if (!b) notFound();
  const [settings, at] = await Promise.all([readSettings(), now()]);
  const late = b.clock.state === "late" || b.clock.state === "overdue";
  return (
    <>
      <div className="mb-4 flex flex-wrap items-center gap-3 print:hidden">
        <Link href={`/admin/breaches/${b.id}`} className="text-sm text-brand-800 hover:underline">
          ← {breachReference(b.number)}
        </Link>
        <PrintButton label={t("breaches.notification.print")} />
      </div>
      <Paper testId="breach-notification">
        <header className="space-y-1 text-center">
          <p className="text-sm font-semibold uppercase">{t("breaches.notification.nation")}</p>
          <p className="text-sm">{t("breaches.notification.motto")}</p>
          <h1 className="pt-4 text-lg font-bold uppercase">{t("breaches.notification.title")}</h1>
          <p className="text-sm">{t("breaches.notification.to")}</p>
          <p className="text-xs text-zinc-600">
            {t("breaches.notification.ref", { reference: breachReference(b.number), date: formatDateTime(b.authorityNotifiedAt ?? at, locale) })}
          </p>
        </header>
        <PaperSection n={1} title={t("breaches.notification.reporter")}>
          <p>{locale === "en" ? settings.companyNameEn : settings.companyName}</p>
          <p>{locale === "en" ? settings.companyAddressEn : settings.companyAddress}</p>
          <p>
            {t("breaches.notification.contact", {
              name: b.handler.name,
              email: b.handler.email,
              dpo: t("public.dpo", { name: settings.dpoName, email: settings.dpoEmail, phone: settings.dpoPhone }),
            })}
          </p>
        </PaperSection>
        <PaperSection n={2} title={t("breaches.notification.what")}>
          <p>
            {t("breaches.notification.when", {
              detected: formatDateTime(b.detectedAt, locale),
              occurred: b.occurredAt ? formatDateTime(b.occurredAt, locale) : t("breaches.notification.unknown"),
            })}
          </p>
          <p className="whitespace-pre-wrap">{b.description}</p>
        </PaperSection>
        <PaperSection n={3} title={t("breaches.notification.data")}>
          <p>
            {b.dataCategories.map((c) => t(`breaches.category.${c as "email"}`)).join(", ")}
            {b.otherCategories && ` (${b.otherCategories})`}
          </p>
          <p>{t("breaches.notification.subjects", { count: formatNumber(b.approxSubjects, locale), linked: formatNumber(b.counts.linked, locale) })}</p>
        </PaperSection>
        <PaperSection n={4} title={t("breaches.field.consequences")}>
          <p className="whitespace-pre-wrap">{b.consequences}</p>
        </PaperSection>
        <PaperSection n={5} title={t("breaches.field.measures")}>
          <p className="whitespace-pre-wrap">{b.measures}</p>
          <p>{t("breaches.notification.customersTold", { notified: formatNumber(b.counts.notified, locale) })}</p>
        </PaperSection>
        {late && (
          <PaperSection n={6} title={t("breaches.notification.delay")}>
            <p className="whitespace-pre-wrap">{b.lateReason ?? t("breaches.notification.delayMissing")}</p>
          </PaperSection>
        )}
        <SignatureBlock title={t("breaches.notification.signature")} hint={t("breaches.notification.signatureHint")} name={b.handler.name} />
      </Paper>
    </>
  );
}
