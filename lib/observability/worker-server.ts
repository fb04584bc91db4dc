import http from "node:http";
import { metricsAuthorized, renderMetrics } from "./metrics";

/**
 * The worker's own small HTTP server: `/healthz` for its liveness probe and `/metrics` (the same
 * bearer token as the web's `/api/metrics`) for Prometheus. It serves nothing else.
 */
export function startWorkerServer(opts: { port: number; token?: string; stopping: () => boolean }): http.Server | null {
  if (!opts.port) return null;
  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? "/", "http://worker");
    if (req.method !== "GET") return void res.writeHead(405).end();
    if (url.pathname === "/healthz") {
      res.writeHead(200, { "content-type": "application/json" });
      return void res.end(JSON.stringify({ status: "live", stopping: opts.stopping() }));
    }
    if (url.pathname === "/metrics") {
      if (!metricsAuthorized(req.headers.authorization ?? null, opts.token)) {
        res.writeHead(401, { "content-type": "application/json", "www-authenticate": 'Bearer realm="metrics"' });
        return void res.end(
          JSON.stringify({ error: { code: "UNAUTHENTICATED", message: "Metrics need METRICS_TOKEN." } }),
        );
      }
      void renderMetrics().then(({ body, contentType }) => {
        res.writeHead(200, { "content-type": contentType });
        res.end(body);
      });
      return;
    }
    res.writeHead(404).end();
  });
  server.listen(opts.port);
  return server;
}
