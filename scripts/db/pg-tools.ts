/**
 * PostgreSQL's own client programs (pg_dump, pg_restore) for backups. The embedded PostgreSQL
 * package ships none, so they come from Debian's postgresql-client-15 (`.ci/run` installs it
 * when it runs as root).
 */
import { spawnSync } from "node:child_process";
import fs from "node:fs";

const INSTALL_HINT =
  "Install Debian's PostgreSQL 15 client: `apt-get install postgresql-client-15` (the embedded database ships no pg_dump).";

/** The path of `tool`: on PATH, or in Debian's versioned folder. Throws with the install hint when missing. */
export function pgTool(tool: "pg_dump" | "pg_restore"): string {
  for (const dir of ["/usr/lib/postgresql/15/bin", "/usr/lib/postgresql/16/bin", "/usr/lib/postgresql/17/bin"]) {
    if (fs.existsSync(`${dir}/${tool}`)) return `${dir}/${tool}`;
  }
  const r = spawnSync("sh", ["-c", `command -v ${tool}`], { encoding: "utf8" });
  if (r.status === 0 && r.stdout.trim()) return r.stdout.trim();
  throw new Error(`${tool} is missing. ${INSTALL_HINT}`);
}

export function hasPgTools(): boolean {
  try {
    pgTool("pg_dump");
    pgTool("pg_restore");
    return true;
  } catch {
    return false;
  }
}

/** The major version of a client program (`pg_dump (PostgreSQL) 15.18` → 15). */
export function toolMajor(path: string): number {
  const out = spawnSync(path, ["--version"], { encoding: "utf8" }).stdout;
  return Number(/\)\s*(\d+)/.exec(out)?.[1] ?? 0);
}

/**
 * Connection settings for the client programs as environment variables, so the password never
 * appears on a command line (where `ps` shows it).
 */
export function pgEnv(url: string): NodeJS.ProcessEnv {
  const u = new URL(url);
  return {
    ...process.env,
    PGHOST: u.hostname.replace(/^\[|\]$/g, ""),
    PGPORT: u.port || "5432",
    PGUSER: decodeURIComponent(u.username),
    PGPASSWORD: decodeURIComponent(u.password),
    PGDATABASE: decodeURIComponent(u.pathname.slice(1)),
    ...(u.searchParams.get("sslmode") ? { PGSSLMODE: u.searchParams.get("sslmode")! } : {}),
  };
}

/** The table-data entries of a custom-format archive (`pg_restore --list`): "schema.table" names. */
export function archiveTables(file: string): string[] {
  const r = spawnSync(pgTool("pg_restore"), ["--list", file], { encoding: "utf8", maxBuffer: 64 * 1024 * 1024 });
  if (r.status !== 0) throw new Error(`${file} is not a readable PostgreSQL archive: ${r.stderr.trim()}`);
  const tables: string[] = [];
  for (const line of r.stdout.split("\n")) {
    // e.g. `3521; 0 16390 TABLE DATA public User postgres`
    const m = /^\d+; \d+ \d+ TABLE DATA (\S+) (\S+) /.exec(line);
    if (m) tables.push(`${m[1]}.${m[2]}`);
  }
  return tables;
}

export function redactUrl(url: string): string {
  return url.replace(/:[^:@/]*@/, ":***@");
}
