import { afterEach, describe, expect, it, vi } from "vitest";
import { db } from "@/lib/db";
import { resetEnvForTests } from "@/lib/env";
import { loadActor } from "@/lib/auth/actor";
import { sweeps } from "@/lib/worker/sweeps";
import { DAY } from "@/lib/vocabulary";
import { createUser } from "@/tests/factories";
import { code } from "@/tests/fixtures";
import { getNotificationPrefs, setNotificationPrefs } from "./preferences";
import { markNotificationsRead } from "./mutations";
import { countUnread, listNotifications } from "./queries";
import { notify } from "./send";

afterEach(() => {
  vi.unstubAllEnvs();
  resetEnvForTests();
});

function demoOutbox() {
  vi.stubEnv("DEMO", "1");
  resetEnvForTests();
}
const mails = (to: string, subject?: string) =>
  db.mailMessage.count({ where: { to, ...(subject ? { subject: { contains: subject } } : {}) } });

describe("notification preferences per kind", () => {
  it("a kind set to off creates nothing; in-app creates no mail; email (the default) goes to the outbox", async () => {
    demoOutbox();
    const u = await createUser();
    const actor = await loadActor(u.id);
    expect((await getNotificationPrefs(u.id)).claim).toBe("email");
    await setNotificationPrefs(actor, { claim: "off", election: "in_app" });
    // Saving one group keeps the others as they were.
    await setNotificationPrefs(actor, { decision: "email" });
    expect(await getNotificationPrefs(u.id)).toMatchObject({ claim: "off", election: "in_app", decision: "email" });

    const at = new Date();
    expect(await notify({ userId: u.id, kind: "claim.stale", title: "Stale" }, at)).toBe(false);
    expect(await db.notification.count({ where: { userId: u.id, kind: "claim.stale" } })).toBe(0);

    expect(await notify({ userId: u.id, kind: "election.voting-open", title: "Vote now" }, at)).toBe(true);
    expect(await db.notification.count({ where: { userId: u.id, kind: "election.voting-open" } })).toBe(1);
    expect(await mails(u.email!, "Vote now")).toBe(0);

    expect(await notify({ userId: u.id, kind: "decision.open", title: "Decide" }, at)).toBe(true);
    expect(await mails(u.email!, "Decide")).toBe(1);
  });

  it("digest kinds wait, in the app and by mail, for one weekly digest; a second run that week sends nothing", async () => {
    demoOutbox();
    const u = await createUser();
    await setNotificationPrefs(await loadActor(u.id), { match: "digest", claim: "in_app" });
    const at = new Date(Date.now() + 30 * DAY);
    await notify(
      { userId: u.id, kind: "match.digest", title: "Three items match you", link: "/help-wanted/for-you" },
      at,
    );
    await notify({ userId: u.id, kind: "claim.stale", title: "Not in the digest" }, at);
    expect(await mails(u.email!)).toBe(0);
    const inApp = async () => (await listNotifications(u.id)).items.map((n) => n.title);
    expect(await inApp()).toEqual(["Not in the digest"]);
    expect(await countUnread(u.id)).toBe(1);
    // "Mark all read" leaves held notices unread for when they appear.
    await markNotificationsRead(await loadActor(u.id), { ids: "all" });

    const digest = sweeps.find((s) => s.name === "sweep-notification-digests")!;
    // The first digest comes a week after the first held notice, not at the next sweep.
    await digest.run(new Date(at.getTime() + DAY));
    expect(await mails(u.email!)).toBe(0);
    expect(await inApp()).toEqual(["Not in the digest"]);

    await digest.run(new Date(at.getTime() + 8 * DAY));
    const sent = await db.mailMessage.findMany({ where: { to: u.email! } });
    expect(sent).toHaveLength(1);
    expect(sent[0]!.subject).toBe("Your weekly TAG Portal digest: 1 notice");
    expect(sent[0]!.text).toContain("Three items match you");
    expect(sent[0]!.text).toContain("/help-wanted/for-you");
    expect(sent[0]!.text).not.toContain("Not in the digest");
    expect(await inApp()).toContain("Three items match you");
    expect(await countUnread(u.id)).toBe(1);
    await digest.run(new Date(at.getTime() + 9 * DAY));
    expect(await mails(u.email!)).toBe(1);
  });

  it("a notice held for the digest appears at once when the person stops wanting the digest for its kind", async () => {
    demoOutbox();
    const u = await createUser();
    const actor = await loadActor(u.id);
    await setNotificationPrefs(actor, { election: "digest" });
    await notify({ userId: u.id, kind: "election.voting-open", title: "Vote now" }, new Date());
    expect(await countUnread(u.id)).toBe(0);
    await setNotificationPrefs(actor, { election: "in_app" });
    expect((await listNotifications(u.id)).items.map((n) => n.title)).toEqual(["Vote now"]);
  });

  it("refuses unknown modes and groups, and signed-out callers", async () => {
    const u = await createUser();
    const actor = await loadActor(u.id);
    expect(await code(setNotificationPrefs(actor, { claim: "loud" } as never))).toBe("INVALID");
    expect(await code(setNotificationPrefs(actor, { isAdmin: "email" } as never))).toBe("INVALID");
    expect(await code(setNotificationPrefs(null, { claim: "off" }))).toBe("FORBIDDEN");
    expect((await getNotificationPrefs(u.id)).claim).toBe("email");
  });
});
