import "server-only";
import type { Prisma } from "@/generated/prisma/client";
import { customerKeys, recordAudit, recordAuditMany } from "@/lib/audit/mutations";
import { mapStrings, sealWith } from "@/lib/audit/sealing";
import { authorize, type Actor } from "@/lib/auth/actor";
import { rolesFor } from "@/lib/auth/permissions";
import { db, type Tx } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { readRow, suggestMapping, type ImportRow, type Mapping, type RowError } from "./mapping";
import { decodeCsv, detectDelimiter, parseCsv } from "./parse";
import { checkImportSchema, type ImportReport } from "./schemas";

const REPORT_LIMIT = 200;

async function purposeIds() {
  const purposes = await db().purpose.findMany({ select: { id: true, key: true } });
  return Object.fromEntries(purposes.map((p) => [p.key, p.id]));
}

/** Step 1: store the file and guess the column mapping. Nothing is written to the register. */
export async function uploadImport(actor: Actor, file: File) {
  authorize(actor, ...rolesFor("customers"));
  if (!(file instanceof File) || file.size === 0) throw new AppError("BAD_INPUT", "imports.noFile", { file: "imports.noFile" });
  const text = decodeCsv(new Uint8Array(await file.arrayBuffer()));
  const delimiter = detectDelimiter(text);
  const { headers, rows } = parseCsv(text, delimiter);
  const mapping = suggestMapping(headers, Object.keys(await purposeIds()));
  return db().$transaction(async (tx) => {
    const job = await tx.importJob.create({
      data: {
        filename: file.name.slice(0, 200),
        content: text,
        delimiter,
        mapping,
        totalRows: rows.length,
        createdById: actor.kind === "user" ? actor.id : null,
      },
      select: { id: true },
    });
    await recordAudit(tx, actor, { action: "import.uploaded", entityType: "ImportJob", entityId: job.id, details: { filename: file.name, rows: rows.length } });
    return job;
  });
}

/** Reads every row with a mapping: the rows to import and the report of those that cannot be. */
export function evaluate(text: string, delimiter: string, mapping: Mapping, ids: Record<string, string>) {
  const { headers, rows, blankLines } = parseCsv(text, delimiter);
  const errors: RowError[] = [];
  let errorRows = 0;
  let formulaCells = 0;
  // One entry per person (same email, or phone without email): later non-empty values win, so the
  // file's end state is written once and importing it again finds nothing to change.
  const people = new Map<string, ImportRow>();
  for (const { line, cells } of rows) {
    const result = readRow(line, cells, headers, mapping, ids);
    formulaCells += result.formulaCells;
    if (!result.row) {
      errorRows++;
      errors.push(...result.errors);
      continue;
    }
    const row = result.row;
    const key = row.fields.email ? `e:${row.fields.email}` : `p:${row.fields.phone}`;
    const earlier = people.get(key);
    people.set(key, earlier ? { ...row, fields: { ...earlier.fields, ...row.fields }, consents: { ...earlier.consents, ...row.consents } } : row);
  }
  const valid = [...people.values()];
  return { valid, validRows: rows.length - errorRows, errors, errorRows, blankLines, formulaCells, total: rows.length };
}

/** Step 2, the dry run: checks every row with the chosen mapping and stores the report. */
export async function checkImport(actor: Actor, raw: unknown): Promise<ImportReport> {
  authorize(actor, ...rolesFor("customers"));
  const input = checkImportSchema.parse(raw);
  const job = await db().importJob.findUnique({ where: { id: input.id }, select: { status: true, content: true, delimiter: true } });
  if (!job) throw new AppError("NOT_FOUND", "errors.notFound");
  if (job.status !== "UPLOADED") throw new AppError("CONFLICT", "imports.alreadyStarted");
  const targets = Object.values(input.mapping);
  if (!targets.some((t) => t === "email" || t === "phone")) throw new AppError("BAD_INPUT", "imports.mapContact", { mapping: "imports.mapContact" });
  if (targets.some((t) => t.startsWith("consent:")) && input.evidence.length < 5) {
    throw new AppError("BAD_INPUT", "imports.evidenceRequired", { evidence: "imports.evidenceRequired" });
  }
  const ids = await purposeIds();
  // A consent column must name a purpose of the register: a typo would otherwise fail half-way through.
  const unknown = targets.filter((t) => t.startsWith("consent:") && !ids[t.slice(8)]);
  if (unknown.length) throw new AppError("BAD_INPUT", "imports.unknownPurpose", { mapping: "imports.unknownPurpose" });
  const result = evaluate(job.content, job.delimiter, input.mapping, ids);
  const report: ImportReport = {
    checkedAt: new Date().toISOString(),
    validRows: result.validRows,
    people: result.valid.length,
    errorRows: result.errorRows,
    blankLines: result.blankLines,
    formulaCells: result.formulaCells,
    errors: result.errors.slice(0, REPORT_LIMIT),
  };
  // Only while nobody has started it: a check racing with Start must not change what runs. Stored and
  // audited together.
  await db().$transaction(async (tx) => {
    const { count } = await tx.importJob.updateMany({
      where: { id: input.id, status: "UPLOADED" },
      data: {
        mapping: input.mapping,
        consentEvidence: input.evidence || null,
        report: report as unknown as Prisma.InputJsonObject,
        errorCount: result.errorRows,
        totalRows: result.total,
      },
    });
    if (count === 0) throw new AppError("CONFLICT", "imports.alreadyStarted");
    await recordAudit(tx, actor, {
      action: "import.checked",
      entityType: "ImportJob",
      entityId: input.id,
      details: { mapping: input.mapping, validRows: report.validRows, errorRows: report.errorRows },
    });
  });
  return report;
}

/** Step 3: queue the checked import; the job runner does the work in batches, with progress. */
export async function startImport(actor: Actor, id: string, checkedAt?: string) {
  authorize(actor, ...rolesFor("customers"));
  await db().$transaction(async (tx) => {
    const job = await tx.importJob.findUnique({ where: { id }, select: { status: true, report: true } });
    if (!job) throw new AppError("NOT_FOUND", "errors.notFound");
    const report = job.report as unknown as ImportReport | unknown[];
    if (Array.isArray(report) || !report.checkedAt) throw new AppError("CONFLICT", "imports.checkFirst");
    if (report.validRows === 0) throw new AppError("CONFLICT", "imports.nothingValid");
    // The person starts what they saw checked (the action always says which check that was).
    if (checkedAt !== undefined && report.checkedAt !== checkedAt) throw new AppError("CONFLICT", "imports.checkChanged");
    // Conditional on the same check still being the stored one, against a check racing with this.
    const { count } = await tx.importJob.updateMany({
      where: { id, status: "UPLOADED", report: { path: ["checkedAt"], equals: report.checkedAt } },
      data: { status: "QUEUED" },
    });
    if (count === 0) throw new AppError("CONFLICT", "imports.alreadyStarted");
    await recordAudit(tx, actor, { action: "import.started", entityType: "ImportJob", entityId: id, details: { validRows: report.validRows } });
  });
}

// One transaction per batch; each holds a lock per person in it. Two batches hold 2 000 locks; the
// default lock table has 6 400 slots (64 × 100 connections), so batches of 2 000 (measured 6 %
// faster) would leave too little room for everything else.
const BATCH_ROWS = 1000;
/** Batches run this many at a time, each in its own transaction, so PostgreSQL works on more than one core. */
const PARALLEL = 2;
const LEASE_SECONDS = 120;
// Parsed rows of the job this instance is running, so each round does not parse the file again.
let parsed: { id: string; rows: ImportRow[] } | undefined;

type ClaimedJob = {
  id: string;
  filename: string;
  content: string;
  delimiter: string;
  mapping: Mapping;
  consentEvidence: string | null;
  doneBatches: number[];
  createdById: string | null;
};

/**
 * Which batches to start now, in file order, beside those `running`: up to PARALLEL at once when
 * each holds only entries with an email — different emails are different people, so side by side
 * they never touch the same customer. A batch with an entry known by phone alone runs by itself,
 * once every batch before it is done, because a phone is looked up in what the earlier rows wrote:
 * the result is the same as one batch after another.
 */
export function nextBatches(rows: ImportRow[], done: ReadonlySet<number>, running: ReadonlySet<number> = new Set()): number[] {
  const total = Math.ceil(rows.length / BATCH_ROWS);
  const emailsOnly = (k: number) => rows.slice(k * BATCH_ROWS, (k + 1) * BATCH_ROWS).every((r) => r.fields.email);
  if ([...running].some((k) => !emailsOnly(k))) return [];
  const picked: number[] = [];
  for (let k = 0; k < total && running.size + picked.length < PARALLEL; k++) {
    if (done.has(k) || running.has(k)) continue;
    if (!emailsOnly(k)) return running.size + picked.length === 0 ? [k] : picked;
    picked.push(k);
  }
  return picked;
}

const system = { kind: "system" as const, label: "import" };

/** Another run already recorded this batch (a lease that ran out mid-round): nothing to do. */
class BatchAlreadyDone extends Error {}

/**
 * Someone in the file was erased while it was being imported: erasure empties the uploaded file, and
 * the rows this instance still holds must not bring the person back as a new record. The batch is
 * undone and the import stops; what was imported before stays.
 */
class ErasedDuringImport extends Error {}

const isDeadlock = (error: unknown) => /deadlock|40P01/.test(`${(error as Error)?.message} ${JSON.stringify((error as { meta?: unknown })?.meta ?? {})}`);

type ChangedRecord = { customer_id: string; row_no: number } & Record<`${"o" | "n"}_${(typeof IMPORTED_FIELDS)[number][1]}`, string | null>;
const IMPORTED_FIELDS = [
  ["fullName", "full_name"],
  ["phone", "phone"],
  ["address", "address"],
  ["organization", "organization"],
  ["locale", "locale"],
] as const;

/**
 * Each existing record the batch changed gets its own audit entry, like a staff edit: the fields
 * before and after, sealed with the customer's key (erasing them erases these too), and the import
 * and row that did it. Read from the batch table import_customer_batch leaves for this transaction.
 */
async function auditChangedRecords(tx: Tx, job: ClaimedJob) {
  const rows = await tx.$queryRaw<ChangedRecord[]>`
    SELECT customer_id::text, row_no, o_full_name, n_full_name, o_phone, n_phone, o_address, n_address,
           o_organization, n_organization, o_locale::text, n_locale::text
    FROM pg_temp.import_batch WHERE changes AND NOT is_new ORDER BY row_no`;
  if (rows.length === 0) return;
  const keys = await customerKeys(
    tx,
    rows.map((r) => r.customer_id),
  );
  await recordAuditMany(
    tx,
    system,
    rows.map((r) => {
      const key = keys.get(r.customer_id) as Buffer;
      const changes = Object.fromEntries(
        IMPORTED_FIELDS.filter(([, col]) => r[`o_${col}`] !== r[`n_${col}`]).map(([field, col]) => [field, { before: r[`o_${col}`], after: r[`n_${col}`] }]),
      );
      return {
        action: "customer.updated_by_import",
        entityType: "Customer",
        entityId: r.customer_id,
        details: {
          import: job.id,
          row: r.row_no,
          startedBy: job.createdById,
          changes: mapStrings(changes, (v) => (v === "" ? v : sealWith(key, v))) as Prisma.InputJsonObject,
        },
      };
    }),
  );
}

/** One batch in its own transaction; its number is recorded with it, so it is never counted twice. */
async function importBatch(job: ClaimedJob, k: number, batch: ImportRow[], policyId: string | null) {
  for (let attempt = 1; ; attempt++) {
    try {
      await db().$transaction(
        async (tx) => {
          const [counts] = await tx.$queryRaw<{ created: number; updated: number; unchanged: number; consent_events: number }[]>`
          SELECT * FROM import_customer_batch(${JSON.stringify(batch)}::jsonb, ${job.id}::uuid, ${job.filename}, ${job.consentEvidence ?? ""}, ${job.createdById}::uuid, ${policyId}::uuid)`;
          await auditChangedRecords(tx, job);
          // An erasure that emptied the file (committed before this check) undoes this batch.
          const [{ wiped }] = await tx.$queryRaw<{ wiped: boolean }[]>`SELECT content = '' AS wiped FROM "ImportJob" WHERE id = ${job.id}::uuid FOR UPDATE`;
          if (wiped) throw new ErasedDuringImport();
          // Last, so a batch running beside this one waits for this row only while this one commits.
          const { count } = await tx.importJob.updateMany({
            where: { id: job.id, NOT: { doneBatches: { has: k } } },
            data: {
              processedRows: { increment: batch.length },
              createdCount: { increment: counts.created },
              updatedCount: { increment: counts.updated },
              unchangedCount: { increment: counts.unchanged },
              doneBatches: { push: k },
              lockedUntil: new Date(Date.now() + LEASE_SECONDS * 1000),
            },
          });
          if (count === 0) throw new BatchAlreadyDone();
          await recordAudit(tx, system, {
            action: "import.batch",
            entityType: "ImportJob",
            entityId: job.id,
            details: { fromRow: batch[0]?.row ?? null, rows: batch.length, ...counts },
          });
        },
        { timeout: 120_000 },
      );
      return;
    } catch (error) {
      if (error instanceof BatchAlreadyDone) return;
      // Two batches can still meet on one record (the register holding the same person twice):
      // PostgreSQL stops one of them, which is simply run again.
      if (attempt < 3 && isDeadlock(error)) continue;
      throw error;
    }
  }
}

/**
 * The customer-import job (lib/jobs): takes a queued or abandoned import (row lock and a lease, so one
 * instance works on it at a time and a crashed one is taken over) and imports up to `maxBatches`
 * batches, two at a time where that cannot change the result. Each batch records itself as done in
 * its own transaction; a batch done twice would change nothing the second time.
 */
export async function runImportBatches(maxBatches = 20): Promise<number> {
  const [job] = await db().$queryRaw<ClaimedJob[]>`
    UPDATE "ImportJob" SET status = 'RUNNING', "lockedUntil" = now() + make_interval(secs => ${LEASE_SECONDS}), "startedAt" = coalesce("startedAt", now())
    WHERE id = (SELECT id FROM "ImportJob" WHERE status IN ('QUEUED', 'RUNNING') AND ("lockedUntil" IS NULL OR "lockedUntil" < now())
                ORDER BY "createdAt" LIMIT 1 FOR UPDATE)
    RETURNING id, filename, content, delimiter, mapping, "consentEvidence", "doneBatches", "createdById"`;
  if (!job) return 0;
  try {
    // A queued or running import's file is emptied only by an erasure of someone in it.
    if (job.content === "") throw new ErasedDuringImport();
    if (parsed?.id !== job.id) parsed = { id: job.id, rows: evaluate(job.content, job.delimiter, job.mapping, await purposeIds()).valid };
    const rows = parsed.rows;
    const policy = await db().policyVersion.findFirst({
      where: { status: "PUBLISHED", effectiveAt: { lte: new Date() } },
      orderBy: [{ effectiveAt: "desc" }, { number: "desc" }],
      select: { id: true },
    });
    const done = new Set(job.doneBatches);
    // A new batch starts as soon as one finishes (not in rounds), so neither connection waits for
    // the slower of a pair. After a failure nothing new starts; the others are let finish first.
    const running = new Map<number, Promise<void>>();
    let started = 0;
    let failure: { error: unknown } | null = null;
    for (;;) {
      if (!failure && started < maxBatches) {
        for (const k of nextBatches(rows, done, new Set(running.keys())).slice(0, maxBatches - started)) {
          started++;
          running.set(
            k,
            importBatch(job, k, rows.slice(k * BATCH_ROWS, (k + 1) * BATCH_ROWS), policy?.id ?? null)
              .then(
                () => {
                  done.add(k);
                },
                (error) => {
                  failure ??= { error };
                },
              )
              .finally(() => running.delete(k)),
          );
        }
      }
      if (running.size === 0) break;
      await Promise.race(running.values());
    }
    if (failure) throw (failure as { error: unknown }).error;
    if (done.size >= Math.ceil(rows.length / BATCH_ROWS)) {
      await db().$transaction(async (tx) => {
        const final = await tx.importJob.update({
          where: { id: job.id },
          // The uploaded file holds everyone in it: once imported, the register is the record.
          // Consent it recorded is told to each customer next (sendImportNotices).
          data: {
            status: "COMPLETED",
            finishedAt: new Date(),
            lockedUntil: null,
            content: "",
            noticesPending: Object.values(job.mapping).some((t) => t.startsWith("consent:")),
          },
          select: { createdCount: true, updatedCount: true, unchangedCount: true, errorCount: true },
        });
        await recordAudit(tx, system, { action: "import.completed", entityType: "ImportJob", entityId: job.id, details: final });
      });
      parsed = undefined;
    } else {
      // More to do: give the job back so the next round (here or on another instance) claims it.
      await db().importJob.update({ where: { id: job.id }, data: { lockedUntil: null } });
    }
    return 1;
  } catch (error) {
    const erased = error instanceof ErasedDuringImport;
    if (!erased) console.error("[imports] job failed", job.id, error);
    parsed = undefined;
    await db().$transaction(async (tx) => {
      await tx.importJob.update({ where: { id: job.id }, data: { status: "FAILED", finishedAt: new Date(), lockedUntil: null, content: "" } });
      if (erased) {
        await tx.$executeRaw`UPDATE "ImportJob" SET report = jsonb_set(coalesce(report, '{}'::jsonb), '{failure}', '"imports.erasedMeanwhile"') WHERE id = ${job.id}::uuid`;
        await recordAudit(tx, system, { action: "import.stopped_by_erasure", entityType: "ImportJob", entityId: job.id });
      }
    });
    return 0;
  }
}

// The emails an import owes the customers whose consent it recorded: lib/imports/mutations/notices.ts.
export { sendImportNotices } from "./mutations/notices";
