import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { createTag, createUser, insertClaim, insertItem } from "@/tests/factories";
import { exportPersonData, listDeliveredWork } from "./export";

const at = new Date("2026-06-01T12:00:00Z");

/** One person's rows of several kinds: a notification, a contribution, a claim with an update, an audit act. */
async function footprint(userId: string, tagId: string, word: string) {
  await db.notification.create({ data: { userId, kind: "test", title: `Notice for ${word}` } });
  await db.contributionRecord.create({
    data: { userId, tagId, kind: "talk", source: "self_reported", occurredAt: at, title: `Talk by ${word}` },
  });
  const item = await insertItem(tagId, { title: `Item done by ${word}`, createdAt: at });
  const claim = await insertClaim(item.id, userId, "completed", {
    createdAt: at,
    completedAt: at,
    evidenceUrl: `https://example.test/${word}`,
  });
  await db.claimUpdate.create({
    data: { claimId: claim.id, authorId: userId, kind: "progress", body: `Progress of ${word}`, createdAt: at },
  });
  await db.auditEvent.create({
    data: { at, actorId: userId, action: "test.act", subjectType: "claim", subjectId: claim.id, after: { word } },
  });
  await db.session.create({ data: { sessionToken: `secret-${word}`, userId, expires: at } });
}

describe("export my data", () => {
  it("holds the person's own rows of every kind and nobody else's", async () => {
    const tag = await createTag();
    const [me, other] = [await createUser(), await createUser()];
    await footprint(me.id, tag.id, `mine-${me.login}`);
    await footprint(other.id, tag.id, `theirs-${other.login}`);

    const data = await exportPersonData(me.id, at);
    const text = JSON.stringify(data);

    expect(data?.profile.login).toBe(me.login);
    expect(data?.profile.githubId).toBe(String(me.githubId));
    expect(data?.notifications.map((n) => n.title)).toEqual([`Notice for mine-${me.login}`]);
    expect(data?.contributions.map((c) => c.title)).toEqual([`Talk by mine-${me.login}`]);
    expect(data?.claims.map((c) => c.item.title)).toEqual([`Item done by mine-${me.login}`]);
    expect(data?.claimUpdates.map((u) => u.body)).toEqual([`Progress of mine-${me.login}`]);
    expect(data?.auditEvents.map((e) => e.action)).toEqual(["test.act"]);
    // Nothing of the other person, and no sign-in secret of anyone.
    expect(text).not.toContain(other.login);
    expect(text).not.toContain(other.id);
    expect(text).not.toContain("secret-");
  });

  it("lists delivered work: completed claims only, with their evidence", async () => {
    const tag = await createTag();
    const me = await createUser();
    await footprint(me.id, tag.id, `done-${me.login}`);
    const open = await insertItem(tag.id, { title: "Still going", createdAt: at });
    await insertClaim(open.id, me.id, "accepted", { createdAt: at });

    const work = await listDeliveredWork(me.id);
    expect(work.map((w) => [w.item.title, w.evidenceUrl])).toEqual([
      [`Item done by done-${me.login}`, `https://example.test/done-${me.login}`],
    ]);
  });

  it("answers nothing for an unknown person", async () => {
    expect(await exportPersonData("00000000-0000-4000-8000-000000000000", at)).toBeNull();
  });
});
