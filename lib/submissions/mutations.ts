import "server-only";
import { randomUUID } from "node:crypto";
import { Prisma } from "@/generated/prisma/client";
import { recordAudit } from "@/lib/audit/mutations";
import { authorize, type Actor } from "@/lib/auth/actor";
import { rolesFor } from "@/lib/auth/permissions";
import { db, type Tx } from "@/lib/db";
import { env } from "@/lib/env";
import { AppError, type FieldErrors } from "@/lib/errors";
import type { PublicForm } from "@/lib/forms/queries";
import { issuePath, submissionSchema, type SubmissionInput } from "@/lib/forms/submission-schema";
import type { Locale } from "@/lib/i18n/config";
import { hitRateLimit } from "@/lib/rate-limit/mutations";

export type SubmissionContext = { ip: string; userAgent: string | null };
export type SubmissionResult = { submissionId: string; duplicate: boolean };

type Fields = Partial<Record<"fullName" | "email" | "phone" | "address" | "organization", string>>;

/** Finds the person by normalised email (or phone when there is no email) and updates or creates them. */
async function upsertCustomer(tx: Tx, fields: Fields, locale: Locale, source: string) {
  const matchKey = fields.email ? `email:${fields.email}` : fields.phone ? `phone:${fields.phone}` : null;
  if (!matchKey) return null;
  // Serialises submissions for the same person across app instances, so two at once cannot both create.
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${`customer:${matchKey}`}, 0))`;
  const existing = await tx.customer.findFirst({
    where: { status: { not: "ERASED" }, ...(fields.email ? { email: fields.email } : { phone: fields.phone }) },
    orderBy: { createdAt: "asc" },
    select: { id: true, fullName: true, email: true, phone: true, address: true, organization: true },
  });
  if (!existing) {
    const created = await tx.customer.create({ data: { ...fields, locale, source }, select: { id: true } });
    return { id: created.id, created: true, changed: Object.keys(fields) };
  }
  // Newer non-empty values win; an empty value never erases what we have.
  const changes = Object.fromEntries(Object.entries(fields).filter(([k, v]) => v && existing[k as keyof Fields] !== v));
  if (Object.keys(changes).length > 0) await tx.customer.update({ where: { id: existing.id }, data: { ...changes, locale } });
  return { id: existing.id, created: false, changed: Object.keys(changes) };
}

function fieldErrorsOf(error: { issues: { path: PropertyKey[]; message: string }[] }): FieldErrors {
  const out: FieldErrors = {};
  for (const issue of error.issues) out[issuePath(issue.path)] ??= issue.message;
  return out;
}

async function findExisting(formId: string, idempotencyKey: string) {
  const row = await db().submission.findUnique({ where: { formId_idempotencyKey: { formId, idempotencyKey } }, select: { id: true } });
  return row ? { submissionId: row.id, duplicate: true } : null;
}

function wordingOf(purpose: PublicForm["purposes"][number], locale: Locale) {
  return locale === "en" ? `${purpose.labelEn}: ${purpose.descriptionEn}` : `${purpose.labelVi}: ${purpose.descriptionVi}`;
}

/**
 * Records one submission: customer, submission, one consent event per ticked purpose and the audit
 * event, all in one transaction. A retry with the same idempotency key returns the first result.
 */
export async function submitForm(form: PublicForm, raw: unknown, ctx: SubmissionContext): Promise<SubmissionResult> {
  const parsed = submissionSchema({ fields: form.fields, questions: form.questions, purposeKeys: form.purposes.map((p) => p.key) }).safeParse(raw);
  if (!parsed.success) throw new AppError("BAD_INPUT", "publicForm.fixErrors", fieldErrorsOf(parsed.error));
  const input: SubmissionInput = parsed.data;
  // A filled honeypot is a bot: answer as if it worked, keep nothing.
  if (input.website) return { submissionId: randomUUID(), duplicate: false };

  const earlier = await findExisting(form.id, input.idempotencyKey);
  if (earlier) return earlier;

  const { FORM_RATE_LIMIT_PER_IP, FORM_RATE_LIMIT_PER_FORM } = env();
  for (const [key, limit, window] of [
    [`form-ip:${form.id}:${ctx.ip}`, FORM_RATE_LIMIT_PER_IP, 600],
    [`form:${form.id}`, FORM_RATE_LIMIT_PER_FORM, 60],
  ] as const) {
    const result = await hitRateLimit(key, limit, window);
    if (!result.allowed) throw new AppError("RATE_LIMITED", "publicForm.rateLimited", undefined, { seconds: result.retryAfterSeconds });
  }

  try {
    return await db().$transaction(async (tx) => {
      const fields = input.fields as Fields;
      const customer = await upsertCustomer(tx, fields, input.locale, `form:${form.slug}`);
      const submission = await tx.submission.create({
        data: {
          formId: form.id,
          customerId: customer?.id,
          fields,
          answers: input.answers as Prisma.InputJsonObject,
          locale: input.locale,
          idempotencyKey: input.idempotencyKey,
          ip: ctx.ip,
          userAgent: ctx.userAgent,
        },
        select: { id: true },
      });
      const ticked = form.purposes.filter((p) => input.consents.includes(p.key));
      if (customer && ticked.length > 0) {
        await tx.consentEvent.createMany({
          data: ticked.map((purpose) => ({
            customerId: customer.id,
            purposeId: purpose.id,
            action: "GRANTED" as const,
            source: "FORM" as const,
            policyVersionId: form.policy?.id,
            wording: wordingOf(purpose, input.locale),
            locale: input.locale,
            formId: form.id,
            submissionId: submission.id,
            ip: ctx.ip,
            userAgent: ctx.userAgent,
            evidence: { form: form.slug, policyVersion: form.policy?.number ?? null, checkbox: `consents=${purpose.key}` },
          })),
        });
      }
      await recordAudit(tx, { kind: "anonymous", ip: ctx.ip }, {
        action: "submission.received",
        entityType: "Submission",
        entityId: submission.id,
        details: {
          formId: form.id,
          customerId: customer?.id ?? null,
          customerCreated: customer?.created ?? false,
          changedFields: customer?.changed ?? [],
          consents: ticked.map((p) => p.key),
        },
      });
      return { submissionId: submission.id, duplicate: false };
    });
  } catch (error) {
    // The same retry arrived twice at once: the unique key let one in; answer with its result.
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") {
      const first = await findExisting(form.id, input.idempotencyKey);
      if (first) return first;
    }
    throw error;
  }
}

/** Exports of personal data are audited with what was exported and how many rows. */
export async function recordExport(actor: Actor, details: { formId: string; rows: number }) {
  authorize(actor, ...rolesFor("forms"));
  await db().$transaction((tx) => recordAudit(tx, actor, { action: "submissions.exported", entityType: "Form", entityId: details.formId, details }));
}
