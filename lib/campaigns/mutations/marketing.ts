import "server-only";
// Marketing campaigns from draft to sent: staff write and schedule them, the queue job (queue.ts)
// queues the recipients the guard lets through, the sender (lib/email/delivery.ts) checks each again.
import { recordAudit } from "@/lib/audit/mutations";
import { authorize, type Actor, systemActor } from "@/lib/auth/actor";
import { rolesFor } from "@/lib/auth/permissions";
import { now } from "@/lib/clock";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { campaignTemplateOf } from "@/lib/email/campaign-content";
import { enqueueEmail } from "@/lib/email/mutations";
import { fillTemplate, renderEmail } from "@/lib/email/render";
import { readSettings } from "@/lib/settings/queries";
import { readMarketingRules } from "../queries";
import { labelSubject } from "../rules";
import {
  type CampaignContent,
  campaignIdSchema,
  MARKETING_RULES_SETTING,
  previewEmailSchema,
  saveCampaignSchema,
  scheduleCampaignSchema,
  updateMarketingRulesSchema,
} from "../schemas";

const EDITABLE = "DRAFT";

async function purposeFor(key: string) {
  const purpose = await db().purpose.findUnique({ where: { key }, select: { id: true, key: true, labelVi: true, labelEn: true, active: true } });
  if (!purpose?.active) throw new AppError("BAD_INPUT", "campaigns.purposeUnavailable", { purposeKey: "campaigns.purposeUnavailable" });
  return purpose;
}

/** Creates a draft, or saves changes to one (a scheduled or sent campaign cannot change). */
export async function saveCampaign(actor: Actor, raw: unknown) {
  authorize(actor, ...rolesFor("campaigns"));
  const { id, ...input } = saveCampaignSchema.parse(raw);
  const purpose = await purposeFor(input.purposeKey);
  const data = {
    name: input.name,
    purposeId: purpose.id,
    subjectVi: input.subjectVi,
    subjectEn: input.subjectEn,
    bodyVi: input.bodyVi,
    bodyEn: input.bodyEn,
    audience: input.audience,
  };
  return db().$transaction(async (tx) => {
    let campaignId = id;
    if (id) {
      const { count } = await tx.emailCampaign.updateMany({ where: { id, kind: "MARKETING", status: EDITABLE }, data });
      if (count === 0) throw new AppError("CONFLICT", "campaigns.notEditable");
    } else {
      const created = await tx.emailCampaign.create({
        data: {
          ...data,
          kind: "MARKETING",
          status: EDITABLE,
          htmlVi: "",
          htmlEn: "",
          textVi: "",
          textEn: "",
          createdById: actor.kind === "user" ? actor.id : null,
        },
        select: { id: true },
      });
      campaignId = created.id;
    }
    await recordAudit(tx, actor, {
      action: id ? "campaign.updated" : "campaign.created",
      entityType: "EmailCampaign",
      entityId: campaignId,
      details: { purpose: purpose.key },
    });
    return { id: campaignId };
  });
}

/**
 * The campaign's email in one language, with {{name}} and {{unsubscribe}} left for each recipient.
 * The subject carries the advertising label of its language.
 */
export async function renderMarketing(
  content: Pick<CampaignContent, "subjectVi" | "subjectEn" | "bodyVi" | "bodyEn">,
  purpose: { labelVi: string; labelEn: string },
  locale: "vi" | "en",
) {
  const [settings, rules] = await Promise.all([readSettings(), readMarketingRules()]);
  return renderEmail(
    "marketing",
    locale,
    {
      subject: labelSubject(locale === "en" ? content.subjectEn : content.subjectVi, locale, rules),
      body: locale === "en" ? content.bodyEn : content.bodyVi,
      purpose: locale === "en" ? purpose.labelEn : purpose.labelVi,
      address: locale === "en" ? settings.companyAddressEn : settings.companyAddress,
      unsubscribeUrl: "{{unsubscribe}}",
      privacyUrl: new URL("/privacy/me", env().APP_URL).toString(),
    },
    settings,
  );
}

async function draftFor(id: string) {
  const campaign = await db().emailCampaign.findFirst({
    where: { id, kind: "MARKETING" },
    select: { status: true, subjectVi: true, subjectEn: true, bodyVi: true, bodyEn: true, purpose: { select: { labelVi: true, labelEn: true } } },
  });
  if (!campaign?.purpose) throw new AppError("NOT_FOUND", "errors.notFound");
  return { ...campaign, bodyVi: campaign.bodyVi ?? "", bodyEn: campaign.bodyEn ?? "", purpose: campaign.purpose };
}

/** Fixes the texts and sets the start: now, or a Vietnam date and time (not in the past). */
export async function scheduleCampaign(actor: Actor, raw: unknown) {
  authorize(actor, ...rolesFor("campaigns"));
  const input = scheduleCampaignSchema.parse(raw);
  const today = await now();
  let scheduledAt = today;
  if (input.sendOn) {
    if (!input.sendTime) throw new AppError("BAD_INPUT", "campaigns.timeFormat", { sendTime: "campaigns.timeFormat" });
    scheduledAt = new Date(`${input.sendOn}T${input.sendTime}:00+07:00`);
    if (scheduledAt.getTime() < today.getTime() - 60_000) throw new AppError("BAD_INPUT", "campaigns.inThePast", { sendOn: "campaigns.inThePast" });
  }
  const draft = await draftFor(input.id);
  if (draft.status !== EDITABLE) throw new AppError("CONFLICT", "campaigns.notEditable");
  const [vi, en] = await Promise.all((["vi", "en"] as const).map((locale) => renderMarketing(draft, draft.purpose, locale)));
  await db().$transaction(async (tx) => {
    const { count } = await tx.emailCampaign.updateMany({
      where: { id: input.id, kind: "MARKETING", status: EDITABLE },
      data: { status: "SCHEDULED", scheduledAt, ...campaignTemplateOf(vi, en) },
    });
    if (count === 0) throw new AppError("CONFLICT", "campaigns.notEditable");
    await recordAudit(tx, actor, {
      action: "campaign.scheduled",
      entityType: "EmailCampaign",
      entityId: input.id,
      details: { scheduledAt: scheduledAt.toISOString() },
    });
  });
  return { scheduledAt };
}

/** The job: scheduled campaigns whose time has come start queuing. */
export async function startDueCampaigns(): Promise<number> {
  const at = await now();
  const due = await db().emailCampaign.findMany({ where: { kind: "MARKETING", status: "SCHEDULED", scheduledAt: { lte: at } }, select: { id: true } });
  for (const { id } of due) {
    await db().$transaction(async (tx) => {
      const { count } = await tx.emailCampaign.updateMany({ where: { id, status: "SCHEDULED" }, data: { status: "QUEUING" } });
      if (count) await recordAudit(tx, systemActor("campaigns"), { action: "campaign.started", entityType: "EmailCampaign", entityId: id });
    });
  }
  return 0;
}

type Transition = "pause" | "resume" | "cancel";
const FROM: Record<Transition, ("SCHEDULED" | "QUEUING" | "QUEUED" | "PAUSED")[]> = {
  pause: ["QUEUING", "QUEUED"],
  resume: ["PAUSED"],
  cancel: ["SCHEDULED", "QUEUING", "QUEUED", "PAUSED"],
};
const AUDITED = { pause: "campaign.paused", resume: "campaign.resumed", cancel: "campaign.cancelled" } as const;

/** Pause (nothing more leaves until resumed), resume, or cancel (what was not sent is cancelled). */
export async function changeCampaignState(actor: Actor, raw: unknown, transition: Transition) {
  authorize(actor, ...rolesFor("campaigns"));
  const { id } = campaignIdSchema.parse(raw);
  await db().$transaction(async (tx) => {
    // Locked first: the queue job may be finishing a chunk of it (and changing its status) right now.
    const [campaign] = await tx.$queryRaw<{ status: string; queuedAt: Date | null }[]>`
      SELECT status::text, "queuedAt" FROM "EmailCampaign" WHERE id = ${id}::uuid AND kind = 'MARKETING' FOR UPDATE`;
    if (!campaign) throw new AppError("NOT_FOUND", "errors.notFound");
    if (!(FROM[transition] as string[]).includes(campaign.status)) throw new AppError("CONFLICT", "campaigns.cannotChange");
    const at = await now();
    const data =
      transition === "pause"
        ? { status: "PAUSED" as const, pausedAt: at }
        : transition === "resume"
          ? { status: campaign.queuedAt ? ("QUEUED" as const) : ("QUEUING" as const), pausedAt: null }
          : { status: "CANCELLED" as const, cancelledAt: at };
    await tx.emailCampaign.update({ where: { id }, data });
    let cancelled = 0;
    if (transition === "cancel") {
      // Messages in a batch being sent right now are left to the sender's guard, which sees the cancellation.
      cancelled = await tx.$executeRaw`
        UPDATE "EmailMessage" SET status = 'CANCELLED', "lastError" = 'guard:CAMPAIGN_CANCELLED', "batchId" = NULL, "updatedAt" = now()
        WHERE "campaignId" = ${id}::uuid AND status = 'QUEUED' AND ("lockedUntil" IS NULL OR "lockedUntil" < now())`;
    }
    await recordAudit(tx, actor, {
      action: AUDITED[transition],
      entityType: "EmailCampaign",
      entityId: id,
      details: { cancelled },
    });
  });
}

/**
 * Sends the campaign to the staff member themself, in both languages, marked as a test. It goes to
 * a staff address, never a customer's, so it does not pass the marketing guard.
 */
export async function sendTestEmail(actor: Actor, raw: unknown) {
  authorize(actor, ...rolesFor("campaigns"));
  if (actor.kind !== "user") throw new AppError("FORBIDDEN", "errors.forbidden");
  const { id } = campaignIdSchema.parse(raw);
  const draft = await draftFor(id);
  const rendered = await Promise.all((["vi", "en"] as const).map((locale) => renderMarketing(draft, draft.purpose, locale)));
  // A test has no real unsubscribe link: this one opens the page and says the link is not valid.
  const vars = { name: actor.name, unsubscribe: new URL("/unsubscribe/test", env().APP_URL).toString() };
  await db().$transaction(async (tx) => {
    for (const email of rendered) {
      await enqueueEmail(tx, actor.email, {
        ...email,
        subject: `[TEST] ${email.subject}`,
        html: fillTemplate(email.html, vars, true),
        text: fillTemplate(email.text, vars, false),
      });
    }
    await recordAudit(tx, actor, { action: "campaign.test_sent", entityType: "EmailCampaign", entityId: id });
  });
  return { to: actor.email };
}

/** COMPLIANCE changes the sending rules, always with a reason (kept in the audit log and shown with the rules). */
export async function updateMarketingRules(actor: Actor, raw: unknown) {
  authorize(actor, "COMPLIANCE");
  const { reason, ...next } = updateMarketingRulesSchema.parse(raw);
  const before = await readMarketingRules();
  const changed = (Object.keys(next) as (keyof typeof next)[]).filter((k) => next[k] !== before[k]);
  if (changed.length === 0) throw new AppError("CONFLICT", "campaigns.rulesUnchanged");
  await db().$transaction(async (tx) => {
    await tx.setting.upsert({ where: { key: MARKETING_RULES_SETTING }, create: { key: MARKETING_RULES_SETTING, value: next }, update: { value: next } });
    await recordAudit(tx, actor, {
      action: "campaign.rules_changed",
      entityType: "Setting",
      entityId: MARKETING_RULES_SETTING,
      details: { reason, changes: Object.fromEntries(changed.map((k) => [k, { before: before[k], after: next[k] }])) },
    });
  });
}

/** The composer's live preview (nothing is stored): the email as a customer would see it. */
export async function previewEmail(actor: Actor, raw: unknown) {
  authorize(actor, ...rolesFor("campaigns"));
  const input = previewEmailSchema.parse(raw);
  const purpose = await purposeFor(input.purposeKey);
  const email = await renderMarketing(input, purpose, input.locale);
  const vars = { name: actor.kind === "user" ? actor.name : "", unsubscribe: "#" };
  return { subject: email.subject, html: fillTemplate(email.html, vars, true) };
}
