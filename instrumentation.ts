/**
 * Runs once when the server starts: refuse to start with a configuration that would let the
 * demo's stand-ins into production (README, "Demo mode"); in a demo, tell requests made from
 * this machine from the others, for the clock and the outbox.
 */
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { assertSafeProductionConfig, env } = await import("@/lib/env");
  assertSafeProductionConfig();
  if (env().DEMO) (await import("@/lib/http/local-request")).markLocalRequests();
}
