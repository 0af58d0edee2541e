import type { Metadata } from "next";
import Link from "next/link";
import { PageHeader } from "@/components/admin/page-header";
import { Badge } from "@/components/ui/badge";
import { buttonVariants } from "@/components/ui/button";
import { Card, CardBody, CardHeader, CardTitle } from "@/components/ui/card";
import { requireArea } from "@/lib/auth/session";
import { formatDate, formatNumber } from "@/lib/i18n/format";
import { getT } from "@/lib/i18n/server";
import { purposeCatalogue } from "@/lib/purposes/queries";
import { readSettings } from "@/lib/settings/queries";

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getT();
  return { title: t("purposes.title") };
}

/** Every purpose the company processes data for: its legal basis, wording in both languages, how long data is kept, and what relies on it. */
export default async function PurposesPage() {
  const actor = await requireArea("policies");
  const { t, locale } = await getT();
  const [purposes, settings] = await Promise.all([purposeCatalogue(actor), readSettings()]);
  const fmt = (n: number) => formatNumber(n, locale);
  return (
    <>
      <Link href="/admin/policies" className="text-sm text-brand-800 hover:underline">
        ← {t("nav.policies")}
      </Link>
      <PageHeader title={t("purposes.title")} description={t("purposes.description")} />
      <ul className="space-y-4">
        {purposes.map((p) => (
          <li key={p.id}>
            <Card data-testid="purpose-card">
              <CardHeader className="flex flex-wrap items-start justify-between gap-3">
                <div className="space-y-1">
                  <CardTitle>{locale === "en" ? p.labelEn : p.labelVi}</CardTitle>
                  <div className="flex flex-wrap gap-2">
                    <Badge tone={p.legalBasis === "CONSENT" ? "info" : "neutral"}>{t(`purposes.basis.${p.legalBasis}`)}</Badge>
                    {p.legalBasis === "CONSENT" && <Badge tone="neutral">{t(p.immediate ? "purposes.immediate" : "purposes.confirmed")}</Badge>}
                    {!p.active && <Badge tone="warning">{t("purposes.inactive")}</Badge>}
                  </div>
                </div>
                <Link href={`/admin/policies/purposes/${p.key}`} className={buttonVariants({ variant: "secondary", size: "sm" })}>
                  {t("purposes.reword")}
                </Link>
              </CardHeader>
              <CardBody>
                <dl className="grid gap-x-6 gap-y-3 text-sm sm:grid-cols-[12rem_1fr]">
                  <dt className="text-zinc-500">{t("purposes.wordingVi")}</dt>
                  <dd lang="vi">
                    <span className="font-medium">{p.labelVi}</span>: {p.descriptionVi}
                  </dd>
                  <dt className="text-zinc-500">{t("purposes.wordingEn")}</dt>
                  <dd lang="en">
                    <span className="font-medium">{p.labelEn}</span>: {p.descriptionEn}
                  </dd>
                  <dt className="text-zinc-500">{t("purposes.version")}</dt>
                  <dd>
                    {p.rewordedAt
                      ? t("purposes.versionChanged", { number: p.version, date: formatDate(p.rewordedAt, locale) })
                      : t("purposes.versionFirst", { number: p.version })}
                  </dd>
                  <dt className="text-zinc-500">{t("purposes.retention")}</dt>
                  <dd>{t(`purposes.retention.${p.legalBasis}`, { days: settings.retentionGraceDays })}</dd>
                  {p.legalBasis === "CONSENT" && (
                    <>
                      <dt className="text-zinc-500">{t("purposes.consent")}</dt>
                      <dd>
                        <Link href={`/admin/customers?purpose=${p.key}&consent=GRANTED`} className="text-brand-800 underline underline-offset-2">
                          {t("purposes.granted", { count: fmt(p.granted) })}
                        </Link>
                        {" · "}
                        <Link href={`/admin/customers?purpose=${p.key}&consent=WITHDRAWN`} className="text-brand-800 underline underline-offset-2">
                          {t("purposes.withdrawn", { count: fmt(p.withdrawn) })}
                        </Link>
                      </dd>
                    </>
                  )}
                  <dt className="text-zinc-500">{t("purposes.forms")}</dt>
                  <dd>
                    {p.forms.length === 0 ? (
                      <span className="text-zinc-500">{t("purposes.noForms")}</span>
                    ) : (
                      <ul className="flex flex-wrap gap-x-4 gap-y-1">
                        {p.forms.map((f) => (
                          <li key={f.id}>
                            <Link href={`/admin/forms/${f.id}`} className="text-brand-800 underline underline-offset-2">
                              {locale === "en" ? f.titleEn : f.titleVi}
                            </Link>{" "}
                            <span className="text-xs text-zinc-500">({t(`forms.status.${f.status}`)})</span>
                          </li>
                        ))}
                      </ul>
                    )}
                  </dd>
                  {p.gate === "advertisingDisclosures" && (
                    <>
                      <dt className="text-zinc-500">{t("purposes.recipients")}</dt>
                      <dd>
                        {t("purposes.recipientsRule")}{" "}
                        {p.recipients.length === 0 ? (
                          <span className="text-zinc-500">{t("purposes.noRecipients")}</span>
                        ) : (
                          <Link href="/admin/disclosures/recipients" className="text-brand-800 underline underline-offset-2">
                            {p.recipients.map((r) => r.name).join(", ")}
                          </Link>
                        )}
                      </dd>
                    </>
                  )}
                  {p.gate === "promotionalMedia" && (
                    <>
                      <dt className="text-zinc-500">{t("purposes.media")}</dt>
                      <dd>
                        {t("purposes.mediaRule")}{" "}
                        <Link href="/admin/disclosures/media" className="text-brand-800 underline underline-offset-2">
                          {t("purposes.mediaCount", { count: fmt(p.mediaItems) })}
                        </Link>
                      </dd>
                    </>
                  )}
                </dl>
              </CardBody>
            </Card>
          </li>
        ))}
      </ul>
    </>
  );
}
