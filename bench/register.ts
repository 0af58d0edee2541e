// npm run bench:register -- [--customers 1000000] [--searches 60] [--import 100000]
// On a fresh database on the real PostgreSQL server: loads N customers (db:seed:large), then measures
// search through the app's own query code against the same SQL run directly, the first and a deep
// list page (keyset) against OFFSET, the CSV export against a bare COPY, and a CSV import.
import { parseArgs } from "node:util";
import pg from "pg";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { from as copyFrom, to as copyTo } from "pg-copy-streams";
import { createTestDatabase } from "@/scripts/support/throwaway-database";
import { seedLarge } from "@/scripts/support/seed-large";
import { person } from "@/prisma/demo/people";

const { values } = parseArgs({
  options: { customers: { type: "string", default: "1000000" }, searches: { type: "string", default: "60" }, import: { type: "string", default: "100000" } },
});
const N = Number(values.customers);
const S = Number(values.searches);
const IMPORT_ROWS = Number(values.import);

const pct = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))];
const ms = (t0: number) => performance.now() - t0;
const fmt = (x: number) => x.toFixed(1).padStart(7);

async function main() {
  const database = await createTestDatabase("bench_register");
  process.env.DATABASE_URL = database.url;
  process.env.NEXTAUTH_SECRET ??= "bench-secret-bench-secret-bench-secret-000";
  try {
    let t0 = performance.now();
    await seedLarge(database.url, N, (done) => process.stdout.write(`\rloading ${done.toLocaleString("en")} / ${N.toLocaleString("en")}`));
    console.log(`\nloaded ${N.toLocaleString("en")} customers with ~${(N * 3).toLocaleString("en")} consent events in ${(ms(t0) / 1000).toFixed(0)} s`);

    const { systemActor } = await import("@/lib/auth/actor");
    const { listCustomers, customerPageSql } = await import("@/lib/customers/queries");
    const { customerFilterSchema } = await import("@/lib/customers/schemas");
    const { pool, closeDb } = await import("@/lib/db");
    const actor = systemActor("bench");
    const raw = new pg.Client({ connectionString: database.url, options: "-c TimeZone=UTC" });
    await raw.connect();

    // Search: name fragments, emails and phones of real rows, through the app and as bare SQL.
    const sample = Array.from({ length: S }, (_, k) => person((k * 104_729) % N));
    const kinds = {
      "name fragment": sample.map((p) =>
        p.fullName
          .split(" ")
          .slice(-2)
          .join(" ")
          .toLowerCase()
          .normalize("NFD")
          .replace(/[\u0300-\u036f]/g, ""),
      ),
      email: sample.map((p) => p.email.slice(0, p.email.indexOf("@"))),
      phone: sample.map((p) => `0${p.phone.slice(3, 6)} ${p.phone.slice(6, 9)}`),
    };
    console.log("\nsearch (first page of 25)        app p50  app p95  raw p50  raw p95  p95 ratio");
    const appP95: Record<string, number> = {};
    for (const [kind, queries] of Object.entries(kinds)) {
      const app: number[] = [];
      const bare: number[] = [];
      // Whichever runs a query first reads its rows from disk for the other: the two take turns.
      for (const [k, q] of queries.entries()) {
        const filter = customerFilterSchema.parse({ q });
        const { sql } = customerPageSql(filter, null);
        const viaApp = async () => {
          const t = performance.now();
          await listCustomers(actor, filter);
          app.push(ms(t));
        };
        const viaRaw = async () => {
          const t = performance.now();
          await raw.query(sql.text, sql.values as unknown[]);
          bare.push(ms(t));
        };
        if (k % 2 === 0) await viaApp().then(viaRaw);
        else await viaRaw().then(viaApp);
      }
      console.log(
        `${kind.padEnd(30)} ${fmt(pct(app, 50))}  ${fmt(pct(app, 95))}  ${fmt(pct(bare, 50))}  ${fmt(pct(bare, 95))}  ${(pct(app, 95) / pct(bare, 95)).toFixed(2)}×`,
      );
      appP95[kind] = pct(app, 95);
    }
    console.log(`name search p95 / email search p95 (app): ${(appP95["name fragment"] / appP95.email).toFixed(2)}× (target ≤ 5×)`);

    // Paging: the first page, and a page 90 % of the way in by keyset, against OFFSET.
    const timeIt = async (fn: () => Promise<unknown>, runs = 10) => {
      const xs: number[] = [];
      for (let r = 0; r < runs; r++) {
        const t = performance.now();
        await fn();
        xs.push(ms(t));
      }
      return pct(xs, 50);
    };
    const deep = Math.floor(N * 0.9);
    const {
      rows: [cursorRow],
    } = await raw.query(
      `SELECT id, to_char("createdAt", 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS v FROM "Customer" ORDER BY "createdAt" DESC, id DESC OFFSET ${deep} LIMIT 1`,
    );
    const after = Buffer.from(JSON.stringify([cursorRow.v, cursorRow.id])).toString("base64url");
    const first = await timeIt(() => listCustomers(actor, customerFilterSchema.parse({})));
    const keyset = await timeIt(() => listCustomers(actor, customerFilterSchema.parse({ after })));
    const offset = await timeIt(
      () => raw.query(`SELECT id FROM "Customer" WHERE status <> 'ERASED' ORDER BY "createdAt" DESC, id DESC OFFSET ${deep} LIMIT 26`),
      3,
    );
    console.log(
      `\nlist pages (median): first ${first.toFixed(1)} ms; row ${deep.toLocaleString("en")} by keyset ${keyset.toFixed(1)} ms (OFFSET would take ${offset.toFixed(0)} ms)`,
    );

    // Export: the app's streamed COPY (with masking rules and formula escaping) against a bare COPY.
    const { streamCustomerCsv, customerExportSql } = await import("@/lib/exports/queries");
    const { customerWhere } = await import("@/lib/customers/queries");
    const { translator } = await import("@/lib/i18n/translate");
    const t = translator("vi");
    global.gc?.();
    const rssBefore = process.memoryUsage().rss;
    let rssPeak = rssBefore;
    const sampler = setInterval(() => (rssPeak = Math.max(rssPeak, process.memoryUsage().rss)), 100);
    t0 = performance.now();
    let rows = 0;
    const stream = await streamCustomerCsv(actor, customerFilterSchema.parse({}), t, async (n) => {
      rows = n;
    });
    let bytes = 0;
    for await (const chunk of stream as unknown as AsyncIterable<Uint8Array>) bytes += chunk.byteLength;
    const appSeconds = ms(t0) / 1000;
    clearInterval(sampler);
    const bareSql = customerExportSql("COMPLIANCE", customerWhere(customerFilterSchema.parse({})), t).replace(/\s+/g, " ");
    t0 = performance.now();
    let bareBytes = 0;
    for await (const chunk of raw.query(copyTo(`COPY (${bareSql}) TO STDOUT WITH (FORMAT csv, HEADER true)`))) bareBytes += (chunk as Buffer).length;
    const bareSeconds = ms(t0) / 1000;
    console.log(
      `\nexport of ${rows.toLocaleString("en")} rows: app ${Math.round(rows / appSeconds).toLocaleString("en")} rows/s (${(bytes / 1e6).toFixed(0)} MB), bare COPY ${Math.round(rows / bareSeconds).toLocaleString("en")} rows/s (${(bareBytes / 1e6).toFixed(0)} MB): ${((bareSeconds / appSeconds) * 100).toFixed(0)} %; RSS growth ${((rssPeak - rssBefore) / 2 ** 20).toFixed(0)} MiB`,
    );

    // Import: a 100 000-row CSV of new people, dry run then the batched job, with progress.
    const { uploadImport, checkImport, startImport, runImportBatches } = await import("@/lib/imports/mutations");
    const lines = ["name,email,phone,company,consent:advertising"];
    for (let k = 0; k < IMPORT_ROWS; k++) {
      const p = person(N + k);
      lines.push(`"${p.fullName}",${p.email},${p.phone},"${p.organization ?? ""}",${k % 3 ? "yes" : "no"}`);
    }
    const file = new File([lines.join("\n")], "bench.csv", { type: "text/csv" });
    t0 = performance.now();
    const { id } = await uploadImport(actor, file);
    const report = await checkImport(actor, {
      id,
      mapping: { "0": "fullName", "1": "email", "2": "phone", "3": "organization", "4": "consent:advertising" },
      evidence: "Benchmark file",
    });
    const checked = ms(t0) / 1000;
    await startImport(actor, id);
    t0 = performance.now();
    let last = 0;
    while ((await runImportBatches(20)) > 0) {
      const {
        rows: [job],
      } = await raw.query(`SELECT "processedRows" FROM "ImportJob" WHERE id = $1`, [id]);
      if (job.processedRows - last >= IMPORT_ROWS / 5) {
        last = job.processedRows;
        process.stdout.write(`\rimport progress ${job.processedRows.toLocaleString("en")} / ${report.people.toLocaleString("en")}`);
      }
    }
    const importSeconds = ms(t0) / 1000;
    const {
      rows: [job],
    } = await raw.query(`SELECT status, "createdCount", "processedRows" FROM "ImportJob" WHERE id = $1`, [id]);
    console.log(
      `\nimport of ${IMPORT_ROWS.toLocaleString("en")} rows: upload + dry run ${checked.toFixed(1)} s, import ${importSeconds.toFixed(1)} s = ${Math.round(job.processedRows / importSeconds).toLocaleString("en")} rows/s (${job.status}, ${job.createdCount} created)`,
    );
    // Baseline: the same people COPYed straight into the table (no matching, no consent, no audit),
    // in a transaction rolled back afterwards — what the indexes alone cost.
    await raw.query("BEGIN");
    t0 = performance.now();
    await pipeline(
      Readable.from(
        (function* () {
          for (let k = 0; k < IMPORT_ROWS; k++) {
            const p = person(N + k);
            yield `${[p.fullName, p.email, p.phone, p.organization ?? ""].map((v) => `"${v.replaceAll('"', '""')}"`).join(",")},vi,import,${new Date().toISOString()}\n`;
          }
        })(),
      ),
      raw.query(copyFrom(`COPY "Customer" ("fullName", email, phone, organization, locale, source, "updatedAt") FROM STDIN WITH (FORMAT csv)`)),
    );
    const copySeconds = ms(t0) / 1000;
    await raw.query("ROLLBACK");
    console.log(
      `bare COPY of the same ${IMPORT_ROWS.toLocaleString("en")} people into the table: ${copySeconds.toFixed(1)} s = ${Math.round(IMPORT_ROWS / copySeconds).toLocaleString("en")} rows/s; the import runs at ${((copySeconds / importSeconds) * 100).toFixed(0)} % of it`,
    );

    await raw.end();
    await pool()
      .end()
      .catch(() => {});
    await closeDb().catch(() => {});
  } finally {
    await database.drop();
  }
}

await main();
process.exit(0);
