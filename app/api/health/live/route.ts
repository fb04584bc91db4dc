import { isDraining, uptimeSeconds } from "@/lib/observability/lifecycle";

export const dynamic = "force-dynamic";

/** Liveness: the process answers. Never touches the database, so a database outage restarts nothing. */
export function GET() {
  return Response.json(
    { status: "live", draining: isDraining(), uptimeSeconds: uptimeSeconds() },
    { headers: { "cache-control": "no-store" } },
  );
}
