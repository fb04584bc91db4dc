import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { resetEnvForTests } from "@/lib/env";
import { PEER_HEADER, peerHeaderFor } from "@/lib/http/peer-address";
import { resetLocalRateLimits } from "@/lib/rate-limit";

type Handler = (req: Request, ctx: { params: Promise<Record<string, string>> }) => Promise<Response>;
let tags: Handler;

beforeAll(async () => {
  tags = (await import("@/app/api/v1/tags/route")).GET as Handler;
});

function limitTo(n: number, hops = 0) {
  process.env.API_RATE_LIMIT_PER_MINUTE = String(n);
  process.env.TRUSTED_PROXY_HOPS = String(hops);
  resetEnvForTests();
  resetLocalRateLimits();
}

afterEach(() => {
  delete process.env.API_RATE_LIMIT_PER_MINUTE;
  delete process.env.TRUSTED_PROXY_HOPS;
  resetEnvForTests();
});

const call = (peer: string, headers: Record<string, string> = {}) =>
  tags(new Request("http://localhost/api/v1/tags", { headers: { [PEER_HEADER]: peerHeaderFor(peer), ...headers } }), {
    params: Promise.resolve({}),
  }).then((r) => r.status);

describe("the public API's rate limit", () => {
  it("keys on the connection: a client at its limit stays limited whatever X-Forwarded-For it sends", async () => {
    limitTo(3);
    for (let i = 0; i < 3; i++) expect(await call("198.51.100.7", { "x-forwarded-for": `203.0.113.${i}` })).toBe(200);
    expect(await call("198.51.100.7")).toBe(429);
    expect(await call("198.51.100.7", { "x-forwarded-for": "203.0.113.99" })).toBe(429);
    expect(await call("198.51.100.7", { "x-real-ip": "203.0.113.98" })).toBe(429);
    expect(await call("198.51.100.8")).toBe(200);
  });

  it("behind TRUSTED_PROXY_HOPS proxies, keys on the address the proxy appended, not on what the client prepended", async () => {
    limitTo(2, 1);
    const viaProxy = (client: string, claimed?: string) =>
      call("10.0.0.2", { "x-forwarded-for": claimed ? `${claimed}, ${client}` : client });
    expect(await viaProxy("198.51.100.7")).toBe(200);
    expect(await viaProxy("198.51.100.7", "203.0.113.1")).toBe(200);
    expect(await viaProxy("198.51.100.7", "203.0.113.2")).toBe(429);
    // Other clients behind the same proxy have their own limits.
    expect(await viaProxy("198.51.100.9")).toBe(200);
  });

  it("writes nothing to the database per request, so clients behind one address do not queue on a row", async () => {
    limitTo(1000);
    const before = await db.rateLimitBucket.count();
    const statuses = await Promise.all(Array.from({ length: 50 }, () => call("198.51.100.50")));
    expect(statuses.every((s) => s === 200)).toBe(true);
    expect(await db.rateLimitBucket.count()).toBe(before);
  });
});
