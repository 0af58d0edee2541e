// npm run audit:verify — checks the audit hash chain of the database in DATABASE_URL and says where
// it breaks. Exit code 0 when intact, 1 when broken.
import { systemActor } from "@/lib/auth/actor";
import { verifyAuditChain } from "@/lib/audit/queries";
import { closeDb } from "@/lib/db";
import { prepareCliEnv } from "./support/database-url";

const database = await prepareCliEnv(process.cwd());

const report = await verifyAuditChain(systemActor("cli:audit:verify"));
if (report.ok) {
  console.log(`Audit chain intact: ${report.checked} events checked.`);
} else {
  const what =
    report.reason === "hash" ? "its content does not match its hash (edited)" : "it does not link to the previous event (a row was removed or inserted)";
  console.error(`Audit chain BROKEN at event #${report.brokenAtId}: ${what}. ${report.checked} events in the log.`);
  process.exitCode = 1;
}
await closeDb();
await database.stop();
