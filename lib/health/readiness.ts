import { createHash } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { warmedUp } from "@/lib/cache/serving";
import { db } from "@/lib/db";
import { markDbUp, noteDbError } from "@/lib/observability/db-health";
import { isDraining } from "@/lib/observability/lifecycle";

/**
 * `GET /api/health/ready`: the database answers, every committed migration is applied exactly as
 * committed (the checksums Prisma records), the process is not draining, and it has warmed up
 * (lib/cache/serving.ts: the matching snapshot and the board's first render). Migrations the
 * database has but this build does not know are fine: during a rolling update the new version's
 * migrations run while old pods still serve (expand then contract, docs/operations.md).
 * The full check with drift (scripts/db/database.ts, migrateAndVerify) runs in the migrate step.
 */
export interface MigrationCheck {
  ok: boolean;
  applied: number;
  pending: string[];
  failed: string[];
  edited: string[];
}

export interface Readiness {
  status: "ready" | "not ready";
  checks: {
    database: { ok: boolean; ms: number; error?: string };
    migrations: MigrationCheck | { ok: false; error: string };
    draining: { ok: boolean };
    warmUp: { ok: boolean };
  };
}

const DB_TIMEOUT_MS = 2000;
let committed: { name: string; checksum: string }[] | undefined;

/** The build's migrations and their SHA-256, as `_prisma_migrations.checksum` records them. */
export function committedMigrations(
  // Not traced by the bundler (it would pull in the whole project): next.config.ts includes prisma/migrations.
  dir = path.join(/*turbopackIgnore: true*/ process.cwd(), "prisma/migrations"),
): { name: string; checksum: string }[] {
  committed ??= fs
    .readdirSync(dir, { withFileTypes: true })
    .filter((d) => d.isDirectory() && fs.existsSync(path.join(dir, d.name, "migration.sql")))
    .map((d) => d.name)
    .sort()
    .map((name) => ({
      name,
      checksum: createHash("sha256")
        .update(fs.readFileSync(path.join(dir, name, "migration.sql")))
        .digest("hex"),
    }));
  return committed;
}

interface Row {
  migration_name: string;
  checksum: string;
  finished_at: Date | null;
  rolled_back_at: Date | null;
}

export async function checkMigrations(): Promise<MigrationCheck> {
  const rows = await db.$queryRaw<Row[]>`
    SELECT migration_name, checksum, finished_at, rolled_back_at FROM _prisma_migrations`;
  const live = rows.filter((r) => r.rolled_back_at === null);
  const pending: string[] = [];
  const failed: string[] = [];
  const edited: string[] = [];
  for (const m of committedMigrations()) {
    const mine = live.filter((r) => r.migration_name === m.name);
    const done = mine.find((r) => r.finished_at !== null);
    if (!done) (mine.length ? failed : pending).push(m.name);
    else if (done.checksum !== m.checksum) edited.push(m.name);
  }
  const ok = !pending.length && !failed.length && !edited.length;
  return { ok, applied: live.filter((r) => r.finished_at).length, pending, failed, edited };
}

function withTimeout<T>(p: Promise<T>, ms: number): Promise<T> {
  return Promise.race([
    p,
    new Promise<T>((_, reject) => setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms).unref()),
  ]);
}

export async function readiness(): Promise<Readiness> {
  const t = Date.now();
  let database: Readiness["checks"]["database"];
  let migrations: Readiness["checks"]["migrations"];
  try {
    await withTimeout(db.$queryRaw`SELECT 1`, DB_TIMEOUT_MS);
    markDbUp();
    database = { ok: true, ms: Date.now() - t };
    try {
      migrations = await withTimeout(checkMigrations(), DB_TIMEOUT_MS);
    } catch (e) {
      migrations = { ok: false, error: e instanceof Error ? e.message.split("\n")[0]! : String(e) };
    }
  } catch (e) {
    // Slow (a cold start, a busy server) is not down: only a failed connection turns pages into 503s.
    const down = noteDbError(e);
    database = { ok: false, ms: Date.now() - t, error: down ? "database unreachable" : "no answer in time" };
    migrations = { ok: false, error: "not checked: database unreachable" };
  }
  const draining = { ok: !isDraining() };
  const warmUp = { ok: warmedUp() };
  const ok = database.ok && migrations.ok && draining.ok && warmUp.ok;
  return { status: ok ? "ready" : "not ready", checks: { database, migrations, draining, warmUp } };
}
