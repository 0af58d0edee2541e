import { readSettings } from "@/lib/settings/queries";
import type { Metadata } from "next";
import Link from "next/link";
import { PublicShell } from "@/components/policy/public-shell";
import { Badge } from "@/components/ui/badge";
import { buttonVariants } from "@/components/ui/button";
import { currentCustomer } from "@/lib/auth/customer-session";
import { formatDate, formatDateTime } from "@/lib/i18n/format";
import { getT } from "@/lib/i18n/server";
import type { Translate } from "@/lib/i18n/translate";
import { myOverview } from "@/lib/privacy-requests/queries/my-data";
import { CLOSED_STATUSES, completionPeriod } from "@/lib/privacy-requests/deadlines";
import { periodLabel } from "@/lib/i18n/labels";
import { breachReference } from "@/lib/breaches/schemas";
import { signOutCustomerAction } from "./actions";
import { CancelRequestButton } from "./_components/cancel-request-button";
import { ConsentToggle } from "./_components/consent-toggle";
import { CorrectionForm } from "./_components/correction-form";
import { DeletionForm } from "./_components/deletion-form";
import { MarketingLimitForm } from "./_components/marketing-limit-form";
import { ObjectionButton } from "./_components/objection-button";
import { SignInForm } from "./_components/sign-in-form";

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getT();
  return { title: t("me.title") };
}

function Section({ id, title, description, children }: { id: string; title: string; description?: string; children: React.ReactNode }) {
  return (
    <section aria-labelledby={id} className="rounded-lg border border-zinc-200 bg-white p-5 sm:p-6">
      <h2 id={id} className="text-lg font-semibold">
        {title}
      </h2>
      {description && <p className="mt-1 text-sm text-zinc-600">{description}</p>}
      <div className="mt-4">{children}</div>
    </section>
  );
}

function daysLeftText(t: Translate, daysLeft: number | null, urgency: string) {
  if (daysLeft === null) return "";
  if (urgency === "overdue") return t("me.overdue");
  return daysLeft === 0 ? t("me.dueToday") : t("me.daysLeft", { days: daysLeft });
}

export default async function MyDataPage() {
  const { t, locale } = await getT();
  const actor = await currentCustomer();
  if (!actor) {
    return (
      <PublicShell>
        <div className="mx-auto max-w-md space-y-4">
          <h1 className="text-2xl font-semibold">{t("me.title")}</h1>
          <p className="text-zinc-700">{t("me.signInIntro")}</p>
          <SignInForm />
          <p className="text-xs text-zinc-500">{t("me.signInPrivacy")}</p>
        </div>
      </PublicShell>
    );
  }

  const [{ customer, purposes, disclosures, requests, breachNotices }, settings] = await Promise.all([myOverview(actor), readSettings()]);
  const pendingDeletion = requests.find((r) => r.type === "DELETE" && !CLOSED_STATUSES.includes(r.status));
  const label = (p: { labelVi: string; labelEn: string }) => (locale === "en" ? p.labelEn : p.labelVi);
  const details: [string, string | null][] = [
    [t("publicForm.field.fullName"), customer.fullName],
    [t("publicForm.field.email"), customer.email],
    [t("publicForm.field.phone"), customer.phone],
    [t("publicForm.field.address"), customer.address],
    [t("publicForm.field.organization"), customer.organization],
  ];
  return (
    <PublicShell>
      <div className="space-y-6">
        <div className="flex flex-wrap items-start justify-between gap-3">
          <div>
            <h1 className="text-2xl font-semibold">{t("me.title")}</h1>
            <p className="mt-1 text-sm text-zinc-600">{t("me.intro")}</p>
          </div>
          <form action={signOutCustomerAction}>
            <button type="submit" className={buttonVariants({ variant: "secondary", size: "sm" })}>
              {t("me.signOut")}
            </button>
          </form>
        </div>

        {breachNotices.map((n) => (
          <section
            key={n.number}
            className="rounded-lg border border-amber-300 bg-amber-50 p-4"
            data-testid="breach-notice"
            aria-labelledby={`breach-${n.number}`}
          >
            <h2 id={`breach-${n.number}`} className="font-semibold text-amber-900">
              {t("me.breachTitle", { reference: breachReference(n.number), date: formatDate(n.notifiedAt, locale) })}
            </h2>
            <p className="mt-2 whitespace-pre-wrap text-sm text-amber-950">{locale === "en" ? n.customerNoticeEn : n.customerNoticeVi}</p>
          </section>
        ))}

        <nav aria-label={t("me.sections")} className="flex flex-wrap gap-2 text-sm">
          {[
            ["me-data", t("me.dataTitle")],
            ["me-purposes", t("me.purposesTitle")],
            ["me-sharing", t("me.sharingTitle")],
            ["me-requests", t("me.requestsTitle")],
            ["me-delete", t("me.deleteTitle")],
          ].map(([id, text]) => (
            <a key={id} href={`#${id}`} className="rounded-full border border-zinc-300 bg-white px-3 py-1 hover:bg-zinc-50">
              {text}
            </a>
          ))}
        </nav>

        <Section id="me-data" title={t("me.dataTitle")} description={t("me.dataSince", { date: formatDate(customer.createdAt, locale) })}>
          <dl className="grid gap-x-6 gap-y-3 sm:grid-cols-[max-content_1fr]" data-testid="my-details">
            {details.map(([name, value]) => (
              <div key={name} className="contents">
                <dt className="text-sm text-zinc-500">{name}</dt>
                <dd className="break-words text-sm">{value || <span className="text-zinc-400">{t("me.notHeld")}</span>}</dd>
              </div>
            ))}
          </dl>
          {/* Downloads are POSTs: each one is recorded, and opening a link must not record anything. */}
          <div className="mt-5 flex flex-wrap gap-2" id="export">
            {(["json", "csv"] as const).map((format) => (
              <form key={format} method="post" action="/privacy/me/export">
                <input type="hidden" name="format" value={format} />
                <button type="submit" className={buttonVariants({ variant: "secondary", size: "sm" })}>
                  {t(format === "json" ? "me.downloadJson" : "me.downloadCsv")}
                </button>
              </form>
            ))}
          </div>
          <details className="mt-5 rounded-md border border-zinc-200 p-3">
            <summary className="cursor-pointer text-sm font-medium">{t("me.correctionTitle")}</summary>
            <div className="mt-3">
              <CorrectionForm />
            </div>
          </details>
        </Section>

        <Section id="me-purposes" title={t("me.purposesTitle")} description={t("me.purposesIntro")}>
          <ul className="divide-y divide-zinc-100">
            {purposes.map(({ purpose, current, history }) => {
              const granted = current?.action === "GRANTED";
              const latest = history[0];
              return (
                <li key={purpose.key} className="py-4 first:pt-0 last:pb-0" data-testid="my-purpose">
                  <div className="flex flex-wrap items-start justify-between gap-3">
                    <div className="min-w-0 flex-1">
                      <h3 className="font-medium">{label(purpose)}</h3>
                      <p className="text-sm text-zinc-600">{locale === "en" ? purpose.descriptionEn : purpose.descriptionVi}</p>
                      <p className="mt-1 flex flex-wrap items-center gap-2 text-xs text-zinc-500">
                        <Badge tone={purpose.legalBasis !== "CONSENT" ? "neutral" : granted ? "success" : current ? "warning" : "neutral"}>
                          {purpose.legalBasis !== "CONSENT"
                            ? t(`consent.basis.${purpose.legalBasis as "CONTRACT"}`)
                            : granted
                              ? t("me.stateGranted")
                              : current?.action === "LAPSED"
                                ? t("me.stateLapsed")
                                : current
                                  ? t("me.stateWithdrawn")
                                  : t("me.stateNone")}
                        </Badge>
                        {latest && (
                          <span>
                            {t("me.since", { date: formatDateTime(latest.givenAt, locale) })}
                            {latest.policyVersion ? ` · ${t("me.underPolicy", { number: latest.policyVersion.number })}` : ""}
                          </span>
                        )}
                      </p>
                    </div>
                    {purpose.legalBasis === "CONSENT" ? (
                      <ConsentToggle purposeKey={purpose.key} label={label(purpose)} granted={granted} />
                    ) : (
                      // Not a matter of consent: nothing to switch, and the page says why.
                      <p className="max-w-xs text-sm text-zinc-600" data-testid="not-consent-based">
                        {t(`me.basisNote.${purpose.legalBasis as "CONTRACT"}`)}
                      </p>
                    )}
                  </div>
                  {history.length > 0 && (
                    <details className="mt-2 text-sm">
                      <summary className="cursor-pointer text-brand-800">{t("me.history", { count: history.length })}</summary>
                      <ol className="mt-2 space-y-1.5 border-l-2 border-zinc-200 pl-3">
                        {history.map((e) => (
                          <li key={e.id}>
                            <span className="font-medium">
                              {e.action === "GRANTED" ? t("me.eventGranted") : e.action === "LAPSED" ? t("me.eventLapsed") : t("me.eventWithdrawn")}
                            </span>{" "}
                            <span className="text-zinc-600">
                              {formatDateTime(e.givenAt, locale)} · {t(`me.source.${e.source}`)}
                              {e.form ? ` (${locale === "en" ? e.form.titleEn : e.form.titleVi})` : ""}
                              {e.policyVersion ? ` · ${t("me.underPolicy", { number: e.policyVersion.number })}` : ""}
                            </span>
                          </li>
                        ))}
                      </ol>
                      <Link href={`/privacy/me/receipts/${purpose.key}`} className="mt-2 inline-block text-brand-800 underline">
                        {t("me.receipt")}
                      </Link>
                    </details>
                  )}
                </li>
              );
            })}
          </ul>
          <div className="mt-5 border-t border-zinc-100 pt-4">
            <MarketingLimitForm current={customer.marketingDailyLimit ?? 1} />
          </div>
        </Section>

        <Section id="me-sharing" title={t("me.sharingTitle")} description={t("me.sharingIntro")}>
          {disclosures.length === 0 ? (
            <p className="text-sm text-zinc-600" data-testid="my-disclosures">
              {t("me.notShared")}
            </p>
          ) : (
            <ul className="space-y-2 text-sm" data-testid="my-disclosures">
              {disclosures.map((d) => (
                <li key={d.id} className="rounded-md border border-zinc-200 p-3">
                  <p className="font-medium">
                    {d.recipient.name} <span className="font-normal text-zinc-500">· {t(`disclosures.category.${d.recipient.category}`)}</span>
                  </p>
                  <p className="text-zinc-600">
                    {d.fields.map((f) => t(`disclosures.field.${f as "fullName"}`)).join(", ")}
                    {d.approvedAt ? ` · ${formatDate(d.approvedAt, locale)}` : ""}
                  </p>
                  <p className="text-zinc-600">{d.reason}</p>
                  {d.notices.map((n) => (
                    <p key={n.kind} className="mt-1 text-emerald-800" data-testid="recipient-notice">
                      {n.queuedAt
                        ? t("me.disclosures.told", {
                            recipient: d.recipient.name,
                            kind: t(`me.disclosures.kind.${n.kind}`),
                            date: formatDate(n.queuedAt, locale),
                          })
                        : t("me.disclosures.toldPending", { recipient: d.recipient.name })}
                    </p>
                  ))}
                </li>
              ))}
            </ul>
          )}
          <div className="mt-4">
            {customer.sharingObjectedAt ? (
              <p className="text-sm text-emerald-800" data-testid="objection-state">
                {t("me.objectedSince", { date: formatDate(customer.sharingObjectedAt, locale) })}
              </p>
            ) : (
              <>
                <p className="mb-2 text-sm text-zinc-600">{t("me.objectIntro")}</p>
                <ObjectionButton />
              </>
            )}
          </div>
        </Section>

        <Section id="me-requests" title={t("me.requestsTitle")}>
          {requests.length === 0 ? (
            <p className="text-sm text-zinc-600">{t("me.noRequests")}</p>
          ) : (
            <ul className="divide-y divide-zinc-100 text-sm" data-testid="my-requests">
              {requests.map((r) => (
                <li key={r.id} className="flex flex-wrap items-center justify-between gap-2 py-2.5">
                  <div>
                    <span className="font-medium">{t(`requests.type.${r.type}`)}</span>{" "}
                    <span className="text-zinc-500">
                      · {r.reference} · {formatDate(r.receivedAt, locale)}
                    </span>
                    <div className="mt-0.5 flex flex-wrap items-center gap-2">
                      <Badge
                        tone={
                          r.status === "COMPLETED" ? "success" : CLOSED_STATUSES.includes(r.status) ? "neutral" : r.urgency === "overdue" ? "danger" : "info"
                        }
                      >
                        {t(`requests.status.${r.status}`)}
                      </Badge>
                      {!CLOSED_STATUSES.includes(r.status) && (
                        <span className="text-xs text-zinc-600">
                          {t("me.answerBy", {
                            date: formatDate(r.extendedDueAt ?? r.dueAt, locale),
                            period: periodLabel(t, completionPeriod(r.rule, r.involvesThirdParty), r.rule.completeUnit),
                          })}{" "}
                          · {daysLeftText(t, r.daysLeft, r.urgency)}
                        </span>
                      )}
                    </div>
                  </div>
                  {!CLOSED_STATUSES.includes(r.status) && <CancelRequestButton id={r.id} reference={r.reference} />}
                </li>
              ))}
            </ul>
          )}
        </Section>

        <Section id="me-delete" title={t("me.deleteTitle")} description={t("me.deleteIntro")}>
          <DeletionForm
            pending={
              pendingDeletion
                ? { reference: pendingDeletion.reference, answerBy: formatDate(pendingDeletion.extendedDueAt ?? pendingDeletion.dueAt, locale) }
                : undefined
            }
          />
        </Section>

        <p className="text-sm text-zinc-600" data-testid="dpo-contact">
          <span className="font-medium text-zinc-800">{t("public.dpoTitle")}:</span>{" "}
          {t("public.dpo", { name: settings.dpoName, email: settings.dpoEmail, phone: settings.dpoPhone })}
        </p>
      </div>
    </PublicShell>
  );
}
