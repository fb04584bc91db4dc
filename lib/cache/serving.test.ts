import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { markServing, whenServing } from "./serving";

const until = async (what: () => boolean, ms = 2_000) => {
  const end = Date.now() + ms;
  while (!what()) {
    if (Date.now() > end) return false;
    await new Promise((r) => setTimeout(r, 10));
  }
  return true;
};

// The state lives on globalThis (shared with instrumentation.ts in a server): start each test afresh.
afterEach(() => {
  delete (globalThis as unknown as Record<symbol, unknown>)[Symbol.for("tag-portal.serving")];
});

describe("work started when a web process starts serving", () => {
  it("waits until the process serves, runs one job per name, and renders the board once from its own address", async () => {
    const paths: string[] = [];
    const server = http.createServer((req, res) => {
      paths.push(req.url ?? "");
      res.end("ok");
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    try {
      const started: string[] = [];
      whenServing("snapshot", () => started.push("first module copy"));
      whenServing("snapshot", () => started.push("second module copy"));
      await new Promise((r) => setTimeout(r, 20));
      expect(started).toEqual([]);

      markServing(`http://127.0.0.1:${(server.address() as AddressInfo).port}`);
      whenServing("later", () => started.push("loaded after the start"));
      expect(await until(() => started.length === 2 && paths.length === 1)).toBe(true);
      expect(started).toEqual(["second module copy", "loaded after the start"]);
      expect(paths).toEqual(["/help-wanted"]);

      markServing(`http://127.0.0.1:${(server.address() as AddressInfo).port}`);
      await new Promise((r) => setTimeout(r, 300));
      expect(paths).toHaveLength(1);
    } finally {
      server.close();
    }
  });

  it("never starts anything in a process that does not serve (tests, scripts, the worker)", async () => {
    let ran = false;
    whenServing("snapshot", () => (ran = true));
    await new Promise((r) => setTimeout(r, 20));
    expect(ran).toBe(false);
  });
});
