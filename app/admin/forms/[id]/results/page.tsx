import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { PageHeader } from "@/components/admin/page-header";
import { BarList } from "@/components/charts/bar-list";
import { DayColumns } from "@/components/charts/day-columns";
import { Card, CardBody, CardHeader, CardTitle } from "@/components/ui/card";
import { requireArea } from "@/lib/auth/session";
import type { StaffActor } from "@/lib/auth/actor";
import type { Question } from "@/lib/forms/definition";
import { getForm } from "@/lib/forms/queries";
import type { Locale } from "@/lib/i18n/config";
import { formatDate, formatDateTime, formatNumber } from "@/lib/i18n/format";
import { getT } from "@/lib/i18n/server";
import type { Translate } from "@/lib/i18n/translate";
import { answerCounts, latestTextAnswers, submissionsPerDay } from "@/lib/submissions/queries";
import { FormTabs } from "../../_components/form-tabs";

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getT();
  return { title: t("forms.tab.results") };
}

async function QuestionResult({ actor, formId, q, locale, t }: { actor: StaffActor; formId: string; q: Question; locale: Locale; t: Translate }) {
  const label = locale === "en" ? q.labelEn : q.labelVi;
  const fmt = (n: number) => formatNumber(n, locale);
  let body: React.ReactNode;
  if (q.type === "short_text" || q.type === "long_text") {
    const { latest, total } = await latestTextAnswers(actor, formId, q.key);
    body = (
      <>
        <p className="mb-3 text-sm text-zinc-600">{t("forms.results.textCount", { count: fmt(total) })}</p>
        <ul className="space-y-2">
          {latest.map((a, i) => (
            <li key={i} className="rounded-md bg-zinc-50 p-3 text-sm">
              <p className="whitespace-pre-line">{a.value}</p>
              <p className="mt-1 text-xs text-zinc-500">{formatDateTime(a.createdAt, locale)}</p>
            </li>
          ))}
        </ul>
      </>
    );
  } else {
    const counts = await answerCounts(actor, formId, q.key, q.type === "multiple_choice");
    const byValue = new Map(counts.map((c) => [c.value, c.count]));
    const options =
      q.type === "rating"
        ? ["1", "2", "3", "4", "5"].map((k) => ({ key: k, label: "★".repeat(Number(k)) }))
        : q.options.map((o) => ({ key: o.key, label: locale === "en" ? o.labelEn : o.labelVi }));
    const items = options.map((o) => ({ label: o.label, count: byValue.get(o.key) ?? 0 }));
    const answered = q.type === "multiple_choice" ? undefined : items.reduce((n, i) => n + i.count, 0);
    const average = q.type === "rating" && answered ? counts.reduce((n, c) => n + Number(c.value) * c.count, 0) / answered : null;
    body = (
      <>
        {average !== null && <p className="mb-3 text-sm text-zinc-700">{t("forms.results.average", { value: average.toFixed(2) })}</p>}
        <BarList items={items} total={answered ?? items.reduce((n, i) => n + i.count, 0)} label={label} formatNumber={fmt} />
      </>
    );
  }
  return (
    <Card>
      <CardHeader>
        <CardTitle>{label}</CardTitle>
      </CardHeader>
      <CardBody>{body}</CardBody>
    </Card>
  );
}

export default async function ResultsPage({ params }: { params: Promise<{ id: string }> }) {
  const actor = await requireArea("forms");
  const { t, locale } = await getT();
  const form = await getForm(actor, (await params).id);
  if (!form) notFound();
  const days = await submissionsPerDay(actor, form.id, 30);
  const total = days.reduce((n, d) => n + d.count, 0);
  return (
    <>
      <PageHeader
        title={locale === "en" ? form.titleEn : form.titleVi}
        description={t("forms.results.description")}
        actions={<FormTabs id={form.id} kind={form.kind} current="results" t={t} />}
      />
      <div className="space-y-6">
        <Card>
          <CardHeader>
            <CardTitle>{t("forms.results.perDay", { count: formatNumber(total, locale) })}</CardTitle>
          </CardHeader>
          <CardBody>
            <DayColumns
              days={days}
              label={t("forms.results.perDayLabel")}
              formatDay={(d) => formatDate(new Date(`${d}T12:00:00+07:00`), locale)}
              formatNumber={(n) => formatNumber(n, locale)}
            />
          </CardBody>
        </Card>
        {form.questions.length === 0 && <p className="text-sm text-zinc-500">{t("forms.results.noQuestions")}</p>}
        <div className="grid gap-6 xl:grid-cols-2">
          {form.questions.map((q) => (
            <QuestionResult key={q.key} actor={actor} formId={form.id} q={q} locale={locale} t={t} />
          ))}
        </div>
      </div>
    </>
  );
}
