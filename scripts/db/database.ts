/**
 * Where the portal's database is: `DATABASE_URL` when set (any real server), otherwise the
 * embedded cluster in `.data/`. Also the one way to migrate and verify a database.
 */
import pg from "pg";
import { ensureDatabase, startEmbeddedPostgres, type EmbeddedCluster } from "./embedded-postgres.ts";
import { deployMigrations, migrationStatus } from "./schema-engine.ts";

export const EMBEDDED_DB = "tag_portal";
export const EMBEDDED_PORT = Number(process.env.DEV_PG_PORT ?? 54320);

export interface Database {
  url: string;
  cluster: EmbeddedCluster | null;
}

export interface OpenOptions {
  /** Embedded cluster name (`main` for demo and dev, `e2e` for end-to-end tests). */
  cluster?: string;
  port?: number;
  database?: string;
  /** Drop and recreate the database first (tests only; refused for non-local servers). */
  fresh?: boolean;
}

/**
 * A server tests and tools may empty: a local DATABASE_URL server, else the embedded cluster
 * `name` (started on `port`). Returns the URL of its `postgres` database, for creating others.
 */
export async function openLocalServer(
  name: string,
  port: number,
  fast?: boolean,
): Promise<{ adminUrl: string; cluster: EmbeddedCluster | null }> {
  if (process.env.DATABASE_URL) {
    assertLocalDatabase(process.env.DATABASE_URL);
    const u = new URL(process.env.DATABASE_URL);
    u.pathname = "/postgres";
    return { adminUrl: u.toString(), cluster: null };
  }
  const cluster = await startEmbeddedPostgres({ name, port, fast });
  return { adminUrl: cluster.url("postgres"), cluster };
}

/** Opens the configured database, starting the embedded cluster when DATABASE_URL is unset. */
export async function openDatabase(opts: OpenOptions = {}): Promise<Database> {
  const name = opts.database ?? EMBEDDED_DB;
  if (process.env.DATABASE_URL && !opts.fresh) return { url: process.env.DATABASE_URL, cluster: null };
  const { adminUrl, cluster } = await openLocalServer(opts.cluster ?? "main", opts.port ?? EMBEDDED_PORT, opts.fresh);
  if (opts.fresh) await withClient(adminUrl, (c) => c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`));
  await ensureDatabase(adminUrl, name);
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return { url: url.toString(), cluster };
}

/**
 * Applies committed migrations, then checks what `prisma migrate status` would: nothing pending,
 * failed or edited, and no drift between the database and schema.prisma. The engine can fail
 * without applying anything, so the check is not optional.
 */
export async function migrateAndVerify(url: string): Promise<string[]> {
  const applied = await deployMigrations(url);
  const status = await migrationStatus(url);
  const problems = [
    status.pending.length ? `pending: ${status.pending.join(", ")}` : "",
    status.failed.length ? `failed: ${status.failed.join(", ")}` : "",
    status.edited.length ? `edited after being applied: ${status.edited.join(", ")}` : "",
    status.drift ? `the database differs from schema.prisma:\n${status.drift}` : "",
  ].filter(Boolean);
  if (problems.length)
    throw new Error(`Migrations did not apply cleanly (${url.replace(/:[^:@/]*@/, ":***@")}):\n${problems.join("\n")}`);
  return applied;
}

export function isLocalDatabase(url: string): boolean {
  return ["localhost", "127.0.0.1", "[::1]", "::1"].includes(new URL(url).hostname);
}

/** Tests and destructive scripts run only against a database on this machine. */
export function assertLocalDatabase(url: string): void {
  const host = new URL(url).hostname;
  if (!isLocalDatabase(url)) {
    throw new Error(
      `Refusing to run tests against a non-local database (${host}). Unset DATABASE_URL or point it at localhost.`,
    );
  }
}

export async function withClient<T>(url: string, fn: (c: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}
