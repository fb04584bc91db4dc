import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { loadActor } from "@/lib/auth/actor";
import { activityFor } from "@/lib/contributions/activity";
import { now } from "@/lib/clock";
import { createTag, createUser } from "@/tests/factories";
import { code, createSeat, postItem, tagWithLead } from "@/tests/fixtures";
import * as claims from "./claims";
import { closeItem, createItem } from "./items";
import { getItemView } from "./item-view";
import { flagStaleClaims } from "./sweep";
import { getLeadConsole } from "./queries";
import { isStaleClaim, staleAfterDaysOf } from "./stale-claims";
import { loadDashboards } from "@/lib/dashboards/load";
import { itemSchema } from "./schemas";
import { DAY } from "@/lib/vocabulary";

/** The item's places taken and status: what volunteering, withdrawing and releasing change. */
const placesOf = (id: string) =>
  db.helpWantedItem.findUniqueOrThrow({ where: { id }, select: { placesTaken: true, status: true } });

describe("volunteering", () => {
  it("50 people racing for the last place with auto-accept: exactly one gets it", async () => {
    const { tag, lead } = await tagWithLead({ autoAccept: true });
    const item = await postItem(tag.slug, lead.id);
    const people = await Promise.all(Array.from({ length: 50 }, () => createUser()));
    const actors = await Promise.all(people.map((p) => loadActor(p.id)));
    const results = await Promise.all(
      actors.map((a) => code(claims.volunteerForItem(a, { itemId: item.id, message: "me!" }))),
    );
    expect(results.filter((r) => r === "ok")).toHaveLength(1);
    expect(results.filter((r) => r === "CONFLICT")).toHaveLength(49);
    expect(await db.claim.count({ where: { itemId: item.id } })).toBe(1);
    expect(await db.claim.count({ where: { itemId: item.id, status: "accepted" } })).toBe(1);
    expect(await db.auditEvent.count({ where: { action: "claim.accept", tagId: tag.id } })).toBe(1);
    expect(await placesOf(item.id)).toEqual({ placesTaken: 1, status: "filled" });
  });

  it("two leads accepting different requests for the last place at once: one succeeds", async () => {
    const { tag, lead } = await tagWithLead();
    const lead2 = await createUser();
    await createSeat(tag.id, lead2.id, "tech_lead");
    const item = await postItem(tag.slug, lead.id);
    const [v1, v2] = await Promise.all([createUser(), createUser()]);
    const c1 = await claims.volunteerForItem(await loadActor(v1.id), { itemId: item.id, message: "" });
    const c2 = await claims.volunteerForItem(await loadActor(v2.id), { itemId: item.id, message: "" });
    expect(c1.status).toBe("requested");
    const [a1, a2] = [await loadActor(lead.id), await loadActor(lead2.id)];
    const results = await Promise.all([
      code(claims.decideClaim(a1, { claimId: c1.id, decision: "accept" })),
      code(claims.decideClaim(a2, { claimId: c2.id, decision: "accept" })),
    ]);
    expect(results.sort()).toEqual(["CONFLICT", "ok"]);
    expect(await db.claim.count({ where: { itemId: item.id, status: "accepted" } })).toBe(1);
    expect(await db.claim.count({ where: { itemId: item.id, status: "requested" } })).toBe(1);
  });

  it("a person holds at most the TAG's max active claims, and cannot volunteer twice", async () => {
    const { tag, lead } = await tagWithLead({ autoAccept: true, maxActiveClaims: 1 });
    const [i1, i2] = [await postItem(tag.slug, lead.id), await postItem(tag.slug, lead.id)];
    const v = await loadActor((await createUser()).id);
    expect(await code(claims.volunteerForItem(v, { itemId: i1.id, message: "" }))).toBe("ok");
    await expect(claims.volunteerForItem(v, { itemId: i2.id, message: "" })).rejects.toThrow(/limit/);
    expect(await code(claims.volunteerForItem(v, { itemId: i1.id, message: "" }))).toBe("CONFLICT");
  });

  it("a lead's acceptance may bring a person up to the limit, not past it", async () => {
    const { tag, lead, leadActor } = await tagWithLead({ maxActiveClaims: 1 });
    const [i1, i2] = [await postItem(tag.slug, lead.id), await postItem(tag.slug, lead.id)];
    const v = await loadActor((await createUser()).id);
    const [c1, c2] = [
      await claims.volunteerForItem(v, { itemId: i1.id, message: "" }),
      await claims.volunteerForItem(v, { itemId: i2.id, message: "" }),
    ];
    expect(await code(claims.decideClaim(leadActor, { claimId: c1.id, decision: "accept" }))).toBe("ok");
    await expect(claims.decideClaim(leadActor, { claimId: c2.id, decision: "accept" })).rejects.toThrow(
      /maximum of active claims/,
    );
    expect(await db.claim.findUniqueOrThrow({ where: { id: c2.id } })).toMatchObject({ status: "requested" });
  });

  it("volunteering is rate-limited per person; others are unaffected", async () => {
    const { tag, lead } = await tagWithLead();
    const items = await Promise.all(Array.from({ length: 12 }, () => postItem(tag.slug, lead.id)));
    const spammer = await loadActor((await createUser()).id);
    const results: string[] = [];
    for (const it of items) results.push(await code(claims.volunteerForItem(spammer, { itemId: it.id, message: "" })));
    expect(results.slice(0, 10).every((r) => r === "ok")).toBe(true);
    expect(results.slice(10)).toEqual(["RATE_LIMITED", "RATE_LIMITED"]);
    const other = await loadActor((await createUser()).id);
    expect(await code(claims.volunteerForItem(other, { itemId: items[11]!.id, message: "" }))).toBe("ok");
  });
});

describe("a claim from request to completed work", () => {
  it("request, accept, progress, follow-up, done with evidence, confirm: a contribution record and a closed item", async () => {
    const { tag, lead, leadActor } = await tagWithLead();
    const item = await postItem(tag.slug, lead.id);
    const volunteer = await createUser();
    const va = await loadActor(volunteer.id);
    const claim = await claims.volunteerForItem(va, { itemId: item.id, message: "I know this area" });
    await claims.decideClaim(leadActor, { claimId: claim.id, decision: "accept" });
    await claims.postProgress(va, { claimId: claim.id, body: "Draft is up", link: "https://example.org/draft" });
    await claims.sendFollowUp(leadActor, { claimId: claim.id, body: "Looks good, add the diagrams" });
    expect(await db.notification.count({ where: { userId: volunteer.id, kind: "claim.follow-up" } })).toBe(1);
    expect(await code(claims.confirmCompletion(leadActor, { claimId: claim.id }))).toBe("CONFLICT"); // not done yet
    await claims.markClaimDone(va, { claimId: claim.id, evidenceUrl: "https://github.com/cncf/tag-security/pull/1" });
    const r = await claims.confirmCompletion(leadActor, { claimId: claim.id });
    expect(r.itemClosed).toBe(true);
    expect(await db.helpWantedItem.findUniqueOrThrow({ where: { id: item.id } })).toMatchObject({
      status: "closed",
      closedReason: "done",
    });
    const activity = await activityFor(volunteer.id, tag.id, {
      from: new Date(0),
      to: new Date(Date.now() + 3650 * DAY),
    });
    expect(activity.byKind.help_wanted).toBe(1);
  });

  it("withdrawing or releasing a held claim gives the place back", async () => {
    const { tag, lead, leadActor } = await tagWithLead({ autoAccept: true });
    const item = await postItem(tag.slug, lead.id);
    const [a, b] = [await loadActor((await createUser()).id), await loadActor((await createUser()).id)];
    const ca = await claims.volunteerForItem(a, { itemId: item.id, message: "" });
    expect(await code(claims.volunteerForItem(b, { itemId: item.id, message: "" }))).toBe("CONFLICT");
    await claims.withdrawClaim(a, { claimId: ca.id });
    const cb = await claims.volunteerForItem(b, { itemId: item.id, message: "" });
    await claims.releaseClaim(leadActor, { claimId: cb.id });
    expect(await placesOf(item.id)).toEqual({ placesTaken: 0, status: "open" });
  });

  it("a lead of another TAG cannot accept, release, follow up or close; nothing changes and refusals are logged", async () => {
    const { tag, lead } = await tagWithLead();
    const other = await tagWithLead();
    const item = await postItem(tag.slug, lead.id);
    const v = await loadActor((await createUser()).id);
    const claim = await claims.volunteerForItem(v, { itemId: item.id, message: "" });
    const intruder = other.leadActor;
    expect(await code(claims.decideClaim(intruder, { claimId: claim.id, decision: "accept" }))).toBe("FORBIDDEN");
    expect(await code(claims.sendFollowUp(intruder, { claimId: claim.id, body: "hi" }))).toBe("FORBIDDEN");
    expect(await code(closeItem(intruder, item.id, "not yours"))).toBe("FORBIDDEN");
    expect(await code(claims.postProgress(intruder, { claimId: claim.id, body: "fake" }))).toBe("FORBIDDEN");
    expect(await db.claim.findUniqueOrThrow({ where: { id: claim.id } })).toMatchObject({ status: "requested" });
    expect(await db.helpWantedItem.findUniqueOrThrow({ where: { id: item.id } })).toMatchObject({ status: "open" });
    expect(await db.auditEvent.count({ where: { actorId: intruder.id, outcome: "refused" } })).toBe(4);
  });

  it("a lead cannot post to another TAG's board; bad input is refused before anything is saved", async () => {
    const { leadActor } = await tagWithLead();
    const other = await createTag();
    const input = itemSchema(new Date()).parse({ title: "Somebody else's work", tags: other.slug, kind: "review" });
    expect(await code(createItem(leadActor, input))).toBe("FORBIDDEN");
    const bad = itemSchema(new Date()).safeParse({
      title: "x",
      tags: "",
      kind: "nope",
      effortHours: -3,
      dueAt: "2001-01-01",
      githubIssueUrl: "https://evil.example/issues/1",
      body: "a".repeat(20_001),
    });
    expect(bad.success).toBe(false);
    const fields = Object.keys(bad.error!.flatten().fieldErrors).sort();
    expect(fields).toEqual(["body", "dueAt", "effortHours", "githubIssueUrl", "kind", "tags", "title"]);
  });
});

describe("stale claims", () => {
  it("an accepted claim with no update for the TAG's stale-after days is flagged once; progress clears it", async () => {
    const { tag, lead } = await tagWithLead({ autoAccept: true });
    await db.tag.update({ where: { id: tag.id }, data: { staleAfterDays: 21 } });
    const item = await postItem(tag.slug, lead.id);
    const volunteer = await createUser();
    const va = await loadActor(volunteer.id);
    const claim = await claims.volunteerForItem(va, { itemId: item.id, message: "" });
    const t0 = await now();
    await flagStaleClaims(new Date(t0.getTime() + 20 * DAY));
    expect((await db.claim.findUniqueOrThrow({ where: { id: claim.id } })).staleNotifiedAt).toBeNull();
    const later = new Date(t0.getTime() + 22 * DAY);
    await flagStaleClaims(later);
    await flagStaleClaims(later);
    expect(await db.notification.count({ where: { userId: volunteer.id, kind: "claim.stale" } })).toBe(1);
    expect(await db.notification.count({ where: { userId: lead.id, kind: "claim.stale" } })).toBe(1);
    await claims.postProgress(va, { claimId: claim.id, body: "back on it" });
    expect((await db.claim.findUniqueOrThrow({ where: { id: claim.id } })).staleNotifiedAt).toBeNull();
  });

  it("an item shared by TAGs goes stale by the strictest setting, the same for the sweep, the lead console of each TAG and the dashboard", async () => {
    const relaxed = await tagWithLead({ autoAccept: true });
    const strict = await tagWithLead({ autoAccept: true });
    await db.tag.update({ where: { id: relaxed.tag.id }, data: { staleAfterDays: 30 } });
    await db.tag.update({ where: { id: strict.tag.id }, data: { staleAfterDays: 7 } });
    const input = itemSchema(await now()).parse({
      title: "Shared threat model",
      tags: `${relaxed.tag.slug},${strict.tag.slug}`,
      kind: "content",
    });
    const item = await createItem(await loadActor((await createUser({ isAdmin: true })).id), input);
    const volunteer = await createUser();
    const claim = await claims.volunteerForItem(await loadActor(volunteer.id), { itemId: item.id, message: "" });
    const t0 = (await db.claim.findUniqueOrThrow({ where: { id: claim.id } })).lastActivityAt;
    const consoleSays = async (tagId: string, at: Date) =>
      (await getLeadConsole(tagId, 6, at)).held.find((c) => c.id === claim.id)?.stale;
    const dashboardSays = async (tagId: string, at: Date) => {
      const [d] = await loadDashboards([tagId], at, true);
      return { count: d!.flow.stale, listed: d!.staleClaims.some((c) => c.itemId === item.id) };
    };

    const early = new Date(t0.getTime() + 6 * DAY);
    expect(
      isStaleClaim(
        { status: "accepted", lastActivityAt: t0 },
        staleAfterDaysOf([{ staleAfterDays: 30 }, { staleAfterDays: 7 }]),
        early,
      ),
    ).toBe(false);
    expect(await consoleSays(relaxed.tag.id, early)).toBe(false);
    expect(await dashboardSays(relaxed.tag.id, early)).toEqual({ count: 0, listed: false });
    expect(await flagStaleClaims(early)).toBe(0);

    const later = new Date(t0.getTime() + 8 * DAY);
    expect(await consoleSays(relaxed.tag.id, later)).toBe(true);
    expect(await consoleSays(strict.tag.id, later)).toBe(true);
    expect(await dashboardSays(relaxed.tag.id, later)).toEqual({ count: 1, listed: true });
    expect(await flagStaleClaims(later)).toBe(1);
    expect((await db.claim.findUniqueOrThrow({ where: { id: claim.id } })).staleNotifiedAt).toEqual(later);
  });
});

describe("the item page's volunteers", () => {
  it("list a pending offer for every viewer, then the accepted volunteer; a declined one is not", async () => {
    const { tag, lead, leadActor } = await tagWithLead();
    const item = await postItem(tag.slug, lead.id, { places: 2 });
    const [first, second] = await Promise.all([createUser(), createUser()]);
    const volunteers = async () =>
      (await getItemView(item.id, null, await now()))!.people.map((c) => [c.user.login, c.status]);
    expect(await volunteers()).toEqual([]);

    const offer = await claims.volunteerForItem(await loadActor(first.id), { itemId: item.id, message: "" });
    expect(await volunteers()).toEqual([[first.login, "requested"]]);

    const declined = await claims.volunteerForItem(await loadActor(second.id), { itemId: item.id, message: "" });
    await claims.decideClaim(leadActor, { claimId: declined.id, decision: "decline" });
    await claims.decideClaim(leadActor, { claimId: offer.id, decision: "accept" });
    expect(await volunteers()).toEqual([[first.login, "accepted"]]);
  });
});
