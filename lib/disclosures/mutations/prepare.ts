// Preparing a disclosure: recipients, the request, the background sorting of customers, rejection.
import "server-only";
import { saveAttachment } from "@/lib/attachments/mutations";
import { recordAudit } from "@/lib/audit/mutations";
import { authorize, type Actor } from "@/lib/auth/actor";
import { customerWhere, purposeIdByKey } from "@/lib/customers/queries";
import { db, type Tx } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { Prisma } from "@/generated/prisma/client";
import { disallowedFields, MAX_SHIPPING_CUSTOMERS, type RecipientCategory } from "../rules";
import { prepareSchema, recipientSchema, rejectSchema, type Selection } from "../schemas";

import { exclusionCase, refuse } from "./shared";

export async function createRecipient(actor: Actor, raw: unknown) {
  authorize(actor, "COMPLIANCE");
  const input = recipientSchema.parse(raw);
  return db().$transaction(async (tx) => {
    const recipient = await tx.recipient.create({
      data: {
        ...input,
        contact: input.contact || null,
        contactEmail: input.contactEmail.toLowerCase() || null,
        agreementRef: input.agreementRef || null,
        agreementDate: input.agreementDate ? new Date(`${input.agreementDate}T00:00:00+07:00`) : null,
      },
      select: { id: true },
    });
    await recordAudit(tx, actor, {
      action: "recipient.created",
      entityType: "Recipient",
      entityId: recipient.id,
      details: { name: input.name, category: input.category },
    });
    return recipient;
  });
}

/**
 * Prepares a disclosure: the recipient must be active, every field must be one its category may
 * receive, an authority request needs its legal reference and a copy of the request. The customers
 * are then sorted into included and excluded (with the reason) by a background job, with progress.
 */
export async function prepareDisclosure(actor: Actor, raw: unknown, requestFile?: File | null) {
  authorize(actor, "STAFF", "COMPLIANCE");
  const input = prepareSchema.parse(raw);
  const recipient = await db().recipient.findFirst({ where: { id: input.recipientId, active: true }, select: { id: true, category: true, name: true } });
  const attempt = { recipientId: input.recipientId, fields: input.fields };
  if (!recipient)
    return refuse(
      actor,
      "disclosure.refused",
      attempt,
      new AppError("BAD_INPUT", "disclosures.unknownRecipient", { recipientId: "disclosures.unknownRecipient" }),
    );
  const category = recipient.category as RecipientCategory;
  const forbidden = disallowedFields(category, input.fields);
  if (forbidden.length) {
    return refuse(
      actor,
      "disclosure.refused",
      { ...attempt, category, forbidden },
      new AppError("BAD_INPUT", "disclosures.fieldNotAllowed", { fields: "disclosures.fieldNotAllowed" }, { fields: forbidden.join(", ") }),
    );
  }
  if (category === "AUTHORITY" && (!input.agencyName || !input.documentNumber || !input.documentDate || !requestFile || requestFile.size === 0)) {
    return refuse(
      actor,
      "disclosure.refused",
      { ...attempt, category },
      new AppError("BAD_INPUT", "disclosures.legalReferenceRequired", { agencyName: "disclosures.legalReferenceRequired" }),
    );
  }
  if (category === "SHIPPING" && !input.reference) {
    return refuse(
      actor,
      "disclosure.refused",
      { ...attempt, category },
      new AppError("BAD_INPUT", "disclosures.shipmentReferenceRequired", { reference: "disclosures.shipmentReferenceRequired" }),
    );
  }
  if (category === "SHIPPING" && (input.selection.kind !== "ids" || input.selection.ids.length > MAX_SHIPPING_CUSTOMERS)) {
    return refuse(
      actor,
      "disclosure.refused",
      { ...attempt, category },
      new AppError("BAD_INPUT", "disclosures.shipmentCustomers", { selection: "disclosures.shipmentCustomers" }, { max: MAX_SHIPPING_CUSTOMERS }),
    );
  }
  return db().$transaction(async (tx) => {
    const file = category === "AUTHORITY" && requestFile ? await saveAttachment(tx, actor, requestFile, "own-key", "requestFile") : null;
    const disclosure = await tx.disclosure.create({
      data: {
        recipientId: recipient.id,
        reason: input.reason,
        fields: input.fields,
        status: "PREPARING",
        reference: input.reference || null,
        agencyName: input.agencyName || null,
        documentNumber: input.documentNumber || null,
        documentDate: input.documentDate ? new Date(`${input.documentDate}T00:00:00+07:00`) : null,
        requestFileId: file?.id ?? null,
        confidential: category === "AUTHORITY" && input.confidential,
        selection: input.selection as unknown as Prisma.InputJsonObject,
        preparedById: actor.kind === "user" ? actor.id : await systemPreparer(tx),
      },
      select: { id: true },
    });
    await recordAudit(tx, actor, {
      action: "disclosure.prepared",
      entityType: "Disclosure",
      entityId: disclosure.id,
      details: { recipient: recipient.name, category, fields: input.fields, confidential: input.confidential },
    });
    return disclosure;
  });
}

/** Disclosures are prepared by people; a script acting as the system is recorded as the first administrator. */
async function systemPreparer(tx: Tx) {
  return (await tx.user.findFirstOrThrow({ where: { role: "ADMIN" }, orderBy: { createdAt: "asc" }, select: { id: true } })).id;
}

const CHUNK = 20_000;

async function selectionSql(tx: Tx, selection: Selection) {
  if (selection.kind === "ids") return Prisma.sql`c.id = ANY (${selection.ids}::uuid[])`;
  const { filter } = selection;
  // A phone number is matched only whole: otherwise a package's count would tell staff, who see
  // phones masked, whether a hidden number contains the digits they tried.
  return customerWhere({ ...filter, status: filter.status }, await purposeIdByKey(filter.purpose, tx), { wholePhone: true });
}

/**
 * The job: sorts the next chunk of a preparing disclosure's customers into included and excluded.
 * Chunk and cursor commit together; the unique (disclosure, customer) key makes a repeat harmless.
 */
export async function buildDisclosureItems(size = CHUNK): Promise<number> {
  try {
    return await buildDisclosureChunk(size);
  } catch (error) {
    // A disclosure whose selection the database cannot run (a bad value, not an outage) would fail
    // on every round and hold up every disclosure after it: it is set aside as rejected, with why.
    if (!(error instanceof ChunkFailed)) throw error;
    const code = /Code: `(\w{5})`/.exec(String((error.cause as Error)?.message))?.[1] ?? "";
    if (!/^(22|42)/.test(code)) throw error.cause;
    await db().$transaction(async (tx) => {
      await tx.disclosure.updateMany({
        where: { id: error.disclosureId, status: "PREPARING" },
        data: {
          status: "REJECTED",
          rejectionReason: "Không lập được danh sách khách hàng từ lựa chọn này. / The customer list could not be built from this selection.",
        },
      });
      await recordAudit(
        tx,
        { kind: "system", label: "disclosures" },
        { action: "disclosure.build_failed", entityType: "Disclosure", entityId: error.disclosureId, details: { code } },
      );
    });
    return 1;
  }
}

class ChunkFailed extends Error {
  constructor(
    readonly disclosureId: string,
    cause: unknown,
  ) {
    super("disclosure chunk failed", { cause });
  }
}

async function buildDisclosureChunk(size: number): Promise<number> {
  return db().$transaction(
    async (tx) => {
      const [d] = await tx.$queryRaw<{ id: string; cursor: string | null; selection: Selection; category: RecipientCategory }[]>`
        SELECT d.id, d.cursor, d.selection, r.category::text AS category FROM "Disclosure" d JOIN "Recipient" r ON r.id = d."recipientId"
        WHERE d.status = 'PREPARING' ORDER BY d."createdAt" LIMIT 1 FOR UPDATE OF d`;
      if (!d) return 0;
      try {
        return await sortChunk(tx, d, size);
      } catch (error) {
        throw new ChunkFailed(d.id, error);
      }
    },
    { timeout: 120_000 },
  );
}

async function sortChunk(tx: Tx, d: { id: string; cursor: string | null; selection: Selection; category: RecipientCategory }, size: number) {
  // A filter follows the register (erased records are not in it); an explicit selection lists
  // erased customers as excluded, with their reason.
  const where = await selectionSql(tx, d.selection);
  const reason = exclusionCase(d.category, await purposeIdByKey("advertising", tx));
  const [chunk] = await tx.$queryRaw<{ last: string | null; scanned: bigint; included: bigint }[]>`
        WITH batch AS MATERIALIZED (
          SELECT c.id, ${reason} AS reason FROM "Customer" c
          WHERE c.id > ${d.cursor ?? "00000000-0000-0000-0000-000000000000"}::uuid AND ${where}
          ORDER BY c.id LIMIT ${size}),
        ins AS (
          INSERT INTO "DisclosureItem" ("disclosureId", "customerId", included, "exclusionReason")
          SELECT ${d.id}::uuid, b.id, b.reason IS NULL, b.reason FROM batch b
          ON CONFLICT ("disclosureId", "customerId") DO NOTHING RETURNING included)
        SELECT (SELECT id::text FROM batch ORDER BY id DESC LIMIT 1) AS last, (SELECT count(*) FROM batch) AS scanned,
               (SELECT count(*) FROM ins WHERE included) AS included`;
  const done = Number(chunk.scanned) < size;
  await tx.disclosure.update({
    where: { id: d.id },
    data: {
      cursor: chunk.last ?? d.cursor,
      itemsTotal: { increment: Number(chunk.scanned) },
      itemsIncluded: { increment: Number(chunk.included) },
      ...(done ? { status: "PENDING_APPROVAL" } : {}),
    },
  });
  return 1;
}

export async function rejectDisclosure(actor: Actor, raw: unknown) {
  authorize(actor, "COMPLIANCE");
  const { id, reason } = rejectSchema.parse(raw);
  await db().$transaction(async (tx) => {
    const { count } = await tx.disclosure.updateMany({ where: { id, status: "PENDING_APPROVAL" }, data: { status: "REJECTED", rejectionReason: reason } });
    if (count === 0) throw new AppError("CONFLICT", "disclosures.notPending");
    await recordAudit(tx, actor, { action: "disclosure.rejected", entityType: "Disclosure", entityId: id, details: { reason } });
  });
}
