import type { Metadata } from "next";
import { ActionButton } from "@/components/admin/action-button";
import { PageHeader } from "@/components/admin/page-header";
import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { FilterPills } from "@/components/ui/filter-pills";
import { Pagination } from "@/components/ui/pagination";
import { Table, Td, Th } from "@/components/ui/table";
import { requireArea } from "@/lib/auth/session";
import { formatDateTime, formatNumber } from "@/lib/i18n/format";
import { getT } from "@/lib/i18n/server";
import { DEAD_PAGE_SIZE, deadJobs, queueSummaries } from "@/lib/jobs/queries";
import { QUEUES } from "@/lib/jobs/queues";
import { retryJobAction } from "./actions";

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getT();
  return { title: t("nav.jobs") };
}

type Search = Promise<{ page?: string; queue?: string }>;

export default async function JobsPage({ searchParams }: { searchParams: Search }) {
  await requireArea("jobs");
  const { t, locale } = await getT();
  const params = await searchParams;
  const queue = QUEUES.find((q) => q.name === params.queue)?.name;
  const page = Math.max(1, Number(params.page) || 1);
  const [summaries, dead] = await Promise.all([queueSummaries(), deadJobs(page, queue)]);
  const busiest = Math.max(1, ...summaries.map((s) => s.doneLastHour));
  const href = (next: { page?: number; queue?: string }) => {
    const q = new URLSearchParams();
    if (next.queue) q.set("queue", next.queue);
    if (next.page && next.page > 1) q.set("page", String(next.page));
    const s = q.toString();
    return `/admin/jobs${s ? `?${s}` : ""}`;
  };
  const withDead = summaries.filter((s) => s.dead > 0);
  return (
    <>
      <PageHeader title={t("nav.jobs")} description={t("jobs.description")} />
      <Card className="mb-6">
        <h2 className="px-5 pt-4 text-base font-semibold">{t("jobs.queues")}</h2>
        <Table>
          <thead>
            <tr>
              <Th>{t("jobs.queue")}</Th>
              <Th>{t("jobs.kind")}</Th>
              <Th className="text-right">{t("jobs.waiting")}</Th>
              <Th className="text-right">{t("jobs.running")}</Th>
              <Th className="text-right">{t("jobs.dead")}</Th>
              <Th>{t("jobs.doneLastHour")}</Th>
              <Th className="text-right">{t("jobs.oldest")}</Th>
            </tr>
          </thead>
          <tbody>
            {summaries.map((s) => (
              <tr key={s.name}>
                <Td>
                  <div className="font-medium">{t(`jobs.queue.${s.name}`)}</div>
                  <code className="text-xs text-zinc-500">{s.name}</code>
                </Td>
                <Td className="text-zinc-600">{t(`jobs.kind.${s.kind}`)}</Td>
                <Td className="text-right tabular-nums">{formatNumber(s.waiting, locale)}</Td>
                <Td className="text-right tabular-nums">{formatNumber(s.running, locale)}</Td>
                <Td className="text-right tabular-nums">
                  {s.dead > 0 ? <Badge tone="danger">{formatNumber(s.dead, locale)}</Badge> : formatNumber(0, locale)}
                </Td>
                <Td>
                  {/* A bar per queue: how much each did in the last hour, next to its number. */}
                  <div className="flex items-center gap-2">
                    <div className="h-2 w-28 rounded bg-zinc-100" aria-hidden="true">
                      <div className="h-2 rounded bg-brand-600" style={{ width: `${Math.round((s.doneLastHour / busiest) * 100)}%` }} />
                    </div>
                    <span className="tabular-nums">{formatNumber(s.doneLastHour, locale)}</span>
                  </div>
                </Td>
                <Td className="text-right tabular-nums text-zinc-600">
                  {s.oldestWaitingSeconds === null ? t("jobs.none") : t("jobs.seconds", { count: formatNumber(s.oldestWaitingSeconds, locale) })}
                </Td>
              </tr>
            ))}
          </tbody>
        </Table>
      </Card>

      <Card>
        <div className="px-5 pt-4">
          <h2 className="text-base font-semibold">{t("jobs.deadTitle")}</h2>
          <p className="mt-1 text-sm text-zinc-600">{t("jobs.deadHelp")}</p>
        </div>
        {withDead.length > 0 && (
          <FilterPills
            label={t("jobs.filterLabel")}
            className="px-5 pt-3"
            items={[undefined, ...withDead.map((s) => s.name)].map((name) => ({
              key: name ?? "all",
              href: href({ queue: name }),
              current: name === queue,
              label: name ? t(`jobs.queue.${name}`) : t("jobs.all"),
            }))}
          />
        )}
        {dead.rows.length === 0 ? (
          <p className="px-5 py-10 text-center text-sm text-zinc-500">{t("jobs.deadEmpty")}</p>
        ) : (
          <Table>
            <thead>
              <tr>
                <Th>{t("jobs.queue")}</Th>
                <Th>{t("jobs.error")}</Th>
                <Th className="text-right">{t("jobs.attempts")}</Th>
                <Th>{t("jobs.failedAt")}</Th>
                <Th>
                  <span className="sr-only">{t("jobs.retry")}</span>
                </Th>
              </tr>
            </thead>
            <tbody>
              {dead.rows.map((j) => (
                <tr key={j.id}>
                  <Td>
                    <div className="font-medium">{t(`jobs.queue.${j.queue}`)}</div>
                    {j.data != null && Object.keys(j.data as object).length > 0 && (
                      <div className="text-xs break-all text-zinc-500">
                        {t("jobs.data")}: <code>{JSON.stringify(j.data)}</code>
                      </div>
                    )}
                  </Td>
                  <Td className="max-w-md text-sm break-words text-red-800">{j.error ?? t("jobs.none")}</Td>
                  <Td className="text-right tabular-nums">{formatNumber(j.attempts, locale)}</Td>
                  <Td className="whitespace-nowrap text-zinc-600">{j.failedOn ? formatDateTime(j.failedOn, locale) : t("jobs.none")}</Td>
                  <Td>
                    <ActionButton action={retryJobAction.bind(null, { queue: j.queue, id: j.id })} label={t("jobs.retry")} done={t("jobs.retried")} />
                  </Td>
                </tr>
              ))}
            </tbody>
          </Table>
        )}
      </Card>
      <Pagination page={page} pageCount={Math.max(1, Math.ceil(dead.total / DEAD_PAGE_SIZE))} t={t} href={(p) => href({ page: p, queue })} />
    </>
  );
}
