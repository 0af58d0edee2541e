import "server-only";
import { Prisma } from "@/generated/prisma/client";
import { authorize, type Actor } from "@/lib/auth/actor";
import { rolesFor } from "@/lib/auth/permissions";
import { db, type Db, sqlRows, type Tx } from "@/lib/db";
import { maskContacts, masksContacts } from "./masking";
import type { CustomerFilter, SearchMatch } from "./schemas";
import { classifySearch, decodeCursor, encodeCursor, escapeLike, type Cursor } from "./search";

// The search and filters as SQL fragments, shared by the list, the count, the export, disclosures
// and the benchmark (which runs the same SQL directly to measure the app's overhead).

/**
 * A text search, two ways. By default every word must be a word of the name, the organisation or the
 * email, the last one only its start (accents optional): the word index answers that at any size,
 * even for two-letter given names like "Vy" or "Hà" that trigrams cannot index. `inside` finds a fragment anywhere in a word
 * (trigrams; slower, and only when asked for) — the list offers it when the word search finds nothing.
 */
function textCondition(search: ReturnType<typeof classifySearch>, match: SearchMatch): Prisma.Sql {
  if (match === "inside") {
    const words = search.words.map(
      (w) => Prisma.sql`(immutable_unaccent(c."fullName") LIKE immutable_unaccent(${`%${escapeLike(w)}%`})
        OR immutable_unaccent(c.organization) LIKE immutable_unaccent(${`%${escapeLike(w)}%`}))`,
    );
    return Prisma.sql`((${Prisma.join(words, " AND ")}) OR c.email LIKE ${`%${escapeLike(search.value.toLowerCase())}%`})`;
  }
  if (search.tokens.length === 0) return Prisma.sql`FALSE`;
  // Whole words, and the last one typed may be unfinished. A prefix costs the index every word that
  // starts with it, so only the last word gets one: at a million rows "pham thu phong 361477" is
  // 0.3 ms with whole words and 30 ms with every word a prefix.
  // Folding accents can turn a letter into text-search syntax ("ʻa" → "'a", "aː" → "a:", "⑴" → "(1)"):
  // what is left after folding is cleaned of it before it becomes a query; a word left empty drops out.
  const words = search.tokens.map((w, i) => {
    const folded = Prisma.sql`regexp_replace(immutable_unaccent(${w}), ${TSQUERY_SYNTAX}, '', 'g')`;
    return i === search.tokens.length - 1
      ? Prisma.sql`to_tsquery('simple', coalesce(nullif(${folded}, '') || ':*', ''))`
      : Prisma.sql`to_tsquery('simple', ${folded})`;
  });
  return Prisma.sql`c."searchWords" @@ (${Prisma.join(words, " && ")})`;
}

/** Characters with a meaning in to_tsquery's input, and white space. */
const TSQUERY_SYNTAX = "[\\s'\"():|&!<>*\\\\]+";

/** `wholePhone`: for roles that see phones masked, a number is found only whole, never by a part. */
function searchCondition(q: string, wholePhone: boolean, match: SearchMatch): Prisma.Sql | null {
  const search = classifySearch(q);
  switch (search.kind) {
    case "none":
      return null;
    case "phone":
      if (wholePhone) return Prisma.sql`c.phone = ${`+${search.value}`}`;
      return Prisma.sql`c.phone LIKE ${`%${escapeLike(search.value)}%`}`;
    case "email":
      return Prisma.sql`c.email LIKE ${`%${escapeLike(search.value)}%`}`;
    case "text":
      return textCondition(search, match);
  }
}

/** Vietnam midnight of a yyyy-mm-dd date, as the UTC timestamp stored in the database. */
const vnMidnight = (date: string, plusDays = 0) => new Date(new Date(`${date}T00:00:00+07:00`).getTime() + plusDays * 86_400_000);

export function customerWhere(
  filter: Omit<CustomerFilter, "after" | "before" | "sort" | "match"> & { match?: SearchMatch },
  purposeId?: string | null,
  options: { wholePhone?: boolean } = {},
): Prisma.Sql {
  const parts: Prisma.Sql[] = [];
  const search = searchCondition(filter.q, options.wholePhone ?? false, filter.match ?? "words");
  if (search) parts.push(search);
  // Erased records are pseudonymous shells: shown only when asked for.
  parts.push(filter.status ? Prisma.sql`c.status = ${filter.status}::"CustomerStatus"` : Prisma.sql`c.status <> 'ERASED'`);
  if (filter.source) parts.push(Prisma.sql`c.source = ${filter.source}`);
  if (purposeId) {
    parts.push(
      Prisma.sql`EXISTS (SELECT 1 FROM "ConsentState" s WHERE s."customerId" = c.id AND s."purposeId" = ${purposeId}::uuid
        AND s.action = ${filter.consent ?? "GRANTED"}::"ConsentAction")`,
    );
  }
  if (filter.from) parts.push(Prisma.sql`c."createdAt" >= ${vnMidnight(filter.from)}`);
  if (filter.to) parts.push(Prisma.sql`c."createdAt" < ${vnMidnight(filter.to, 1)}`);
  return Prisma.join(parts, " AND ");
}

/** Keyset pagination: ORDER BY and the "after this row" condition for each sort, both directions. */
export function customerOrder(sort: CustomerFilter["sort"], cursor: Cursor | null, backwards: boolean) {
  const asc = (sort === "oldest" || sort === "name") !== backwards;
  const dir = Prisma.raw(asc ? "ASC" : "DESC");
  const cmp = Prisma.raw(asc ? ">" : "<");
  if (sort === "name") {
    return {
      orderBy: Prisma.sql`coalesce(immutable_unaccent(c."fullName"), '') ${dir}, c.id ${dir}`,
      seek: cursor ? Prisma.sql`(coalesce(immutable_unaccent(c."fullName"), ''), c.id) ${cmp} (${cursor.v}, ${cursor.id}::uuid)` : null,
      key: Prisma.sql`coalesce(immutable_unaccent(c."fullName"), '')`,
    };
  }
  return {
    orderBy: Prisma.sql`c."createdAt" ${dir}, c.id ${dir}`,
    seek: cursor ? Prisma.sql`(c."createdAt", c.id) ${cmp} (${new Date(cursor.v)}, ${cursor.id}::uuid)` : null,
    key: Prisma.sql`to_char(c."createdAt", 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`,
  };
}

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

export async function purposeIdByKey(key: string | undefined, client: Db | Tx = db()) {
  if (!key) return null;
  return (await client.purpose.findUnique({ where: { key }, select: { id: true } }))?.id ?? null;
}

/** The SQL of one list page, exactly as the app runs it (the benchmark runs it raw too). */
export function customerPageSql(filter: CustomerFilter, purposeId: string | null, options: { wholePhone?: boolean; pageSize?: number } = {}) {
  const backwards = !filter.after && !!filter.before;
  const cursor = decodeCursor(filter.after ?? filter.before);
  const order = customerOrder(filter.sort, cursor, backwards);
  const where = customerWhere(filter, purposeId, options);
  return {
    backwards,
    sql: Prisma.sql`
      SELECT c.id, c."fullName", c.email, c.phone, c.address, c.organization, c.status, c.source, c."createdAt", ${order.key} AS "sortKey"
      FROM "Customer" c
      WHERE ${where} ${order.seek ? Prisma.sql`AND ${order.seek}` : Prisma.empty}
      ORDER BY ${order.orderBy}
      LIMIT ${(options.pageSize ?? CUSTOMER_PAGE_SIZE) + 1}`,
  };
}

export async function listCustomers(actor: Actor, filter: CustomerFilter) {
  authorize(actor, ...rolesFor("customers"));
  const purposeId = await purposeIdByKey(filter.purpose);
  const { sql, backwards } = customerPageSql(filter, purposeId, { wholePhone: masksContacts(roleOf(actor)) });
  // Straight on the pool, the same statement a bare client would send: the register's busiest read
  // skips Prisma's per-query work (docs/benchmarks.md, 2026-12-03).
  const fetched = await sqlRows<CustomerListRow>(sql);
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
    SELECT count(*) AS count FROM (SELECT 1 FROM "Customer" c WHERE ${customerWhere(filter, purposeId, { wholePhone: masksContacts(roleOf(actor)) })} LIMIT ${COUNT_CAP + 1}) t`;
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
