// A PrismaPg driver-adapter factory that is safe to hand to the WebAssembly schema engine.
// It works around five traps of @prisma/adapter-pg 7.10 (see ../shared/STACK.md):
//  1. the shadow pool is built from parsed fields, never from a connection string (a string would
//     override `database` and make the "shadow" database the real one);
//  2. columns of type "char" (OID 18) from catalog queries are reported as text;
//  3. the shadow pool is closed before its database is dropped;
//  4. `?schema=` becomes a search_path in the connection options;
//  5. NOT NULL constraints of newer servers (type 'n') are left out of catalog results.
// It also sends migration scripts in one round trip: the stock executeScript splits on ";",
// which breaks function bodies.
import pg from "pg";
import { parse } from "pg-connection-string";
import { PrismaPg } from "@prisma/adapter-pg";

const CHAR_OID = 18;
const TEXT_OID = 25;

function charAsText(res: pg.QueryResult | undefined) {
  for (const field of res?.fields ?? []) {
    if (field.dataTypeID === CHAR_OID) field.dataTypeID = TEXT_OID;
  }
  return withoutNotNullConstraints(res);
}

/**
 * Newer PostgreSQL (and the embedded PGlite) list NOT NULL as constraints of type 'n', which the
 * engine's schema describer does not know and panics on; nullability comes from the columns anyway.
 */
function withoutNotNullConstraints(res: pg.QueryResult | undefined) {
  const index = res?.fields?.findIndex((f) => f.name === "constraint_type") ?? -1;
  if (!res || index < 0) return res;
  const name = res.fields[index].name;
  res.rows = res.rows.filter((row) => (Array.isArray(row) ? row[index] : row[name]) !== "n");
  res.rowCount = res.rows.length;
  return res;
}

class CharAsTextClient extends pg.Client {
  // pg.Pool calls query with a callback; direct callers get a promise. Patch both paths.
  // biome-ignore lint/suspicious/noExplicitAny: pg.Client's overloads cannot be restated here.
  query(...args: any[]): any {
    const last = args.length - 1;
    if (typeof args[last] === "function") {
      const callback = args[last];
      args[last] = (err: Error | null, res: pg.QueryResult) => callback(err, charAsText(res));
    }
    const result = (super.query as (...a: unknown[]) => unknown)(...args);
    if (result && typeof (result as Promise<unknown>).then === "function") {
      return (result as Promise<pg.QueryResult>).then(charAsText);
    }
    return result;
  }
}

export function connectionConfig(url: string): pg.PoolConfig {
  const parsed = parse(url);
  const schema = new URL(url).searchParams.get("schema");
  return {
    host: parsed.host ?? "127.0.0.1",
    port: parsed.port ? Number(parsed.port) : 5432,
    user: parsed.user ?? "postgres",
    password: parsed.password ?? undefined,
    database: parsed.database ?? "postgres",
    ssl: parsed.ssl ? (parsed.ssl as pg.PoolConfig["ssl"]) : undefined,
    options: schema ? `-c search_path="${schema}"` : undefined,
    max: 2,
  };
}

type Adapter = Awaited<ReturnType<PrismaPg["connect"]>>;

function withWholeScripts(adapter: Adapter): Adapter {
  const driver = adapter.underlyingDriver() as pg.Pool;
  adapter.executeScript = async (script: string) => {
    try {
      await driver.query(script);
    } catch (error) {
      (adapter as unknown as { onError(e: unknown): never }).onError(error);
    }
  };
  return adapter;
}

/**
 * `shadowUrl`: an empty database to use as the shadow one. The embedded server has a single
 * database whatever name a connection asks for, so there a second embedded server is the shadow.
 */
export function migrationAdapterFactory(url: string, shadowUrl?: string) {
  const config: pg.PoolConfig = { ...connectionConfig(url), Client: CharAsTextClient };
  const main = new PrismaPg(config);
  // The engine never closes its connections; a pool left open keeps Prisma's migration advisory
  // lock, and the next run would wait 10 s for it. disposeAll() closes them.
  const opened: Adapter[] = [];
  return {
    provider: main.provider,
    adapterName: main.adapterName,
    async connect() {
      const adapter = withWholeScripts(await main.connect());
      opened.push(adapter);
      return adapter;
    },
    async disposeAll() {
      await Promise.all(opened.splice(0).map((a) => a.dispose().catch(() => {})));
    },
    async connectToShadowDb() {
      if (shadowUrl) {
        // Used for each diff the engine makes: emptied afterwards, like a dropped shadow database.
        const shadow = withWholeScripts(await new PrismaPg({ ...connectionConfig(shadowUrl), Client: CharAsTextClient }).connect());
        const dispose = shadow.dispose.bind(shadow);
        shadow.dispose = async () => {
          await shadow.executeScript(`DROP SCHEMA public CASCADE; CREATE SCHEMA public;`);
          await dispose();
        };
        return shadow;
      }
      const admin = await main.connect();
      const database = `prisma_shadow_${crypto.randomUUID().replaceAll("-", "")}`;
      await admin.executeScript(`CREATE DATABASE "${database}"`);
      const shadowFactory = new PrismaPg({ ...config, database });
      const shadow = withWholeScripts(await shadowFactory.connect());
      const dispose = shadow.dispose.bind(shadow);
      shadow.dispose = async () => {
        await dispose();
        await admin.executeScript(`DROP DATABASE IF EXISTS "${database}"`);
        await admin.dispose();
      };
      return shadow;
    },
  };
}
