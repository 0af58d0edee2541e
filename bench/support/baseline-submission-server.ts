// The baseline for bench/submissions: a bare node:http handler with `pg` doing the same writes as one
// accepted submission (customer upsert, submission, consent events, audit event) in one transaction,
// with none of the app's validation, framework or ORM. Started as its own process by the benchmark.
import http from "node:http";
import pg from "pg";

const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 10 });
const [formId, purposeId] = [process.env.FORM_ID!, process.env.PURPOSE_ID!];

async function store(body: { fields: { email: string; fullName: string }; answers: unknown; consents: string[]; idempotencyKey: string }, ip: string) {
  const client = await pool.connect();
  try {
    await client.query("BEGIN");
    await client.query("SELECT pg_advisory_xact_lock(hashtextextended($1, 0))", [`customer:email:${body.fields.email}`]);
    const found = await client.query(`SELECT id FROM "Customer" WHERE email = $1 LIMIT 1`, [body.fields.email]);
    const customerId =
      found.rows[0]?.id ??
      (
        await client.query(`INSERT INTO "Customer" ("fullName", email, source, "updatedAt") VALUES ($1, $2, 'bench', now()) RETURNING id`, [
          body.fields.fullName,
          body.fields.email,
        ])
      ).rows[0].id;
    const submission = await client.query(
      `INSERT INTO "Submission" ("formId", "customerId", fields, answers, "idempotencyKey", ip) VALUES ($1, $2, $3, $4, $5, $6) RETURNING id`,
      [formId, customerId, JSON.stringify(body.fields), JSON.stringify(body.answers), body.idempotencyKey, ip],
    );
    for (const _ of body.consents) {
      await client.query(
        `INSERT INTO "ConsentEvent" ("customerId", "purposeId", action, source, wording, "formId", "submissionId", ip) VALUES ($1, $2, 'GRANTED', 'FORM', 'wording', $3, $4, $5)`,
        [customerId, purposeId, formId, submission.rows[0].id, ip],
      );
    }
    await client.query(
      `INSERT INTO "AuditEvent" ("actorType", action, "entityType", "entityId", ip) VALUES ('ANONYMOUS', 'submission.received', 'Submission', $1, $2)`,
      [submission.rows[0].id, ip],
    );
    await client.query("COMMIT");
    return submission.rows[0].id as string;
  } catch (error) {
    await client.query("ROLLBACK");
    throw error;
  } finally {
    client.release();
  }
}

http
  .createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c) => chunks.push(c));
    req.on("end", async () => {
      try {
        const id = await store(JSON.parse(Buffer.concat(chunks).toString("utf8")), String(req.headers["x-forwarded-for"] ?? ""));
        res.writeHead(201, { "content-type": "application/json" }).end(JSON.stringify({ submissionId: id }));
      } catch (error) {
        res.writeHead(500).end(String(error));
      }
    });
  })
  .listen(Number(process.env.PORT), "127.0.0.1", () => console.log("ready"));
