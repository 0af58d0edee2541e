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

/**
 * An ADMIN runs the outbox but has no access to the register: a customer's address shows masked and
 * the message's words are withheld (whom the company wrote to, and about what — a breach, a request —
 * is the register's business). Mail to staff, and everything for compliance officers, shows in full.
 */
function seesCustomerMail(actor: Actor) {
  return actor.kind !== "user" || actor.role !== "ADMIN";
}

function maskAddress(address: string) {
  const at = address.lastIndexOf("@");
  if (at < 1) return address ? "•••" : address;
  return `${address[0]}•••${address.slice(at)}`;
}

async function staffAddresses(addresses: string[]) {
  const users = await db().user.findMany({
    where: { email: { in: [...new Set(addresses.map((a) => a.toLowerCase()))], mode: "insensitive" } },
    select: { email: true },
  });
  return new Set(users.map((u) => u.email.toLowerCase()));
}

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
  const staff = seesCustomerMail(actor) ? null : await staffAddresses(rows.map((r) => r.to));
  const shown = staff ? rows.map((r) => (staff.has(r.to.toLowerCase()) ? r : { ...r, to: maskAddress(r.to) })) : rows;
  return { rows: shown, total, page, pageCount: Math.max(1, Math.ceil(total / PAGE_SIZE)), byStatus };
}

export async function getOutboxMessage(actor: Actor, id: string) {
  authorize(actor, ...rolesFor("outbox"));
  if (!/^[0-9a-f-]{36}$/i.test(id)) return null;
  const message = await db().emailMessage.findUnique({
    where: { id },
    select: { ...listSelect, html: true, text: true, providerId: true, nextAttemptAt: true, locale: true, campaignId: true, variables: true },
  });
  if (!message) return null;
  if (!seesCustomerMail(actor) && !(await staffAddresses([message.to])).has(message.to.toLowerCase())) {
    return { ...message, to: maskAddress(message.to), html: "", text: "", variables: null, withheld: true };
  }
  if (!message.campaignId) return { ...message, html: message.html ?? "", text: message.text ?? "", withheld: false };
  const template = await campaignTemplate(message.campaignId);
  const content = template ? campaignContent(template, message.locale, message.variables as Record<string, string> | null) : { html: "", text: "" };
  return { ...message, ...content, withheld: false };
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
