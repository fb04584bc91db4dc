import { logger } from "./logger";

/**
 * The web process's shutdown. On SIGTERM it reports "draining" (the readiness probe fails, so
 * Kubernetes stops sending traffic), Next.js's own handler stops accepting connections and
 * exits once in-flight requests are answered, and this handler ends the process if they are not
 * answered within SHUTDOWN_TIMEOUT_SECONDS (25 s, inside the pod's 35 s grace period).
 */
interface Lifecycle {
  draining: boolean;
  startedAt: number;
  installed: boolean;
}

const g = globalThis as { tagPortalLifecycle?: Lifecycle };

function state(): Lifecycle {
  g.tagPortalLifecycle ??= { draining: false, startedAt: Date.now(), installed: false };
  return g.tagPortalLifecycle;
}

export function isDraining(): boolean {
  return state().draining;
}

export function uptimeSeconds(): number {
  return Math.round((Date.now() - state().startedAt) / 1000);
}

export function installWebShutdown(timeoutSeconds: number): void {
  const s = state();
  if (s.installed) return;
  s.installed = true;
  const onSignal = (signal: NodeJS.Signals) => {
    if (s.draining) return;
    s.draining = true;
    logger().info({ signal, timeoutSeconds }, "draining: finishing in-flight requests");
    setTimeout(() => {
      logger().warn({ timeoutSeconds }, "in-flight requests did not finish in time; exiting");
      process.exit(1);
    }, timeoutSeconds * 1000);
  };
  process.on("SIGTERM", onSignal);
  process.on("SIGINT", onSignal);
}
