import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it, vi } from "vitest";
import { until } from "@/tests/until";
import { WARM_UP_LIMIT_MS, WARM_UP_PATHS, markServing, warmedUp, whenServing } from "./serving";

// The state lives on globalThis (shared with instrumentation.ts in a server): start each test afresh.
afterEach(() => {
  delete (globalThis as unknown as Record<symbol, unknown>)[Symbol.for("tag-portal.serving")];
});

describe("work started when a web process starts serving", () => {
  it("waits until the process serves, runs one job per name, and requests the board and /toc once from its own address", async () => {
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
      expect(await until(() => started.length === 2 && paths.length === 2, 2_000)).toBe(true);
      expect(started).toEqual(["second module copy", "loaded after the start"]);
      // /toc loads the dashboards' module, which asks to compute the every-TAG figures (lib/dashboards/queries.ts).
      expect(paths).toEqual(["/help-wanted", "/toc"]);
      expect(WARM_UP_PATHS).toEqual(["/help-wanted", "/toc"]);

      markServing(`http://127.0.0.1:${(server.address() as AddressInfo).port}`);
      await new Promise((r) => setTimeout(r, 300));
      expect(paths).toHaveLength(2);
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

  it("is warm only once the started jobs and the warm-up's requests have settled, and stays warm", async () => {
    const answers = new Map<string, () => void>();
    const server = http.createServer((req, res) => {
      answers.set(req.url ?? "", () => res.end("page"));
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    try {
      let finishSnapshot: () => void = () => {};
      whenServing("snapshot", () => new Promise<void>((resolve) => (finishSnapshot = resolve)));
      whenServing("failing", () => Promise.reject(new Error("database down")));
      expect(warmedUp()).toBe(true); // not serving: a test or a script has nothing to wait for

      markServing(`http://127.0.0.1:${(server.address() as AddressInfo).port}`);
      expect(warmedUp()).toBe(false);
      expect(await until(() => answers.has("/help-wanted"), 2_000)).toBe(true);
      finishSnapshot();
      await new Promise((r) => setTimeout(r, 50));
      expect(warmedUp()).toBe(false); // the board's render is still under way
      answers.get("/help-wanted")!();
      expect(await until(() => answers.has("/toc"), 2_000)).toBe(true);
      await new Promise((r) => setTimeout(r, 50));
      expect(warmedUp()).toBe(false); // then /toc's
      answers.get("/toc")!();
      expect(await until(() => warmedUp(), 2_000)).toBe(true); // the failed job counts as settled

      // A module loaded later starts its job without taking the process out of the balancer.
      whenServing("later", () => new Promise(() => {}));
      expect(warmedUp()).toBe(true);
    } finally {
      server.close();
    }
  });

  it("stops waiting for a warm-up that has not finished after the limit", async () => {
    whenServing("stuck", () => new Promise(() => {}));
    markServing(null);
    expect(warmedUp()).toBe(false);
    vi.useFakeTimers({ now: Date.now() + WARM_UP_LIMIT_MS, toFake: ["Date"] });
    try {
      expect(warmedUp()).toBe(true);
    } finally {
      vi.useRealTimers();
    }
  });
});
