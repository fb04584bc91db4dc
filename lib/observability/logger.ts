import pino, { type Logger } from "pino";
import { format } from "node:util";
import { isSpanContextValid, trace } from "@opentelemetry/api";
import { env } from "@/lib/env";
import { scrub, scrubString } from "./redact";

/**
 * The one structured logger: JSON lines on stdout with a level, a time, and the request id (the
 * trace id of the request's span, so a line leads to its trace) on every line written while a
 * request is handled. Every record passes through `scrub` (lib/observability/redact.ts).
 * Kept on globalThis: Next.js bundles this module into several chunks of one process.
 */
const g = globalThis as { tagPortalLogger?: Logger };

function configuredLevel(): string {
  try {
    return env().LOG_LEVEL;
  } catch {
    return "info"; // start-up reports the bad configuration itself (envOrExit)
  }
}

/** The request id of the code running now: the active trace's id, when a request is being handled. */
export function currentRequestId(): string | undefined {
  const ctx = trace.getActiveSpan()?.spanContext();
  return ctx && isSpanContextValid(ctx) ? ctx.traceId : undefined;
}

function create(): Logger {
  return pino({
    level: configuredLevel(),
    base: { pid: process.pid },
    timestamp: pino.stdTimeFunctions.isoTime,
    formatters: {
      level: (label) => ({ level: label }),
      log: (obj) => scrub(obj) as Record<string, unknown>,
    },
    serializers: { err: (e: unknown) => scrub(e) },
    hooks: {
      logMethod(args, method) {
        method.apply(this, args.map((a) => (typeof a === "string" ? scrubString(a) : a)) as Parameters<typeof method>);
      },
    },
    mixin() {
      const reqId = currentRequestId();
      return reqId ? { reqId } : {};
    },
  });
}

export function logger(): Logger {
  g.tagPortalLogger ??= create();
  return g.tagPortalLogger;
}

/** For tests that change LOG_LEVEL. */
export function resetLoggerForTests(): void {
  g.tagPortalLogger = undefined;
}

const consoleLevels = { log: "info", info: "info", warn: "warn", error: "error", debug: "debug" } as const;

/**
 * Sends console output (ours and the framework's) through the logger, so every line a process
 * writes after start-up is one scrubbed JSON record. Installed once per process by its entry point.
 */
export function routeConsoleToLogger(component: string): void {
  const marker = globalThis as { tagPortalConsoleRouted?: boolean };
  if (marker.tagPortalConsoleRouted) return;
  marker.tagPortalConsoleRouted = true;
  const log = logger().child({ component });
  for (const [method, level] of Object.entries(consoleLevels)) {
    (console as unknown as Record<string, (...a: unknown[]) => void>)[method] = (...args: unknown[]) => {
      const err = args.find((a): a is Error => a instanceof Error);
      const rest = args.filter((a) => a !== err);
      const msg = format(...rest);
      if (err) log[level]({ err }, msg || err.message);
      else log[level](msg);
    };
  }
}
