import "server-only";
import { authorize, type Actor } from "@/lib/auth/actor";
import { rolesFor } from "@/lib/auth/permissions";
import { db } from "@/lib/db";

/** Customer records that look like the same person: same email or phone, or a very similar name. */
export async function findDuplicateCandidates(actor: Actor, limit = 50) {
  authorize(actor, ...rolesFor("customers"));
  return db().$queryRaw<
    { aId: string; aName: string | null; aEmail: string | null; bId: string; bName: string | null; bEmail: string | null; reason: string }[]
  >`
    SELECT a.id AS "aId", a."fullName" AS "aName", a.email AS "aEmail", b.id AS "bId", b."fullName" AS "bName", b.email AS "bEmail",
      CASE WHEN a.email = b.email THEN 'email' WHEN a.phone = b.phone THEN 'phone' ELSE 'name' END AS reason
    FROM "Customer" a JOIN "Customer" b ON a.id < b.id
      AND (a.email = b.email OR a.phone = b.phone
        OR (immutable_unaccent(a."fullName") % immutable_unaccent(b."fullName")
            AND similarity(immutable_unaccent(a."fullName"), immutable_unaccent(b."fullName")) > 0.8
            AND (a.organization = b.organization OR a.email IS NULL OR b.email IS NULL)))
    WHERE a.status <> 'ERASED' AND b.status <> 'ERASED'
    ORDER BY a."createdAt" DESC
    LIMIT ${limit}`;
}
