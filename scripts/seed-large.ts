// npm run db:seed:large -- --customers 1000000
// Loads realistic customers with consent histories into DATABASE_URL (or the embedded database).
import { parseArgs } from "node:util";
import { resolveDatabaseUrl } from "./support/database-url";
import { applyMigrations } from "./migrations/engine";
import { seedLarge } from "./support/seed-large";

const { values } = parseArgs({ options: { customers: { type: "string", default: "100000" } } });
const count = Number(values.customers);
if (!Number.isInteger(count) || count < 1 || count > 10_000_000) {
  console.error("--customers must be a whole number from 1 to 10 000 000");
  process.exit(2);
}
const { url, embedded } = await resolveDatabaseUrl(process.cwd());
await applyMigrations(url);
const started = Date.now();
await seedLarge(url, count, (done) => {
  const seconds = (Date.now() - started) / 1000;
  process.stdout.write(`\r${done.toLocaleString("en")} / ${count.toLocaleString("en")} customers (${Math.round(done / seconds).toLocaleString("en")}/s)`);
});
console.log(`\nDone in ${((Date.now() - started) / 1000).toFixed(1)} s: ${count} customers, ~${count * 3} consent events.`);
await embedded?.stop();
process.exit(0);
