import net from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import type pg from "pg";
import { createPrismaClient } from "@/lib/prisma-client";
import { createPool } from "./db";

const url = process.env.DATABASE_URL!;
const pools: pg.Pool[] = [];
const pool = (opts: Parameters<typeof createPool>[1]) => {
  const p = createPool(url, opts);
  pools.push(p);
  return p;
};
afterEach(async () => {
  await Promise.all(pools.splice(0).map((p) => p.end()));
});

describe("the database pool under load", () => {
  it("a query that waits longer than one attempt for a busy pool runs once a connection is free", async () => {
    const busy = pool({ max: 1, attemptMs: 250, patienceMs: 10_000 });
    const held = await busy.connect();
    const client = createPrismaClient(busy);
    const waited = client.$queryRaw<{ n: number }[]>`SELECT 1::int AS n`;
    setTimeout(() => held.release(), 800);
    expect(await waited).toEqual([{ n: 1 }]);
    // pg's own query path (what Prisma's adapter uses outside transactions) waits the same way.
    const again = await busy.connect();
    const plain = busy.query<{ n: number }>("SELECT 2::int AS n");
    setTimeout(() => again.release(), 600);
    expect((await plain).rows).toEqual([{ n: 2 }]);
  });

  it("gives up once its patience is spent", async () => {
    const busy = pool({ max: 1, attemptMs: 250, patienceMs: 1_000 });
    const held = await busy.connect();
    const started = Date.now();
    try {
      await expect(busy.query("SELECT 1")).rejects.toThrow("timeout exceeded when trying to connect");
      expect(Date.now() - started).toBeGreaterThanOrEqual(1_000);
    } finally {
      held.release();
    }
  });

  it("a server that refuses the connection fails at once, without waiting out its patience", async () => {
    const closed = net.createServer();
    await new Promise<void>((resolve) => closed.listen(0, "127.0.0.1", resolve));
    const { port } = closed.address() as net.AddressInfo;
    await new Promise((resolve) => closed.close(resolve));
    const nowhere = createPool(`postgresql://postgres:postgres@127.0.0.1:${port}/none`, { max: 1, patienceMs: 10_000 });
    pools.push(nowhere);
    const started = Date.now();
    await expect(nowhere.query("SELECT 1")).rejects.toMatchObject({ code: "ECONNREFUSED" });
    expect(Date.now() - started).toBeLessThan(2_000);
  });

  it("a server that accepts and never answers fails after one more try, without waiting out its patience", async () => {
    const sockets: net.Socket[] = [];
    const hung = net.createServer((s) => void sockets.push(s)); // takes the connection, says nothing
    await new Promise<void>((resolve) => hung.listen(0, "127.0.0.1", resolve));
    const { port } = hung.address() as net.AddressInfo;
    try {
      const silent = createPool(`postgresql://postgres:postgres@127.0.0.1:${port}/none`, {
        max: 1,
        attemptMs: 250,
        patienceMs: 10_000,
      });
      pools.push(silent);
      const started = Date.now();
      await expect(silent.query("SELECT 1")).rejects.toThrow("Connection terminated due to connection timeout");
      expect(Date.now() - started).toBeLessThan(3_000);
    } finally {
      for (const s of sockets) s.destroy();
      hung.close();
    }
  });
});
