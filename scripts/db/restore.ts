/**
 * `npm run db:restore -- <file> [--force] [--yes-really]`: loads a `db:backup` archive into the
 * database (DATABASE_URL, else the embedded one), in one transaction, then verifies the result the
 * way `db:migrate` does (every migration applied as committed, no drift from schema.prisma).
 * Refuses a database that already has tables unless --force (which empties it first), and any
 * database on another machine unless --yes-really.
 */
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import { isLocalDatabase, openDatabase, withClient } from "./database.ts";
import { archiveTables, pgEnv, pgTool, redactUrl } from "./pg-tools.ts";
import { migrationStatus } from "./schema-engine.ts";

const args = process.argv.slice(2);
const file = args.find((a) => !a.startsWith("--"));
const force = args.includes("--force");
const yesReally = args.includes("--yes-really");
if (!file) {
  console.error("usage: npm run db:restore -- <file> [--force] [--yes-really]");
  process.exit(2);
}

let code = 0;
let db: Awaited<ReturnType<typeof openDatabase>> | undefined;
try {
  if (!fs.existsSync(file)) throw new Error(`${file} does not exist.`);
  const pgRestore = pgTool("pg_restore");
  const tables = archiveTables(file);
  if (!tables.includes("public._prisma_migrations"))
    throw new Error(`${file} is not a TAG Portal backup: it has no public._prisma_migrations data.`);
  if (process.env.DATABASE_URL && !isLocalDatabase(process.env.DATABASE_URL) && !yesReally) {
    throw new Error(
      `Refusing to restore into ${redactUrl(process.env.DATABASE_URL)}, a database on another machine. ` +
        "Check DATABASE_URL, then add --yes-really.",
    );
  }
  db = await openDatabase();
  const url = db.url;
  const existing = await withClient(url, async (c) => {
    const r = await c.query<{ schema: string; n: string }>(
      `SELECT n.nspname AS schema, count(*) AS n FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
       WHERE c.relkind IN ('r', 'p') AND n.nspname NOT IN ('pg_catalog', 'information_schema')
         AND n.nspname NOT LIKE 'pg_toast%' GROUP BY 1`,
    );
    return r.rows;
  });
  if (existing.length && !force) {
    const summary = existing.map((r) => `${r.n} in ${r.schema}`).join(", ");
    throw new Error(
      `Refusing to restore into ${redactUrl(url)}: it is not empty (tables: ${summary}). ` +
        "Restore into a new database, or add --force to empty this one first.",
    );
  }
  if (existing.length) {
    await withClient(url, async (c) => {
      for (const { schema } of existing) await c.query(`DROP SCHEMA "${schema}" CASCADE`);
      await c.query("CREATE SCHEMA IF NOT EXISTS public");
    });
    console.log(`Emptied ${redactUrl(url)} (--force).`);
  }
  const t = Date.now();
  const r = spawnSync(
    pgRestore,
    [
      "--no-owner",
      "--no-privileges",
      "--exit-on-error",
      "--single-transaction",
      `--dbname=${pgEnv(url).PGDATABASE}`,
      file,
    ],
    { env: pgEnv(url), encoding: "utf8" },
  );
  if (r.status !== 0) throw new Error(`pg_restore failed: ${r.stderr.trim()}`);
  const present = await withClient(url, async (c) => {
    const q = await c.query<{ name: string }>(
      `SELECT n.nspname || '.' || c.relname AS name FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
       WHERE c.relkind = 'r'`,
    );
    return new Set(q.rows.map((x) => x.name));
  });
  const missing = tables.filter((name) => !present.has(name));
  if (missing.length) throw new Error(`after the restore these tables are missing: ${missing.join(", ")}`);
  const s = await migrationStatus(url);
  const problems = [
    s.pending.length ? `pending: ${s.pending.join(", ")}` : "",
    s.failed.length ? `failed: ${s.failed.join(", ")}` : "",
    s.edited.length ? `edited: ${s.edited.join(", ")}` : "",
    s.drift ? `drift from schema.prisma:\n${s.drift}` : "",
  ].filter(Boolean);
  console.log(`Restored ${tables.length} tables into ${redactUrl(url)} in ${((Date.now() - t) / 1000).toFixed(1)} s.`);
  if (problems.length) {
    console.log(`The restored database does not match this checkout's migrations (an older or newer backup?):`);
    console.log(problems.join("\n"));
    console.log("Run `npm run db:migrate` if the backup is older than this version.");
    // An older backup lacks the newer migrations (and so differs from the schema): db:migrate completes it.
    code = s.failed.length || s.edited.length || (s.drift && !s.pending.length) ? 1 : 0;
  } else
    console.log("Verified: every table is back, every migration applied as committed, no drift from schema.prisma.");
} catch (e) {
  console.error(e instanceof Error ? e.message : String(e));
  code = 1;
} finally {
  await db?.cluster?.stop();
}
process.exit(code);
