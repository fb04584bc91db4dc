/**
 * Starting and watching the portal's processes from tests, drills and benchmarks: as an
 * unprivileged user where this machine allows it, with their output kept line by line.
 */
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import http from "node:http";
import pg from "pg";

export const NOBODY = { uid: 65534, gid: 65534 };

/** argv that runs `argv` as nobody when we are root and setpriv exists; otherwise as ourselves. */
export function unprivileged(argv: string[]): { argv: string[]; user: string } {
  const isRoot = process.getuid?.() === 0;
  if (isRoot && spawnSync("sh", ["-c", "command -v setpriv"]).status === 0) {
    return {
      argv: ["setpriv", `--reuid=${NOBODY.uid}`, `--regid=${NOBODY.gid}`, "--clear-groups", "--", ...argv],
      user: "nobody",
    };
  }
  return { argv, user: isRoot ? "root (setpriv missing)" : (process.env.USER ?? "current user") };
}

export interface Running {
  name: string;
  proc: ChildProcess;
  /** Every line written to stdout and stderr so far. */
  lines: string[];
  exited: Promise<number | null>;
  /** Sends `signal` and waits for the exit (SIGKILL after `graceMs`). */
  stop: (signal?: NodeJS.Signals, graceMs?: number) => Promise<number | null>;
}

export function startProcess(
  name: string,
  argv: string[],
  opts: { env: NodeJS.ProcessEnv; cwd?: string; echo?: boolean },
): Running {
  const proc = spawn(argv[0]!, argv.slice(1), { cwd: opts.cwd, env: opts.env, stdio: ["ignore", "pipe", "pipe"] });
  const lines: string[] = [];
  const take = (stream: NodeJS.ReadableStream | null) => {
    let rest = "";
    stream?.on("data", (d: Buffer) => {
      const parts = (rest + d.toString()).split("\n");
      rest = parts.pop() ?? "";
      for (const l of parts) {
        lines.push(l);
        if (opts.echo) process.stdout.write(`[${name}] ${l}\n`);
      }
    });
    stream?.on("end", () => rest && lines.push(rest));
  };
  take(proc.stdout);
  take(proc.stderr);
  const exited = new Promise<number | null>((resolve) =>
    proc.once("exit", (code, signal) => resolve(code ?? (signal ? 128 : null))),
  );
  const stop = async (signal: NodeJS.Signals = "SIGTERM", graceMs = 30_000) => {
    if (proc.exitCode === null && proc.signalCode === null) proc.kill(signal);
    const timer = setTimeout(() => proc.kill("SIGKILL"), graceMs);
    const code = await exited;
    clearTimeout(timer);
    return code;
  };
  return { name, proc, lines, exited, stop };
}

/** Waits until `url` answers with a status below 500 (or `want`); throws after `timeoutMs`. */
export async function waitForHttp(url: string, timeoutMs = 60_000, want?: number, proc?: Running): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      const r = await fetch(url, { signal: AbortSignal.timeout(5000) });
      if (want ? r.status === want : r.status < 500) return;
    } catch {
      /* not up yet */
    }
    if (proc && proc.proc.exitCode !== null)
      throw new Error(`${proc.name} exited (${proc.proc.exitCode}):\n${proc.lines.slice(-30).join("\n")}`);
    if (Date.now() > deadline) throw new Error(`${url} did not answer within ${timeoutMs / 1000} s`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

/** Drops and creates database `name` on the server of `adminUrl`; returns its URL. */
export async function freshDatabase(adminUrl: string, name: string): Promise<string> {
  const c = new pg.Client({ connectionString: adminUrl });
  await c.connect();
  try {
    await c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    await c.query(`CREATE DATABASE "${name}"`);
  } finally {
    await c.end();
  }
  const u = new URL(adminUrl);
  u.pathname = `/${name}`;
  return u.toString();
}

/** The JSON log records among a process's lines (anything else is ignored). */
export function jsonLines(lines: string[]): Record<string, unknown>[] {
  const out: Record<string, unknown>[] = [];
  for (const l of lines) {
    if (!l.startsWith("{")) continue;
    try {
      out.push(JSON.parse(l) as Record<string, unknown>);
    } catch {
      /* a partial line */
    }
  }
  return out;
}

export interface ReceivedSpan {
  service: string;
  name: string;
  traceId: string;
  attributes: Record<string, unknown>;
}

/** A minimal OTLP/HTTP (JSON) trace receiver on loopback: what a collector would be sent. */
export async function startOtlpCollector(
  port = 0,
): Promise<{ server: http.Server; url: string; spans: ReceivedSpan[] }> {
  type Attr = { key: string; value: Record<string, unknown> };
  const flat = (attrs: Attr[] = []) => Object.fromEntries(attrs.map((a) => [a.key, Object.values(a.value)[0]]));
  const spans: ReceivedSpan[] = [];
  const server = http.createServer((req, res) => {
    let body = "";
    req.on("data", (d: Buffer) => (body += d.toString()));
    req.on("end", () => {
      const parsed = JSON.parse(body || "{}") as {
        resourceSpans?: {
          resource?: { attributes?: Attr[] };
          scopeSpans?: { spans?: { name: string; traceId: string; attributes?: Attr[] }[] }[];
        }[];
      };
      for (const rs of parsed.resourceSpans ?? []) {
        const service = String(flat(rs.resource?.attributes)["service.name"] ?? "");
        for (const ss of rs.scopeSpans ?? [])
          for (const s of ss.spans ?? [])
            spans.push({ service, name: s.name, traceId: s.traceId, attributes: flat(s.attributes) });
      }
      res.writeHead(200, { "content-type": "application/json" }).end("{}");
    });
  });
  await new Promise<void>((resolve) => server.listen(port, "127.0.0.1", resolve));
  const { port: bound } = server.address() as { port: number };
  return { server, url: `http://127.0.0.1:${bound}`, spans };
}

/** Whether a span is a PostgreSQL query span (either generation of the semantic conventions). */
export const isDbSpan = (s: ReceivedSpan) =>
  s.attributes["db.system"] === "postgresql" || s.attributes["db.system.name"] === "postgresql";
