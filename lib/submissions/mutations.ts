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
import { hitRateLimit } from "@/lib/rate-limit/mutations";
import { CONFIRM_DAYS } from "@/lib/confirmations/rules";

export type SubmissionContext = { ip: string; userAgent: string | null };
/** `confirmationRequired`: some ticked purpose waits for the emailed confirmation. It depends only on
 * what was sent, never on whether the address is already a customer (no enumeration). */
export type SubmissionResult = { submissionId: string; duplicate: boolean; confirmationRequired: boolean };

/**
 * A refused submission counts toward the address's limit like an accepted one (the database adds
 * this bucket to its count), so a form cannot be probed without end; past the limit the answer is 429.
 */
async function refuseInvalid(form: PublicForm, ctx: SubmissionContext, fieldErrors: FieldErrors): Promise<never> {
  const limit = env().FORM_RATE_LIMIT_PER_IP;
  if (limit > 0) {
    const hit = await hitRateLimit(`form-invalid:${form.id}:${createHash("md5").update(ctx.ip).digest("hex")}`, limit, 600);
    const accepted = await db().submission.count({ where: { formId: form.id, ip: ctx.ip, createdAt: { gt: new Date(Date.now() - 600_000) } } });
    if (hit.count + accepted > limit) throw new AppError("RATE_LIMITED", "publicForm.rateLimited", undefined, { seconds: hit.retryAfterSeconds });
  }
  throw new AppError("BAD_INPUT", "publicForm.fixErrors", fieldErrors);
}

/** Where a string holds half of a UTF-16 pair (no database stores that): its path, or null. */
function malformedTextPath(value: unknown, path: PropertyKey[] = []): string | null {
  if (typeof value === "string") return value.isWellFormed() ? null : issuePath(path);
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
  if (input.website) return { submissionId: randomUUID(), duplicate: false, confirmationRequired: input.consents.length > 0 };

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
  }>({
    ...(EMBEDDED_DB ? {} : { name: "record_submission" }),
    text: `SELECT * FROM record_submission($1::uuid, $2, $3::jsonb, $4::jsonb, $5::"Locale", $6, $7, $8, $9::uuid, $10::jsonb, $11::int, 600, $12::int, 60, $13::int)`,
    values: [
      form.id,
      input.idempotencyKey,
      JSON.stringify(input.fields),
      JSON.stringify(input.answers),
      input.locale,
      ctx.ip,
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
  if (row.limited) throw new AppError("RATE_LIMITED", "publicForm.rateLimited", undefined, { seconds: row.retry_after ?? 60 });
  if (row.confirmation_required) await wake("consent-confirmation");
  if (!row.duplicate) submissionsReceived().inc({ form: form.slug });
  return { submissionId: row.submission_id, duplicate: row.duplicate, confirmationRequired: row.confirmation_required };
}

/** Exports of personal data are audited with what was exported and how many rows. */
export async function recordExport(actor: Actor, details: { formId: string; rows: number }) {
  authorize(actor, ...rolesFor("forms"));
  await db().$transaction((tx) => recordAudit(tx, actor, { action: "submissions.exported", entityType: "Form", entityId: details.formId, details }));
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
