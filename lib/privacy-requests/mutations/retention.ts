import "server-only";
import { now } from "@/lib/clock";
import { recordAudit } from "@/lib/audit/mutations";
import { authorize, systemActor, type Actor } from "@/lib/auth/actor";
import { db, type Tx } from "@/lib/db";
import { AppError, isAppError } from "@/lib/errors";
import { retentionEligibleSql } from "../queries/desk";
import { eraseCustomer } from "./erasure";
import { confirmRetentionSchema } from "../schemas";

// Retention: the policy keeps data until the customer ends the service. Customers terminated for
// longer than the grace period (a setting), and leads not heard from for the lead retention period
// (a setting, 24 months by default), are listed; a compliance officer confirms a batch; the
// job erases them in chunks with progress, each in its own transaction, skipping (with the reason)
// anyone on legal hold or no longer eligible.

const CHUNK = 25;
const LEASE_SECONDS = 120;

/** How many of `ids` the retention rules let us erase now. */
async function eligibleCount(tx: Tx | ReturnType<typeof db>, ids: string[]) {
  const { where } = await retentionEligibleSql(undefined, tx);
  const [{ count }] = await tx.$queryRaw<{ count: number }[]>`SELECT count(*)::int AS count FROM "Customer" c WHERE c.id = ANY(${ids}::uuid[]) AND ${where}`;
  return count;
}

export async function confirmRetentionBatch(actor: Actor, raw: unknown) {
  authorize(actor, "COMPLIANCE");
  const { customerIds } = confirmRetentionSchema.parse(raw);
  const ids = [...new Set(customerIds)];
  if ((await eligibleCount(db(), ids)) !== ids.length) throw new AppError("CONFLICT", "requests.retentionStale");
  return db().$transaction(async (tx) => {
    const batch = await tx.erasureBatch.create({
      data: {
        customerIds: ids,
        confirmedById: actor.kind === "user" ? actor.id : (await tx.user.findFirstOrThrow({ where: { role: "COMPLIANCE" }, select: { id: true } })).id,
      },
      select: { id: true },
    });
    await recordAudit(tx, actor, { action: "retention.batch_confirmed", entityType: "ErasureBatch", entityId: batch.id, details: { count: ids.length } });
    return batch;
  });
}

/** The job: erases the next chunk of a confirmed batch. Returns how many customers it handled. */
export async function runErasureBatches(): Promise<number> {
  const [batch] = await db().$queryRaw<{ id: string; customerIds: string[]; processed: number }[]>`
    UPDATE "ErasureBatch" SET status = 'RUNNING', "lockedUntil" = now() + make_interval(secs => ${LEASE_SECONDS})
    WHERE id = (SELECT id FROM "ErasureBatch" WHERE status IN ('QUEUED', 'RUNNING') AND ("lockedUntil" IS NULL OR "lockedUntil" < now())
                ORDER BY "createdAt" LIMIT 1 FOR UPDATE)
    RETURNING id, "customerIds", processed`;
  if (!batch) return 0;
  const chunk = batch.customerIds.slice(batch.processed, batch.processed + CHUNK);
  const system = systemActor("retention");
  let erased = 0;
  const skipped: { id: string; reason: string }[] = [];
  // Progress is saved only by the run that read it (a second worker whose lease overlapped changes
  // nothing), and saved up to the customer an unexpected error stopped at: the job system runs the
  // batch again from there, without erasing anyone twice or counting them as "already erased".
  const save = async (handled: number) => {
    const processed = batch.processed + handled;
    const done = processed >= batch.customerIds.length;
    const saved = await db().$executeRaw`
      UPDATE "ErasureBatch" SET processed = ${processed}, erased = erased + ${erased}, skipped = skipped || ${JSON.stringify(skipped)}::jsonb,
        status = ${done ? "COMPLETED" : "RUNNING"}::"ErasureBatchStatus", "lockedUntil" = NULL, "finishedAt" = ${done ? await now() : null}
      WHERE id = ${batch.id}::uuid AND processed = ${batch.processed}`;
    return { processed, done: done && saved === 1 };
  };
  for (const [index, id] of chunk.entries()) {
    try {
      await db().$transaction(async (tx) => {
        // Lock the record first, then judge it: a lead who became a customer a moment ago stays.
        await tx.$queryRaw`SELECT id FROM "Customer" WHERE id = ${id}::uuid FOR UPDATE`;
        const still = await eligibleCount(tx, [id]);
        if (!still) throw new AppError("CONFLICT", "NOT_ELIGIBLE");
        await eraseCustomer(tx, system, id, { batchId: batch.id });
      });
      erased++;
    } catch (error) {
      if (!isAppError(error)) {
        await save(index);
        throw error;
      }
      skipped.push({
        id,
        reason: error.userMessage === "requests.legalHoldBlocks" ? "LEGAL_HOLD" : error.userMessage === "NOT_ELIGIBLE" ? "NOT_ELIGIBLE" : "ALREADY_ERASED",
      });
    }
  }
  const { processed, done } = await save(chunk.length);
  if (done)
    await db().$transaction((tx) =>
      recordAudit(tx, system, { action: "retention.batch_completed", entityType: "ErasureBatch", entityId: batch.id, details: { processed } }),
    );
  return chunk.length;
}
