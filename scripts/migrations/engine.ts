// Drives Prisma's official WebAssembly schema engine through a driver adapter, so migrations can be
// applied and created offline (the CLI would download a native engine). Migrations stay ordinary
// prisma/migrations/*/migration.sql files, compatible with `prisma migrate deploy`.
import { readFile, readdir, stat } from "node:fs/promises";
import { createRequire } from "node:module";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { bindMigrationAwareSqlAdapterFactory } from "@prisma/driver-adapter-utils";
import * as bg from "@prisma/schema-engine-wasm/schema_engine_bg";
import { migrationAdapterFactory } from "./adapter";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
export const SCHEMA_PATH = path.join(root, "prisma/schema.prisma");
export const MIGRATIONS_DIR = path.join(root, "prisma/migrations");

let wasmReady: Promise<void> | undefined;

function loadWasm() {
  wasmReady ??= (async () => {
    // Where the engine reports a Rust panic; without it a panic surfaces as an unrelated TypeError.
    (globalThis as { PRISMA_WASM_PANIC_REGISTRY?: unknown }).PRISMA_WASM_PANIC_REGISTRY ??= {
      set_message: (message: string) => console.error(`Schema engine panic: ${message}`),
    };
    // The .wasm file is not in the package's exports: resolve the JS glue and read its neighbour.
    const glue = createRequire(import.meta.url).resolve("@prisma/schema-engine-wasm/schema_engine_bg");
    const bytes = await readFile(path.join(path.dirname(glue), "schema_engine_bg.wasm"));
    const { instance } = await WebAssembly.instantiate(bytes, { "./schema_engine_bg.js": bg });
    const exports = instance.exports as unknown as Parameters<typeof bg.__wbg_set_wasm>[0] & {
      __wbindgen_start(): void;
    };
    bg.__wbg_set_wasm(exports);
    exports.__wbindgen_start();
  })();
  return wasmReady;
}

export async function migrationsList(dir = MIGRATIONS_DIR) {
  const entries = await readdir(dir).catch(() => [] as string[]);
  const dirs: string[] = [];
  for (const name of entries.sort()) {
    if ((await stat(path.join(dir, name))).isDirectory()) dirs.push(name);
  }
  const lockPath = path.join(dir, "migration_lock.toml");
  const lockContent = await readFile(lockPath, "utf8").catch(() => null);
  return {
    baseDir: dir,
    lockfile: { path: "migration_lock.toml", content: lockContent },
    migrationDirectories: await Promise.all(
      dirs.map(async (name) => ({
        path: name,
        migrationFile: {
          path: "migration.sql",
          content: { tag: "ok" as const, value: await readFile(path.join(dir, name, "migration.sql"), "utf8") },
        },
      })),
    ),
    shadowDbInitScript: "",
  };
}

const filters = { externalTables: [] as string[], externalEnums: [] as string[] };

async function withEngine<T>(url: string, fn: (engine: bg.SchemaEngine, schema: string) => Promise<T>, shadowUrl?: string) {
  await loadWasm();
  const schema = await readFile(SCHEMA_PATH, "utf8");
  const factory = migrationAdapterFactory(url, shadowUrl);
  const adapter = bindMigrationAwareSqlAdapterFactory(factory as never);
  const log = (line: string) => {
    if (process.env.MIGRATE_DEBUG) console.error(line);
  };
  const engine = await bg.SchemaEngine.new({ datamodels: [[SCHEMA_PATH, schema]] }, log, adapter);
  try {
    return await fn(engine, schema);
  } finally {
    engine.free();
    await factory.disposeAll();
  }
}

/** Applies pending migrations; returns the names applied (empty when up to date). */
export async function applyMigrations(url: string, dir = MIGRATIONS_DIR): Promise<string[]> {
  return withEngine(url, async (engine) => {
    const out = await engine.applyMigrations({ migrationsList: await migrationsList(dir), filters });
    return out.appliedMigrationNames;
  });
}

/** Writes a new migration from the schema diff; returns its folder name, or null if nothing changed. */
export async function createMigration(url: string, name: string, shadowUrl?: string): Promise<{ dir: string; sql: string } | null> {
  return withEngine(
    url,
    async (engine, schema) => {
      const list = await migrationsList();
      const diagnostic = await engine.devDiagnostic({ migrationsList: list, filters });
      if (process.env.MIGRATE_DEBUG) console.error("devDiagnostic", JSON.stringify(diagnostic));
      const out = await engine.createMigration({
        draft: false,
        migrationName: name,
        migrationsList: list,
        schema: { files: [{ path: SCHEMA_PATH, content: schema }] },
        filters,
      });
      if (!out.migrationScript || !out.generatedMigrationName) return null;
      return { dir: out.generatedMigrationName, sql: out.migrationScript };
    },
    shadowUrl,
  );
}
