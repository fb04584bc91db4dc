/**
 * Runs once when the server starts: refuse to start with a configuration that would let the
 * demo's stand-ins into production (README, "Demo mode").
 */
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { assertSafeProductionConfig, env } = await import("@/lib/env");
  env();
  assertSafeProductionConfig();
}
