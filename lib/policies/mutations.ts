import "server-only";
import { campaignTemplateOf } from "@/lib/email/campaign-content";
import { recordAudit } from "@/lib/audit/mutations";
import { authorize, systemActor, type Actor } from "@/lib/auth/actor";
import { now } from "@/lib/clock";
import { db, type Tx } from "@/lib/db";
import { renderEmail } from "@/lib/email/render";
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { formatDate } from "@/lib/i18n/format";
import { readSettings } from "@/lib/settings/queries";
import { draftSchema, MIN_JUSTIFICATION, scheduleSchema, updateDraftSchema } from "./schemas";

const DAY = 86_400_000;

/** Publishes the very first version (setup, demo data): with nobody to tell beforehand, it applies from the given date. */
export async function publishInitialPolicy(actor: Actor, input: { bodyVi: string; bodyEn: string; summaryVi: string; summaryEn: string; effectiveAt: Date }) {
  authorize(actor, "COMPLIANCE");
  return db().$transaction(async (tx) => {
    if ((await tx.policyVersion.count()) > 0) return null;
    const version = await tx.policyVersion.create({
      data: { number: 1, status: "PUBLISHED", ...input, publishedAt: new Date(), createdById: actor.kind === "user" ? actor.id : null },
      select: { id: true, number: true },
    });
    await recordAudit(tx, actor, { action: "policy.published", entityType: "PolicyVersion", entityId: version.id, details: { number: 1, initial: true } });
    return version;
  });
}

export async function createDraft(actor: Actor, raw: unknown) {
  authorize(actor, "COMPLIANCE");
  const input = draftSchema.parse(raw);
  return db().$transaction(async (tx) => {
    // Version numbers are handed out one at a time.
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(727002)`;
    const last = await tx.policyVersion.aggregate({ _max: { number: true } });
    const version = await tx.policyVersion.create({
      data: { ...input, number: (last._max.number ?? 0) + 1, createdById: actor.kind === "user" ? actor.id : null },
      select: { id: true, number: true },
    });
    await recordAudit(tx, actor, { action: "policy.draft_created", entityType: "PolicyVersion", entityId: version.id, details: { number: version.number } });
    return version;
  });
}

export async function updateDraft(actor: Actor, raw: unknown) {
  authorize(actor, "COMPLIANCE");
  const { id, ...input } = updateDraftSchema.parse(raw);
  await db().$transaction(async (tx) => {
    const { count } = await tx.policyVersion.updateMany({ where: { id, status: "DRAFT" }, data: input });
    if (count === 0) throw new AppError("CONFLICT", "policies.notDraft");
    await recordAudit(tx, actor, { action: "policy.draft_updated", entityType: "PolicyVersion", entityId: id });
  });
}

/** Vietnam midnight at the start of a yyyy-mm-dd date. */
const startOfDay = (date: string) => new Date(`${date}T00:00:00+07:00`);

/**
 * Announces a draft: it becomes SCHEDULED (read-only from now on, in the database too), the banner
 * appears on the homepage and forms, and the notice campaign is created; the job runner queues one
 * email per customer in the background. The effective date must respect the notice period unless a
 * written justification is given (audited).
 */
export async function schedulePolicy(actor: Actor, raw: unknown) {
  authorize(actor, "COMPLIANCE");
  const input = scheduleSchema.parse(raw);
  const today = await now();
  const effectiveAt = startOfDay(input.effectiveOn);
  if (effectiveAt.getTime() <= today.getTime()) throw new AppError("BAD_INPUT", "policies.effectiveInPast", { effectiveOn: "policies.effectiveInPast" });
  const settings = await readSettings();
  const { noticePeriodDays } = settings;
  const shortNotice = effectiveAt.getTime() < today.getTime() + noticePeriodDays * DAY;
  if (shortNotice && input.shortNoticeReason.length < MIN_JUSTIFICATION) {
    throw new AppError("BAD_INPUT", "policies.justificationRequired", { shortNoticeReason: "policies.justificationRequired" }, { days: noticePeriodDays });
  }
  const draft = await db().policyVersion.findUnique({ where: { id: input.id }, select: { number: true, status: true, summaryVi: true, summaryEn: true } });
  if (!draft) throw new AppError("NOT_FOUND", "errors.notFound");
  if (draft.status !== "DRAFT") throw new AppError("CONFLICT", "policies.alreadyPublished");
  const pending = await db().policyVersion.findFirst({ where: { status: "SCHEDULED", effectiveAt: { gt: today } }, select: { number: true } });
  if (pending) throw new AppError("CONFLICT", "policies.anotherScheduled", undefined, { number: pending.number });

  const link = `${env().APP_URL}/privacy/diff?to=${draft.number}`;
  const [vi, en] = await Promise.all(
    (["vi", "en"] as const).map((locale) =>
      renderEmail(
        "policy_notice",
        locale,
        {
          name: "{{name}}",
          number: draft.number,
          effectiveOn: formatDate(effectiveAt, locale),
          summary: locale === "en" ? draft.summaryEn : draft.summaryVi,
          link: `${link}&lang=${locale}`,
        },
        settings,
      ),
    ),
  );
  await db().$transaction(async (tx) => {
    const { count } = await tx.policyVersion.updateMany({
      where: { id: input.id, status: "DRAFT" },
      data: {
        status: "SCHEDULED",
        publishedAt: today,
        effectiveAt,
        publishedById: actor.kind === "user" ? actor.id : null,
        shortNoticeReason: shortNotice ? input.shortNoticeReason : null,
      },
    });
    if (count === 0) throw new AppError("CONFLICT", "policies.alreadyPublished");
    await tx.emailCampaign.create({
      data: {
        kind: "POLICY_NOTICE",
        policyVersionId: input.id,
        ...campaignTemplateOf(vi, en),
        createdById: actor.kind === "user" ? actor.id : null,
      },
    });
    await recordAudit(tx, actor, {
      action: "policy.scheduled",
      entityType: "PolicyVersion",
      entityId: input.id,
      details: {
        number: draft.number,
        effectiveAt: effectiveAt.toISOString(),
        noticeDays: Math.round((effectiveAt.getTime() - today.getTime()) / DAY),
        shortNotice,
        justification: shortNotice ? input.shortNoticeReason : null,
      },
    });
  });
}

/** The job: versions whose date has come are in force (status PUBLISHED), with no one online. */
export async function activateDuePolicies(): Promise<number> {
  const today = await now();
  const due = await db().policyVersion.findMany({ where: { status: "SCHEDULED", effectiveAt: { lte: today } }, select: { id: true, number: true } });
  for (const version of due) {
    await db().$transaction(
      async (tx) => {
        const { count } = await tx.policyVersion.updateMany({ where: { id: version.id, status: "SCHEDULED" }, data: { status: "PUBLISHED" } });
        if (!count) return;
        // Consent first, the audit entries last: the audit lock is held only for the moment it takes.
        await lapseSupersededConsent(tx, version.id);
        await recordAudit(tx, systemActor("scheduler"), {
          action: "policy.in_force",
          entityType: "PolicyVersion",
          entityId: version.id,
          details: { number: version.number },
        });
      },
      { timeout: 120_000 },
    );
  }
  return 0; // nothing left to drain: the job runs again on its next poll
}

/**
 * When a version that changes purposes materially takes effect, consent given to those purposes
 * under an earlier version stops counting: one LAPSED event per customer and purpose (source
 * SYSTEM, with the wording they had agreed to), set-based. Dated the effective time, or just after
 * the consent when that came later — a double opt-in confirmed late, a paper form recorded late,
 * a consent taken between the effective time and this job all still speak for the old wording.
 * Agreeing again (the re-consent email, a form, the privacy page) makes it count again.
 */
async function lapseSupersededConsent(tx: Tx, versionId: string) {
  const lapsed = await tx.$executeRaw`
    INSERT INTO "ConsentEvent" ("customerId", "purposeId", action, source, "policyVersionId", wording, locale, evidence, "givenAt")
    SELECT s."customerId", s."purposeId", 'LAPSED', 'SYSTEM', v.id, e.wording, e.locale,
           jsonb_build_object('reason', 'material_change', 'policyVersion', v.number, 'givenUnder', pv.number),
           GREATEST(v."effectiveAt", s."givenAt" + interval '1 millisecond')
    FROM "PolicyVersion" v
    JOIN "Purpose" p ON p.key = ANY (v."materialPurposeKeys")
    JOIN "ConsentState" s ON s."purposeId" = p.id AND s.action = 'GRANTED'
    JOIN "ConsentEvent" e ON e.id = s."eventId"
    LEFT JOIN "PolicyVersion" pv ON pv.id = e."policyVersionId"
    JOIN "Customer" c ON c.id = s."customerId" AND c.status <> 'ERASED'
    WHERE v.id = ${versionId}::uuid AND coalesce(pv.number, 0) < v.number`;
  if (lapsed > 0)
    await recordAudit(tx, systemActor("scheduler"), {
      action: "consent.lapsed",
      entityType: "PolicyVersion",
      entityId: versionId,
      details: { events: lapsed },
    });
  return lapsed;
}

/**
 * The sweep behind the lapse at activation: consent recorded since under an older wording of a
 * purpose that an in-force version changed materially lapses too. A job, every few minutes.
 */
export async function lapseStaleConsent(): Promise<number> {
  const at = await now();
  const versions = await db().policyVersion.findMany({
    where: { status: "PUBLISHED", effectiveAt: { lte: at }, NOT: { materialPurposeKeys: { isEmpty: true } } },
    select: { id: true },
  });
  let lapsed = 0;
  for (const v of versions) lapsed += await db().$transaction((tx) => lapseSupersededConsent(tx, v.id), { timeout: 120_000 });
  return lapsed; // the runner runs it once more, which finds nothing left
}

/**
 * Queues a re-consent email to every customer whose consent to a materially changed purpose was
 * given under an earlier version, once the version is in force. Once per version.
 */
export async function sendReconsentRequests(actor: Actor, policyVersionId: string) {
  authorize(actor, "COMPLIANCE");
  const version = await db().policyVersion.findUnique({
    where: { id: policyVersionId },
    select: { number: true, status: true, effectiveAt: true, materialPurposeKeys: true },
  });
  if (!version) throw new AppError("NOT_FOUND", "errors.notFound");
  if (version.status === "DRAFT" || !version.effectiveAt || version.effectiveAt > (await now())) throw new AppError("CONFLICT", "policies.notInForce");
  if (version.materialPurposeKeys.length === 0) throw new AppError("CONFLICT", "policies.noMaterialChange");
  if (await db().emailCampaign.count({ where: { policyVersionId, kind: "RECONSENT" } })) throw new AppError("CONFLICT", "policies.reconsentAlreadySent");
  const purposes = await db().purpose.findMany({ where: { key: { in: version.materialPurposeKeys } }, select: { labelVi: true, labelEn: true } });
  const settings = await readSettings();
  const [vi, en] = await Promise.all(
    (["vi", "en"] as const).map((locale) =>
      renderEmail(
        "reconsent",
        locale,
        {
          name: "{{name}}",
          number: version.number,
          purposes: purposes.map((p) => (locale === "en" ? p.labelEn : p.labelVi)).join(", "),
          link: `${env().APP_URL}/privacy/me?lang=${locale}`,
        },
        settings,
      ),
    ),
  );
  await db().$transaction(async (tx) => {
    const campaign = await tx.emailCampaign.create({
      data: {
        kind: "RECONSENT",
        policyVersionId,
        ...campaignTemplateOf(vi, en),
        createdById: actor.kind === "user" ? actor.id : null,
      },
      select: { id: true },
    });
    await recordAudit(tx, actor, {
      action: "policy.reconsent_requested",
      entityType: "PolicyVersion",
      entityId: policyVersionId,
      details: { campaignId: campaign.id, purposes: version.materialPurposeKeys },
    });
  });
}
