/**
 * Work a web process starts as soon as it serves rather than on its first request: loads that
 * take seconds (the matching snapshot) or the first render's start-up (docs/decisions/018-render-speed.md).
 * instrumentation.ts says the process serves ({@link markServing}); a module says what to start
 * when it is loaded ({@link whenServing}); whichever comes second starts it. Scripts, tests and
 * the build never mark a process as serving, so nothing starts there.
 *
 * Readiness (`/api/health/ready`) waits for this warm-up ({@link warmedUp}), so a load balancer
 * sends no visitor to a process that would make them pay for it.
 *
 * No imports and state on `globalThis`: instrumentation.ts and the routes are bundled separately
 * but run in one process (as lib/cache/stamps.ts).
 */
interface State {
  serving: boolean;
  waiting: Map<string, () => unknown>;
  /** Warm-up work under way: started jobs and the first render. */
  pending: Set<Promise<unknown>>;
  /** When the process began serving (ms), for the warm-up's limit. */
  since: number;
  /** Once warm, a process stays ready: a module loaded later starts its job without a 503. */
  warm: boolean;
}

/**
 * A warm-up that has not finished by then (a stuck render, a database that answers slowly) no
 * longer keeps the process out of the balancer: its first visitors pay what is left.
 */
export const WARM_UP_LIMIT_MS = 60_000;

const KEY = Symbol.for("tag-portal.serving");

function state(): State {
  const g = globalThis as unknown as Record<symbol, State | undefined>;
  return (g[KEY] ??= { serving: false, waiting: new Map(), pending: new Set(), since: 0, warm: false });
}

/** Runs `work` on the next turn and counts it as warm-up until it settles (success or failure). */
function track(s: State, work: () => unknown): void {
  const done: Promise<unknown> = new Promise((resolve) => setImmediate(resolve))
    .then(work)
    .catch(() => {})
    .then(() => s.pending.delete(done));
  s.pending.add(done);
}

/**
 * Runs `start` once this process serves (at once when it already does); `name` keeps one per job.
 * A promise it returns is part of the warm-up: readiness waits until it settles.
 */
export function whenServing(name: string, start: () => unknown): void {
  const s = state();
  if (s.serving) track(s, start);
  else s.waiting.set(name, start);
}

/**
 * What the process requests from itself as it starts, one after the other, without a session:
 * - the board: the page runtime, the database client and the matching snapshot's module (which
 *   asks to be started) load before the first visitor;
 * - `/toc`: a visitor is sent to sign in, but the route's modules load, among them the dashboards'
 *   (lib/dashboards/queries.ts), which asks to compute the every-TAG figures the page keeps, so the
 *   first TOC member does not pay them.
 */
export const WARM_UP_PATHS = ["/help-wanted", "/toc"] as const;

/**
 * From instrumentation.ts: this process serves. Starts what modules loaded so far asked for, and
 * requests {@link WARM_UP_PATHS} once from `origin` (the process's own address), so that what they
 * load, and the work their modules ask for, comes before the first visitor.
 */
export function markServing(origin: string | null): void {
  const s = state();
  if (s.serving) return;
  s.serving = true;
  s.since = Date.now();
  for (const start of s.waiting.values()) track(s, start);
  s.waiting.clear();
  if (origin) {
    track(s, async () => {
      await new Promise((resolve) => setTimeout(resolve, 100));
      for (const path of WARM_UP_PATHS) {
        // A failed render does not keep the next path from loading its modules.
        await fetch(new URL(path, origin), {
          headers: { "user-agent": "tag-portal-warm-up" },
          redirect: "manual",
          signal: AbortSignal.timeout(WARM_UP_LIMIT_MS),
        })
          .then((r) => r.arrayBuffer())
          .catch(() => {});
      }
    });
  }
}

/**
 * Whether this process has warmed up: every job started so far and the first render have settled,
 * or {@link WARM_UP_LIMIT_MS} has passed. A process that does not serve (tests, scripts) has
 * nothing to wait for.
 */
export function warmedUp(): boolean {
  const s = state();
  if (s.warm || !s.serving) return true;
  s.warm = s.pending.size === 0 || Date.now() - s.since >= WARM_UP_LIMIT_MS;
  return s.warm;
}
