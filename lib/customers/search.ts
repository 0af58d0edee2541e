// The register's search and filters as SQL fragments, shared by the list, the count, the export and
// the benchmark (which runs the same SQL directly to measure the app's overhead).
import { Prisma } from "@/generated/prisma/client";
import type { CustomerFilter } from "./schemas";

const escapeLike = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

export type SearchKind = "none" | "phone" | "email" | "text";

/** What the one search box was given: a phone number in any format, an email, or words. */
export function classifySearch(q: string): { kind: SearchKind; value: string; words: string[] } {
  const trimmed = q.trim();
  if (!trimmed) return { kind: "none", value: "", words: [] };
  const digits = trimmed.replace(/\D/g, "");
  if (/^[\d\s().+-]+$/.test(trimmed) && digits.length >= 4) {
    // Stored as E.164 (+84…): a national number's leading 0 becomes 84, "0084" becomes "84".
    const national = digits.startsWith("00") ? digits.slice(2) : digits.startsWith("0") ? `84${digits.slice(1)}` : digits;
    return { kind: "phone", value: national, words: [] };
  }
  if (trimmed.includes("@")) return { kind: "email", value: trimmed.toLowerCase(), words: [] };
  return { kind: "text", value: trimmed, words: trimmed.split(/\s+/).filter(Boolean).slice(0, 6) };
}

function searchCondition(q: string): Prisma.Sql | null {
  const search = classifySearch(q);
  switch (search.kind) {
    case "none":
      return null;
    case "phone":
      return Prisma.sql`c.phone LIKE ${`%${escapeLike(search.value)}%`}`;
    case "email":
      return Prisma.sql`c.email LIKE ${`%${escapeLike(search.value)}%`}`;
    case "text": {
      // Every word must appear in the name or the organisation (accents optional), or the whole
      // text in the email.
      const words = search.words.map(
        (w) => Prisma.sql`(immutable_unaccent(c."fullName") LIKE immutable_unaccent(${`%${escapeLike(w)}%`})
          OR immutable_unaccent(c.organization) LIKE immutable_unaccent(${`%${escapeLike(w)}%`}))`,
      );
      return Prisma.sql`((${Prisma.join(words, " AND ")}) OR c.email LIKE ${`%${escapeLike(search.value.toLowerCase())}%`})`;
    }
  }
}

/** Vietnam midnight of a yyyy-mm-dd date, as the UTC timestamp stored in the database. */
const vnMidnight = (date: string, plusDays = 0) => new Date(new Date(`${date}T00:00:00+07:00`).getTime() + plusDays * 86_400_000);

export function customerWhere(filter: Omit<CustomerFilter, "after" | "before" | "sort">, purposeId?: string | null): Prisma.Sql {
  const parts: Prisma.Sql[] = [];
  const search = searchCondition(filter.q);
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

export type Cursor = { v: string; id: string };

export function encodeCursor(c: Cursor) {
  return Buffer.from(JSON.stringify([c.v, c.id])).toString("base64url");
}

export function decodeCursor(raw: string | undefined): Cursor | null {
  if (!raw) return null;
  try {
    const [v, id] = JSON.parse(Buffer.from(raw, "base64url").toString("utf8"));
    return typeof v === "string" && typeof id === "string" && /^[0-9a-f-]{36}$/.test(id) ? { v, id } : null;
  } catch {
    return null;
  }
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
