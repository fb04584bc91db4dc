/**
 * Prisma's schema engine, run from the WebAssembly build that Prisma publishes on npm
 * (`@prisma/schema-engine-wasm`) over the `pg` driver adapter. Prisma 7's CLI wants a native
 * engine downloaded from Prisma's own server; this module needs only the npm registry, so
 * migrations apply and are created on air-gapped machines too. See docs/decisions/004.
 *
 * The engine records applied migrations in `_prisma_migrations` exactly as `prisma migrate deploy`
 * does, so a real deployment may switch to Prisma's CLI at any time.
 */
import fs from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { createRequire } from "node:module";
import { randomUUID } from "node:crypto";
import pg from "pg";
import { PrismaPg } from "@prisma/adapter-pg";
import { bindMigrationAwareSqlAdapterFactory } from "@prisma/driver-adapter-utils";
import type * as Wasm from "@prisma/schema-engine-wasm";

export const root = path.resolve(import.meta.dirname, "../..");
export const schemaPath = path.join(root, "prisma/schema.prisma");
export const migrationsDir = path.join(root, "prisma/migrations");

const noFilter: Wasm.SchemaFilter = { externalTables: [], externalEnums: [] };

/** The engine reports a Rust panic's message here before it aborts the call. */
let lastPanic: string | null = null;
(globalThis as { PRISMA_WASM_PANIC_REGISTRY?: unknown }).PRISMA_WASM_PANIC_REGISTRY = {
  set_message(message: string) {
    lastPanic = message;
  },
};

/** Runs an engine call; a panic becomes an ordinary Error that carries the engine's message. */
async function call<T>(what: string, fn: () => Promise<T>): Promise<T> {
  lastPanic = null;
  try {
    return await fn();
  } catch (e) {
    const detail = lastPanic ?? (e instanceof Error ? e.message : String(e));
    throw new Error(`schema engine ${what} failed: ${detail}`, { cause: e });
  }
}

let loaded: Promise<typeof Wasm.SchemaEngine> | undefined;

/** Instantiates the module once: wasm-bindgen's glue caches views of one instance's memory. */
function loadWasmEngine(): Promise<typeof Wasm.SchemaEngine> {
  loaded ??= instantiateWasmEngine();
  return loaded;
}

async function instantiateWasmEngine(): Promise<typeof Wasm.SchemaEngine> {
  const dir = path.dirname(createRequire(import.meta.url).resolve("@prisma/schema-engine-wasm"));
  const bg = (await import(pathToFileURL(path.join(dir, "schema_engine_bg.js")).href)) as typeof Wasm & {
    __wbg_set_wasm: (exports: WebAssembly.Exports) => void;
  };
  const bytes = fs.readFileSync(path.join(dir, "schema_engine_bg.wasm"));
  const { instance } = await WebAssembly.instantiate(bytes, {
    "./schema_engine_bg.js": bg as unknown as WebAssembly.ModuleImports,
  });
  bg.__wbg_set_wasm(instance.exports);
  (instance.exports.__wbindgen_start as () => void)();
  return bg.SchemaEngine;
}

function withDatabase(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}

const PG_CHAR = 18;
const PG_BPCHAR = 1042;

/**
 * The engine introspects catalog columns of Postgres' one-byte `"char"` type, which adapter-pg
 * refuses (UnsupportedNativeDataType). Reported as `bpchar` they reach the engine as text, which
 * it reads fine; the values are already strings.
 */
class CharAsTextClient extends pg.Client {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- pg's query() has many overloads
  override query(...args: any[]): any {
    const fix = (r: pg.QueryResult | undefined) => {
      for (const f of r?.fields ?? []) if (f.dataTypeID === PG_CHAR) f.dataTypeID = PG_BPCHAR;
      return r;
    };
    const last = args[args.length - 1];
    if (typeof last === "function") {
      args[args.length - 1] = (err: Error | null, r: pg.QueryResult) => last(err, fix(r));
      return (super.query as (...a: unknown[]) => unknown)(...args);
    }
    const out = (super.query as (...a: unknown[]) => unknown)(...args);
    return out instanceof Promise ? out.then(fix) : out;
  }
}

function charAwarePool(url: string, pools: pg.Pool[]): pg.Pool {
  const pool = new pg.Pool({ connectionString: url, Client: CharAsTextClient, max: 4 });
  pool.on("error", () => {}); // idle clients cut by a server shutdown; the next query reports it
  pools.push(pool);
  return pool;
}

/**
 * The adapter the engine talks through. No call we make needs a shadow database (see
 * createMigration), so the engine is given none.
 */
function adapterFactory(url: string, pools: pg.Pool[]) {
  const pool = charAwarePool(url, pools);
  const main = new PrismaPg(pool);
  return bindMigrationAwareSqlAdapterFactory({
    adapterName: main.adapterName,
    provider: main.provider,
    async connect() {
      const adapter = await main.connect();
      // adapter-pg splits scripts on every ";", which breaks dollar-quoted function bodies and
      // string literals. PostgreSQL runs a multi-statement script itself, atomically.
      const queryable = adapter as unknown as { onError(e: unknown): never };
      adapter.executeScript = async (script: string) => {
        try {
          await pool.query(script);
        } catch (e) {
          queryable.onError(e);
        }
      };
      return adapter;
    },
    connectToShadowDb: () =>
      Promise.reject(new Error("TAG Portal's migration scripts use no engine-managed shadow database")),
  });
}

export function readSchema(): Wasm.SchemasContainer {
  return { files: [{ path: schemaPath, content: fs.readFileSync(schemaPath, "utf8") }] };
}

export function readMigrations(): Wasm.MigrationList {
  const dirs = fs.existsSync(migrationsDir)
    ? fs
        .readdirSync(migrationsDir, { withFileTypes: true })
        .filter((d) => d.isDirectory())
        .map((d) => d.name)
        .sort()
    : [];
  const lockPath = path.join(migrationsDir, "migration_lock.toml");
  return {
    baseDir: migrationsDir,
    lockfile: {
      path: "migration_lock.toml",
      content: fs.existsSync(lockPath) ? fs.readFileSync(lockPath, "utf8") : null,
    },
    shadowDbInitScript: "",
    migrationDirectories: dirs.map((name) => {
      const file = path.join(migrationsDir, name, "migration.sql");
      return {
        path: name,
        migrationFile: {
          path: "migration.sql",
          content: fs.existsSync(file)
            ? { tag: "ok" as const, value: fs.readFileSync(file, "utf8") }
            : { tag: "error" as const, value: `${file} is missing` },
        },
      };
    }),
  };
}

export interface Engine {
  engine: Wasm.SchemaEngine;
  close: () => Promise<void>;
}

/** Opens the engine on the database at `url`. Panics inside the engine surface as thrown errors. */
export async function openEngine(url: string): Promise<Engine> {
  const SchemaEngine = await loadWasmEngine();
  const schema = readSchema();
  const pools: pg.Pool[] = [];
  const engine = await call("start", () =>
    SchemaEngine.new(
      { datamodels: schema.files.map((f) => [f.path, f.content]) },
      () => {},
      adapterFactory(url, pools),
    ),
  );
  return {
    engine,
    close: async () => {
      engine.free();
      await Promise.all(pools.map((p) => p.end()));
    },
  };
}

export interface MigrationStatus {
  applied: string[];
  pending: string[];
  failed: string[];
  edited: string[];
  /** SQL that would bring the database to the schema; empty when they agree. */
  drift: string;
}

/** Applies committed migrations that the database lacks. */
export async function deployMigrations(url: string): Promise<string[]> {
  const { engine, close } = await openEngine(url);
  try {
    const out = await call("applyMigrations", () =>
      engine.applyMigrations({ migrationsList: readMigrations(), filters: noFilter }),
    );
    return out.appliedMigrationNames;
  } finally {
    await close();
  }
}

/**
 * What `migrate status` reports, plus drift: the difference between the live database and
 * `schema.prisma`. After a deploy everything must be applied and the drift empty.
 */
export async function migrationStatus(url: string): Promise<MigrationStatus> {
  const list = readMigrations();
  const { engine, close } = await openEngine(url);
  try {
    const d = await call("diagnoseMigrationHistory", () =>
      engine.diagnoseMigrationHistory({ migrationsList: list, optInToShadowDatabase: false, filters: noFilter }),
    );
    const all = list.migrationDirectories.map((m) => m.path);
    let pending: string[] = [];
    if (d.history?.diagnostic === "databaseIsBehind") pending = d.history.unappliedMigrationNames;
    if (d.history?.diagnostic === "historiesDiverge") pending = d.history.unappliedMigrationNames;
    if (!d.hasMigrationsTable) pending = all;
    const diff = await diffDatabaseToSchema(engine);
    return {
      applied: all.filter((m) => !pending.includes(m)),
      pending,
      failed: d.failedMigrationNames,
      edited: d.editedMigrationNames,
      drift: diff,
    };
  } finally {
    await close();
  }
}

/** SQL that turns the engine's database into what schema.prisma describes ("" when equal). */
async function diffDatabaseToSchema(engine: Wasm.SchemaEngine): Promise<string> {
  const schema = readSchema();
  const diff = await call("diff", () =>
    engine.diff({
      from: { tag: "schemaDatasource", files: schema.files, configDir: root },
      to: { tag: "schemaDatamodel", files: schema.files },
      script: true,
      exitCode: null,
      filters: noFilter,
    }),
  );
  return (diff.stdout ?? "").replace(/^-- This is an empty migration\.\s*$/m, "").trim();
}

/**
 * Writes `prisma/migrations/<timestamp>_<name>/migration.sql` for what schema.prisma adds to the
 * committed migrations. The Wasm engine's own `createMigration` cannot reach a shadow database
 * ("must be provided through an external factory"), so we replay the migrations into a scratch
 * database on the same server and diff that against the schema.
 */
export async function createMigration(url: string, name: string): Promise<string | null> {
  if (!/^[a-z0-9_]+$/.test(name)) throw new Error("migration name: use lowercase letters, digits and _");
  const scratch = `tag_portal_shadow_${randomUUID().replaceAll("-", "")}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`CREATE DATABASE "${scratch}"`);
  try {
    const scratchUrl = withDatabase(url, scratch);
    await deployMigrations(scratchUrl);
    const { engine, close } = await openEngine(scratchUrl);
    let sql: string;
    try {
      sql = await diffDatabaseToSchema(engine);
    } finally {
      await close();
    }
    if (!sql) return null;
    const stamp = new Date().toISOString().replace(/\D/g, "").slice(0, 14);
    const dirName = `${stamp}_${name}`;
    fs.mkdirSync(path.join(migrationsDir, dirName), { recursive: true });
    fs.writeFileSync(path.join(migrationsDir, dirName, "migration.sql"), `${sql}\n`);
    return dirName;
  } finally {
    await admin.query(`DROP DATABASE IF EXISTS "${scratch}" WITH (FORCE)`);
    await admin.end();
  }
}
