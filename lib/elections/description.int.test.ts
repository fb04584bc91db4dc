import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { actor, contributor, electionWorld } from "@/tests/election-world";
import { updateElectionRules } from "./elections";
import { endorseNomination } from "./nominations";
import { endorsersOf, getElection } from "./queries";
import { UpdateRulesSchema } from "./schemas";

describe("description, voting guide and candidate pages (issue 20, point 1)", () => {
  it("officers write the description and voting guide while a draft; everyone reads them once nominations open", async () => {
    const w = await electionWorld({
      extra: {
        description: "# Two seats\nFor the TAG's **security** reviews.",
        votingGuide: "Rank as many as you like.",
      },
    });
    const stored = await db.election.findUniqueOrThrow({ where: { id: w.electionId } });
    expect(stored.description).toBe("# Two seats\nFor the TAG's **security** reviews.");
    await updateElectionRules(w.leadActor, { electionId: w.electionId, votingGuide: "Rank; ties are allowed." });
    expect(
      UpdateRulesSchema.safeParse({ electionId: w.electionId, description: "x".repeat(20_001) }).error?.issues[0]
        ?.message,
    ).toBe("At most 20,000 characters");
    await w.open();
    const e = await getElection(w.electionId, null);
    expect(e.votingGuide).toBe("Rank; ties are allowed.");
    expect(e.description).toContain("security");
    // The rules froze with nominations: the guide cannot change any more.
    await expect(
      updateElectionRules(w.leadActor, { electionId: w.electionId, votingGuide: "changed" }),
    ).rejects.toThrow(/froze/);
  });

  it("a candidate's endorsers are listed in the order they endorsed", async () => {
    const w = await electionWorld({ voters: 2, extra: { endorsementsRequired: 2 } });
    await w.open();
    const n = w.nominationIds[0]!;
    const extra = await contributor(w.tag.id);
    await endorseNomination(await actor(w.voters[1]!.id), { nominationId: n });
    await endorseNomination(await actor(extra.id), { nominationId: n });
    expect(await endorsersOf(n)).toEqual([w.voters[1]!.login, extra.login]);
    expect(await endorsersOf(w.nominationIds[1]!)).toEqual([]);
  });
});
