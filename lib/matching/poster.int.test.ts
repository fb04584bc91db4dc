import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { loadActor } from "@/lib/auth/actor";
import { now } from "@/lib/clock";
import { createItem } from "@/lib/help-wanted/items";
import { itemSchema } from "@/lib/help-wanted/schemas";
import { createTag, createUser } from "@/tests/factories";
import { findPeopleForItem } from "./queries";
import { invalidateSnapshot } from "./snapshot";

/** A signed-in person whose profile fits the skill; a lead of the TAG when `kind` is given. */
async function fitting(skill: string, tagId: string, kind?: "chair" | "tech_lead") {
  const u = await createUser({ region: "EMEA" });
  await db.user.update({
    where: { id: u.id },
    data: { skills: [skill], hoursPerMonth: 10, claimedAt: new Date() },
  });
  if (kind)
    await db.roleAssignment.create({
      data: { tagId, userId: u.id, kind, status: "active", requestedAt: new Date(), startAt: new Date() },
    });
  return u;
}

describe("suggested people for an item", () => {
  it("never include the lead who posted it, though their profile fits; another lead who fits is suggested", async () => {
    invalidateSnapshot();
    const tag = await createTag();
    const skill = `Skill-${randomUUID().slice(0, 8)}`;
    const poster = await fitting(skill, tag.id, "chair");
    const otherLead = await fitting(skill, tag.id, "tech_lead");
    const volunteer = await fitting(skill, tag.id);
    const input = itemSchema(await now()).parse({
      title: `Item ${randomUUID()}`,
      body: "Details",
      tags: tag.slug,
      kind: "content",
      places: 1,
      skills: skill,
    });
    const item = await createItem(await loadActor(poster.id), input);
    invalidateSnapshot();

    for (const viewer of [poster, otherLead]) {
      const people = await findPeopleForItem(await loadActor(viewer.id), item.id, { now: await now(), limit: 10 });
      const ids = people.map((p) => p.id);
      expect(ids).toContain(volunteer.id);
      expect(ids).not.toContain(poster.id);
    }
    const seenByPoster = await findPeopleForItem(await loadActor(poster.id), item.id, { now: await now(), limit: 10 });
    expect(seenByPoster.map((p) => p.id)).toContain(otherLead.id);
  });
});
