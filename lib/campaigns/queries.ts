import "server-only";
import { Prisma } from "@/generated/prisma/client";
import { authorize, type Actor } from "@/lib/auth/actor";
import { rolesFor } from "@/lib/auth/permissions";
import { now } from "@/lib/clock";
import { db, type Db, type Tx } from "@/lib/db";
import { LAST_CONTACT } from "@/lib/privacy-requests/queries/desk";
import { customerGuard } from "./mutations/guard";
import {
  type Audience,
  DEFAULT_MARKETING_RULES,
  type ExclusionReason,
  MARKETING_PURPOSES,
  MARKETING_RULES_SETTING,
  type MarketingRules,
  marketingRulesSchema,
} from "./schemas";

// Who a campaign is addressed to (before the guard): the register's own filters, as SQL on `c`.
const vnDayStart = (day: string) => new Date(`${day}T00:00:00+07:00`);
const vnDayEnd = (day: string) => new Date(vnDayStart(day).getTime() + 86_400_000);

export function audienceSql(a: Audience): Prisma.Sql {
  const parts: Prisma.Sql[] = [Prisma.sql`c.status = ANY (${a.statuses}::"CustomerStatus"[])`];
  if (a.organization)
    parts.push(Prisma.sql`immutable_unaccent(c.organization) ILIKE '%' || immutable_unaccent(${a.organization.replace(/[\\%_]/g, "\\$&")}) || '%'`);
  if (a.locale) parts.push(Prisma.sql`c.locale::text = ${a.locale}`);
  if (a.createdFrom) parts.push(Prisma.sql`c."createdAt" >= ${vnDayStart(a.createdFrom)}`);
  if (a.createdTo) parts.push(Prisma.sql`c."createdAt" < ${vnDayEnd(a.createdTo)}`);
  if (a.lastContactFrom) parts.push(Prisma.sql`${LAST_CONTACT} >= ${vnDayStart(a.lastContactFrom)}`);
  if (a.lastContactTo) parts.push(Prisma.sql`${LAST_CONTACT} < ${vnDayEnd(a.lastContactTo)}`);
  return Prisma.join(parts, " AND ");
}

/** The sending rules in force (internal: the sender and the composer read them; no role check). */
export async function readMarketingRules(client: Db | Tx = db()): Promise<MarketingRules> {
  const row = await client.setting.findUnique({ where: { key: MARKETING_RULES_SETTING }, select: { value: true } });
  const parsed = marketingRulesSchema.safeParse({ ...DEFAULT_MARKETING_RULES, ...(row?.value as object | null) });
  return parsed.success ? parsed.data : DEFAULT_MARKETING_RULES;
}

/** Changes to the rules, newest first (each with the reason COMPLIANCE gave). */
export async function marketingRuleHistory(actor: Actor) {
  authorize(actor, ...rolesFor("campaigns"));
  return db().auditEvent.findMany({
    where: { action: "campaign.rules_changed" },
    orderBy: { createdAt: "desc" },
    take: 20,
    select: { id: true, createdAt: true, actorLabel: true, details: true },
  });
}

export type Exclusions = Partial<Record<ExclusionReason, number>>;

/** Before sending: how many the guard would let through now, and how many it leaves out, by reason. */
export async function audiencePreview(actor: Actor, purposeKey: string, audience: Audience) {
  authorize(actor, ...rolesFor("campaigns"));
  const at = await now();
  const purpose = await db().purpose.findUnique({ where: { key: purposeKey }, select: { id: true, key: true } });
  if (!purpose) return { eligible: 0, excluded: {} as Exclusions, total: 0 };
  const rows = await db().$transaction(async (tx) => {
    const guard = await customerGuard(tx, purpose, at);
    return tx.$queryRaw<{ reason: ExclusionReason | null; n: number }[]>`
    SELECT reason, count(*)::int AS n FROM (
      SELECT ${guard.reason} AS reason FROM "Customer" c ${guard.joins}
      WHERE ${audienceSql(audience)}) r
    GROUP BY reason`;
  });
  const excluded: Exclusions = {};
  let eligible = 0;
  for (const row of rows) {
    if (row.reason) excluded[row.reason] = row.n;
    else eligible = row.n;
  }
  return { eligible, excluded, total: rows.reduce((sum, r) => sum + r.n, 0) };
}

const PAGE_SIZE = 20;

type Progress = {
  queued: number;
  held: number;
  sent: number;
  cancelled: number;
  failed: number;
  captured: number;
  delivered: number;
  bounced: number;
  complained: number;
};

async function progressOf(ids: string[]): Promise<Map<string, Progress>> {
  if (ids.length === 0) return new Map();
  const rows = await db().$queryRaw<({ campaignId: string } & Progress)[]>`
    SELECT "campaignId"::text AS "campaignId",
      count(*) FILTER (WHERE status = 'QUEUED' AND ("lastError" IS NULL OR "lastError" NOT LIKE 'held:%'))::int AS queued,
      count(*) FILTER (WHERE status = 'QUEUED' AND "lastError" LIKE 'held:%')::int AS held,
      count(*) FILTER (WHERE status = 'SENT')::int AS sent,
      count(*) FILTER (WHERE status = 'CANCELLED')::int AS cancelled,
      count(*) FILTER (WHERE status = 'FAILED')::int AS failed,
      count(*) FILTER (WHERE status = 'CAPTURED')::int AS captured,
      count(*) FILTER (WHERE delivery = 'DELIVERED')::int AS delivered,
      count(*) FILTER (WHERE delivery = 'BOUNCED')::int AS bounced,
      count(*) FILTER (WHERE delivery = 'COMPLAINED')::int AS complained
    FROM "EmailMessage" WHERE "campaignId" = ANY (${ids}::uuid[]) GROUP BY "campaignId"`;
  return new Map(rows.map(({ campaignId, ...p }) => [campaignId, p]));
}

const EMPTY: Progress = { queued: 0, held: 0, sent: 0, cancelled: 0, failed: 0, captured: 0, delivered: 0, bounced: 0, complained: 0 };

const summarySelect = {
  id: true,
  name: true,
  status: true,
  scheduledAt: true,
  createdAt: true,
  queuedAt: true,
  queuedCount: true,
  scannedCount: true,
  purpose: { select: { key: true, labelVi: true, labelEn: true } },
} satisfies Prisma.EmailCampaignSelect;

export async function listCampaigns(actor: Actor, page = 1) {
  authorize(actor, ...rolesFor("campaigns"));
  const where = { kind: "MARKETING" as const };
  const [rows, total] = await Promise.all([
    db().emailCampaign.findMany({ where, orderBy: { createdAt: "desc" }, skip: (Math.max(1, page) - 1) * PAGE_SIZE, take: PAGE_SIZE, select: summarySelect }),
    db().emailCampaign.count({ where }),
  ]);
  const progress = await progressOf(rows.map((r) => r.id));
  return { rows: rows.map((r) => ({ ...r, progress: progress.get(r.id) ?? EMPTY })), total, pageCount: Math.max(1, Math.ceil(total / PAGE_SIZE)) };
}

export async function getCampaign(actor: Actor, id: string) {
  authorize(actor, ...rolesFor("campaigns"));
  if (!/^[0-9a-f-]{36}$/i.test(id)) return null;
  const campaign = await db().emailCampaign.findFirst({
    where: { id, kind: "MARKETING" },
    select: {
      ...summarySelect,
      subjectVi: true,
      subjectEn: true,
      bodyVi: true,
      bodyEn: true,
      audience: true,
      excluded: true,
      pausedAt: true,
      cancelledAt: true,
      htmlVi: true,
      htmlEn: true,
    },
  });
  if (!campaign) return null;
  const progress = (await progressOf([id])).get(id) ?? EMPTY;
  const cancelledBy = await db().$queryRaw<{ reason: string; n: number }[]>`
    SELECT substr("lastError", 7) AS reason, count(*)::int AS n FROM "EmailMessage"
    WHERE "campaignId" = ${id}::uuid AND status = 'CANCELLED' AND "lastError" LIKE 'guard:%' GROUP BY 1`;
  return { ...campaign, excluded: campaign.excluded as Exclusions, progress, cancelledAtSend: Object.fromEntries(cancelledBy.map((r) => [r.reason, r.n])) };
}

export const RECIPIENT_PAGE = 50;

/** Per-recipient evidence: who, the consent event that allowed it, when it left, the provider's id and report. */
export async function campaignRecipients(actor: Actor, id: string, page = 1) {
  authorize(actor, ...rolesFor("campaigns"));
  const where = { campaignId: id };
  const [rows, total] = await Promise.all([
    db().emailMessage.findMany({
      where,
      orderBy: { id: "asc" },
      skip: (Math.max(1, page) - 1) * RECIPIENT_PAGE,
      take: RECIPIENT_PAGE,
      select: {
        id: true,
        to: true,
        locale: true,
        status: true,
        lastError: true,
        customerId: true,
        consentEventId: true,
        sentAt: true,
        providerId: true,
        delivery: true,
        deliveryAt: true,
        nextAttemptAt: true,
      },
    }),
    db().emailMessage.count({ where }),
  ]);
  return { rows, total, pageCount: Math.max(1, Math.ceil(total / RECIPIENT_PAGE)) };
}

/** The marketing purposes' names in the reader's language, for the composer. */
export async function marketingPurposeLabels(actor: Actor, locale: "vi" | "en") {
  authorize(actor, ...rolesFor("campaigns"));
  const rows = await db().purpose.findMany({
    where: { key: { in: [...MARKETING_PURPOSES] } },
    select: { key: true, labelVi: true, labelEn: true },
  });
  return Object.fromEntries(rows.map((p) => [p.key, locale === "en" ? p.labelEn : p.labelVi]));
}
