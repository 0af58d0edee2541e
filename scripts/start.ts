// npm start — the one command that runs the app.
//  * No DATABASE_URL: starts the embedded PostgreSQL (PGlite on disk in .data/), keeps a generated
//    NEXTAUTH_SECRET in .data/, applies migrations, seeds demo data once and prints the demo logins.
//  * DATABASE_URL set: applies migrations to that database and starts; never creates demo users.
// Then it builds the app if the build is missing or stale and runs it through scripts/server.mjs
// (Next.js in production mode, or development mode with --dev).
import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { EnvError, parseEnv } from "@/lib/env";
import { seedDemo } from "@/prisma/seed";
import { DEMO_USERS } from "@/lib/users/demo";
import { startEmbeddedDb, type EmbeddedDb } from "./embedded-db";
import { applyMigrations } from "./migrations/engine";
import { buildApp, buildIsStale } from "./support/build";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const dev = process.argv.includes("--dev");
const port = Number(process.env.PORT ?? 3000);
const dataDir = path.join(root, ".data");

function embeddedSecret() {
  const file = path.join(dataDir, "nextauth-secret");
  if (!existsSync(file)) {
    mkdirSync(dataDir, { recursive: true });
    writeFileSync(file, randomBytes(48).toString("base64url"), { mode: 0o600 });
  }
  return readFileSync(file, "utf8").trim();
}

async function main() {
  let embedded: EmbeddedDb | undefined;
  if (!process.env.DATABASE_URL) {
    const pgPort = Number(process.env.PGLITE_PORT ?? 54329);
    console.log(`Starting the embedded database (.data/pglite, port ${pgPort})…`);
    try {
      embedded = await startEmbeddedDb({ dataDir: path.join(dataDir, "pglite"), port: pgPort });
    } catch (error) {
      console.error(
        `Could not start the embedded database on port ${pgPort}: ${(error as Error).message}\n` +
          "Is another copy of the app running? Stop it, or set PGLITE_PORT to a free port.",
      );
      process.exit(1);
    }
    process.env.DATABASE_URL = embedded.url;
    process.env.EMBEDDED_DB = "1";
    process.env.NEXTAUTH_SECRET ??= embeddedSecret();
  }
  process.env.APP_URL ??= `http://localhost:${port}`;
  process.env.NEXTAUTH_URL ??= process.env.APP_URL;

  try {
    parseEnv(process.env);
  } catch (error) {
    if (error instanceof EnvError) {
      console.error(error.message);
      process.exit(1);
    }
    throw error;
  }

  const applied = await applyMigrations(process.env.DATABASE_URL!);
  console.log(applied.length ? `Applied migrations: ${applied.join(", ")}` : "Database schema is up to date.");
  if (embedded && (await seedDemo())) console.log("Demo data seeded.");

  if (!dev && buildIsStale(root)) {
    console.log("Building the app (first start or changed sources)…");
    buildApp(root, process.env);
  }

  const next = spawn(process.execPath, [path.join(root, "scripts/server.mjs"), ...(dev ? ["--dev"] : [])], {
    cwd: root,
    env: { ...process.env, PORT: String(port) },
    stdio: ["inherit", "pipe", "inherit"],
  });
  let announced = false;
  next.stdout.on("data", (chunk: Buffer) => {
    process.stdout.write(chunk);
    if (!announced && /Ready|started server/i.test(chunk.toString())) {
      announced = true;
      console.log(`\n  Customer Register is running at ${process.env.APP_URL}`);
      if (embedded) {
        console.log("  Demo logins (embedded database):");
        for (const u of DEMO_USERS) console.log(`    ${u.role.padEnd(10)} ${u.email}  ${u.password}`);
      }
      console.log("");
    }
  });

  const shutdown = async (code: number) => {
    next.kill("SIGTERM");
    await embedded?.stop().catch(() => {});
    process.exit(code);
  };
  process.on("SIGINT", () => void shutdown(0));
  process.on("SIGTERM", () => void shutdown(0));
  next.on("exit", (code) => void shutdown(code ?? 0));
}

await main();
