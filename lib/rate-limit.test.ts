import { beforeEach, describe, expect, it } from "vitest";
import { localBucketCount, MAX_BUCKETS, resetLocalRateLimits, takeLocalRateLimit } from "./rate-limit";

const MINUTE = 60_000;
const t0 = Date.UTC(2031, 0, 1);

describe("per-request rate limit (in memory)", () => {
  beforeEach(() => resetLocalRateLimits());

  it("allows `limit` requests, refuses the next with a Retry-After, and refills over the window", () => {
    for (let i = 0; i < 5; i++) expect(takeLocalRateLimit("a", 5, MINUTE, t0).allowed).toBe(true);
    const refused = takeLocalRateLimit("a", 5, MINUTE, t0);
    expect(refused.allowed).toBe(false);
    expect(refused.retryAfterSeconds).toBe(12); // one token every 12 s at 5 a minute
    // Another client is not held back.
    expect(takeLocalRateLimit("b", 5, MINUTE, t0).allowed).toBe(true);
    expect(takeLocalRateLimit("a", 5, MINUTE, t0 + 11_000).allowed).toBe(false);
    expect(takeLocalRateLimit("a", 5, MINUTE, t0 + 12_000).allowed).toBe(true);
    expect(takeLocalRateLimit("a", 5, MINUTE, t0 + 12_001).allowed).toBe(false);
  });

  it("bounds keys: a key is cut to 200 characters", () => {
    const long = "k".repeat(200);
    for (let i = 0; i < 3; i++) takeLocalRateLimit(`${long}-${i}`, 3, MINUTE, t0);
    expect(takeLocalRateLimit(`${long}-other`, 3, MINUTE, t0).allowed).toBe(false);
    expect(localBucketCount()).toBe(1);
  });

  it("removes buckets that have refilled, once a window", () => {
    for (let i = 0; i < 100; i++) takeLocalRateLimit(`client-${i}`, 10, MINUTE, t0);
    expect(localBucketCount()).toBe(100);
    for (let i = 0; i < 10; i++) takeLocalRateLimit("client-0", 10, MINUTE, t0 + 30_000);
    expect(localBucketCount()).toBe(100);
    takeLocalRateLimit("late", 10, MINUTE, t0 + MINUTE + 1);
    // Left: "late" and client-0 (emptied half a window ago, so not yet full again).
    expect(localBucketCount()).toBe(2);
  });

  it("keeps at most MAX_BUCKETS, dropping the least recently used, so a flood of keys cannot grow memory", () => {
    takeLocalRateLimit("busy", 2, MINUTE, t0);
    takeLocalRateLimit("busy", 2, MINUTE, t0);
    for (let i = 0; i < MAX_BUCKETS + 10; i++) {
      takeLocalRateLimit(`flood-${i}`, 2, MINUTE, t0 + 1);
      // The busy client stays recently used, so it keeps its (empty) bucket.
      if (i % 1000 === 0) expect(takeLocalRateLimit("busy", 2, MINUTE, t0 + 1).allowed).toBe(false);
    }
    expect(localBucketCount()).toBe(MAX_BUCKETS);
    expect(takeLocalRateLimit("busy", 2, MINUTE, t0 + 1).allowed).toBe(false);
  });
});
