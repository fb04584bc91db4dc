import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { now } from "@/lib/clock";
import { DAY } from "@/lib/vocabulary";
import { defineRole } from "@/lib/roles/definitions";
import { RoleDefinitionSchema } from "@/lib/roles/schemas";
import { selfNominate } from "@/lib/elections/nominations";
import { actor, electionWorld } from "@/tests/election-world";
import { createUser } from "@/tests/factories";
import { saveLadder } from "./ladders";

const LADDER = "Contributor: 1 pull request\nReviewer: 2 reviews";

/** A person with a pull request, and `reviews` reviews, in the TAG this month. */
async function person(tagId: string, reviews: number) {
  const u = await createUser();
  const at = await now();
  await db.contributionRecord.createMany({
    data: [
      { kind: "pr" as const, days: 2 },
      ...Array.from({ length: reviews }, (_, i) => ({ kind: "review" as const, days: 3 + i })),
    ].map((r) => ({
      userId: u.id,
      tagId,
      kind: r.kind,
      source: "github" as const,
      occurredAt: new Date(at.getTime() - r.days * DAY),
    })),
  });
  return u;
}

describe("a role that requires a ladder step", () => {
  it("is defined only with a step of the TAG's ladder", async () => {
    const w = await electionWorld({ candidates: 0, voters: 0 });
    const role = (requiredStep: string) =>
      RoleDefinitionSchema.parse({ tagId: w.tag.id, name: "Project reviewer", kind: "custom", requiredStep });
    await expect(defineRole(w.leadActor, role("Reviewer"))).rejects.toMatchObject({
      code: "INVALID",
      fieldErrors: { requiredStep: ["This TAG has no leadership ladder yet: define it first."] },
    });
    await saveLadder(w.leadActor, { tagId: w.tag.id, version: 0, steps: LADDER });
    await expect(defineRole(w.leadActor, role("Shadow"))).rejects.toMatchObject({ code: "INVALID" });
    const saved = await defineRole(w.leadActor, role("Reviewer"));
    expect(
      (await db.roleDefinition.findFirstOrThrow({ where: { roleKey: saved.roleKey, supersededAt: null } }))
        .requiredStep,
    ).toBe("Reviewer");
  });

  it("lets only people who reached the step stand, unless an exception to stand was granted", async () => {
    const w = await electionWorld({ candidates: 0, voters: 0 });
    await saveLadder(w.leadActor, { tagId: w.tag.id, version: 0, steps: LADDER });
    await db.roleDefinition.update({ where: { id: w.role.id }, data: { requiredStep: "Reviewer" } });
    await w.open();
    const reviewer = await person(w.tag.id, 2);
    const newcomer = await person(w.tag.id, 1);
    const statement = "I will keep the TAG's reviews moving.";

    await expect(
      selfNominate(await actor(reviewer.id), { electionId: w.electionId, statement }),
    ).resolves.toHaveProperty("id");
    await expect(selfNominate(await actor(newcomer.id), { electionId: w.electionId, statement })).rejects.toMatchObject(
      {
        code: "FORBIDDEN",
        message: expect.stringContaining('needs the ladder step "Reviewer"; you have reached "Contributor"'),
      },
    );
    await db.electionException.create({
      data: {
        electionId: w.electionId,
        userId: newcomer.id,
        kind: "stand",
        reason: "led a sub-project",
        status: "granted",
        createdAt: await now(),
      },
    });
    await expect(
      selfNominate(await actor(newcomer.id), { electionId: w.electionId, statement }),
    ).resolves.toHaveProperty("id");
  });
});
