import "server-only";
import type { Prisma } from "@/generated/prisma/client";
import { authorize, type Actor } from "@/lib/auth/actor";
import { db } from "@/lib/db";

export async function listRecipients(actor: Actor, activeOnly = false) {
  authorize(actor, "STAFF", "COMPLIANCE");
  return db().recipient.findMany({
    where: activeOnly ? { active: true } : {},
    orderBy: [{ category: "asc" }, { name: "asc" }],
    select: {
      id: true,
      name: true,
      category: true,
      contact: true,
      contactEmail: true,
      agreementRef: true,
      agreementDate: true,
      active: true,
      _count: { select: { disclosures: true } },
    },
  });
}

export const DISCLOSURE_STATUSES = ["PREPARING", "PENDING_APPROVAL", "APPROVED", "DELIVERED", "REJECTED"] as const;

export type DisclosureFilter = { recipientId?: string; category?: string; status?: string; customerId?: string; from?: string; to?: string; page?: number };

function where(filter: DisclosureFilter): Prisma.DisclosureWhereInput {
  return {
    ...(filter.recipientId ? { recipientId: filter.recipientId } : {}),
    ...(filter.category ? { recipient: { category: filter.category as "ADVERTISING" } } : {}),
    ...(filter.status ? { status: filter.status as "APPROVED" } : {}),
    ...(filter.customerId ? { items: { some: { customerId: filter.customerId, included: true } } } : {}),
    ...(filter.from || filter.to
      ? {
          createdAt: {
            ...(filter.from ? { gte: new Date(`${filter.from}T00:00:00+07:00`) } : {}),
            ...(filter.to ? { lt: new Date(new Date(`${filter.to}T00:00:00+07:00`).getTime() + 86_400_000) } : {}),
          },
        }
      : {}),
  };
}

const listSelect = {
  id: true,
  status: true,
  reason: true,
  fields: true,
  confidential: true,
  itemsTotal: true,
  itemsIncluded: true,
  createdAt: true,
  approvedAt: true,
  downloadCount: true,
  recipient: { select: { name: true, category: true } },
  preparedBy: { select: { name: true } },
  approvedBy: { select: { name: true } },
} satisfies Prisma.DisclosureSelect;

/** The register of disclosures, newest first. */
export async function listDisclosures(actor: Actor, filter: DisclosureFilter = {}) {
  authorize(actor, "STAFF", "COMPLIANCE");
  const page = Math.max(1, filter.page ?? 1);
  const [rows, total] = await Promise.all([
    db().disclosure.findMany({ where: where(filter), orderBy: { createdAt: "desc" }, skip: (page - 1) * 25, take: 25, select: listSelect }),
    db().disclosure.count({ where: where(filter) }),
  ]);
  return { rows, total, page, pageCount: Math.max(1, Math.ceil(total / 25)) };
}

/** Everything in the register matching a filter, for its CSV export (disclosure records, not customer data). */
export async function allDisclosures(actor: Actor, filter: DisclosureFilter) {
  authorize(actor, "COMPLIANCE");
  return db().disclosure.findMany({
    where: where(filter),
    orderBy: { createdAt: "desc" },
    take: 50_000,
    select: { ...listSelect, reference: true, agencyName: true, documentNumber: true, documentDate: true, packageChecksum: true },
  });
}

export async function getDisclosure(actor: Actor, id: string) {
  authorize(actor, "STAFF", "COMPLIANCE");
  if (!/^[0-9a-f-]{36}$/i.test(id)) return null;
  const d = await db().disclosure.findUnique({
    where: { id },
    select: {
      ...listSelect,
      reference: true,
      agencyName: true,
      documentNumber: true,
      documentDate: true,
      requestFileId: true,
      rejectionReason: true,
      packageChecksum: true,
      packageExpiresAt: true,
      maxDownloads: true,
      preparedById: true,
      selection: true,
    },
  });
  if (!d) return null;
  const byReason = await db().disclosureItem.groupBy({ by: ["exclusionReason"], where: { disclosureId: id, included: false }, _count: { _all: true } });
  return { ...d, excluded: Object.fromEntries(byReason.map((r) => [r.exclusionReason ?? "?", r._count._all])) as Record<string, number> };
}

/** A page of the customers considered, included or excluded, with the reason. */
export async function disclosureItems(actor: Actor, id: string, included: boolean, take = 50) {
  authorize(actor, "STAFF", "COMPLIANCE");
  return db().disclosureItem.findMany({
    where: { disclosureId: id, included },
    orderBy: { customerId: "asc" },
    take,
    select: { exclusionReason: true, excludedAt: true, customer: { select: { id: true, fullName: true, email: true, status: true } } },
  });
}

/**
 * The disclosures that handed a customer's data to their recipient: included in the package, or
 * left out only after it first went out (the recipient holds what it received before).
 */
async function disclosuresReceiving(customerId: string, where: Prisma.DisclosureWhereInput) {
  const rows = await db().disclosure.findMany({
    where: { ...where, items: { some: { customerId } }, status: { in: ["APPROVED", "DELIVERED"] } },
    orderBy: { approvedAt: "desc" },
    select: {
      id: true,
      fields: true,
      reason: true,
      approvedAt: true,
      confidential: true,
      firstDeliveredAt: true,
      recipient: { select: { id: true, name: true, category: true } },
      items: { where: { customerId }, select: { included: true, excludedAt: true } },
    },
  });
  return rows
    .filter(({ items: [item], firstDeliveredAt }) => item?.included || (item?.excludedAt && firstDeliveredAt && item.excludedAt > firstDeliveredAt))
    .map(({ items, firstDeliveredAt, ...d }) => ({ ...d, leftOutSince: items[0]?.included ? null : (items[0]?.excludedAt ?? null) }));
}

/** The disclosures that included a customer (customer detail page). */
export async function customerDisclosures(actor: Actor, customerId: string) {
  authorize(actor, "STAFF", "COMPLIANCE");
  return disclosuresReceiving(customerId, {});
}

/** What the customer may see of it on their own page: everything but confidential authority requests. */
export async function disclosuresVisibleToCustomer(customerId: string) {
  return disclosuresReceiving(customerId, { confidential: false });
}
