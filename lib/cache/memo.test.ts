import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { stampedMemo } from "./memo";
import { bumpStamps, stampState } from "./stamps";

const T0 = new Date("2026-12-05T10:00:00Z");
const later = (ms: number) => new Date(T0.getTime() + ms);

/** A load that counts its calls and answers "v1", "v2", ... */
function counted() {
  let n = 0;
  const load = async () => `v${++n}`;
  return { load, calls: () => n };
}

describe("a figure kept while its cache stamps stand", () => {
  beforeEach(() => {
    stampState().mode = "connected";
  });
  afterEach(() => {
    stampState().mode = "single";
  });

  it("is read once while fresh, and again at once after a change to what it depends on", async () => {
    const memo = stampedMemo<string>(["help-wanted"], { freshMs: 60_000, staleMs: 300_000, maxEntries: 8 });
    const { load, calls } = counted();
    expect(await memo.get("all", T0, load)).toBe("v1");
    expect(await memo.get("all", later(59_000), load)).toBe("v1");
    expect(calls()).toBe(1);
    bumpStamps(["people"]);
    expect(await memo.get("all", later(59_000), load)).toBe("v1");
    bumpStamps(["help-wanted"]);
    expect(await memo.get("all", later(59_000), load)).toBe("v2");
    // Each scope has its own entry.
    expect(await memo.get("one TAG", later(59_000), load)).toBe("v3");
  });

  it("after a minute serves the last figure while one refresh runs; after the stale limit it waits", async () => {
    const memo = stampedMemo<string>(["help-wanted"], { freshMs: 60_000, staleMs: 300_000, maxEntries: 8 });
    let release!: () => void;
    let n = 0;
    const slow = () => new Promise<string>((resolve) => (release = () => resolve(`v${++n}`)));
    const first = memo.get("all", T0, slow);
    release();
    expect(await first).toBe("v1");
    // Two viewers after the minute: both get v1 at once, and only one refresh starts.
    expect(await memo.get("all", later(61_000), slow)).toBe("v1");
    expect(await memo.get("all", later(62_000), slow)).toBe("v1");
    expect(n).toBe(1);
    release();
    await new Promise((r) => setTimeout(r, 0));
    expect(await memo.get("all", later(63_000), slow)).toBe("v2");
    // Long after the refreshed figure was computed (and before it, as a clock moved back): a new read.
    const late = memo.get("all", later(63_000 + 300_001), slow);
    release();
    expect(await late).toBe("v3");
    const earlier = memo.get("all", later(0), slow);
    release();
    expect(await earlier).toBe("v4");
  });

  it("keeps no failed load, and no more scopes than its limit", async () => {
    const memo = stampedMemo<string>(["help-wanted"], { freshMs: 60_000, staleMs: 300_000, maxEntries: 2 });
    await expect(memo.get("all", T0, () => Promise.reject(new Error("database down")))).rejects.toThrow();
    const { load, calls } = counted();
    expect(await memo.get("all", T0, load)).toBe("v1");
    await memo.get("b", T0, load);
    await memo.get("c", T0, load);
    expect(calls()).toBe(3);
    // "all" was the oldest scope: dropped; "c" is kept.
    expect(await memo.get("all", T0, load)).toBe("v4");
    expect(await memo.get("c", T0, load)).toBe("v3");
  });

  it("reads every time where changes are not announced (tests, scripts) or may have been missed", async () => {
    const memo = stampedMemo<string>(["help-wanted"], { freshMs: 60_000, staleMs: 300_000, maxEntries: 8 });
    const { load, calls } = counted();
    for (const mode of ["single", "disconnected"] as const) {
      stampState().mode = mode;
      await memo.get("all", T0, load);
      await memo.get("all", T0, load);
    }
    expect(calls()).toBe(4);
  });
});
