/** The portal's side of GitHub writes in tests: a queue the test drains, and the webhook endpoint's work. */
import { afterAll, beforeAll } from "vitest";
import { createHash } from "node:crypto";
import http from "node:http";
import type { ItemChangeSink } from "@/lib/help-wanted/items";
import { resetEnvForTests } from "@/lib/env";
import { processWebhookDelivery } from "@/lib/github/webhook-deliveries";
import { performWrite } from "@/lib/github/writes";

/** A stand-in for the job queue: `enqueue` records, `drain` sends as the worker does (a retry once its short backoff passed). */
export function writeQueue() {
  const queued: string[] = [];
  const enqueue = async (id: string) => void queued.push(id);
  return {
    queued,
    enqueue,
    /** Sends every queued write; the outcomes in order. */
    async drain() {
      const outcomes: string[] = [];
      while (queued.length) {
        const id = queued.shift()!;
        const r = await performWrite(id, { backoffMs: 1, enqueue });
        outcomes.push(r.status);
        if (r.status === "retry") {
          await new Promise((res) => setTimeout(res, 5));
          queued.push(id);
        }
      }
      return outcomes;
    },
  };
}

/**
 * The portal's webhook endpoint as far as these tests need it (the route's work with the test's
 * sink), started for the file, and the stand-in told to deliver there.
 */
export function portalWebhookForFile(control: (path: string, body: unknown) => Promise<unknown>, sink: ItemChangeSink) {
  let hook: http.Server;
  beforeAll(async () => {
    hook = http.createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on("data", (c: Buffer) => chunks.push(c));
      req.on("end", async () => {
        const body = Buffer.concat(chunks);
        const r = await processWebhookDelivery(
          {
            deliveryId: String(req.headers["x-github-delivery"]),
            bodySha256: createHash("sha256").update(body).digest("hex"),
          },
          String(req.headers["x-github-event"]),
          JSON.parse(body.toString()),
          sink,
        );
        res.writeHead(r.status, { "content-type": "application/json" }).end(JSON.stringify(r));
      });
    });
    await new Promise<void>((r) => hook.listen(0, "127.0.0.1", r));
    const port = (hook.address() as { port: number }).port;
    await control("webhook-target", { url: `http://127.0.0.1:${port}/`, secret: "s" });
  });
  afterAll(() => new Promise<void>((r) => hook.close(() => r())));
}

/**
 * For a file that writes to the stand-in: the portal calls it with a test token, the writes wait in
 * {@link writeQueue}, the sink `makeSink` builds records them, and webhooks come back through it.
 */
export function githubWritesForFile(
  standIn: { api: () => string; control: (path: string, body: unknown) => Promise<unknown> },
  makeSink: (enqueue: (id: string) => Promise<void>) => ItemChangeSink,
) {
  const queue = writeQueue();
  const sink = makeSink(queue.enqueue);
  beforeAll(() => {
    process.env.GITHUB_API_URL = standIn.api();
    process.env.GITHUB_API_TOKEN = "portal-token";
    resetEnvForTests();
  });
  portalWebhookForFile(standIn.control, sink);
  return { ...queue, sink };
}
