import "server-only";
import { recordAudit } from "@/lib/audit/mutations";
import { authorize, type Actor } from "@/lib/auth/actor";
import { rolesFor } from "@/lib/auth/permissions";
import { db } from "@/lib/db";
import { enqueueEmail } from "@/lib/email/mutations";
import { renderEmail } from "@/lib/email/render";
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { translator } from "@/lib/i18n/translate";
import { readSettings } from "@/lib/settings/queries";
import { answeredSchema, leadWatchersSchema } from "./schemas";

// The team hears about new leads: per form, chosen staff are emailed at once or hourly. The email
// holds the form's name, a count and a link into the app, never the person's data.

export async function setLeadWatchers(actor: Actor, raw: unknown) {
  authorize(actor, ...rolesFor("forms"));
  const input = leadWatchersSchema.parse(raw);
  const wanted = input.watchers.filter((w) => w.mode !== "OFF");
  return db().$transaction(async (tx) => {
    const form = await tx.form.findUnique({ where: { id: input.formId }, select: { id: true } });
    if (!form) throw new AppError("NOT_FOUND", "errors.notFound");
    // Only active staff who may read the submissions can be told of them.
    const eligible = await tx.user.count({ where: { id: { in: wanted.map((w) => w.userId) }, disabledAt: null, role: { in: rolesFor("forms") } } });
    if (eligible !== new Set(wanted.map((w) => w.userId)).size) throw new AppError("BAD_INPUT", "leads.unknownUser", { watchers: "leads.unknownUser" });
    const current = await tx.formWatcher.findMany({ where: { formId: form.id }, select: { userId: true, mode: true } });
    await tx.formWatcher.deleteMany({ where: { formId: form.id, userId: { notIn: wanted.map((w) => w.userId) } } });
    for (const w of wanted) {
      const mode = w.mode as "IMMEDIATE" | "HOURLY";
      // A new watcher hears about submissions from now on, not the whole history.
      await tx.formWatcher.upsert({
        where: { formId_userId: { formId: form.id, userId: w.userId } },
        create: { formId: form.id, userId: w.userId, mode },
        update: { mode },
      });
    }
    await recordAudit(tx, actor, {
      action: "form.lead_watchers_set",
      entityType: "Form",
      entityId: form.id,
      details: { before: current.map((c) => ({ userId: c.userId, mode: c.mode })), after: wanted },
    });
    return { count: wanted.length };
  });
}

/** The inquiry was answered: who and when, once. */
export async function markSubmissionAnswered(actor: Actor, raw: unknown) {
  authorize(actor, ...rolesFor("forms"));
  const { submissionId } = answeredSchema.parse(raw);
  if (actor.kind !== "user") throw new AppError("FORBIDDEN", "errors.forbidden");
  return db().$transaction(async (tx) => {
    const exists = await tx.submission.findUnique({ where: { id: submissionId }, select: { id: true, formId: true, answeredAt: true } });
    if (!exists) throw new AppError("NOT_FOUND", "errors.notFound");
    const { count } = await tx.submission.updateMany({
      where: { id: submissionId, answeredAt: null },
      data: { answeredAt: new Date(), answeredById: actor.id },
    });
    if (count === 0) throw new AppError("CONFLICT", "leads.alreadyAnswered");
    await recordAudit(tx, actor, { action: "submission.answered", entityType: "Submission", entityId: submissionId, details: { formId: exists.formId } });
    return { submissionId };
  });
}

/** The viewer opened the form's submissions: returns when they last did, then moves it to now. */
export async function markSubmissionsSeen(actor: Actor, formId: string): Promise<Date | null> {
  authorize(actor, ...rolesFor("forms"));
  if (actor.kind !== "user") return null;
  const [row] = await db().$queryRaw<{ previous: Date | null }[]>`
    WITH before AS (SELECT "seenAt" FROM "SubmissionView" WHERE "formId" = ${formId}::uuid AND "userId" = ${actor.id}::uuid)
    INSERT INTO "SubmissionView" ("formId", "userId", "seenAt") VALUES (${formId}::uuid, ${actor.id}::uuid, now())
    ON CONFLICT ("formId", "userId") DO UPDATE SET "seenAt" = now()
    RETURNING (SELECT "seenAt" FROM before) AS previous`;
  return row?.previous ?? null;
}

type DueWatcher = {
  formId: string;
  userId: string;
  mode: "IMMEDIATE" | "HOURLY";
  email: string;
  locale: "vi" | "en";
  titleVi: string;
  titleEn: string;
  count: number;
  upTo: Date;
};

/**
 * The job: each watcher whose turn has come (at once, or an hour after the last email) and who has
 * submissions they were not told of gets one email; the watermark moves in the same transaction as
 * the outbox row, so nobody is told twice. `lagMs` leaves a submission still committing for the next run.
 */
export async function sendLeadNotifications(limit = 20, lagMs = 5_000): Promise<number> {
  return db().$transaction(async (tx) => {
    const due = await tx.$queryRaw<DueWatcher[]>`
      WITH cut AS (SELECT now() - make_interval(secs => ${lagMs / 1000}) AS upto)
      SELECT w."formId", w."userId", w.mode::text AS mode, u.email, u.locale::text AS locale, f."titleVi", f."titleEn", n.count::int AS count, cut.upto AS "upTo"
      FROM "FormWatcher" w
      CROSS JOIN cut
      JOIN "User" u ON u.id = w."userId" AND u."disabledAt" IS NULL AND u.role::text = ANY (${rolesFor("forms")})
      JOIN "Form" f ON f.id = w."formId"
      CROSS JOIN LATERAL (
        SELECT count(*) FROM "Submission" s WHERE s."formId" = w."formId" AND s."createdAt" > w."notifiedUpTo" AND s."createdAt" <= cut.upto
      ) n
      WHERE n.count > 0 AND (w.mode = 'IMMEDIATE' OR w."lastSentAt" IS NULL OR w."lastSentAt" <= now() - interval '1 hour')
      ORDER BY w."notifiedUpTo" LIMIT ${limit}
      FOR UPDATE OF w`;
    if (due.length === 0) return 0;
    const settings = await readSettings(tx);
    for (const w of due) {
      const t = translator(w.locale);
      const form = w.locale === "en" ? w.titleEn : w.titleVi;
      const email = await renderEmail(
        "lead_notice",
        w.locale,
        {
          subject: t("email.leadNotice.subject", { count: w.count, form }),
          paragraphs: [t("email.leadNotice.body", { count: w.count, form })],
          button: { label: t("email.leadNotice.button"), href: `${env().APP_URL}/admin/forms/${w.formId}/submissions` },
          footer: t("email.leadNotice.footer"),
        },
        settings,
      );
      await enqueueEmail(tx, w.email, email);
      await tx.formWatcher.update({ where: { formId_userId: { formId: w.formId, userId: w.userId } }, data: { notifiedUpTo: w.upTo, lastSentAt: new Date() } });
    }
    return due.length;
  });
}
