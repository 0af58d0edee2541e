// A disclosure's package: approval freezes it (streamed into storage), downloads hand it out.
import "server-only";
import { to as copyTo } from "pg-copy-streams";
import { deleteAttachment, saveLargeAttachment } from "@/lib/attachments/mutations";
import { largeAttachmentComplete, openAttachment, readLargeAttachment } from "@/lib/attachments/queries";
import { recordAudit } from "@/lib/audit/mutations";
import { authorize, type Actor } from "@/lib/auth/actor";
import { db, pool, type Tx } from "@/lib/db";
import { purposeIdByKey } from "@/lib/customers/queries";
import { AppError, isAppError } from "@/lib/errors";
import { translator, type Translate } from "@/lib/i18n/translate";
import { type DisclosureField, NEEDS_APPROVAL, PACKAGE_DAYS, PACKAGE_ERASURE_LOCK, type RecipientCategory } from "../rules";

import { dropNewlyExcluded, leftOutSql, refuse } from "./shared";

const DAY = 86_400_000;

const FIELD_SQL: Record<string, string> = {
  fullName: `csv_safe(c."fullName")`,
  email: `csv_safe(c.email)`,
  phone: `csv_safe(c.phone)`,
  address: `csv_safe(c.address)`,
  organization: `csv_safe(c.organization)`,
};

/** The language the package's column names are written in: the approving officer's. */
async function packageLanguage(userId: string | null) {
  const user = userId ? await db().user.findUnique({ where: { id: userId }, select: { locale: true } }) : null;
  return translator(user?.locale ?? "vi");
}

type PackageSource = { id: string; fields: string[]; reference: string | null; category: RecipientCategory };

/** Someone in the package would now be left out: their item is updated and the package written again. */
class StalePackage extends Error {}

/** SQLSTATE of disclosure_item_changed() (lib/disclosures/sql/package-check.sql). */
const ITEM_CHANGED = "CRD01";

/**
 * The package's CSV, straight from the database with COPY, as a stream: the rows pass through on
 * their way to storage and are never all in memory at once. The same statement checks every included
 * customer against the rules once more (objected, terminated, erased or withdrew since the list was
 * built) and fails if one of them would now be left out, so the package is exactly the included
 * customers at one moment, each still allowed then — one pass instead of a check and then a copy.
 */
async function* packageCsv(d: PackageSource, t: Translate): AsyncGenerator<Buffer> {
  const check = leftOutSql(d.category, await purposeIdByKey("advertising"));
  const client = await pool().connect();
  let ended = false;
  try {
    // Names and values quoted by the driver (escapeLiteral copes with backslashes whatever the
    // server's string settings); the reference is the staff's text, so it is defused like any cell.
    const label = (key: Parameters<Translate>[0]) => client.escapeIdentifier(t(key));
    // The first column names the row, not the person: a later notice to stop or to erase (lib/recipient-
    // notices) points at it, so it never has to repeat personal data.
    const columns = [
      `i.id AS ${label("disclosures.package.rowRef")}`,
      ...d.fields.map(
        (f) =>
          `${f === "reference" ? `csv_safe(${client.escapeLiteral(d.reference ?? "")})` : FIELD_SQL[f]} AS ${label(`disclosures.field.${f as DisclosureField}`)}`,
      ),
    ].join(", ");
    // The condition names the item, the customer and their consent, so it runs only on joined rows
    // of this package, whatever order PostgreSQL joins them in. No ORDER BY: the order of a package's
    // rows means nothing to its recipient, and without a sort the rows reach storage while the join
    // is still running.
    const stream = client.query(
      copyTo(`COPY (SELECT ${columns} FROM "DisclosureItem" i JOIN "Customer" c ON c.id = i."customerId" ${check.join}
      WHERE i."disclosureId" = ${client.escapeLiteral(d.id)} AND i.included
        AND CASE WHEN ${check.leftOut} THEN disclosure_item_changed(i.id) ELSE true END
      ) TO STDOUT WITH (FORMAT csv, HEADER true, FORCE_QUOTE *)`),
    );
    yield Buffer.from("\uFEFF");
    try {
      for await (const chunk of stream) yield chunk as Buffer;
      ended = true;
    } catch (error) {
      ended = true; // the server ended the COPY with the error: the connection is usable again
      throw (error as { code?: string }).code === ITEM_CHANGED ? new StalePackage() : error;
    }
  } finally {
    // Left early (the file grew too large, a part could not be stored), the COPY is still running on
    // this connection: it is closed, not handed back to the pool half-way through a COPY.
    client.release(!ended);
  }
}

/** Up to a million customers a package: far more than a shipment, and bounded. */
const PACKAGE_MAX_BYTES = 2 * 1024 ** 3;

/**
 * Writes the package (only the disclosed fields, only the included customers) to storage as it
 * streams out of the database, sealed part by part, with its checksum. Not in a transaction (see
 * saveLargeAttachment): the caller links it to the disclosure, or deletes it if that fails.
 */
async function writePackage(actor: Actor, d: PackageSource, t: Translate) {
  const file = await saveLargeAttachment(actor, { filename: `disclosure-${d.id}.csv`, mimeType: "text/csv" }, packageCsv(d, t), {
    maxBytes: PACKAGE_MAX_BYTES,
  });
  return { fileId: file.id, checksum: file.sha256, size: file.size };
}

/**
 * Writes the package and links it in `link`'s transaction. If someone in it would now be left out
 * (the COPY refuses) or was erased before the link, exclusions are updated and it is written again
 * (a written package is deleted); if linking fails, the package is deleted.
 */
async function writeAndLink<T>(
  actor: Actor,
  d: PackageSource,
  t: Translate,
  link: (tx: Tx, pkg: Awaited<ReturnType<typeof writePackage>> & { exclusionsVersion: number }) => Promise<T>,
): Promise<T> {
  for (let attempt = 0; ; attempt++) {
    let fileId: string | null = null;
    try {
      // Read before the COPY: a drop after this may have come too late for the package, and makes it
      // stale (written again before it goes out); one before is already in the items the COPY reads.
      const { exclusionsVersion } = await db().disclosure.findUniqueOrThrow({ where: { id: d.id }, select: { exclusionsVersion: true } });
      // saveLargeAttachment deletes what it wrote when the source fails.
      const written = await writePackage(actor, d, t);
      const pkg = { ...written, exclusionsVersion };
      fileId = pkg.fileId;
      return await db().$transaction(async (tx) => {
        await tx.$executeRaw`SELECT pg_advisory_xact_lock(${PACKAGE_ERASURE_LOCK})`;
        const [{ erased }] = await tx.$queryRaw<{ erased: boolean }[]>`
          SELECT EXISTS (SELECT 1 FROM "DisclosureItem" i JOIN "Customer" c ON c.id = i."customerId"
                         WHERE i."disclosureId" = ${d.id}::uuid AND i.included AND c.status = 'ERASED') AS erased`;
        if (erased) throw new StalePackage();
        return link(tx, pkg);
      });
    } catch (error) {
      if (fileId) await deleteAttachment(fileId).catch(() => {});
      if (!(error instanceof StalePackage)) throw error;
      if (attempt >= 2) throw new AppError("CONFLICT", "disclosures.changedMeanwhile");
      await dropNewlyExcluded(actor, d.id, d.category);
    }
  }
}

/**
 * Approves a prepared disclosure and freezes its package. Advertising and authority disclosures need
 * a compliance officer other than the preparer (four eyes); shipping may be sent by staff.
 */
export async function approveDisclosure(actor: Actor, id: string) {
  authorize(actor, "STAFF", "COMPLIANCE");
  const d = await db().disclosure.findUnique({
    where: { id },
    select: { id: true, status: true, fields: true, reference: true, preparedById: true, recipient: { select: { category: true } } },
  });
  if (!d) throw new AppError("NOT_FOUND", "errors.notFound");
  const category = d.recipient.category as RecipientCategory;
  if (NEEDS_APPROVAL[category]) {
    if (actor.kind === "user" && actor.role !== "COMPLIANCE")
      return refuse(actor, "disclosure.approval_refused", { id, reason: "role" }, new AppError("FORBIDDEN", "disclosures.complianceApproves"));
    if (actor.kind === "user" && actor.id === d.preparedById)
      return refuse(actor, "disclosure.approval_refused", { id, reason: "four_eyes" }, new AppError("FORBIDDEN", "disclosures.fourEyes"));
  }
  if (d.status !== "PENDING_APPROVAL") throw new AppError("CONFLICT", "disclosures.notPending");
  // Written before the transaction, on its own connection: inside it, the embedded database (one
  // transaction at a time) would make the COPY wait for the transaction that waits for the COPY.
  // Exclusions are checked by the COPY itself (packageCsv); who would now be left out is dropped then.
  return writeAndLink(actor, { ...d, category }, await packageLanguage(actor.kind === "user" ? actor.id : null), async (tx, pkg) => {
    const { count } = await tx.disclosure.updateMany({
      where: { id, status: "PENDING_APPROVAL" },
      data: {
        status: "APPROVED",
        approvedById: actor.kind === "user" ? actor.id : null,
        approvedAt: new Date(),
        packageFileId: pkg.fileId,
        packageChecksum: pkg.checksum,
        packageExclusionsVersion: pkg.exclusionsVersion,
        packageExpiresAt: new Date(Date.now() + PACKAGE_DAYS * DAY),
      },
    });
    if (count === 0) throw new AppError("CONFLICT", "disclosures.notPending");
    await recordAudit(tx, actor, {
      action: "disclosure.approved",
      entityType: "Disclosure",
      entityId: id,
      details: { checksum: pkg.checksum, bytes: pkg.size, category },
    });
    return pkg;
  });
}

/** After late exclusions, an approved package is written again without them (new checksum, audited). */
async function rebuildPackage(actor: Actor, id: string) {
  const d = await db().disclosure.findUniqueOrThrow({
    where: { id },
    select: { id: true, fields: true, reference: true, approvedById: true, packageFileId: true, recipient: { select: { category: true } } },
  });
  if (!d.packageFileId) return; // destroyed by an erasure: nothing to hand out any more
  await writeAndLink(actor, { ...d, category: d.recipient.category as RecipientCategory }, await packageLanguage(d.approvedById), async (tx, pkg) => {
    // The package being replaced is the one linked now (an erasure may have destroyed it meanwhile).
    const current = await tx.disclosure.findUniqueOrThrow({ where: { id }, select: { packageFileId: true } });
    if (!current.packageFileId) throw new AppError("EXPIRED", "disclosures.downloadUnavailable");
    await tx.disclosure.update({
      where: { id },
      data: { packageFileId: pkg.fileId, packageChecksum: pkg.checksum, packageExclusionsVersion: pkg.exclusionsVersion },
    });
    await deleteAttachment(current.packageFileId, tx);
    await recordAudit(tx, actor, { action: "disclosure.package_rebuilt", entityType: "Disclosure", entityId: id, details: { checksum: pkg.checksum } });
  });
}

/**
 * Hands out the frozen package: a limited number of times, within its days; every try is audited.
 * Exclusions are checked again first: someone who objected since approval is not in what goes out.
 */
export async function downloadPackage(actor: Actor, id: string) {
  authorize(actor, "STAFF", "COMPLIANCE");
  const current = await db().disclosure.findUnique({ where: { id }, select: { status: true, recipient: { select: { category: true } } } });
  // Advertising and authority packages go out through compliance (they approved them); staff hand
  // over shipments only.
  if (current && NEEDS_APPROVAL[current.recipient.category as RecipientCategory] && actor.kind === "user" && actor.role !== "COMPLIANCE") {
    return refuse(actor, "disclosure.download_refused", { id, reason: "role" }, new AppError("FORBIDDEN", "disclosures.complianceDownloads"));
  }
  if (current && (current.status === "APPROVED" || current.status === "DELIVERED")) {
    await dropNewlyExcluded(actor, id, current.recipient.category as RecipientCategory);
    // Anyone dropped since the package was written may be in it: dropped just now, or by another
    // download whose rewrite is still running or failed. It is written again first.
    const versions = await db().disclosure.findUniqueOrThrow({ where: { id }, select: { exclusionsVersion: true, packageExclusionsVersion: true } });
    if (versions.exclusionsVersion !== versions.packageExclusionsVersion) await rebuildPackage(actor, id);
  }
  const result = await db().$transaction(async (tx) => {
    // Never a package written before the latest drop, whatever happened between the check above and now.
    const [row] = await tx.$queryRaw<{ packageFileId: string; downloadCount: number; packageChecksum: string }[]>`
      UPDATE "Disclosure" SET "downloadCount" = "downloadCount" + 1, status = 'DELIVERED', "updatedAt" = now(),
        "firstDeliveredAt" = coalesce("firstDeliveredAt", now())
      WHERE id = ${id}::uuid AND status IN ('APPROVED', 'DELIVERED') AND "downloadCount" < "maxDownloads" AND "packageExpiresAt" > now()
        AND "packageExclusionsVersion" = "exclusionsVersion"
      RETURNING "packageFileId", "downloadCount", "packageChecksum"`;
    if (!row) {
      const [stale] = await tx.$queryRaw<{ stale: boolean }[]>`
        SELECT "packageExclusionsVersion" <> "exclusionsVersion" AS stale FROM "Disclosure"
        WHERE id = ${id}::uuid AND status IN ('APPROVED', 'DELIVERED') AND "downloadCount" < "maxDownloads" AND "packageExpiresAt" > now()`;
      return stale?.stale ? ("stale" as const) : null;
    }
    await recordAudit(tx, actor, {
      action: "disclosure.downloaded",
      entityType: "Disclosure",
      entityId: id,
      details: { download: row.downloadCount, checksum: row.packageChecksum },
    });
    const file = await tx.attachment.findUniqueOrThrow({
      where: { id: row.packageFileId },
      select: { id: true, filename: true, size: true, chunks: true, fileKey: { select: { attachmentId: true } } },
    });
    // A package without its key (shredded) or missing a part is not counted as handed out.
    if (!file.fileKey) throw new AppError("EXPIRED", "disclosures.downloadUnavailable");
    if (file.chunks !== null && !(await largeAttachmentComplete(tx, file.id))) throw new AppError("EXPIRED", "disclosures.downloadUnavailable");
    // Packages approved before packages were stored in parts are one sealed file.
    const whole = file.chunks === null ? await openWholeFile(tx, file.id) : null;
    return { fileId: file.id, filename: file.filename, size: file.size, checksum: row.packageChecksum, whole };
  });
  if (!result) return refuse(actor, "disclosure.download_refused", { id }, new AppError("EXPIRED", "disclosures.downloadUnavailable"));
  if (result === "stale")
    return refuse(actor, "disclosure.download_refused", { id, reason: "changed" }, new AppError("CONFLICT", "disclosures.changedMeanwhile"));
  // The bytes follow part by part (the count and the audit above are already committed): if they
  // cannot all be served, the download is given back, and that is audited too.
  const body = result.whole
    ? (async function* () {
        yield result.whole as Buffer;
      })()
    : givenBackOnFailure(actor, id, readLargeAttachment(result.fileId, result.checksum));
  return { filename: result.filename, size: result.size, checksum: result.checksum, body };
}

async function* givenBackOnFailure(actor: Actor, id: string, parts: AsyncGenerator<Buffer>): AsyncGenerator<Buffer> {
  try {
    yield* parts;
  } catch (error) {
    await db().$transaction(async (tx) => {
      await tx.$executeRaw`
        UPDATE "Disclosure" SET "downloadCount" = "downloadCount" - 1,
          status = CASE WHEN "downloadCount" = 1 THEN 'APPROVED'::"DisclosureStatus" ELSE status END, "updatedAt" = now()
        WHERE id = ${id}::uuid AND "downloadCount" > 0`;
      await recordAudit(tx, actor, {
        action: "disclosure.download_failed",
        entityType: "Disclosure",
        entityId: id,
        details: { reason: isAppError(error) ? error.userMessage : "error" },
      });
    });
    throw error;
  }
}

async function openWholeFile(tx: Tx, id: string) {
  const file = await tx.attachment.findUniqueOrThrow({ where: { id }, select: { id: true, data: true, sealed: true, keyCustomerId: true } });
  const data = await openAttachment(tx, file);
  if (!data) throw new AppError("EXPIRED", "disclosures.downloadUnavailable");
  return data;
}
