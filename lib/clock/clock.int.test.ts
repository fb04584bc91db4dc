import { afterEach, describe, expect, it } from "vitest";
import { publishInvalidation } from "@/lib/cache/invalidation";
import { stampState } from "@/lib/cache/stamps";
import { advanceClock, now } from "./index";

const HOUR = 3_600_000;

afterEach(() => {
  stampState().mode = "single";
});

describe("the portal clock's offset", () => {
  it("is read on every call where changes are not announced (tests, scripts, the worker)", async () => {
    const before = await now();
    await advanceClock(2 * HOUR);
    expect((await now()).getTime() - before.getTime()).toBeGreaterThanOrEqual(2 * HOUR);
  });

  it("is kept by a web process that hears changes, until the clock route announces a move", async () => {
    stampState().mode = "connected";
    const before = await now();
    // A move nobody announced (the route always announces): the kept offset stands, which shows
    // the web process no longer reads the row per request.
    await advanceClock(3 * HOUR);
    expect((await now()).getTime() - before.getTime()).toBeLessThan(HOUR);
    await publishInvalidation("clock");
    expect((await now()).getTime() - before.getTime()).toBeGreaterThanOrEqual(3 * HOUR);
  });
});
