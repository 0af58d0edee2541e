import "server-only";
import { authorize, type Actor } from "@/lib/auth/actor";
import { rolesFor } from "@/lib/auth/permissions";
import { db } from "@/lib/db";
import type { Mapping } from "./mapping";
import type { ImportReport } from "./schemas";

const progressSelect = {
  id: true,
  filename: true,
  status: true,
  totalRows: true,
  processedRows: true,
  createdCount: true,
  updatedCount: true,
  unchangedCount: true,
  errorCount: true,
  createdAt: true,
  startedAt: true,
  finishedAt: true,
} as const;

export async function importProgress(actor: Actor, id: string) {
  authorize(actor, ...rolesFor("customers"));
  if (!/^[0-9a-f-]{36}$/i.test(id)) return null;
  const job = await db().importJob.findUnique({ where: { id }, select: { ...progressSelect, report: true } });
  if (!job) return null;
  const { report, ...rest } = job;
  // Progress counts people (a person on several rows is imported once).
  const r = report as { people?: number; failure?: string } | null;
  return { ...rest, people: r?.people ?? Math.max(0, job.totalRows - job.errorCount), failure: r?.failure ?? null };
}
export type ImportProgress = NonNullable<Awaited<ReturnType<typeof importProgress>>>;

/** The job for the mapping page: headers and a few sample rows, never the whole file. */
export async function getImport(actor: Actor, id: string) {
  authorize(actor, ...rolesFor("customers"));
  if (!/^[0-9a-f-]{36}$/i.test(id)) return null;
  const job = await db().importJob.findUnique({
    where: { id },
    select: { ...progressSelect, delimiter: true, mapping: true, consentEvidence: true, report: true },
  });
  if (!job) return null;
  // Only the start of the file, for the header and three sample rows (a file may be 25 MB).
  const [head] = await db().$queryRaw<{ head: string }[]>`SELECT left(content, 64000) AS head FROM "ImportJob" WHERE id = ${id}::uuid`;
  const lines = (head?.head ?? "").split(/\r?\n/).slice(0, 4);
  const report = (Array.isArray(job.report) ? null : job.report) as ImportReport | null;
  return { ...job, mapping: job.mapping as Mapping, report, people: report?.people ?? 0, failure: report?.failure ?? null, preview: lines };
}

export async function recentImports(actor: Actor) {
  authorize(actor, ...rolesFor("customers"));
  return db().importJob.findMany({ orderBy: { createdAt: "desc" }, take: 10, select: progressSelect });
}
