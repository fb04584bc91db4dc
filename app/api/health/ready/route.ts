import { readiness } from "@/lib/health/readiness";

export const dynamic = "force-dynamic";

/** Readiness: database reachable, migrations applied as committed, not draining (lib/health/readiness.ts). */
export async function GET() {
  const r = await readiness();
  return Response.json(r, { status: r.status === "ready" ? 200 : 503, headers: { "cache-control": "no-store" } });
}
