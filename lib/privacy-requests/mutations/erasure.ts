import "server-only";
import { PACKAGE_ERASURE_LOCK } from "@/lib/disclosures/rules";
import { recordAudit, shredCustomerKey } from "@/lib/audit/mutations";
import { mapStrings, openWith, SEALED_PREFIX } from "@/lib/audit/sealing";
import { now } from "@/lib/clock";
import type { Actor } from "@/lib/auth/actor";
import { Prisma } from "@/generated/prisma/client";
import type { Tx } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { readQuestions } from "@/lib/forms/definition";

// Erasure: everything that identifies the person goes; the minimal, pseudonymous evidence the
// company must keep stays — that consent existed (purpose, action, time, policy version, wording),
// which disclosures happened, which notices were sent, that requests were made and completed, and
// the audit chain (whose personal values were sealed with the customer's key, shredded here).

const KEPT_ANSWER_TYPES = new Set(["single_choice", "multiple_choice", "rating"]);

export type ErasureResult = { submissions: number; consentEvents: number; emails: number; disclosurePackages: number; attachments: number };

/**
 * Erases one customer in the caller's transaction. The caller has checked the actor's role. Throws
 * CONFLICT with the reason when a legal hold blocks it, NOT_FOUND when there is nothing to erase.
 * `keepEmailId`: a message to the customer still to be sent (the completion email); the outbox
 * wipes it once it has gone (EmailMessage.eraseAfterSend).
 */
export async function eraseCustomer(
  tx: Tx,
  actor: Actor,
  customerId: string,
  context: { requestId?: string; batchId?: string; keepEmailId?: string },
): Promise<ErasureResult> {
  const [customer] = await tx.$queryRaw<{ id: string; email: string | null; phone: string | null; status: string; legalHoldReason: string | null }[]>`
    SELECT id, email, phone, status::text, "legalHoldReason" FROM "Customer" WHERE id = ${customerId}::uuid FOR UPDATE`;
  if (!customer || customer.status === "ERASED") throw new AppError("NOT_FOUND", "errors.notFound");
  if (customer.legalHoldReason) throw new AppError("CONFLICT", "requests.legalHoldBlocks", undefined, { reason: customer.legalHoldReason });

  // Every address the person has had that the register can still read, gathered before their forms
  // and keys go: emails sent to an old or merged-in address go with the current ones.
  const addresses = await addressesOf(tx, customerId, customer.email);

  // Consent evidence: the IP address, browser (also of a confirmation) and free-text notes go, and the scan of a paper form
  // (its SHA-256 stays, so the company can still show a copy it kept elsewhere matches).
  const scans = await tx.$queryRaw<{ id: string }[]>`
    SELECT DISTINCT evidence -> 'attachment' ->> 'id' AS id FROM "ConsentEvent"
    WHERE "customerId" = ${customerId}::uuid AND jsonb_typeof(evidence -> 'attachment') = 'object'`;
  await tx.$executeRaw`SELECT set_config('customer_register.erasing', 'on', true)`;
  const consentEvents = await tx.$executeRaw`
    UPDATE "ConsentEvent" SET ip = NULL, "userAgent" = NULL,
      evidence = CASE WHEN evidence IS NULL OR jsonb_typeof(evidence) <> 'object' THEN evidence
        ELSE (evidence - 'ip' - 'userAgent' - 'note' - 'attachment')
          || CASE WHEN jsonb_typeof(evidence -> 'attachment') = 'object'
                  THEN jsonb_build_object('attachment', jsonb_build_object('sha256', evidence -> 'attachment' -> 'sha256'))
                  ELSE '{}'::jsonb END
          -- A double opt-in keeps when and how it was confirmed, not from where.
          || CASE WHEN jsonb_typeof(evidence -> 'confirmation') = 'object'
                  THEN jsonb_build_object('confirmation', (evidence -> 'confirmation') - 'ip' - 'userAgent')
                  ELSE '{}'::jsonb END END
    WHERE "customerId" = ${customerId}::uuid`;
  await tx.$executeRaw`SELECT set_config('customer_register.erasing', 'off', true)`;

  // Submissions: contact fields, free-text answers, IP and browser go; choices and ratings stay
  // (they count in survey results and say nothing about who gave them once the record is erased).
  const submissions = await tx.submission.findMany({ where: { customerId }, select: { id: true, answers: true, form: { select: { questions: true } } } });
  for (const s of submissions) {
    const kept = Object.fromEntries(
      readQuestions(s.form.questions)
        .filter((q) => KEPT_ANSWER_TYPES.has(q.type))
        .flatMap((q) => (q.key in ((s.answers as Record<string, unknown>) ?? {}) ? [[q.key, (s.answers as Record<string, unknown>)[q.key]]] : [])),
    );
    await tx.submission.update({
      where: { id: s.id },
      data: {
        fields: {},
        answers: kept as object,
        ip: null,
        userAgent: null,
        // (The limit's key and the content digest could be matched against a guess of who sent it.)
        ipKey: null,
        payloadHash: null,
        proposedChanges: Prisma.DbNull,
        confirmIp: null,
        confirmUserAgent: null,
      },
    });
  }
  await tx.authToken.deleteMany({ where: { submission: { customerId } } });

  // Scans of written requests, and the requests' own words.
  const requestScans = await tx.privacyRequest.findMany({ where: { customerId, attachmentId: { not: null } }, select: { attachmentId: true } });
  // What officers wrote about the requests (a correction's old and new phone, an extension's reason) goes too.
  await tx.privacyRequest.updateMany({ where: { customerId }, data: { details: "", attachmentId: null, resolution: null, extensionReason: null } });
  await tx.requestDeadlineChange.updateMany({ where: { request: { customerId } }, data: { reason: null } });
  const attachmentIds = [...scans.map((s) => s.id), ...requestScans.map((r) => r.attachmentId!)].filter(Boolean);
  const attachments = attachmentIds.length ? (await tx.attachment.deleteMany({ where: { id: { in: attachmentIds } } })).count : 0;

  // Disclosure packages that still hold the person's data are destroyed; the disclosure, its items
  // and the package's checksum remain as the record that it happened. Taking turns with the linking
  // of new packages: one being written now is checked for this erasure before it is linked.
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(${PACKAGE_ERASURE_LOCK})`;
  const packages = await tx.$queryRaw<{ id: string; packageFileId: string }[]>`
    UPDATE "Disclosure" d SET "packageFileId" = NULL, "packageExpiresAt" = least(d."packageExpiresAt", now())
    FROM "Disclosure" old
    WHERE d.id = old.id AND old."packageFileId" IS NOT NULL
      AND EXISTS (SELECT 1 FROM "DisclosureItem" i WHERE i."disclosureId" = d.id AND i."customerId" = ${customerId}::uuid AND i.included)
    RETURNING d.id, old."packageFileId"`;
  if (packages.length) await tx.attachment.deleteMany({ where: { id: { in: packages.map((p) => p.packageFileId) } } });

  // Emails: the address and bodies go. Queued messages are cancelled, except the one that tells the
  // customer it is done (wiped by the outbox once handled).
  // (Marketing messages are found by the customer too: one queued to an address they had before.)
  const emails = await tx.$executeRaw`
        UPDATE "EmailMessage" SET "to" = '', html = NULL, text = NULL, variables = NULL,
          status = CASE WHEN status = 'QUEUED' THEN 'CANCELLED'::"EmailStatus" ELSE status END, "lockedUntil" = NULL
        WHERE (lower("to") = ANY (${addresses.map((a) => a.toLowerCase())}::text[]) OR "customerId" = ${customerId}::uuid)
          AND id IS DISTINCT FROM ${context.keepEmailId ?? null}::uuid`;

  // Uploaded import files that still contain the person (imports keep no file once finished).
  // (A phone as E.164 and as written at home: +84912345678, 0912345678.)
  const national = customer.phone?.startsWith("+84") ? `0${customer.phone.slice(3)}` : null;
  const needles = [...addresses, customer.phone, national].filter((v): v is string => !!v);
  if (needles.length) {
    await tx.$executeRaw`
      UPDATE "ImportJob" SET content = '' WHERE content <> '' AND EXISTS (SELECT 1 FROM unnest(${needles}::text[]) n WHERE strpos(lower(content), lower(n)) > 0)`;
    await tx.signInRequest.deleteMany({ where: { identifier: { in: needles } } });
  }

  // Published photos or videos showing them are marked to be taken down (staff see them on the media page).
  await tx.$executeRaw`
    UPDATE "MediaItem" SET status = 'TAKEDOWN_REQUESTED', "takedownRequestedAt" = now(), "updatedAt" = now()
    WHERE status = 'PUBLISHED' AND id IN (SELECT "mediaId" FROM "MediaAppearance" WHERE "customerId" = ${customerId}::uuid)`;

  await tx.authToken.deleteMany({ where: { customerId } });
  await tx.customerSession.deleteMany({ where: { customerId } });
  // Files sealed with a shredded key (this customer's, or a record merged into theirs) go as well.
  const shredded = await shredCustomerKey(tx, customerId);
  const sealedFiles = (await tx.attachment.deleteMany({ where: { keyCustomerId: { in: [customerId, ...shredded] } } })).count;
  await tx.customer.update({
    where: { id: customerId },
    data: { fullName: null, email: null, phone: null, address: null, organization: null, terminationReason: null, status: "ERASED", erasedAt: await now() },
  });

  const result = { submissions: submissions.length, consentEvents, emails, disclosurePackages: packages.length, attachments: attachments + sealedFiles };
  await recordAudit(tx, actor, {
    action: "customer.erased",
    entityType: "Customer",
    entityId: customerId,
    details: { customerId, requestId: context.requestId ?? null, batchId: context.batchId ?? null, ...result },
  });
  return result;
}

/** The edits whose sealed before/after may hold an address the person had. */
const EDIT_ACTIONS = [
  "customer.created",
  "customer.updated",
  "customer.updated_by_confirmation",
  "customer.updated_from_submission",
  "customer.updated_by_import",
];

/**
 * Every email address the register can still read for the person, lower-cased: the current one, the
 * ones on their forms, and the ones in the sealed history of their record and of the records merged
 * into it (opened with the keys erasure is about to shred).
 */
async function addressesOf(tx: Tx, customerId: string, current: string | null): Promise<string[]> {
  const found = new Set<string>(current ? [current.toLowerCase()] : []);
  const forms = await tx.$queryRaw<{ email: string }[]>`
    SELECT DISTINCT lower(fields ->> 'email') AS email FROM "Submission" WHERE "customerId" = ${customerId}::uuid AND coalesce(fields ->> 'email', '') <> ''`;
  for (const f of forms) found.add(f.email);
  const keys = await tx.customerKey.findMany({ where: { OR: [{ customerId }, { mergedIntoId: customerId }] }, select: { customerId: true, key: true } });
  const byId = new Map(keys.map((k) => [k.customerId, Buffer.from(k.key)]));
  if (byId.size > 0) {
    const events = await tx.auditEvent.findMany({
      where: { entityType: "Customer", entityId: { in: [...byId.keys()] }, action: { in: EDIT_ACTIONS } },
      select: { entityId: true, details: true },
    });
    for (const e of events) {
      const key = byId.get(e.entityId ?? "");
      collectEmails(
        mapStrings(e.details, (v) => (v.startsWith(SEALED_PREFIX) ? openWith(key, v) : v)),
        found,
      );
    }
  }
  return [...found].filter((a) => a.includes("@"));
}

/** Values under an "email" key, at any depth ({ after: { email } }, { changes: { email: { before, after } } }). */
function collectEmails(value: unknown, into: Set<string>, underEmail = false) {
  if (typeof value === "string") {
    if (underEmail && value) into.add(value.toLowerCase());
    return;
  }
  if (Array.isArray(value)) for (const v of value) collectEmails(v, into, underEmail);
  else if (value && typeof value === "object") for (const [k, v] of Object.entries(value)) collectEmails(v, into, underEmail || k === "email");
}
