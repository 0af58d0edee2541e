import "server-only";
// Who a campaign is addressed to (before the guard): the register's own filters, as SQL on `c`.
import { Prisma } from "@/generated/prisma/client";
import { LAST_CONTACT } from "@/lib/privacy-requests/queries/desk";
import type { Audience } from "./schemas";

const vnDayStart = (day: string) => new Date(`${day}T00:00:00+07:00`);
const vnDayEnd = (day: string) => new Date(vnDayStart(day).getTime() + 86_400_000);

export function audienceSql(a: Audience): Prisma.Sql {
  const parts: Prisma.Sql[] = [Prisma.sql`c.status::text = ANY (${a.statuses}::text[])`];
  if (a.organization)
    parts.push(Prisma.sql`immutable_unaccent(c.organization) ILIKE '%' || immutable_unaccent(${a.organization.replace(/[\\%_]/g, "\\$&")}) || '%'`);
  if (a.locale) parts.push(Prisma.sql`c.locale::text = ${a.locale}`);
  if (a.createdFrom) parts.push(Prisma.sql`c."createdAt" >= ${vnDayStart(a.createdFrom)}`);
  if (a.createdTo) parts.push(Prisma.sql`c."createdAt" < ${vnDayEnd(a.createdTo)}`);
  if (a.lastContactFrom) parts.push(Prisma.sql`${LAST_CONTACT} >= ${vnDayStart(a.lastContactFrom)}`);
  if (a.lastContactTo) parts.push(Prisma.sql`${LAST_CONTACT} < ${vnDayEnd(a.lastContactTo)}`);
  return Prisma.join(parts, " AND ");
}
