import { afterEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { until } from "@/tests/until";
import { publishInvalidation } from "./invalidation";
import {
  APPLICATION_NAME,
  CHANNEL,
  parseNotice,
  startInvalidationListener,
  stopInvalidationListener,
} from "./listener";
import { cacheStamp, stampState } from "./stamps";

/** What another replica sends: its own origin, so this process acts on it. */
const notifyFromElsewhere = (tags: string) => db.$executeRaw`SELECT pg_notify(${CHANNEL}, ${`other-replica ${tags}`})`;

afterEach(() => stopInvalidationListener());

describe("cache invalidation across replicas", () => {
  it("reads a notice: the sender and known tags; its own notices and unknown tags are ignored", () => {
    expect(parseNotice("a help-wanted,pages,bogus", "b")).toEqual(["help-wanted", "pages"]);
    expect(parseNotice("a help-wanted", "a")).toBeNull();
    expect(parseNotice("a bogus", "b")).toBeNull();
    expect(parseNotice(undefined, "b")).toBeNull();
  });

  it("drops what another replica changed within a second, and only that", async () => {
    startInvalidationListener(process.env.DATABASE_URL!);
    expect(cacheStamp("help-wanted")).toBeNull(); // not connected yet: bypass
    expect(await until(() => stampState().mode === "connected", 5_000)).toBe(true);
    const board = cacheStamp("help-wanted");
    const people = cacheStamp("people");
    await notifyFromElsewhere("help-wanted");
    expect(await until(() => cacheStamp("help-wanted") !== board)).toBe(true);
    expect(cacheStamp("people")).toBe(people);
  });

  it("publishing drops this process's entries at once, before the notice goes out", async () => {
    const before = cacheStamp("people");
    const sent = publishInvalidation("people");
    expect(cacheStamp("people")).not.toBe(before);
    await sent;
  });

  it("bypasses caches while the connection is lost, reconnects, and then treats everything as changed", async () => {
    startInvalidationListener(process.env.DATABASE_URL!);
    expect(await until(() => stampState().mode === "connected", 5_000)).toBe(true);
    const before = cacheStamp("pages");
    await db.$queryRaw`SELECT pg_terminate_backend(pid) FROM pg_stat_activity
      WHERE datname = current_database() AND application_name = ${APPLICATION_NAME}`;
    expect(await until(() => cacheStamp("pages") === null)).toBe(true);
    expect(await until(() => stampState().mode === "connected", 5_000)).toBe(true);
    expect(cacheStamp("pages")).not.toBe(before);
    // And it still hears the others.
    const now = cacheStamp("matching");
    await notifyFromElsewhere("matching");
    expect(await until(() => cacheStamp("matching") !== now)).toBe(true);
  });

  it("keeps its connection (and the caches) while the process is too busy to read the heartbeat's answer in time", async () => {
    startInvalidationListener(process.env.DATABASE_URL!, { heartbeatMs: 40, timeoutMs: 40 });
    expect(await until(() => stampState().mode === "connected", 5_000)).toBe(true);
    const before = cacheStamp("pages");
    // Long renders back to back: between two, the process only gets to send a heartbeat before
    // the event loop is blocked past the heartbeat's limit again.
    for (let i = 0; i < 8; i++) {
      const end = Date.now() + 250;
      while (Date.now() < end);
      await new Promise((r) => setImmediate(r));
    }
    expect(stampState().mode).toBe("connected");
    expect(cacheStamp("pages")).toBe(before);
  });
});
