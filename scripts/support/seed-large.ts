// Bulk demo data for scale tests: realistic Vietnamese and English customers with about three consent
// events each, loaded with COPY in chunks. Consent state follows through the statement-level trigger.
import { randomUUID } from "node:crypto";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import pg from "pg";
import { from as copyFrom } from "pg-copy-streams";
import { person } from "../../prisma/demo/people";

const CHUNK = 100_000;
const SOURCES = ["form:lien-he", "form:khao-sat-hai-long", "import", "staff"];
const STATUSES = ["LEAD", "LEAD", "ACTIVE", "ACTIVE", "ACTIVE", "TERMINATED"];
const csv = (v: string | null) => (v === null ? "" : `"${v.replaceAll('"', '""')}"`);

async function copy(client: pg.PoolClient, sql: string, lines: Iterable<string>) {
  await pipeline(Readable.from(lines), client.query(copyFrom(sql)));
}

export async function seedLarge(url: string, count: number, onProgress?: (done: number) => void) {
  const pool = new pg.Pool({ connectionString: url, max: 2, options: "-c TimeZone=UTC" });
  const client = await pool.connect();
  try {
    const purposes = (
      await client.query<{ id: string; key: string; labelVi: string; descriptionVi: string }>(
        `SELECT id, key, "labelVi", "descriptionVi" FROM "Purpose" ORDER BY "sortOrder"`,
      )
    ).rows;
    const start = (await client.query<{ n: number }>(`SELECT count(*)::int AS n FROM "Customer"`)).rows[0].n;
    const now = Date.now();
    // Bulk-load mode: the rows are generated consistent, so foreign-key checks and per-statement
    // triggers are skipped (superuser only) and the derived ConsentState is built once at the end;
    // on an empty table the search indexes (trigrams, words) are built once after loading instead of row by row.
    const fast = await client.query("SET session_replication_role = replica").then(
      () => true,
      () => false,
    );
    const searchIndexes =
      start === 0
        ? (
            await client.query<{ def: string; name: string }>(
              `SELECT indexdef AS def, indexname AS name FROM pg_indexes WHERE tablename = 'Customer' AND indexdef LIKE '%USING gin%'`,
            )
          ).rows
        : [];
    for (const index of searchIndexes) await client.query(`DROP INDEX "${index.name}"`);
    for (let offset = 0; offset < count; offset += CHUNK) {
      const size = Math.min(CHUNK, count - offset);
      const customers: string[] = [];
      const events: string[] = [];
      for (let k = 0; k < size; k++) {
        const i = start + offset + k;
        const p = person(i);
        const id = randomUUID();
        // Spread creation over the last three years.
        const created = new Date(now - ((i * 7_919) % (3 * 365 * 86_400)) * 1000).toISOString();
        customers.push(
          `${[id, csv(p.fullName), csv(p.email), csv(p.phone), csv(p.address), csv(p.organization), p.locale, STATUSES[i % STATUSES.length], SOURCES[i % SOURCES.length], created, created].join(",")}\n`,
        );
        for (let e = 0; e < 3; e++) {
          const purpose = purposes[(i + e * 3) % purposes.length];
          const withdrawn = e === 2 && i % 5 === 0;
          const given = new Date(Date.parse(created) + (e + 1) * 3_600_000).toISOString();
          events.push(
            `${[randomUUID(), id, purpose.id, withdrawn ? "WITHDRAWN" : "GRANTED", e === 0 ? "FORM" : "IMPORT", csv(`${purpose.labelVi}: ${purpose.descriptionVi}`), p.locale, given, given].join(",")}\n`,
          );
        }
      }
      await client.query("BEGIN");
      await copy(
        client,
        `COPY "Customer" (id, "fullName", email, phone, address, organization, locale, status, source, "createdAt", "updatedAt") FROM STDIN WITH (FORMAT csv)`,
        customers,
      );
      await copy(
        client,
        `COPY "ConsentEvent" (id, "customerId", "purposeId", action, source, wording, locale, "givenAt", "createdAt") FROM STDIN WITH (FORMAT csv)`,
        events,
      );
      await client.query("COMMIT");
      onProgress?.(offset + size);
    }
    if (fast) {
      await client.query("SET session_replication_role = DEFAULT");
      await client.query(`
        INSERT INTO "ConsentState" ("customerId", "purposeId", action, "eventId", "givenAt")
        SELECT DISTINCT ON ("customerId", "purposeId") "customerId", "purposeId", action, id, "givenAt" FROM "ConsentEvent"
        ORDER BY "customerId", "purposeId", "givenAt" DESC, "createdAt" DESC, id DESC
        ON CONFLICT ("customerId", "purposeId") DO UPDATE SET action = EXCLUDED.action, "eventId" = EXCLUDED."eventId", "givenAt" = EXCLUDED."givenAt"
        WHERE "ConsentState"."givenAt" <= EXCLUDED."givenAt"`);
    }
    await client.query("SET maintenance_work_mem = '512MB'");
    for (const index of searchIndexes) await client.query(index.def);
    await client.query(`ANALYZE "Customer"; ANALYZE "ConsentEvent"; ANALYZE "ConsentState"`);
  } finally {
    client.release();
    await pool.end();
  }
}
