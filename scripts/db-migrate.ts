// npm run db:migrate — applies pending migrations to DATABASE_URL (or the embedded database);
// a no-op when the schema is up to date.
import { applyMigrations } from "./migrations/engine";
import { resolveDatabaseUrl } from "./support/database-url";

const { url, embedded } = await resolveDatabaseUrl(process.cwd());
const applied = await applyMigrations(url);
console.log(applied.length ? `Applied ${applied.length} migration(s): ${applied.join(", ")}` : "Database is up to date.");
await embedded?.stop();
// The WebAssembly engine leaves a timer behind for ~10 s; nothing else is pending, so exit now.
process.exit(0);
