import "server-only";
import { Prisma } from "@/generated/prisma/client";
import { authorize, type Actor } from "@/lib/auth/actor";
import { rolesFor } from "@/lib/auth/permissions";
import { db } from "@/lib/db";
import { maskContacts } from "./masking";
import type { CustomerFilter } from "./schemas";
import { customerOrder, customerWhere, decodeCursor, encodeCursor } from "./search";

export const CUSTOMER_PAGE_SIZE = 25;
const COUNT_CAP = 10_000;

export type CustomerListRow = {
  id: string;
  fullName: string | null;
  email: string | null;
  phone: string | null;
  address: string | null;
  organization: string | null;
  status: "LEAD" | "ACTIVE" | "TERMINATED" | "ERASED";
  source: string | null;
  createdAt: Date;
  sortKey: string;
};

const roleOf = (actor: Actor) => (actor.kind === "user" ? actor.role : "system");

export async function purposeIdByKey(key: string | undefined) {
  if (!key) return null;
  return (await db().purpose.findUnique({ where: { key }, select: { id: true } }))?.id ?? null;
}

/** The SQL of one list page, exactly as the app runs it (the benchmark runs it raw too). */
export function customerPageSql(filter: CustomerFilter, purposeId: string | null) {
  const backwards = !filter.after && !!filter.before;
  const cursor = decodeCursor(filter.after ?? filter.before);
  const order = customerOrder(filter.sort, cursor, backwards);
  const where = customerWhere(filter, purposeId);
  return {
    backwards,
    sql: Prisma.sql`
      SELECT c.id, c."fullName", c.email, c.phone, c.address, c.organization, c.status, c.source, c."createdAt", ${order.key} AS "sortKey"
      FROM "Customer" c
      WHERE ${where} ${order.seek ? Prisma.sql`AND ${order.seek}` : Prisma.empty}
      ORDER BY ${order.orderBy}
      LIMIT ${CUSTOMER_PAGE_SIZE + 1}`,
  };
}

export async function listCustomers(actor: Actor, filter: CustomerFilter) {
  authorize(actor, ...rolesFor("customers"));
  const purposeId = await purposeIdByKey(filter.purpose);
  const { sql, backwards } = customerPageSql(filter, purposeId);
  const fetched = await db().$queryRaw<CustomerListRow[]>(sql);
  const more = fetched.length > CUSTOMER_PAGE_SIZE;
  const rows = fetched.slice(0, CUSTOMER_PAGE_SIZE);
  if (backwards) rows.reverse();
  const first = rows[0];
  const last = rows.at(-1);
  const hasNext = backwards ? true : more;
  const hasPrev = backwards ? more : !!filter.after;
  return {
    rows: rows.map(({ sortKey: _, ...row }) => maskContacts(row, roleOf(actor))),
    next: hasNext && last ? encodeCursor({ v: last.sortKey, id: last.id }) : null,
    prev: hasPrev && first ? encodeCursor({ v: first.sortKey, id: first.id }) : null,
  };
}

/** How many match, counted up to a cap so a broad filter over a million rows stays fast. */
export async function countCustomers(actor: Actor, filter: CustomerFilter) {
  authorize(actor, ...rolesFor("customers"));
  const purposeId = await purposeIdByKey(filter.purpose);
  const [{ count }] = await db().$queryRaw<{ count: bigint }[]>`
    SELECT count(*) AS count FROM (SELECT 1 FROM "Customer" c WHERE ${customerWhere(filter, purposeId)} LIMIT ${COUNT_CAP + 1}) t`;
  return { count: Math.min(Number(count), COUNT_CAP), capped: Number(count) > COUNT_CAP };
}

/** Values for the source filter: the forms, staff entry and imports. */
export async function customerSources(actor: Actor) {
  authorize(actor, ...rolesFor("customers"));
  const forms = await db().form.findMany({ select: { slug: true, titleVi: true, titleEn: true }, orderBy: { titleVi: "asc" } });
  return [
    ...forms.map((f) => ({ value: `form:${f.slug}`, labelVi: f.titleVi, labelEn: f.titleEn })),
    { value: "staff", labelVi: "Nhân viên nhập", labelEn: "Entered by staff" },
    { value: "import", labelVi: "Nhập từ CSV", labelEn: "CSV import" },
  ];
}

const profileSelect = {
  id: true,
  fullName: true,
  email: true,
  phone: true,
  address: true,
  organization: true,
  locale: true,
  status: true,
  source: true,
  createdAt: true,
  updatedAt: true,
  terminatedAt: true,
  terminationReason: true,
  erasedAt: true,
  sharingObjectedAt: true,
  legalHoldReason: true,
} satisfies Prisma.CustomerSelect;

export type CustomerProfile = Prisma.CustomerGetPayload<{ select: typeof profileSelect }>;

/** One customer's profile; contact details masked for roles that must reveal them first. */
export async function getCustomer(actor: Actor, id: string) {
  authorize(actor, ...rolesFor("customers"));
  if (!/^[0-9a-f-]{36}$/i.test(id)) return null;
  const row = await db().customer.findUnique({ where: { id }, select: profileSelect });
  return row ? maskContacts(row, roleOf(actor)) : null;
}

/** Customer ids for a pasted list of emails (disclosure selections); unknown emails are reported. */
export async function customerIdsByEmails(actor: Actor, emails: string[]) {
  authorize(actor, ...rolesFor("customers"));
  const wanted = [...new Set(emails.map((e) => e.trim().toLowerCase()).filter(Boolean))];
  const rows = await db().customer.findMany({ where: { email: { in: wanted } }, select: { id: true, email: true } });
  return { ids: rows.map((r) => r.id), unknown: wanted.filter((e) => !rows.some((r) => r.email === e)) };
}
