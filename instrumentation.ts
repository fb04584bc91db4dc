/**
 * Runs once when the server starts, before any request: refuse a bad configuration with one
 * clear message and a non-zero exit (a demo stand-in in production, an http public URL off
 * loopback, a malformed variable), then structured logs, the request span that carries each
 * request's id (and traces when OTEL_EXPORTER_OTLP_ENDPOINT is set), and the SIGTERM drain
 * (docs/operations.md), the peer address of each request (rate limits), the connection that
 * tells this process's caches about changes made on other replicas. In a demo, tell requests
 * made from this machine from the others, for the clock and the outbox. Say what a configuration that starts keeps closed (no AUTH_SECRET).
 * Then start what must not wait for a first request (lib/cache/serving.ts).
 */
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { envOrExit, assertSafeProductionConfig, startupWarnings } = await import("@/lib/env");
  const e = envOrExit();
  assertSafeProductionConfig();
  // Rate limits key on the socket's address, which Next.js does not pass on (lib/http/peer-address.ts).
  (await import("@/lib/http/peer-address")).recordPeerAddresses();
  if (e.DEMO) (await import("@/lib/http/local-request")).markLocalRequests();
  // Caches on every replica hear of changes made on the others (lib/cache/listener.ts).
  if (e.DATABASE_URL) (await import("@/lib/cache/listener")).startInvalidationListener(e.DATABASE_URL);
  const { routeConsoleToLogger } = await import("@/lib/observability/logger");
  routeConsoleToLogger("web");
  for (const warning of startupWarnings(e)) console.warn(warning);
  for (const warning of (await import("@/lib/github-access/app-config")).appStartupWarnings()) console.warn(warning);
  const { startTracing } = await import("@/lib/observability/tracing");
  await startTracing({ serviceName: e.OTEL_SERVICE_NAME, endpoint: e.OTEL_EXPORTER_OTLP_ENDPOINT });
  const { installWebShutdown } = await import("@/lib/observability/lifecycle");
  installWebShutdown(e.SHUTDOWN_TIMEOUT_SECONDS);
  // Slow first loads start now, and the board renders once before the first visitor (as proxy.ts, from 127.0.0.1).
  const own = e.NODE_ENV === "production" && process.env.PORT ? `http://127.0.0.1:${process.env.PORT}` : null;
  (await import("@/lib/cache/serving")).markServing(own);
}
