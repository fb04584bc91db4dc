/**
 * Runs once when the server starts, before any request: refuse a bad configuration with one
 * clear message and a non-zero exit (a demo stand-in in production, a malformed variable), then
 * structured logs, the request span that carries each request's id (and traces when
 * OTEL_EXPORTER_OTLP_ENDPOINT is set), and the SIGTERM drain. docs/operations.md.
 */
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { envOrExit } = await import("@/lib/env");
  const e = envOrExit();
  const { routeConsoleToLogger } = await import("@/lib/observability/logger");
  routeConsoleToLogger("web");
  const { startTracing } = await import("@/lib/observability/tracing");
  await startTracing({ serviceName: e.OTEL_SERVICE_NAME, endpoint: e.OTEL_EXPORTER_OTLP_ENDPOINT });
  const { installWebShutdown } = await import("@/lib/observability/lifecycle");
  installWebShutdown(e.SHUTDOWN_TIMEOUT_SECONDS);
}
