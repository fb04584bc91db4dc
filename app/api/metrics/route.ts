import { env } from "@/lib/env";
import { metricsAuthorized, renderMetrics, setQueueDepthSource } from "@/lib/observability/metrics";
import { queueDepth } from "@/lib/jobs/queue-depth";

export const dynamic = "force-dynamic";

/** Prometheus metrics of this web process, for a scraper holding METRICS_TOKEN; 401 otherwise or when unset. */
export async function GET(req: Request) {
  if (!metricsAuthorized(req.headers.get("authorization"), env().METRICS_TOKEN)) {
    return Response.json(
      { error: { code: "UNAUTHENTICATED", message: "Metrics need the bearer token in METRICS_TOKEN." } },
      { status: 401, headers: { "www-authenticate": 'Bearer realm="metrics"' } },
    );
  }
  setQueueDepthSource(queueDepth);
  const { body, contentType } = await renderMetrics();
  return new Response(body, { headers: { "content-type": contentType, "cache-control": "no-store" } });
}
