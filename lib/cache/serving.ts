/**
 * Work a web process starts as soon as it serves rather than on its first request: loads that
 * take seconds (the matching snapshot) or the first render's start-up (docs/decisions/018-render-speed.md).
 * instrumentation.ts says the process serves ({@link markServing}); a module says what to start
 * when it is loaded ({@link whenServing}); whichever comes second starts it. Scripts, tests and
 * the build never mark a process as serving, so nothing starts there.
 *
 * No imports and state on `globalThis`: instrumentation.ts and the routes are bundled separately
 * but run in one process (as lib/cache/stamps.ts).
 */
interface State {
  serving: boolean;
  waiting: Map<string, () => void>;
}

const KEY = Symbol.for("tag-portal.serving");

function state(): State {
  const g = globalThis as unknown as Record<symbol, State | undefined>;
  return (g[KEY] ??= { serving: false, waiting: new Map() });
}

/** Runs `start` once this process serves (at once when it already does); `name` keeps one per job. */
export function whenServing(name: string, start: () => void): void {
  const s = state();
  if (s.serving) setImmediate(start);
  else s.waiting.set(name, start);
}

/**
 * From instrumentation.ts: this process serves. Starts what modules loaded so far asked for, and
 * renders the board once (`origin`, the process's own address) so that the page runtime, the
 * database client and the modules that ask to be started are loaded before the first visitor.
 */
export function markServing(origin: string | null): void {
  const s = state();
  if (s.serving) return;
  s.serving = true;
  for (const start of s.waiting.values()) setImmediate(start);
  s.waiting.clear();
  if (origin) {
    setTimeout(() => {
      fetch(new URL("/help-wanted", origin), { headers: { "user-agent": "tag-portal-warm-up" } })
        .then((r) => r.arrayBuffer())
        .catch(() => {});
    }, 100).unref();
  }
}
