import { Badge } from "@/components/ui/badge";
import type { ConsentEventRow } from "@/lib/consent/queries";
import type { Locale } from "@/lib/i18n/config";
import { formatDate, formatDateTime } from "@/lib/i18n/format";
import type { Translate } from "@/lib/i18n/translate";
import { PostButton } from "@/components/admin/post-button";

type Purpose = { key: string; labelVi: string; labelEn: string; legalBasis: string };
type Item = { purpose: Purpose; current: { action: "GRANTED" | "WITHDRAWN" | "LAPSED"; givenAt: Date } | null; events: ConsentEventRow[] };

function how(e: ConsentEventRow, t: Translate, locale: Locale) {
  if (e.source === "FORM") return t("consent.via.form", { form: e.form ? (locale === "en" ? e.form.titleEn : e.form.titleVi) : "—" });
  if (e.source === "STAFF") return t("consent.via.staff", { name: e.staff?.name ?? "—", method: e.method ? t(`consent.method.${e.method as "PAPER"}`) : "—" });
  return t(`consent.via.${e.source === "IMPORT" ? "import" : "self"}`);
}

/** Consent per purpose: the current state at a glance, the full history one click away. */
export function ConsentTimeline({ items, t, locale }: { items: Item[]; t: Translate; locale: Locale }) {
  return (
    <ul className="divide-y divide-zinc-100">
      {items.map(({ purpose, current, events }) => (
        <li key={purpose.key} className="py-3" data-testid={`consent-${purpose.key}`}>
          <details>
            <summary className="flex cursor-pointer list-none flex-wrap items-center justify-between gap-2">
              <span className="font-medium">{locale === "en" ? purpose.labelEn : purpose.labelVi}</span>
              <span className="flex items-center gap-2 text-sm">
                {purpose.legalBasis !== "CONSENT" && <Badge tone="neutral">{t(`consent.basis.${purpose.legalBasis as "CONTRACT"}`)}</Badge>}
                {current ? (
                  <Badge tone={current.action === "GRANTED" ? "success" : "danger"} data-testid="consent-state">
                    {t(`consent.state.${current.action}`)} · {formatDate(current.givenAt, locale)}
                  </Badge>
                ) : (
                  <Badge tone="neutral" data-testid="consent-state">
                    {t("consent.state.NONE")}
                  </Badge>
                )}
                <span className="text-xs text-zinc-500">{t("consent.eventCount", { count: events.length })}</span>
              </span>
            </summary>
            {events.length > 0 && (
              <ol className="mt-3 space-y-3 border-l-2 border-zinc-200 pl-4">
                {events.map((e) => {
                  const evidence = (e.evidence ?? {}) as { attachment?: { id: string; filename: string } | null; note?: string | null };
                  return (
                    <li key={e.id} className="text-sm">
                      <div className="flex flex-wrap items-center gap-2">
                        <Badge tone={e.action === "GRANTED" ? "success" : e.action === "LAPSED" ? "warning" : "danger"}>
                          {t(`consent.action.${e.action}`)}
                        </Badge>
                        <span className="font-medium">{formatDateTime(e.givenAt, locale)}</span>
                        <span className="text-zinc-600">{how(e, t, locale)}</span>
                        {e.mergedFromId && (
                          <Badge tone="info" title={e.mergedFromId}>
                            {t("customers.mergedFrom", { id: e.mergedFromId.slice(0, 8) })}
                          </Badge>
                        )}
                      </div>
                      <p className="mt-1 text-zinc-700">“{e.wording}”</p>
                      <dl className="mt-1 flex flex-wrap gap-x-4 gap-y-0.5 text-xs text-zinc-500">
                        <div>
                          <dt className="inline">{t("consent.policy")}: </dt>
                          <dd className="inline">{e.policyVersion ? `v${e.policyVersion.number}` : "—"}</dd>
                        </div>
                        {e.documentRef && (
                          <div>
                            <dt className="inline">{t("consent.documentRef")}: </dt>
                            <dd className="inline">{e.documentRef}</dd>
                          </div>
                        )}
                        {e.ip && (
                          <div>
                            <dt className="inline">IP: </dt>
                            <dd className="inline">{e.ip}</dd>
                          </div>
                        )}
                        {e.userAgent && (
                          <div className="max-w-md truncate" title={e.userAgent}>
                            <dt className="inline">{t("consent.browser")}: </dt>
                            <dd className="inline">{e.userAgent}</dd>
                          </div>
                        )}
                        <div>
                          <dt className="inline">{t("consent.recordedAt")}: </dt>
                          <dd className="inline">{formatDateTime(e.createdAt, locale)}</dd>
                        </div>
                        {evidence.attachment && (
                          <div>
                            <dt className="sr-only">{t("consent.scan")}</dt>
                            <dd className="inline">
                              <PostButton variant="link" action={`/admin/attachments/${evidence.attachment.id}`}>
                                {evidence.attachment.filename}
                              </PostButton>
                            </dd>
                          </div>
                        )}
                      </dl>
                      {evidence.note && <p className="mt-1 text-xs text-zinc-600">{evidence.note}</p>}
                    </li>
                  );
                })}
              </ol>
            )}
          </details>
        </li>
      ))}
    </ul>
  );
}
