import "server-only";
import { consentWording } from "@/lib/consent/wording";
import { submissionsReceived } from "@/lib/metrics/registry";
import { createHash, randomUUID } from "node:crypto";
import { recordAudit } from "@/lib/audit/mutations";
import { authorize, type Actor } from "@/lib/auth/actor";
import { rolesFor } from "@/lib/auth/permissions";
import { db, pool } from "@/lib/db";
import { env } from "@/lib/env";
import { AppError, type FieldErrors } from "@/lib/errors";
import type { PublicForm } from "@/lib/forms/queries";
import { issuePath, submissionSchema, type SubmissionInput } from "@/lib/forms/submission-schema";
import { wake } from "@/lib/jobs/mutations";
import { limitAddress, limitKey } from "@/lib/rate-limit/address";
import { hitRateLimit } from "@/lib/rate-limit/mutations";
import { CONFIRM_DAYS } from "@/lib/confirmations/rules";

export type SubmissionContext = { ip: string; userAgent: string | null };
/** `confirmationRequired`: some ticked purpose waits for the emailed confirmation. It depends only on
 * what was sent, never on whether the address is already a customer (no enumeration). */
export type SubmissionResult = { submissionId: string; duplicate: boolean; confirmationRequired: boolean };

/** What a retry must send again: the same fields, answers, boxes and language (in a stable order). */
function payloadHash(input: SubmissionInput): string {
  const sorted = (o: Record<string, unknown>) => Object.fromEntries(Object.entries(o).sort(([a], [b]) => a.localeCompare(b)));
  const canonical = JSON.stringify([sorted(input.fields), sorted(input.answers), [...input.consents].sort(), input.locale]);
  return createHash("sha256").update(canonical).digest("hex");
}

/** What the per-address limit counts under: an IPv6 /64 is one address; a keyed hash, not the address. */
const submissionIpKey = (ip: string) => limitKey(limitAddress(ip));

/**
 * A refused submission counts toward the address's limit like an accepted one (the database adds
 * this bucket to its count), so a form cannot be probed without end; past the limit the answer is 429.
 */
async function refuseInvalid(form: PublicForm, ctx: SubmissionContext, fieldErrors: FieldErrors): Promise<never> {
  const limit = env().FORM_RATE_LIMIT_PER_IP;
  if (limit > 0) {
    const ipKey = submissionIpKey(ctx.ip);
    const hit = await hitRateLimit(`form-invalid:${form.id}:${ipKey}`, limit, 600);
    const accepted = await db().submission.count({ where: { formId: form.id, ipKey, createdAt: { gt: new Date(Date.now() - 600_000) } } });
    if (hit.count + accepted > limit) throw new AppError("RATE_LIMITED", "publicForm.rateLimited", undefined, { seconds: hit.retryAfterSeconds });
  }
  throw new AppError("BAD_INPUT", "publicForm.fixErrors", fieldErrors);
}

/** A submission is a few levels deep ({ answers: { tags: ["a"] } }); anything deeper is refused unread. */
const MAX_DEPTH = 6;

/**
 * Where a string holds half of a UTF-16 pair (no database stores that), or where the payload nests
 * deeper than any form could send: its path, or null.
 */
function malformedTextPath(value: unknown, path: PropertyKey[] = []): string | null {
  if (typeof value === "string") return value.isWellFormed() ? null : issuePath(path);
  if (path.length >= MAX_DEPTH && value && typeof value === "object") return issuePath(path);
  if (value && typeof value === "object") {
    for (const [key, child] of Object.entries(value)) {
      const found = malformedTextPath(child, [...path, Array.isArray(value) ? Number(key) : key]);
      if (found !== null) return found;
    }
  }
  return null;
}

function fieldErrorsOf(error: { issues: { path: PropertyKey[]; message: string }[] }): FieldErrors {
  const out: FieldErrors = {};
  for (const issue of error.issues) out[issuePath(issue.path)] ??= issue.message;
  return out;
}

// Building a zod schema is costly (zod compiles it); definitions are cached objects, so build once each.
const schemas = new WeakMap<PublicForm, ReturnType<typeof submissionSchema>>();
function schemaFor(form: PublicForm) {
  let schema = schemas.get(form);
  if (!schema) {
    schema = submissionSchema({ fields: form.fields, questions: form.questions, purposeKeys: form.purposes.map((p) => p.key) });
    schemas.set(form, schema);
  }
  return schema;
}

/**
 * Records one submission. Validation, normalisation and the consent wording happen here; the rate
 * limits (per IP and form in 10 minutes, per form in a minute) and the writes happen in the database
 * function record_submission, in one transaction and one round trip: a new customer, or the
 * differing values proposed for an existing one (never applied), consent for immediate purposes,
 * the other ticked purposes pending on the submission until the owner of the email confirms them
 * (lib/confirmations sends the link), and the audit event. A retry with the same idempotency key
 * returns the first result and writes nothing.
 */
export async function submitForm(form: PublicForm, raw: unknown, ctx: SubmissionContext): Promise<SubmissionResult> {
  const malformed = malformedTextPath(raw);
  if (malformed !== null) return refuseInvalid(form, ctx, { [malformed || "form"]: "publicForm.badText" });
  const parsed = schemaFor(form).safeParse(raw);
  if (!parsed.success) return refuseInvalid(form, ctx, fieldErrorsOf(parsed.error));
  const input: SubmissionInput = parsed.data;
  // A filled honeypot is a bot: answer as if it worked, keep nothing.
  if (input.website) {
    // The same answer a real one would get, so a bot cannot tell.
    const waits = form.purposes.some((p) => input.consents.includes(p.key) && !p.immediate) && !!(input.fields as { email?: string }).email;
    return { submissionId: randomUUID(), duplicate: false, confirmationRequired: waits };
  }

  const consents = form.purposes
    .filter((p) => input.consents.includes(p.key))
    .map((p) => ({
      purposeId: p.id,
      key: p.key,
      wording: consentWording(p, input.locale),
      evidence: { form: form.slug, policyVersion: form.policy?.number ?? null, checkbox: `consents=${p.key}` },
      immediate: p.immediate,
    }));
  const { FORM_RATE_LIMIT_PER_IP, FORM_RATE_LIMIT_PER_FORM, EMBEDDED_DB } = env();
  // The hottest write of the app: one statement straight on the pool (a prepared statement, no ORM work).
  // Not on the embedded database: its connections share one session, so a statement one connection
  // prepared already exists when the next connection prepares it.
  const { rows } = await pool().query<{
    submission_id: string;
    duplicate: boolean;
    limited: string | null;
    retry_after: number | null;
    confirmation_required: boolean;
    confirmation_queued: boolean;
  }>({
    ...(EMBEDDED_DB ? {} : { name: "record_submission" }),
    text: `SELECT * FROM record_submission($1::uuid, $2, $3::jsonb, $4::jsonb, $5::"Locale", $6, $7, $8, $9, $10, $11::uuid, $12::jsonb, $13::int, 600, $14::int, 60, $15::int)`,
    values: [
      form.id,
      input.idempotencyKey,
      JSON.stringify(input.fields),
      JSON.stringify(input.answers),
      input.locale,
      ctx.ip,
      submissionIpKey(ctx.ip),
      payloadHash(input),
      ctx.userAgent,
      `form:${form.slug}`,
      form.policy?.id ?? null,
      JSON.stringify(consents),
      FORM_RATE_LIMIT_PER_IP,
      FORM_RATE_LIMIT_PER_FORM,
      CONFIRM_DAYS,
    ],
  });
  const row = rows[0];
  // (Said as the answer itself: the key is not a field the visitor can see.)
  if (row.limited === "key_reused") throw new AppError("BAD_INPUT", "publicForm.keyReused", { idempotencyKey: "publicForm.keyReused" });
  // Over the address's limit: this visitor sent too many. Over the form's: the form is busy for everyone.
  if (row.limited)
    throw new AppError("RATE_LIMITED", row.limited === "form" ? "publicForm.busy" : "publicForm.rateLimited", undefined, { seconds: row.retry_after ?? 60 });
  if (row.confirmation_queued) await wake("consent-confirmation");
  if (!row.duplicate) submissionsReceived().inc({ form: form.slug });
  return { submissionId: row.submission_id, duplicate: row.duplicate, confirmationRequired: row.confirmation_required };
}

/**
 * Exports of personal data are audited before the first byte goes out (a download cut short has
 * still handed out what it sent), with how many submissions the form held when it began.
 */
export async function recordExport(actor: Actor, details: { formId: string }) {
  authorize(actor, ...rolesFor("forms"));
  await db().$transaction(async (tx) => {
    const rows = await tx.submission.count({ where: { formId: details.formId } });
    await recordAudit(tx, actor, { action: "submissions.exported", entityType: "Form", entityId: details.formId, details: { formId: details.formId, rows } });
  });
}

/** Shows a submission's masked phone and address in full, as submitted; the reveal is audited. */
export async function revealSubmissionContact(actor: Actor, submissionId: string) {
  authorize(actor, ...rolesFor("forms"));
  return db().$transaction(async (tx) => {
    const row = await tx.submission.findUnique({ where: { id: submissionId }, select: { fields: true, customerId: true } });
    if (!row) throw new AppError("NOT_FOUND", "errors.notFound");
    const fields = row.fields as { phone?: string; address?: string };
    await recordAudit(tx, actor, {
      action: "submission.contact_revealed",
      entityType: "Submission",
      entityId: submissionId,
      details: { customerId: row.customerId, fields: ["phone", "address"] },
    });
    return { phone: fields.phone ?? null, address: fields.address ?? null };
  });
}
