/**
 * `npm run bench:board-page`: the anonymous `/help-wanted` page of the production build (a search
 * and two filters) under 32 concurrent clients, against a bare Node server sending the same bytes
 * from memory, and the same page rendered for every request (a cookie named like a session, but
 * no session, bypasses the anonymous page cache: the render is a visitor's). The signed-in board,
 * with a real session, is `npm run bench:pages`. Prints requests/s, latency percentiles, errors and the ratio to the bare
 * server (issue 4 goal: at least 8 % of bare, p97.5 under 100 ms, no errors).
 *
 * Needs `npm run build` and, for realistic figures, `npm run bench:data` (100,000 items) first.
 * Options: `--duration S` (default 10), `--connections N` (default 32).
 */
import http from "node:http";
import autocannon from "autocannon";
import { benchDatabaseUrl } from "./generate-board-data.ts";
import { numberFlag, startNext, waitUntilUp } from "./harness.ts";
import { demoEnv } from "../scripts/portal.ts";

const DURATION = numberFlag("duration", 10);
const CONNECTIONS = numberFlag("connections", 32);
const PORT = numberFlag("port", 3300);
const BARE_PORT = PORT + 1;
const PAGE = "/help-wanted?q=security&tag=security-and-compliance&kind=review";

const databaseUrl = await benchDatabaseUrl();
const env = { ...demoEnv({ port: PORT, standInPort: PORT + 2, build: false }, databaseUrl), PORT: String(PORT) };
const next = startNext(PORT, env);
await waitUntilUp(`http://127.0.0.1:${PORT}${PAGE}`);
const sample = await fetch(`http://127.0.0.1:${PORT}${PAGE}`);
const bytes = Buffer.from(await sample.arrayBuffer());
const contentType = sample.headers.get("content-type") ?? "text/html";
const shown = /Showing (\d+) items?|No items/.exec(bytes.toString("utf8"))?.[0] ?? "?";
const bare = http.createServer((_req, res) => {
  res.writeHead(200, { "content-type": contentType, "content-length": bytes.length });
  res.end(bytes);
});
await new Promise<void>((resolve) => bare.listen(BARE_PORT, "127.0.0.1", resolve));

interface Figures {
  name: string;
  rps: number;
  p50: number;
  p97_5: number;
  p99: number;
  errors: number;
  non2xx: number;
}

async function load(name: string, url: string, headers: Record<string, string> = {}): Promise<Figures> {
  // Warm up (fills caches, JIT) before measuring.
  await autocannon({ url, connections: CONNECTIONS, duration: 2, headers });
  const r = await autocannon({ url, connections: CONNECTIONS, duration: DURATION, headers });
  return {
    name,
    rps: r.requests.average,
    p50: r.latency.p50,
    p97_5: r.latency.p97_5,
    p99: r.latency.p99,
    errors: r.errors + r.timeouts,
    non2xx: r.non2xx,
  };
}

const results: Figures[] = [];
results.push(await load("bare Node server, same bytes", `http://127.0.0.1:${BARE_PORT}/`));
results.push(await load("board page, anonymous (page cache)", `http://127.0.0.1:${PORT}${PAGE}`));
results.push(
  await load("board page, anonymous, rendered per request (no page cache)", `http://127.0.0.1:${PORT}${PAGE}`, {
    cookie: "next-auth.session-token=bench-not-a-session",
  }),
);

const bareRps = results[0]?.rps ?? 1;
console.log(
  `${PAGE} (${bytes.length.toLocaleString("en-US")} bytes, "${shown}"), ${CONNECTIONS} connections, ${DURATION} s each, Node ${process.version}`,
);
console.log("| server | req/s | % of bare | p50 | p97.5 | p99 | errors | non-2xx |");
console.log("|---|---|---|---|---|---|---|---|");
for (const f of results) {
  console.log(
    `| ${f.name} | ${f.rps.toFixed(0)} | ${((100 * f.rps) / bareRps).toFixed(1)} % | ${f.p50} ms | ${f.p97_5} ms | ${f.p99} ms | ${f.errors} | ${f.non2xx} |`,
  );
}
bare.close();
next.kill("SIGTERM");
process.exit(0);
