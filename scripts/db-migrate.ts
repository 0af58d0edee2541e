// npm run db:migrate — applies pending migrations to DATABASE_URL; a no-op when up to date.
import { applyMigrations } from "./migrations/engine";

const url = process.env.DATABASE_URL;
if (!url) {
  console.error("DATABASE_URL is not set. (npm start sets it for the embedded database.)");
  process.exit(2);
}
const applied = await applyMigrations(url);
console.log(applied.length ? `Applied ${applied.length} migration(s): ${applied.join(", ")}` : "Database is up to date.");
