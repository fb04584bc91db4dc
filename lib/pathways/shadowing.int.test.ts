import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { DAY } from "@/lib/vocabulary";
import { itemSchema } from "@/lib/help-wanted/schemas";
import { createItem, updateItem } from "@/lib/help-wanted/items";
import { decideClaim, volunteerForItem } from "@/lib/help-wanted/claims";
import { actorOf } from "@/tests/actors";
import { pathwayPeople, threeStepLadder } from "@/tests/fixtures";
import { createTag } from "@/tests/factories";
import { saveLadder } from "./ladders";
import { pairMentor } from "./pairings";
import { personPathways } from "./queries";
import { signOffFromItem } from "./sign-offs";

const LADDER = threeStepLadder("1 review");

/** A TAG with the ladder, a member who reached "Reviewer" with Shadow's counts met, and a mentor paired in the TAG. */
async function world() {
  const { tag, lead, member, mentor, other, at } = await pathwayPeople();
  const leadActor = actorOf(lead.id, { leadTagIds: [tag.id], chairTagIds: [tag.id] });
  await db.contributionRecord.createMany({
    data: (["pr", "review", "assessment"] as const).map((kind, i) => ({
      userId: member.id,
      tagId: tag.id,
      kind,
      source: "github" as const,
      verification: "verified" as const,
      occurredAt: new Date(at.getTime() - (i + 2) * DAY),
    })),
  });
  await saveLadder(leadActor, { tagId: tag.id, version: 0, steps: LADDER });
  // The mentor mentors someone else in the TAG: that is the right to sign off here.
  await pairMentor(leadActor, { tagId: tag.id, mentor: mentor.login, mentee: other.login });
  const item = (over: Record<string, unknown>) =>
    itemSchema(at).parse({ title: "Shadow a security assessment", tags: [tag.slug], kind: "shadow", ...over });
  return { tag, lead, member, mentor, other, at, leadActor, item };
}

const standingOf = async (userId: string, tagSlug: string, at: Date) =>
  (await personPathways(userId, at)).find((p) => p.tag.slug === tagSlug)!.standing;

describe("shadowing (a help-wanted kind with a mentor attached)", () => {
  it("a lead posts a shadowing item naming a mentor; the accepted volunteer's sign-off from it reaches the step", async () => {
    const w = await world();
    expect(await standingOf(w.member.id, w.tag.slug, w.at)).toMatchObject({ reached: "Reviewer", ready: true });
    const { id } = await createItem(w.leadActor, w.item({ mentor: `@${w.mentor.login}`, step: "Shadow" }));
    expect(await db.helpWantedItem.findUniqueOrThrow({ where: { id } })).toMatchObject({
      kind: "shadow",
      shadowMentorId: w.mentor.id,
      shadowStep: "Shadow",
    });
    await volunteerForItem(actorOf(w.member.id), { itemId: id, message: "" });
    const claim = await db.claim.findFirstOrThrow({ where: { itemId: id, userId: w.member.id } });
    // Not accepted yet: nothing to sign off.
    await expect(signOffFromItem(actorOf(w.mentor.id), { claimId: claim.id })).rejects.toMatchObject({
      code: "CONFLICT",
    });
    await decideClaim(w.leadActor, { claimId: claim.id, decision: "accept" });
    // Only the mentor the item names signs off: not the lead, not the volunteer.
    for (const who of [w.leadActor, actorOf(w.member.id)])
      await expect(signOffFromItem(who, { claimId: claim.id })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(signOffFromItem(actorOf(w.mentor.id), { claimId: claim.id })).resolves.toMatchObject({
      step: "Shadow",
      mentee: w.member.login,
    });
    expect(await standingOf(w.member.id, w.tag.slug, w.at)).toMatchObject({ reached: "Shadow", next: null });
    expect(await db.pathwaySignOff.findFirstOrThrow({ where: { userId: w.member.id } })).toMatchObject({
      itemId: id,
      mentorId: w.mentor.id,
      stepName: "Shadow",
    });
    expect(await db.auditEvent.count({ where: { tagId: w.tag.id, action: "pathway.sign-off", outcome: "ok" } })).toBe(
      1,
    );
    await expect(signOffFromItem(actorOf(w.mentor.id), { claimId: claim.id })).rejects.toMatchObject({
      code: "CONFLICT",
    });
  });

  it("refuses a shadowing item without a mentor holding the sign-off right or a step asking for it, writing nothing", async () => {
    const w = await world();
    const refused = [
      [{ step: "Shadow" }, "mentor", /Name the mentor/],
      [{ mentor: w.mentor.login }, "step", /Name the ladder step/],
      [{ mentor: w.lead.login, step: "Shadow" }, "mentor", /mentors nobody in/],
      [{ mentor: w.mentor.login, step: "Reviewer" }, "step", /needs no mentor sign-off/],
      [{ mentor: w.mentor.login, step: "Project lead" }, "step", /is not a step of the TAG's ladder/],
      [{ kind: "review", mentor: w.mentor.login }, "mentor", /Only a Shadowing item names a mentor/],
    ] as const;
    for (const [over, field, message] of refused)
      await expect(createItem(w.leadActor, w.item(over))).rejects.toMatchObject({
        code: "INVALID",
        fieldErrors: { [field]: [expect.stringMatching(message)] },
      });
    const second = await createTag();
    await expect(
      createItem(
        actorOf(w.lead.id, { leadTagIds: [w.tag.id, second.id] }),
        w.item({ tags: [w.tag.slug, second.slug], mentor: w.mentor.login, step: "Shadow" }),
      ),
    ).rejects.toMatchObject({ code: "INVALID", fieldErrors: { tags: [expect.stringMatching(/exactly one TAG/)] } });
    expect(await db.helpWantedItem.count({ where: { tags: { some: { tagId: w.tag.id } } } })).toBe(0);
  });

  it("an edit keeps the mentor checked, and turning the item into another kind drops the mentor", async () => {
    const w = await world();
    const { id } = await createItem(w.leadActor, w.item({ mentor: w.mentor.login, step: "Shadow" }));
    await expect(updateItem(w.leadActor, id, w.item({ mentor: w.other.login, step: "Shadow" }))).rejects.toMatchObject({
      code: "INVALID",
      fieldErrors: { mentor: [expect.stringMatching(/mentors nobody/)] },
    });
    expect((await db.helpWantedItem.findUniqueOrThrow({ where: { id } })).shadowMentorId).toBe(w.mentor.id);
    await updateItem(w.leadActor, id, w.item({ kind: "event" }));
    expect(await db.helpWantedItem.findUniqueOrThrow({ where: { id } })).toMatchObject({
      kind: "event",
      shadowMentorId: null,
      shadowStep: null,
    });
  });
});
