import "server-only";
import type { Prisma } from "@/generated/prisma/client";
import { authorize, type Actor } from "@/lib/auth/actor";
import { rolesFor } from "@/lib/auth/permissions";
import { maskAddress, maskPhone, masksContacts } from "@/lib/customers/masking";
import { db } from "@/lib/db";

export const SUBMISSIONS_PAGE_SIZE = 25;

const submissionSelect = {
  id: true,
  createdAt: true,
  locale: true,
  fields: true,
  answers: true,
  customer: { select: { id: true, fullName: true, email: true, status: true } },
  consentEvents: { select: { action: true, purpose: { select: { key: true, labelVi: true, labelEn: true } } } },
  pendingConsents: true,
  confirmationStatus: true,
  answeredAt: true,
  answeredById: true,
} satisfies Prisma.SubmissionSelect;

type SubmissionRecord = Prisma.SubmissionGetPayload<{ select: typeof submissionSelect }>;
export type SubmissionFields = Partial<Record<"fullName" | "email" | "phone" | "address" | "organization", string>>;
export type SubmissionRow = Omit<SubmissionRecord, "fields"> & { fields: SubmissionFields; masked: boolean };

/** What was submitted, with phone and address masked for roles that must reveal them (as in the register). */
function present(actor: Actor, row: SubmissionRecord): SubmissionRow {
  const fields = (row.fields ?? {}) as SubmissionFields;
  if (!masksContacts(actor.kind === "user" ? actor.role : "system")) return { ...row, fields, masked: false };
  const masked = { ...fields, phone: maskPhone(fields.phone ?? null) ?? undefined, address: maskAddress(fields.address ?? null) ?? undefined };
  return { ...row, fields: masked, masked: !!(fields.phone || fields.address) };
}

export async function listSubmissions(actor: Actor, formId: string, options: { page?: number } = {}) {
  authorize(actor, ...rolesFor("forms"));
  const page = Math.max(1, options.page ?? 1);
  const where = { formId };
  const [rows, total] = await Promise.all([
    db().submission.findMany({
      where,
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      skip: (page - 1) * SUBMISSIONS_PAGE_SIZE,
      take: SUBMISSIONS_PAGE_SIZE,
      select: submissionSelect,
    }),
    db().submission.count({ where }),
  ]);
  return { rows: rows.map((r) => present(actor, r)), total, page, pageCount: Math.max(1, Math.ceil(total / SUBMISSIONS_PAGE_SIZE)) };
}

/** Every submission of a form in batches, oldest first, for streaming exports in constant memory. */
export async function* submissionBatches(actor: Actor, formId: string, batchSize = 500) {
  authorize(actor, ...rolesFor("forms"));
  let cursor: { id: string } | undefined;
  for (;;) {
    const rows = await db().submission.findMany({
      where: { formId },
      orderBy: [{ createdAt: "asc" }, { id: "asc" }],
      take: batchSize,
      ...(cursor ? { cursor, skip: 1 } : {}),
      select: submissionSelect,
    });
    if (rows.length === 0) return;
    yield rows.map((r) => present(actor, r));
    if (rows.length < batchSize) return;
    cursor = { id: rows[rows.length - 1].id };
  }
}

export type AnswerCount = { value: string; count: number };

/** Counts per answer value for one question (choices, ratings), straight from the JSON answers. */
export async function answerCounts(actor: Actor, formId: string, questionKey: string, multiple: boolean): Promise<AnswerCount[]> {
  authorize(actor, ...rolesFor("forms"));
  const rows = multiple
    ? await db().$queryRaw<{ value: string; count: bigint }[]>`
        SELECT v AS value, count(*) AS count FROM "Submission", jsonb_array_elements_text(answers -> ${questionKey}) AS v
        WHERE "formId" = ${formId}::uuid AND jsonb_typeof(answers -> ${questionKey}) = 'array' GROUP BY v`
    : await db().$queryRaw<{ value: string; count: bigint }[]>`
        SELECT answers ->> ${questionKey} AS value, count(*) AS count FROM "Submission"
        WHERE "formId" = ${formId}::uuid AND answers ? ${questionKey} GROUP BY 1`;
  return rows.map((r) => ({ value: r.value, count: Number(r.count) }));
}

export async function latestTextAnswers(actor: Actor, formId: string, questionKey: string, take = 8) {
  authorize(actor, ...rolesFor("forms"));
  const rows = await db().$queryRaw<{ value: string; createdAt: Date }[]>`
    SELECT answers ->> ${questionKey} AS value, "createdAt" FROM "Submission"
    WHERE "formId" = ${formId}::uuid AND answers ? ${questionKey} ORDER BY "createdAt" DESC LIMIT ${take}`;
  const [{ count }] = await db().$queryRaw<{ count: bigint }[]>`
    SELECT count(*) AS count FROM "Submission" WHERE "formId" = ${formId}::uuid AND answers ? ${questionKey}`;
  return { latest: rows, total: Number(count) };
}

/** Submissions per day (Vietnam time) over the last `days` days, zero-filled. */
export async function submissionsPerDay(actor: Actor, formId: string, days = 30) {
  authorize(actor, ...rolesFor("forms"));
  const rows = await db().$queryRaw<{ day: string; count: bigint }[]>`
    SELECT to_char(d, 'YYYY-MM-DD') AS day, count(s.id) AS count
    FROM generate_series((now() AT TIME ZONE 'Asia/Ho_Chi_Minh')::date - ${days - 1}::int, (now() AT TIME ZONE 'Asia/Ho_Chi_Minh')::date, interval '1 day') AS d
    LEFT JOIN "Submission" s ON s."formId" = ${formId}::uuid
      AND (s."createdAt" AT TIME ZONE 'UTC' AT TIME ZONE 'Asia/Ho_Chi_Minh')::date = d::date
    GROUP BY d ORDER BY d`;
  return rows.map((r) => ({ day: r.day, count: Number(r.count) }));
}

/** A customer's submissions, newest first, with the form they came through. */
export async function customerSubmissions(actor: Actor, customerId: string, take = 20) {
  authorize(actor, ...rolesFor("customers"));
  return db().submission.findMany({
    where: { customerId },
    orderBy: { createdAt: "desc" },
    take,
    select: { id: true, createdAt: true, locale: true, answers: true, form: { select: { id: true, slug: true, titleVi: true, titleEn: true } } },
  });
}
