// npm run bench:disclosure -- [--customers 100000]
// Preparing a disclosure over every customer of the register: how long the request itself takes
// (the sorting into included/excluded is a background job), the job with its progress, the
// approval that freezes the package (COPY out of PostgreSQL) against a bare COPY of the same rows
// in the same run, the download, and the memory used.
import { parseArgs } from "node:util";
import pg from "pg";
import { to as copyTo } from "pg-copy-streams";
import { createTestDatabase } from "@/scripts/support/throwaway-database";
import { seedLarge } from "@/scripts/support/seed-large";

const { values } = parseArgs({ options: { customers: { type: "string", default: "100000" } } });
const N = Number(values.customers);
const ms = (t0: number) => performance.now() - t0;
const mib = (bytes: number) => (bytes / 2 ** 20).toFixed(0);

async function main() {
  const database = await createTestDatabase("bench_disclosure");
  Object.assign(process.env, { DATABASE_URL: database.url, NEXTAUTH_SECRET: "bench-secret-bench-secret-bench-secret-000" });
  try {
    let t0 = performance.now();
    await seedLarge(database.url, N, (done) => process.stdout.write(`\rloading ${done.toLocaleString("en")} / ${N.toLocaleString("en")}`));
    console.log(`\nloaded ${N.toLocaleString("en")} customers in ${(ms(t0) / 1000).toFixed(0)} s`);

    const { db } = await import("@/lib/db");
    const { approveDisclosure, buildDisclosureItems, createRecipient, downloadPackage, prepareDisclosure } = await import("@/lib/disclosures/mutations");
    const user = await db().user.create({
      data: { email: "bench-staff@example.test", name: "Bench", role: "STAFF", passwordHash: "x" },
      select: { id: true, email: true, name: true },
    });
    const staff = { kind: "user" as const, ...user, role: "STAFF" as const, sessionId: "bench" };
    const officerUser = await db().user.create({
      data: { email: "bench-officer@example.test", name: "Bench officer", role: "COMPLIANCE", passwordHash: "x" },
      select: { id: true, email: true, name: true },
    });
    const officer = { kind: "user" as const, ...officerUser, role: "COMPLIANCE" as const, sessionId: "bench" };
    // The whole register to an advertising partner (name and mailing address of those who agreed):
    // the largest package the rules allow. Shipments name their customers one by one (≤ 500).
    const recipient = await createRecipient(officer, { name: "Quảng Cáo Việt", category: "ADVERTISING", agreementRef: "HĐ-QC-2026" });

    global.gc?.();
    const rssBefore = process.memoryUsage().rss;
    let rssPeak = rssBefore;
    const sampler = setInterval(() => (rssPeak = Math.max(rssPeak, process.memoryUsage().rss)), 100);

    t0 = performance.now();
    const { id } = await prepareDisclosure(staff, {
      recipientId: recipient.id,
      reason: "Gửi thư mời sự kiện cuối năm qua đối tác quảng cáo",
      fields: ["fullName", "address"],
      selection: { kind: "filter", filter: {} },
    });
    console.log(`the prepare request itself: ${ms(t0).toFixed(0)} ms`);

    t0 = performance.now();
    let rounds = 0;
    while ((await buildDisclosureItems()) > 0) {
      rounds++;
      const d = await db().disclosure.findUniqueOrThrow({ where: { id }, select: { itemsTotal: true } });
      process.stdout.write(`\rjob: ${d.itemsTotal.toLocaleString("en")} / ${N.toLocaleString("en")} customers sorted`);
    }
    const jobMs = ms(t0);
    const d = await db().disclosure.findUniqueOrThrow({ where: { id }, select: { itemsTotal: true, itemsIncluded: true, status: true } });
    console.log(
      `\nbackground job: ${(jobMs / 1000).toFixed(1)} s in ${rounds} chunks (${Math.round(d.itemsTotal / (jobMs / 1000)).toLocaleString("en")} customers/s); ${d.itemsIncluded.toLocaleString("en")} included, ${(d.itemsTotal - d.itemsIncluded).toLocaleString("en")} excluded; ${d.status}`,
    );

    // An officer approves later, by which time autovacuum has analysed the new items and set the
    // visibility map; the bare COPY runs on the same state.
    await db().$executeRawUnsafe("VACUUM ANALYZE");

    // Baseline: the same rows and columns straight out of PostgreSQL with COPY, nothing else; run
    // before the approval and after the download, and the faster of the two is compared.
    const bareCopy = async () => {
      const client = new pg.Client({ connectionString: database.url });
      await client.connect();
      const t = performance.now();
      let bytes = 0;
      const stream = client.query(
        copyTo(`COPY (SELECT i.id, c."fullName", c.address FROM "DisclosureItem" i JOIN "Customer" c ON c.id = i."customerId"
        WHERE i."disclosureId" = '${id}' AND i.included) TO STDOUT WITH (FORMAT csv, HEADER true, FORCE_QUOTE *)`),
      );
      for await (const chunk of stream) bytes += (chunk as Buffer).length;
      const took = ms(t);
      await client.end();
      return { took, bytes };
    };
    const before = await bareCopy();

    t0 = performance.now();
    await approveDisclosure(officer, id);
    const approveMs = ms(t0);
    t0 = performance.now();
    const pkg = await downloadPackage(officer, id);
    let pkgBytes = 0;
    for await (const part of pkg.body) pkgBytes += part.length;
    const downloadMs = ms(t0);
    clearInterval(sampler);

    const after = await bareCopy();
    const copyMs = Math.min(before.took, after.took);
    console.log(
      `approval (exclusions checked in the COPY, package sealed and stored): ${approveMs.toFixed(0)} ms for ${mib(pkgBytes)} MiB; bare COPY of the same rows ${before.took.toFixed(0)} / ${after.took.toFixed(0)} ms (${mib(after.bytes)} MiB) → ${(approveMs / copyMs).toFixed(2)}×`,
    );
    console.log(`download: ${downloadMs.toFixed(0)} ms; RSS ${mib(rssBefore)} → peak ${mib(rssPeak)} MiB`);
  } finally {
    await database.drop();
  }
}

await main();
process.exit(0);
