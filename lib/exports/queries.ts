import "server-only";
import { to as copyTo } from "pg-copy-streams";
import pg from "pg";
import type { Prisma } from "@/generated/prisma/client";
import { authorize, type Actor } from "@/lib/auth/actor";
import { rolesFor } from "@/lib/auth/permissions";
import { customerWhere, purposeIdByKey } from "@/lib/customers/queries";
import type { CustomerFilter } from "@/lib/customers/schemas";
import { pool } from "@/lib/db";
import { CSV_BOM } from "@/lib/csv";
import type { Translate } from "@/lib/i18n/translate";
import { masksContacts } from "@/lib/customers/masking";

/** COPY takes no bind parameters: inline each value as a quoted literal (the only values are ours). */
function inline(sql: Prisma.Sql): string {
  const literal = (v: unknown) => {
    if (v instanceof Date) return pg.Client.prototype.escapeLiteral(v.toISOString());
    if (typeof v === "number") return String(v);
    return pg.Client.prototype.escapeLiteral(String(v));
  };
  return sql.text.replace(/\$(\d+)/g, (_, n: string) => literal(sql.values[Number(n) - 1]));
}

const ident = (name: string) => `"${name.replaceAll('"', '""')}"`;

const lit = (v: string) => pg.Client.prototype.escapeLiteral(v);
const STATUSES = ["LEAD", "ACTIVE", "TERMINATED", "ERASED"] as const;

/** Codes as people read them, in the language of `t` (the file is for people; the API keeps codes). */
function readableSql(t: Translate) {
  const status = `CASE c.status::text ${STATUSES.map((s) => `WHEN ${lit(s)} THEN ${lit(t(`customers.statusValue.${s}`))}`).join(" ")} END`;
  const [formPrefix, formSuffix] = t("customers.sourceValue.form", { slug: "\u0000" }).split("\u0000");
  const source = `CASE WHEN c.source LIKE 'form:%' THEN ${lit(formPrefix)} || substr(c.source, 6) || ${lit(formSuffix)}
    WHEN c.source = 'staff' THEN ${lit(t("customers.sourceValue.staff"))} WHEN c.source = 'import' THEN ${lit(t("customers.sourceValue.import"))} ELSE c.source END`;
  const language = `CASE c.locale::text WHEN 'en' THEN ${lit(t("language.en"))} ELSE ${lit(t("language.vi"))} END`;
  const label = t.locale === "en" ? `p."labelEn"` : `p."labelVi"`;
  return { status, source, language, label };
}

/** The export's SELECT, with only the columns the role may see, every text cell spreadsheet-safe. */
export function customerExportSql(role: "STAFF" | "COMPLIANCE" | "ADMIN", where: Prisma.Sql, t: Translate) {
  const readable = readableSql(t);
  const columns = [
    [`c.id`, t("customers.csv.id")],
    [`csv_safe(c."fullName")`, t("publicForm.field.fullName")],
    [`csv_safe(c.email)`, t("publicForm.field.email")],
    ...(role === "STAFF"
      ? []
      : [
          [`csv_safe(c.phone)`, t("publicForm.field.phone")],
          [`csv_safe(c.address)`, t("publicForm.field.address")],
        ]),
    [`csv_safe(c.organization)`, t("publicForm.field.organization")],
    [readable.status, t("customers.status")],
    [`csv_safe(${readable.source})`, t("customers.source")],
    [readable.language, t("customers.csv.language")],
    [`to_char(c."createdAt", 'YYYY-MM-DD"T"HH24:MI:SS"Z"')`, t("customers.csv.createdAt")],
    [
      `(SELECT string_agg(${readable.label}, '; ' ORDER BY p."sortOrder") FROM "ConsentState" s JOIN "Purpose" p ON p.id = s."purposeId"
         WHERE s."customerId" = c.id AND s.action = 'GRANTED')`,
      t("customers.csv.consents"),
    ],
  ];
  return `SELECT ${columns.map(([expr, label]) => `${expr} AS ${ident(label)}`).join(", ")}
    FROM "Customer" c WHERE ${inline(where)} ORDER BY c."createdAt" DESC, c.id DESC`;
}

/**
 * Streams the filtered register as CSV straight from PostgreSQL's COPY (constant memory, database
 * speed). `onDone` receives the row count when the last byte has been sent.
 */
export async function streamCustomerCsv(actor: Actor, filter: CustomerFilter, t: Translate, onDone: (rows: number, complete: boolean) => Promise<void>) {
  authorize(actor, ...rolesFor("customers"));
  const role = actor.kind === "user" ? actor.role : "COMPLIANCE";
  const sql = customerExportSql(role, customerWhere(filter, await purposeIdByKey(filter.purpose), { wholePhone: masksContacts(role) }), t);
  const client = await pool().connect();
  const copy = client.query(copyTo(`COPY (${sql}) TO STDOUT WITH (FORMAT csv, HEADER true, FORCE_QUOTE *)`));
  const chunks = copy[Symbol.asyncIterator]();
  let finished = false;
  const finish = async (complete: boolean, error?: unknown) => {
    if (finished) return;
    finished = true;
    client.release(error instanceof Error ? error : undefined);
    await onDone(Number((copy as unknown as { rowCount?: number }).rowCount ?? 0), complete);
  };
  const encoder = new TextEncoder();
  return new ReadableStream<Uint8Array>({
    start(controller) {
      controller.enqueue(encoder.encode(CSV_BOM));
    },
    async pull(controller) {
      try {
        const { value, done } = await chunks.next();
        if (done) {
          await finish(true);
          controller.close();
        } else controller.enqueue(new Uint8Array(value));
      } catch (error) {
        await finish(false, error);
        controller.error(error);
      }
    },
    async cancel() {
      copy.destroy();
      await finish(false, new Error("export cancelled"));
    },
  });
}
