import { readiness } from "@/lib/observability/health";

export const dynamic = "force-dynamic";

/** Readiness: database reachable, migrations applied as committed, not draining (lib/observability/health.ts). */
export async function GET() {
  const r = await readiness();
  return Response.json(r, { status: r.status === "ready" ? 200 : 503, headers: { "cache-control": "no-store" } });
}
