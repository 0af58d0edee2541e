import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { PageHeader } from "@/components/admin/page-header";
import { RevealContact } from "@/components/admin/reveal-contact";
import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { Pagination } from "@/components/ui/pagination";
import { Table, Td, Th } from "@/components/ui/table";
import { requireArea } from "@/lib/auth/session";
import { answerText } from "@/lib/forms/definition";
import { getForm } from "@/lib/forms/queries";
import { formatDateTime, formatNumber } from "@/lib/i18n/format";
import { getT } from "@/lib/i18n/server";
import { listSubmissions } from "@/lib/submissions/queries";
import { FormTabs } from "../../_components/form-tabs";
import { revealSubmissionContactAction } from "../../actions";
import { PostButton } from "@/components/admin/post-button";
import { ActionButton } from "@/components/admin/action-button";
import { markSubmissionsSeen } from "@/lib/leads/mutations";
import { answeredByNames, leadWatchers } from "@/lib/leads/queries";
import { LeadWatchersForm } from "../../_components/lead-watchers-form";
import { markAnsweredAction } from "../../actions";

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getT();
  return { title: t("forms.tab.submissions") };
}

export default async function SubmissionsPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<{ page?: string }> }) {
  const actor = await requireArea("forms");
  const { t, locale } = await getT();
  const form = await getForm(actor, (await params).id);
  if (!form) notFound();
  const data = await listSubmissions(actor, form.id, { page: Number((await searchParams).page) || 1 });
  // What is new to this viewer: submitted since they last opened this list.
  const [lastSeen, people, answeredBy] = await Promise.all([
    markSubmissionsSeen(actor, form.id),
    leadWatchers(actor, form.id),
    answeredByNames(
      actor,
      data.rows.flatMap((r) => (r.answeredById ? [r.answeredById] : [])),
    ),
  ]);
  const title = locale === "en" ? form.titleEn : form.titleVi;
  const labelOf = (key: string) => {
    const purpose = form.purposes.find((p) => p.key === key);
    return purpose ? (locale === "en" ? purpose.labelEn : purpose.labelVi) : key;
  };
  return (
    <>
      <PageHeader
        title={title}
        description={t("forms.submissionsCount", { count: formatNumber(data.total, locale) })}
        actions={
          <div className="flex flex-wrap gap-2">
            <FormTabs id={form.id} kind={form.kind} current="submissions" t={t} />
            {data.total > 0 && (
              <PostButton action={`/admin/forms/${form.id}/export`} size="md">
                {t("forms.exportCsv")}
              </PostButton>
            )}
          </div>
        }
      />
      <details className="mb-4 rounded-lg border border-zinc-200 bg-white px-5 py-3" data-testid="lead-watchers">
        <summary className="cursor-pointer text-sm font-medium">
          {t("leads.notify")}
          <span className="ml-2 font-normal text-zinc-500">
            ({people.filter((p) => p.mode).length}/{people.length})
          </span>
        </summary>
        <p className="mt-2 mb-3 text-sm text-zinc-600">{t("leads.notifyIntro")}</p>
        <LeadWatchersForm formId={form.id} people={people} />
      </details>
      <Card>
        {data.rows.length === 0 ? (
          <p className="px-5 py-12 text-center text-sm text-zinc-500">{t("forms.noSubmissions")}</p>
        ) : (
          <Table>
            <thead>
              <tr>
                <Th>{t("forms.submittedAt")}</Th>
                <Th>{t("forms.customer")}</Th>
                <Th>{t("forms.consentsGranted")}</Th>
                <Th>{t("forms.answers")}</Th>
                <Th>{t("leads.followUp")}</Th>
              </tr>
            </thead>
            <tbody>
              {data.rows.map((s) => {
                const fields = s.fields;
                const reveal = revealSubmissionContactAction.bind(null, { submissionId: s.id });
                // Confirmed ones became consent events; the others wait for the owner of the email.
                const pending = s.confirmationStatus === "CONFIRMED" ? [] : (s.pendingConsents as { key: string }[]).map((p) => p.key);
                return (
                  <tr key={s.id} data-testid="submission-row">
                    <Td className="whitespace-nowrap">
                      {(!lastSeen || s.createdAt > lastSeen) && (
                        <Badge tone="info" className="mr-1" data-testid="new-submission">
                          {t("leads.new")}
                        </Badge>
                      )}
                      {formatDateTime(s.createdAt, locale)}
                      <div className="text-xs text-zinc-500 uppercase">{s.locale}</div>
                    </Td>
                    <Td>
                      <div className="font-medium">{s.customer?.fullName ?? fields.fullName ?? t("forms.anonymous")}</div>
                      {fields.email && <div className="text-zinc-500">{fields.email}</div>}
                      {fields.phone && (
                        <div className="text-zinc-500">{s.masked ? <RevealContact reveal={reveal} masked={fields.phone} field="phone" /> : fields.phone}</div>
                      )}
                      {fields.address && (
                        <div className="text-zinc-500">
                          {s.masked ? <RevealContact reveal={reveal} masked={fields.address} field="address" /> : fields.address}
                        </div>
                      )}
                      {fields.organization && <div className="text-zinc-500">{fields.organization}</div>}
                    </Td>
                    <Td>
                      <div className="flex flex-wrap gap-1">
                        {s.consentEvents.length === 0 && pending.length === 0 && <span className="text-zinc-500">—</span>}
                        {s.consentEvents.map((c) => (
                          <Badge key={c.purpose.key} tone="success">
                            {locale === "en" ? c.purpose.labelEn : c.purpose.labelVi}
                          </Badge>
                        ))}
                        {pending.map((key) => (
                          <Badge key={key} tone="warning" title={t("forms.pendingConfirmationHint")} data-testid="pending-consent">
                            {labelOf(key)} · {t("forms.pendingConfirmation")}
                          </Badge>
                        ))}
                      </div>
                    </Td>
                    <Td className="max-w-sm text-zinc-700">
                      {form.questions
                        .filter((q) => (s.answers as Record<string, unknown>)[q.key] !== undefined)
                        .map((q) => {
                          const value = answerText(q, (s.answers as Record<string, unknown>)[q.key], locale);
                          return (
                            <div key={q.key} className="truncate" title={value}>
                              <span className="text-zinc-500">{locale === "en" ? q.labelEn : q.labelVi}:</span> {value}
                            </div>
                          );
                        })}
                    </Td>
                    <Td className="text-xs">
                      {s.answeredAt ? (
                        <span className="text-emerald-800" data-testid="answered">
                          {t("leads.answeredBy", { name: answeredBy.get(s.answeredById ?? "") ?? "—", time: formatDateTime(s.answeredAt, locale) })}
                        </span>
                      ) : (
                        <ActionButton
                          action={markAnsweredAction.bind(null, { submissionId: s.id })}
                          label={t("leads.markAnswered")}
                          done={t("leads.answered")}
                        />
                      )}
                    </Td>
                  </tr>
                );
              })}
            </tbody>
          </Table>
        )}
      </Card>
      <Pagination page={data.page} pageCount={data.pageCount} t={t} href={(page) => `/admin/forms/${form.id}/submissions?page=${page}`} />
    </>
  );
}
