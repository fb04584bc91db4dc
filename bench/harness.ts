/**
 * What every benchmark does the same way: read its command-line options, start the built portal
 * (`next start`) and wait until it answers. A benchmark keeps only what it measures.
 */
import { execFileSync, spawn, type ChildProcess } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";

export const root = path.resolve(import.meta.dirname, "..");

/** The value after `--name` on the command line, if given. */
export function flag(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

/** The number after `--name` on the command line, or `fallback`. */
export function numberFlag(name: string, fallback: number): number {
  const v = flag(name);
  return v === undefined ? fallback : Number(v);
}

/**
 * Starts the built portal on `port` in production mode with `env` over this process's environment;
 * it is stopped when this process exits. `nodeArgs` go to node itself (a CPU profile, say).
 */
export function startNext(
  port: number,
  env: Record<string, string | undefined>,
  nodeArgs: string[] = [],
): ChildProcess {
  const next = spawn(
    process.execPath,
    [...nodeArgs, path.join(root, "node_modules/next/dist/bin/next"), "start", "-p", String(port)],
    {
      cwd: root,
      // PORT as the container sets it (Dockerfile): the process then warms itself up (lib/cache/serving.ts).
      env: { ...process.env, NODE_ENV: "production", NEXT_TELEMETRY_DISABLED: "1", PORT: String(port), ...env },
      stdio: ["ignore", "ignore", "inherit"],
    },
  );
  process.on("exit", () => next.kill("SIGTERM"));
  return next;
}

/** Waits until `url` answers 2xx; throws after `timeoutMs`. */
export async function waitUntilUp(url: string, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`${url} did not answer within ${timeoutMs / 1000} s`);
}

/**
 * CPU time (user + system, in ms) used so far by the process `pid` and its descendants, and by
 * every PostgreSQL server process on this machine (null when none is visible: a remote database),
 * read from `/proc` (Linux). Sampled before and after a load, it splits a request's cost between
 * the web process and the database, which `autocannon`'s latencies cannot.
 */
export function cpuSample(pid: number): { web: number; db: number | null; load: number } {
  const tickMs = 1000 / CLOCK_TICKS;
  const stats = new Map<number, { ppid: number; comm: string; ticks: number }>();
  for (const d of readdirSync("/proc")) {
    if (!/^\d+$/.test(d)) continue;
    try {
      const raw = readFileSync(`/proc/${d}/stat`, "utf8");
      const close = raw.lastIndexOf(")");
      const f = raw.slice(close + 2).split(" ");
      stats.set(Number(d), {
        ppid: Number(f[1]),
        comm: raw.slice(raw.indexOf("(") + 1, close),
        // utime + stime, and cutime + cstime: a child's time moves into its parent's when it exits
        // and is reaped (a database connection closed during the load), so the sum keeps it.
        ticks: Number(f[11]) + Number(f[12]) + Number(f[13]) + Number(f[14]),
      });
    } catch {
      // gone since the listing
    }
  }
  const tree = new Set([pid]);
  for (let grew = true; grew;) {
    grew = false;
    for (const [p, s] of stats)
      if (!tree.has(p) && tree.has(s.ppid)) {
        tree.add(p);
        grew = true;
      }
  }
  let web = 0;
  let db: number | null = null;
  for (const [p, s] of stats) {
    if (tree.has(p)) web += s.ticks;
    else if (s.comm === "postgres") db = (db ?? 0) + s.ticks;
  }
  // The benchmark's own process drives the load (autocannon) on the same cores: its share of the
  // budget belongs in the split too.
  const own = process.cpuUsage();
  return { web: web * tickMs, db: db === null ? null : db * tickMs, load: (own.user + own.system) / 1000 };
}
const CLOCK_TICKS = (() => {
  try {
    return Number(execFileSync("getconf", ["CLK_TCK"], { encoding: "utf8" }).trim()) || 100;
  } catch {
    return 100;
  }
})();
