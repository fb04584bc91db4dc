import { randomUUID } from "node:crypto";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { db } from "@/lib/db";
import { resetEnvForTests } from "@/lib/env";
import { loadActor } from "@/lib/auth/actor";
import { advanceClock, now } from "@/lib/clock";
import { decideClaim, volunteerForItem } from "@/lib/help-wanted/claims";
import { answerInvitation, inviteToItem } from "@/lib/help-wanted/invitations";
import { parseBoardQuery } from "@/lib/help-wanted/board-query";
import { sweeps } from "@/lib/worker/sweeps";
import { createUser } from "@/tests/factories";
import { code, postItem, tagWithLead } from "@/tests/fixtures";
import { findMatchesForPerson, findPeopleForItem } from "./queries";
import { setItemHidden, updateMatchSettings } from "./mutations";
import { invalidateSnapshot } from "./snapshot";
import { MatchSettingsSchema } from "./schemas";
import { DAY } from "@/lib/vocabulary";

beforeEach(() => invalidateSnapshot());

/** A signed-in person with a profile for matching. */
async function person(
  over: Partial<{
    skills: string[];
    region: "APAC" | "EMEA" | "Americas";
    hoursPerMonth: number;
    matchOptOut: boolean;
    claimed: boolean;
    digestOptIn: boolean;
  }> = {},
) {
  const u = await createUser({ region: over.region ?? "EMEA" });
  await db.user.update({
    where: { id: u.id },
    data: {
      skills: over.skills ?? [],
      hoursPerMonth: over.hoursPerMonth ?? 10,
      matchOptOut: over.matchOptOut ?? false,
      digestOptIn: over.digestOptIn ?? false,
      claimedAt: over.claimed === false ? null : new Date(),
    },
  });
  return { ...u, actor: (await loadActor(u.id))! };
}

describe("matches for a person", () => {
  it("ranks the item that fits first, with reasons; hidden and claimed items leave; a filled one is dropped", async () => {
    const { tag, lead } = await tagWithLead();
    const rare = `Skill-${randomUUID().slice(0, 8)}`;
    const me = await person({ skills: ["Go", rare], region: "EMEA", hoursPerMonth: 10 });
    const best = await postItem(tag.slug, lead.id, { skills: `Go, ${rare}`, region: "EMEA", effortHours: 6 });
    const tooBig = await postItem(tag.slug, lead.id, { skills: `Go, ${rare}`, region: "EMEA", effortHours: 60 });
    const other = await postItem(tag.slug, lead.id, { skills: "Storage", region: "APAC" });
    const at = await now();

    let found = (await findMatchesForPerson(me.id, { now: at, limit: 50 }))!;
    const ids = found.matches.map((m) => m.item.id);
    expect(ids.slice(0, 2)).toEqual([best.id, tooBig.id]);
    expect(ids.indexOf(other.id)).toBeGreaterThan(1);
    expect(found.matches[0]!.line).toMatch(
      new RegExp(`^Go and ${rare} match your skills; EMEA like you; about 6 h, you have 10 h free this month`),
    );
    expect(found.matches[1]!.line).toContain("but about 60 h, more than the 10 h you have free this month");

    await setItemHidden(me.actor, { itemId: best.id, hidden: true });
    found = (await findMatchesForPerson(me.id, { now: at, limit: 50 }))!;
    expect(found.matches.map((m) => m.item.id)).not.toContain(best.id);
    await setItemHidden(me.actor, { itemId: best.id, hidden: false });
    expect((await findMatchesForPerson(me.id, { now: at, limit: 1 }))!.matches[0]!.item.id).toBe(best.id);

    await volunteerForItem(me.actor, { itemId: best.id, message: "" });
    expect((await findMatchesForPerson(me.id, { now: at, limit: 50 }))!.matches.map((m) => m.item.id)).not.toContain(
      best.id,
    );

    // Someone else takes the last place of the item over the person's hours: it leaves at once, snapshot or not.
    const rival = await person();
    const c = await volunteerForItem(rival.actor, { itemId: tooBig.id, message: "" });
    await decideClaim(await loadActor(lead.id), { claimId: c.id, decision: "accept" });
    expect((await findMatchesForPerson(me.id, { now: at, limit: 50 }))!.matches.map((m) => m.item.id)).not.toContain(
      tooBig.id,
    );
  });

  it("applies the board's filters and pages through sort=match", async () => {
    const { tag, lead } = await tagWithLead();
    const rare = `Skill-${randomUUID().slice(0, 8)}`;
    const me = await person({ skills: [rare] });
    const items = [];
    for (let i = 0; i < 3; i++)
      items.push(
        await postItem(tag.slug, lead.id, {
          skills: rare,
          kind: i === 2 ? "review" : "content",
          title: `Needle ${rare} ${i}`,
        }),
      );
    const at = await now();
    const { query } = parseBoardQuery({ tag: tag.slug, kind: "content" });
    const page1 = (await findMatchesForPerson(me.id, { now: at, limit: 1, query }))!;
    const page2 = (await findMatchesForPerson(me.id, { now: at, limit: 1, offset: 1, query }))!;
    expect(page1.hasMore).toBe(true);
    expect(page2.hasMore).toBe(false);
    expect(new Set([page1.matches[0]!.item.id, page2.matches[0]!.item.id])).toEqual(
      new Set([items[0]!.id, items[1]!.id]),
    );
    const searched = (await findMatchesForPerson(me.id, {
      now: at,
      limit: 10,
      query: parseBoardQuery({ q: "needle" }).query,
    }))!;
    expect(searched.matches.map((m) => m.item.id).sort()).toEqual(items.map((i) => i.id).sort());
  });

  it("keeps hiding and settings to the person themself", async () => {
    const me = await person();
    await expect(setItemHidden(null, { itemId: randomUUID(), hidden: true })).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
    await expect(setItemHidden(me.actor, { itemId: randomUUID(), hidden: true })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    await updateMatchSettings(
      me.actor,
      MatchSettingsSchema.parse({ preferredKinds: ["content", "project-liaison"], matchOptOut: "on" }),
    );
    expect(await db.user.findUniqueOrThrow({ where: { id: me.id } })).toMatchObject({
      preferredKinds: ["content", "project_liaison"],
      matchOptOut: true,
      digestOptIn: false,
    });
  });
});

describe("reverse match and invitations", () => {
  it("suggests available people to the item's leads only, with load, CNCF Ambassador status and TAG Ambassador roles", async () => {
    const { tag, lead, leadActor } = await tagWithLead();
    const rare = `Skill-${randomUUID().slice(0, 8)}`;
    const item = await postItem(tag.slug, lead.id, { skills: rare, region: "EMEA", effortHours: 4, places: 3 });
    const good = await person({ skills: [rare] });
    await db.user.update({ where: { id: good.id }, data: { isCncfAmbassador: true } });
    const def = await db.roleDefinition.create({
      data: {
        tagId: tag.id,
        roleKey: randomUUID(),
        version: 1,
        name: "Project liaison",
        kind: "tag_ambassador",
        ambassadorKind: "project_liaison",
        createdAt: new Date(),
      },
    });
    await db.roleAssignment.create({
      data: {
        tagId: tag.id,
        userId: good.id,
        kind: "tag_ambassador",
        status: "active",
        requestedAt: new Date(),
        startAt: new Date(),
        roleDefinitionId: def.id,
      },
    });
    await db.contributionRecord.create({
      data: {
        userId: good.id,
        tagId: tag.id,
        kind: "review",
        source: "github",
        occurredAt: new Date((await now()).getTime() - DAY),
      },
    });
    const busyItem = await postItem(tag.slug, lead.id, { effortHours: 3, places: 2 });
    const claim = await volunteerForItem(good.actor, { itemId: busyItem.id, message: "" });
    await decideClaim(leadActor, { claimId: claim.id, decision: "accept" });
    const optedOut = await person({ skills: [rare], matchOptOut: true });
    const placeholder = await person({ skills: [rare], claimed: false });
    const already = await person({ skills: [rare] });
    await volunteerForItem(already.actor, { itemId: item.id, message: "" });
    const notInterested = await person({ skills: [rare] });
    await setItemHidden(notInterested.actor, { itemId: item.id, hidden: true });
    const at = await now();

    const people = await findPeopleForItem(leadActor, item.id, { now: at, limit: 10 });
    const ids = people.map((p) => p.id);
    expect(ids[0]).toBe(good.id);
    expect(ids).not.toContain(optedOut.id);
    expect(ids).not.toContain(placeholder.id);
    expect(ids).not.toContain(already.id);
    expect(ids).not.toContain(notInterested.id);
    expect(people[0]).toMatchObject({
      isCncfAmbassador: true,
      loadHours: 3,
      acceptedClaims: 1,
      tagAmbassadorRoles: [{ tag: tag.name, role: "Project liaison" }],
      // Activity in the item's TAG under its rule (3 in 6 months): one review yesterday is quiet.
      activity: [{ tag: tag.name, status: "quiet", days: { 30: 1, 90: 1, 365: 1 } }],
    });
    expect(people[0]!.line).toMatch(
      new RegExp(`^${rare} matches their skills; EMEA like them; about 4 h, they have 7 h free this month`),
    );

    const member = await person();
    const otherLead = (await tagWithLead()).leadActor;
    for (const actor of [null, member.actor, otherLead]) {
      const before = await db.auditEvent.count({ where: { outcome: "refused", subjectId: item.id } });
      expect(await code(findPeopleForItem(actor, item.id, { now: at, limit: 10 }))).toBe("FORBIDDEN");
      expect(await db.auditEvent.count({ where: { outcome: "refused", subjectId: item.id } })).toBe(before + 1);
    }
  });

  it("shows a suggested person's monthly hours only to leads of a TAG where they volunteer or that they chose", async () => {
    const { tag, lead, leadActor } = await tagWithLead();
    const other = await tagWithLead();
    const rare = `Skill-${randomUUID().slice(0, 8)}`;
    const item = await postItem(tag.slug, lead.id, { skills: rare, effortHours: 4, places: 5 });
    const stranger = await person({ skills: [rare], hoursPerMonth: 37 });
    const elsewhere = await person({ skills: [rare], hoursPerMonth: 38 });
    await volunteerForItem(elsewhere.actor, {
      itemId: (await postItem(other.tag.slug, other.lead.id)).id,
      message: "",
    });
    const volunteer = await person({ skills: [rare], hoursPerMonth: 39 });
    await volunteerForItem(volunteer.actor, { itemId: (await postItem(tag.slug, lead.id)).id, message: "" });
    const interested = await person({ skills: [rare], hoursPerMonth: 40 });
    await db.user.update({ where: { id: interested.id }, data: { interests: [tag.slug] } });

    const people = await findPeopleForItem(leadActor, item.id, { now: await now(), limit: 10 });
    const shown = (id: string) => {
      const p = people.find((x) => x.id === id);
      if (!p) throw new Error(`${id} was not suggested`);
      return { hours: p.hoursPerMonth, free: /h free this month/.test(p.line) };
    };
    expect(shown(stranger.id)).toEqual({ hours: null, free: false });
    expect(shown(elsewhere.id)).toEqual({ hours: null, free: false });
    expect(shown(volunteer.id)).toEqual({ hours: 39, free: true });
    expect(shown(interested.id)).toEqual({ hours: 40, free: true });
    // The hours never reach the lead in any form, the reasons included.
    const strangerJson = JSON.stringify(people.find((p) => p.id === stranger.id));
    expect(strangerJson).not.toMatch(/\b37 h\b/);
  });

  it("a lead invites; the person is notified and accepts, taking a place; the claim shows as accepted", async () => {
    const { tag, lead, leadActor } = await tagWithLead();
    const item = await postItem(tag.slug, lead.id, { places: 1 });
    const amb = await person();
    const inv = await inviteToItem(leadActor, { itemId: item.id, userId: amb.id, message: "You'd be great" });
    expect(await db.claim.findUniqueOrThrow({ where: { id: inv.id } })).toMatchObject({
      status: "invited",
      invitedById: lead.id,
      message: "You'd be great",
    });
    expect(await db.auditEvent.count({ where: { action: "claim.invite", subjectId: inv.id, actorId: lead.id } })).toBe(
      1,
    );
    expect(await db.notification.count({ where: { userId: amb.id, kind: "claim.invited" } })).toBe(1);
    expect(await code(inviteToItem(leadActor, { itemId: item.id, userId: amb.id, message: "" }))).toBe("CONFLICT");
    // Invited is not volunteering: no place is taken yet, and the item is not suggested to them again.
    expect((await db.helpWantedItem.findUniqueOrThrow({ where: { id: item.id } })).placesTaken).toBe(0);

    const stranger = await person();
    expect(await code(answerInvitation(stranger.actor, { claimId: inv.id, decision: "accept" }))).toBe("FORBIDDEN");
    expect(await db.auditEvent.count({ where: { outcome: "refused", actorId: stranger.id, subjectId: inv.id } })).toBe(
      1,
    );

    expect(await answerInvitation(amb.actor, { claimId: inv.id, decision: "accept" })).toEqual({
      id: inv.id,
      status: "accepted",
    });
    expect(await db.helpWantedItem.findUniqueOrThrow({ where: { id: item.id } })).toMatchObject({
      placesTaken: 1,
      status: "filled",
    });
    expect(
      await db.auditEvent.count({ where: { action: "claim.accept-invitation", subjectId: inv.id, actorId: amb.id } }),
    ).toBe(1);
    expect(await db.notification.count({ where: { userId: lead.id, kind: "claim.invitation-accepted" } })).toBe(1);
    expect(await code(answerInvitation(amb.actor, { claimId: inv.id, decision: "decline" }))).toBe("CONFLICT");
  });

  it("only the item's leads invite, only signed-in people who did not opt out can be invited", async () => {
    const { tag, lead, leadActor } = await tagWithLead();
    const item = await postItem(tag.slug, lead.id);
    const amb = await person();
    const otherLead = (await tagWithLead()).leadActor;
    for (const actor of [null, amb.actor, otherLead])
      expect(await code(inviteToItem(actor, { itemId: item.id, userId: amb.id, message: "" }))).toBe("FORBIDDEN");
    expect(
      await code(
        inviteToItem(leadActor, { itemId: item.id, userId: (await person({ matchOptOut: true })).id, message: "" }),
      ),
    ).toBe("INVALID");
    expect(
      await code(
        inviteToItem(leadActor, { itemId: item.id, userId: (await person({ claimed: false })).id, message: "" }),
      ),
    ).toBe("INVALID");
    expect(await code(inviteToItem(leadActor, { itemId: item.id, userId: randomUUID(), message: "" }))).toBe(
      "NOT_FOUND",
    );
    expect(await db.claim.count({ where: { itemId: item.id } })).toBe(0);
  });

  it("accepting respects the last place (compare-and-swap) and the TAG's max active claims; declining takes nothing", async () => {
    const { tag, lead, leadActor } = await tagWithLead({ maxActiveClaims: 1 });
    const item = await postItem(tag.slug, lead.id, { places: 1 });
    const people = await Promise.all(Array.from({ length: 8 }, () => person()));
    const invites: { id: string }[] = [];
    for (const p of people) invites.push(await inviteToItem(leadActor, { itemId: item.id, userId: p.id, message: "" }));
    const results = await Promise.all(
      people.map((p, i) => code(answerInvitation(p.actor, { claimId: invites[i]!.id, decision: "accept" }))),
    );
    expect(results.filter((r) => r === "ok")).toHaveLength(1);
    expect(results.filter((r) => r === "CONFLICT")).toHaveLength(7);
    expect(await db.helpWantedItem.findUniqueOrThrow({ where: { id: item.id } })).toMatchObject({
      placesTaken: 1,
      status: "filled",
    });
    expect(await db.claim.count({ where: { itemId: item.id, status: "invited" } })).toBe(7);

    const winner = people[results.indexOf("ok")]!;
    const second = await postItem(tag.slug, lead.id, { places: 2 });
    const again = await inviteToItem(leadActor, { itemId: second.id, userId: winner.id, message: "" });
    await expect(answerInvitation(winner.actor, { claimId: again.id, decision: "accept" })).rejects.toThrow(
      /active claims/,
    );
    expect(await db.claim.findUniqueOrThrow({ where: { id: again.id } })).toMatchObject({ status: "invited" });
    expect(await answerInvitation(winner.actor, { claimId: again.id, decision: "decline" })).toMatchObject({
      status: "declined",
    });
    expect((await db.helpWantedItem.findUniqueOrThrow({ where: { id: second.id } })).placesTaken).toBe(0);
  });
});

describe("weekly digest", () => {
  const digest = sweeps.find((s) => s.name === "sweep-match-digests")!;

  it("sends each opted-in person their new best matches once a week, in the app and by mail", async () => {
    vi.stubEnv("DEMO", "1");
    resetEnvForTests();
    try {
      const { tag, lead } = await tagWithLead();
      const rare = `Skill-${randomUUID().slice(0, 8)}`;
      const fan = await person({ skills: [rare], digestOptIn: true });
      const quiet = await person({ skills: [rare] });
      const item = await postItem(tag.slug, lead.id, { skills: rare, title: `Digest item ${rare}` });
      const t = await now();

      await digest.run(t);
      const first = await db.notification.findMany({ where: { userId: fan.id, kind: "match.digest" } });
      expect(first).toHaveLength(1);
      expect(first[0]!.body).toContain(`Digest item ${rare}: ${rare} matches your skills`);
      expect(first[0]!.body).toContain(`/help-wanted/${item.id}`);
      expect(first[0]!.link).toBe("/help-wanted/for-you");
      expect(await db.mailMessage.count({ where: { to: fan.email!, subject: first[0]!.title } })).toBe(1);
      expect(await db.notification.count({ where: { userId: quiet.id, kind: "match.digest" } })).toBe(0);

      // Run again the same week, and concurrently: nothing more.
      await Promise.all([digest.run(new Date(t.getTime() + DAY)), digest.run(new Date(t.getTime() + DAY))]);
      await postItem(tag.slug, lead.id, { skills: rare, title: `Second digest item ${rare}` });
      await digest.run(new Date(t.getTime() + 3 * DAY));
      expect(await db.notification.count({ where: { userId: fan.id, kind: "match.digest" } })).toBe(1);

      // A week later: only what is new since the last digest.
      const later = await advanceClock(8 * DAY);
      await digest.run(later);
      const all = await db.notification.findMany({
        where: { userId: fan.id, kind: "match.digest" },
        orderBy: { createdAt: "asc" },
      });
      expect(all).toHaveLength(2);
      expect(all[1]!.body).toContain(`Second digest item ${rare}`);
      expect(all[1]!.body).not.toContain(`/help-wanted/${item.id}`);

      // Nothing new for another week: no empty digest.
      await digest.run(new Date(later.getTime() + 8 * DAY));
      expect(await db.notification.count({ where: { userId: fan.id, kind: "match.digest" } })).toBe(2);
    } finally {
      vi.unstubAllEnvs();
      resetEnvForTests();
    }
  });
});
