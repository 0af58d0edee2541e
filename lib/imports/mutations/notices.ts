import "server-only";
import { tellCustomer } from "@/lib/consent/mutations";
import { db } from "@/lib/db";
import { readSettings } from "@/lib/settings/queries";

const NOTICE_CHUNK = 200;
const NO_CUSTOMER = "00000000-0000-0000-0000-000000000000";

/**
 * The import-notice job (run by the customer-import drain once imports are done): every customer an
 * import recorded consent for gets one email naming the purposes, as when staff record consent by
 * hand, so a grant they never gave does not go unnoticed. A chunk of customers per transaction, with
 * the import's row locked and its position kept, so two instances never tell anyone twice.
 */
export async function sendImportNotices(limit = NOTICE_CHUNK): Promise<number> {
  return db().$transaction(
    async (tx) => {
      const [job] = await tx.$queryRaw<{ id: string; noticesAfter: string | null }[]>`
        SELECT id, "noticesAfter" FROM "ImportJob" WHERE "noticesPending" ORDER BY "finishedAt" LIMIT 1 FOR UPDATE SKIP LOCKED`;
      if (!job) return 0;
      // Withdrawals are not announced (they are what the customer asked for, or nothing changed);
      // customers erased since, or without an email, are not written to.
      const people = await tx.$queryRaw<
        { customerId: string; email: string; locale: "vi" | "en"; givenAt: Date; purposes: { labelVi: string; labelEn: string }[] }[]
      >`
        SELECT e."customerId", c.email, c.locale, max(e."givenAt") AS "givenAt",
               jsonb_agg(jsonb_build_object('labelVi', p."labelVi", 'labelEn', p."labelEn") ORDER BY p."sortOrder", p.key) AS purposes
        FROM "ConsentEvent" e
        JOIN "Customer" c ON c.id = e."customerId"
        JOIN "Purpose" p ON p.id = e."purposeId"
        WHERE e.source = 'IMPORT' AND e.evidence ->> 'import' = ${job.id} AND e.action = 'GRANTED'
          AND e."customerId" > ${job.noticesAfter ?? NO_CUSTOMER}::uuid
          AND c.status <> 'ERASED' AND coalesce(c.email, '') <> ''
        GROUP BY e."customerId", c.email, c.locale
        ORDER BY e."customerId"
        LIMIT ${limit}`;
      const settings = people.length ? await readSettings(tx) : undefined;
      for (const person of people) {
        await tellCustomer(tx, { email: person.email, locale: person.locale }, person.purposes, "IMPORT", person.givenAt, settings);
      }
      await tx.importJob.update({
        where: { id: job.id },
        data: { noticesAfter: people.at(-1)?.customerId ?? job.noticesAfter, noticesPending: people.length === limit },
      });
      return Math.max(1, people.length);
    },
    { timeout: 120_000 },
  );
}
