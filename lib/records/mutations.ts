import "server-only";
import { recordAudit } from "@/lib/audit/mutations";
import { authorize, type Actor } from "@/lib/auth/actor";
import { rolesFor } from "@/lib/auth/permissions";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { recordsOfProcessing } from "./queries";
import { generateDocumentSchema, isForeign, processorIdSchema, processorSchema } from "./schemas";

// The processor register and the dossier documents (impact assessment, transfer assessments).
const ROLES = rolesFor("records");
/** One lock for numbering dossier versions (held for the transaction). */
const DOCUMENT_LOCK = 727_004;

function processorData(input: ReturnType<typeof processorSchema.parse>) {
  return { ...input, since: new Date(`${input.since}T00:00:00Z`) };
}

export async function createProcessor(actor: Actor, raw: unknown) {
  authorize(actor, ...ROLES);
  const input = processorSchema.parse(raw);
  return db().$transaction(async (tx) => {
    const processor = await tx.processor.create({ data: processorData(input), select: { id: true } });
    await recordAudit(tx, actor, {
      action: "processor.added",
      entityType: "Processor",
      entityId: processor.id,
      details: { name: input.name, country: input.country },
    });
    return processor;
  });
}

export async function updateProcessor(actor: Actor, raw: unknown) {
  authorize(actor, ...ROLES);
  const { id } = processorIdSchema.parse(raw);
  const input = processorSchema.parse(raw);
  await db().$transaction(async (tx) => {
    const { count } = await tx.processor.updateMany({ where: { id }, data: processorData(input) });
    if (count === 0) throw new AppError("NOT_FOUND", "errors.notFound");
    await recordAudit(tx, actor, { action: "processor.updated", entityType: "Processor", entityId: id, details: { name: input.name, active: input.active } });
  });
  return { id };
}

/**
 * Generates the next version of the impact-assessment dossier, or of the transfer assessment for one
 * foreign processor, from the records as they are now. The content is frozen with the version, so
 * an inspector reads each version as it was on its date.
 */
export async function generateRecordDocument(actor: Actor, raw: unknown) {
  authorize(actor, ...ROLES);
  const input = generateDocumentSchema.parse(raw);
  const records = await recordsOfProcessing(actor);
  const processorId = input.kind === "TRANSFER_ASSESSMENT" ? input.processorId : null;
  const processor = processorId ? records.processors.find((p) => p.id === processorId) : null;
  if (processorId && !processor) throw new AppError("NOT_FOUND", "errors.notFound");
  if (processor && !isForeign(processor)) throw new AppError("BAD_INPUT", "records.notForeign");
  return db().$transaction(async (tx) => {
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(${DOCUMENT_LOCK})`;
    const last = await tx.recordDocument.findFirst({ where: { kind: input.kind, processorId }, orderBy: { version: "desc" }, select: { version: true } });
    const version = (last?.version ?? 0) + 1;
    const document = await tx.recordDocument.create({
      data: {
        kind: input.kind,
        processorId,
        version,
        content: { ...records, processor: processor ?? null },
        createdById: actor.kind === "user" ? actor.id : null,
      },
      select: { id: true, version: true },
    });
    await recordAudit(tx, actor, {
      action: "record_document.generated",
      entityType: "RecordDocument",
      entityId: document.id,
      details: { kind: input.kind, version, processorId },
    });
    return document;
  });
}

/** An export of the records (who took the dossier out, and in which form) goes into the audit log. */
export async function auditRecordsExport(actor: Actor, format: "json" | "csv") {
  authorize(actor, ...ROLES);
  await db().$transaction((tx) => recordAudit(tx, actor, { action: "records.exported", entityType: "RecordDocument", details: { format } }));
}
