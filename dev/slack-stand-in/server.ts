/**
 * The Slack stand-in: a sink for incoming-webhook posts, so the demo and the tests see what the
 * portal sends to TAG channels without Slack. Every path under `/services/` accepts a post (as
 * Slack answers: `ok`); `/outbox` lists what arrived (HTML, or JSON for `?format=json` and for
 * `Accept: application/json`). Tests make it fail: `POST /_stand-in/faults` with
 * `{ "status": 503, "count": 2 }` answers the next two posts with 503, `{ "delayMs": 15000 }`
 * holds them past the portal's timeout (then answers 504, keeping nothing); `POST /_stand-in/reset` clears the outbox and the faults.
 */
import http from "node:http";
import { text } from "node:stream/consumers";
import { escapeHtml } from "../github-stand-in/server.ts";

export interface SlackPost {
  path: string;
  receivedAt: string;
  text: string;
  blocks: unknown[];
}

interface Fault {
  status?: number;
  delayMs?: number;
  count: number;
}

export function createSlackStandIn(opts: { port: number; host?: string }) {
  const host = opts.host ?? "127.0.0.1";
  let outbox: SlackPost[] = [];
  let fault: Fault | null = null;

  const send = (res: http.ServerResponse, status: number, type: string, body: string) => {
    res.writeHead(status, { "content-type": type });
    res.end(body);
  };
  const json = (res: http.ServerResponse, status: number, body: unknown) =>
    send(res, status, "application/json", JSON.stringify(body));

  function outboxHtml(): string {
    const items = outbox
      .map(
        (p) =>
          `<li><p><strong>${escapeHtml(p.text)}</strong></p><p><small>${escapeHtml(p.path)} · ${escapeHtml(p.receivedAt)}</small></p></li>`,
      )
      .join("");
    return `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width"><title>Slack stand-in: outbox</title></head><body><main><h1>Slack stand-in: messages received (${outbox.length})</h1>${outbox.length ? `<ol reversed>${items}</ol>` : "<p>Nothing yet.</p>"}</main></body></html>`;
  }

  const server = http.createServer(async (req, res) => {
    const url = new URL(req.url ?? "/", `http://${host}`);
    try {
      if (req.method === "POST" && url.pathname.startsWith("/services/")) {
        const current = fault;
        if (current && current.count > 0) {
          current.count--;
          if (current.count === 0) fault = null;
          if (current.delayMs) await new Promise((r) => setTimeout(r, current.delayMs));
          // A held post is answered 504 and not kept, so a test knows exactly what arrived.
          if (current.status || current.delayMs)
            return send(res, current.status ?? 504, "text/plain", "stand-in fault");
        }
        const body = JSON.parse((await text(req)) || "{}") as { text?: string; blocks?: unknown[] };
        outbox.push({
          path: url.pathname,
          receivedAt: new Date().toISOString(),
          text: body.text ?? "",
          blocks: body.blocks ?? [],
        });
        return send(res, 200, "text/plain", "ok");
      }
      if (req.method === "GET" && url.pathname === "/outbox") {
        const wantsJson = url.searchParams.get("format") === "json" || (req.headers.accept ?? "").includes("json");
        return wantsJson ? json(res, 200, outbox) : send(res, 200, "text/html; charset=utf-8", outboxHtml());
      }
      if (req.method === "POST" && url.pathname === "/_stand-in/faults") {
        const b = JSON.parse((await text(req)) || "{}") as Partial<Fault>;
        fault = { status: b.status, delayMs: b.delayMs, count: b.count ?? 1 };
        return json(res, 200, { ok: true });
      }
      if (req.method === "POST" && url.pathname === "/_stand-in/reset") {
        outbox = [];
        fault = null;
        return json(res, 200, { ok: true });
      }
      if (req.method === "GET" && url.pathname === "/_stand-in/health") return json(res, 200, { ok: true });
      json(res, 404, { message: "Not Found" });
    } catch (e) {
      json(res, 400, { message: e instanceof Error ? e.message : "error" });
    }
  });

  return {
    server,
    /** The base URL, with the port actually bound (after `listen`). */
    url: () => {
      const a = server.address();
      return `http://${host}:${typeof a === "object" && a ? a.port : opts.port}`;
    },
    /** What arrived, for tests in the same process. */
    outbox: () => outbox,
    listen: () => new Promise<void>((resolve) => server.listen(opts.port, host, () => resolve())),
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
