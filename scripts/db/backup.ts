/**
 * `npm run db:backup -- <file>`: a consistent snapshot of the database (DATABASE_URL, else the
 * embedded one) in PostgreSQL's custom format, written beside <file> and renamed into place only
 * after it was read back: the archive must list the data of every table the database has.
 * Safe while the portal runs: pg_dump reads one snapshot and blocks no writer.
 */
import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import fs from "node:fs";
import { openDatabase, withClient } from "./database.ts";
import { archiveTables, pgEnv, pgTool, redactUrl, toolMajor } from "./pg-tools.ts";

const file = process.argv[2];
if (!file || file.startsWith("-")) {
  console.error("usage: npm run db:backup -- <file>");
  process.exit(2);
}

let code = 0;
let db: Awaited<ReturnType<typeof openDatabase>> | undefined;
try {
  const pgDump = pgTool("pg_dump");
  db = await openDatabase();
  const url = db.url;
  const { serverMajor, tables } = await withClient(url, async (c) => {
    const v = await c.query<{ v: string }>("SHOW server_version_num");
    // Ordinary tables only: a partitioned parent (pg-boss's job table) holds no rows itself.
    const t = await c.query<{ name: string }>(
      `SELECT n.nspname || '.' || c.relname AS name FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
       WHERE c.relkind = 'r' AND n.nspname NOT IN ('pg_catalog', 'information_schema') AND n.nspname NOT LIKE 'pg_toast%'
       ORDER BY 1`,
    );
    return { serverMajor: Math.floor(Number(v.rows[0]!.v) / 10000), tables: t.rows.map((r) => r.name) };
  });
  if (toolMajor(pgDump) < serverMajor)
    throw new Error(
      `${pgDump} is older than the server (PostgreSQL ${serverMajor}): install postgresql-client-${serverMajor}.`,
    );
  const partial = `${file}.partial`;
  const t = Date.now();
  const r = spawnSync(pgDump, ["--format=custom", "--no-owner", "--no-privileges", `--file=${partial}`], {
    env: pgEnv(url),
    encoding: "utf8",
  });
  if (r.status !== 0) throw new Error(`pg_dump failed: ${r.stderr.trim()}`);
  const listed = new Set(archiveTables(partial));
  const missing = tables.filter((name) => !listed.has(name));
  if (missing.length) throw new Error(`the archive lacks the data of: ${missing.join(", ")}`);
  fs.renameSync(partial, file);
  const sha256 = createHash("sha256").update(fs.readFileSync(file)).digest("hex");
  const size = fs.statSync(file).size;
  console.log(
    `Backed up ${redactUrl(url)} to ${file}: ${tables.length} tables, ${(size / 1024 / 1024).toFixed(1)} MiB in ${((Date.now() - t) / 1000).toFixed(1)} s.`,
  );
  console.log(`Verified: the archive reads back and holds the data of every table. SHA-256 ${sha256}`);
} catch (e) {
  console.error(e instanceof Error ? e.message : String(e));
  fs.rmSync(`${file}.partial`, { force: true });
  code = 1;
} finally {
  await db?.cluster?.stop();
}
process.exit(code);
