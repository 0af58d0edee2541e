import "server-only";
import type { Prisma } from "@/generated/prisma/client";
import { authorize, type Actor } from "@/lib/auth/actor";
import { rolesFor } from "@/lib/auth/permissions";
import { db } from "@/lib/db";
import { campaignContent, type CampaignTemplate } from "./campaign-content";

const PAGE_SIZE = 25;
export const EMAIL_STATUSES = ["QUEUED", "SENT", "FAILED", "CAPTURED", "CANCELLED"] as const;
export type EmailStatusName = (typeof EMAIL_STATUSES)[number];

const listSelect = {
  id: true,
  to: true,
  subject: true,
  template: true,
  status: true,
  attempts: true,
  lastError: true,
  createdAt: true,
  sentAt: true,
  carriesSecret: true,
} satisfies Prisma.EmailMessageSelect;

export async function listOutbox(actor: Actor, options: { page?: number; status?: EmailStatusName } = {}) {
  authorize(actor, ...rolesFor("outbox"));
  const page = Math.max(1, options.page ?? 1);
  const where = options.status ? { status: options.status } : {};
  const [rows, total, counts] = await Promise.all([
    db().emailMessage.findMany({ where, orderBy: { createdAt: "desc" }, skip: (page - 1) * PAGE_SIZE, take: PAGE_SIZE, select: listSelect }),
    db().emailMessage.count({ where }),
    db().emailMessage.groupBy({ by: ["status"], _count: { _all: true } }),
  ]);
  const byStatus = Object.fromEntries(EMAIL_STATUSES.map((s) => [s, 0])) as Record<EmailStatusName, number>;
  for (const c of counts) byStatus[c.status] = c._count._all;
  return { rows, total, page, pageCount: Math.max(1, Math.ceil(total / PAGE_SIZE)), byStatus };
}

export async function getOutboxMessage(actor: Actor, id: string) {
  authorize(actor, ...rolesFor("outbox"));
  if (!/^[0-9a-f-]{36}$/i.test(id)) return null;
  const message = await db().emailMessage.findUnique({
    where: { id },
    select: { ...listSelect, html: true, text: true, providerId: true, nextAttemptAt: true, locale: true, campaignId: true, variables: true },
  });
  if (!message?.campaignId) return message && { ...message, html: message.html ?? "", text: message.text ?? "" };
  const template = await campaignTemplate(message.campaignId);
  const content = template ? campaignContent(template, message.locale, message.variables as Record<string, string> | null) : { html: "", text: "" };
  return { ...message, ...content };
}

const templates = new Map<string, Promise<CampaignTemplate | null>>();

/** A campaign's templates (immutable once created, so cached per process). */
export function campaignTemplate(campaignId: string): Promise<CampaignTemplate | null> {
  let cached = templates.get(campaignId);
  if (!cached) {
    cached = db().emailCampaign.findUnique({
      where: { id: campaignId },
      select: { subjectVi: true, subjectEn: true, htmlVi: true, htmlEn: true, textVi: true, textEn: true },
    });
    if (templates.size > 100) templates.clear();
    templates.set(campaignId, cached);
  }
  return cached;
}
