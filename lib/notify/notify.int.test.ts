import { afterEach, describe, expect, it, vi } from "vitest";
import { db } from "@/lib/db";
import { resetEnvForTests } from "@/lib/env";
import { loadActor } from "@/lib/auth/actor";
import { createUser } from "@/tests/factories";
import { markNotificationsRead } from "./mutations";
import { countUnread, listNotifications } from "./queries";
import { notify } from "./send";

afterEach(() => {
  vi.unstubAllEnvs();
  resetEnvForTests();
});

describe("notifications", () => {
  it("notifies once per dedupe key and counts unread", async () => {
    const u = await createUser();
    const n = { userId: u.id, kind: "test", title: "Hello", dedupeKey: `k-${u.id}` };
    expect(await notify(n, new Date())).toBe(true);
    expect(await notify(n, new Date())).toBe(false);
    expect(await countUnread(u.id)).toBe(1);
  });

  it("marks read only the reader's own notifications: another user's id matches nothing", async () => {
    const [a, b] = await Promise.all([createUser(), createUser()]);
    await notify({ userId: a.id, kind: "test", title: "For A" }, new Date());
    await notify({ userId: b.id, kind: "test", title: "For B" }, new Date());
    const bId = (await listNotifications(b.id)).items[0]!.id;
    const reader = await loadActor(a.id);
    expect(await markNotificationsRead(reader, { ids: [bId] })).toBe(0);
    expect(await countUnread(b.id)).toBe(1);
    expect(await markNotificationsRead(reader, { ids: "all" })).toBe(1);
    expect(await countUnread(a.id)).toBe(0);
  });

  it("puts mail in the outbox in demo mode, and nowhere without SMTP or DEMO", async () => {
    const u = await createUser();
    vi.stubEnv("DEMO", "1");
    resetEnvForTests();
    await notify({ userId: u.id, kind: "test", title: `Demo mail ${u.id}` }, new Date());
    expect(await db.mailMessage.count({ where: { subject: `Demo mail ${u.id}`, to: u.email! } })).toBe(1);
    vi.stubEnv("DEMO", "");
    resetEnvForTests();
    await notify({ userId: u.id, kind: "test", title: `Plain ${u.id}` }, new Date());
    expect(await db.mailMessage.count({ where: { subject: `Plain ${u.id}` } })).toBe(0);
  });

  it("pages newest first", async () => {
    const u = await createUser();
    for (let i = 0; i < 25; i++)
      await notify({ userId: u.id, kind: "test", title: `n${i}` }, new Date(Date.UTC(2026, 0, 1, 0, i)));
    const first = await listNotifications(u.id);
    expect(first.items).toHaveLength(20);
    expect(first.items[0]!.title).toBe("n24");
    const second = await listNotifications(u.id, { cursor: first.nextCursor });
    expect(second.items.map((x) => x.title)).toEqual(["n4", "n3", "n2", "n1", "n0"]);
    expect(second.nextCursor).toBeUndefined();
  });
});
