// Used by `prisma generate` only. Migrations run through scripts/db-migrate.ts (WebAssembly engine),
// because the CLI's native schema engine cannot be downloaded offline.
import { defineConfig } from "prisma/config";

export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations" },
  datasource: { url: process.env.DATABASE_URL ?? "" },
});
