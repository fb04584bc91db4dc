import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { now } from "@/lib/clock";
import { loadActor } from "@/lib/auth/actor";
import { appointLeader } from "@/lib/roles/leadership";
import { castVote } from "@/lib/decision-outcomes/votes";
import { freshToc } from "@/tests/decisions";
import { createUser, insertClaim, insertItem } from "@/tests/factories";
import { createSeat, tagWithLead } from "@/tests/fixtures";
import { leadAttention, personalAttention } from "./attention";
import { listOpenDecisions } from "@/lib/decisions/queries";
import { todayFor } from "./today";

describe("home as today's list", () => {
  it("a lead sees each TAG they lead with the list its lead console shows; a volunteer sees their own list", async () => {
    const { tag, lead, leadActor } = await tagWithLead();
    const second = await tagWithLead();
    await createSeat(second.tag.id, lead.id, "tech_lead");
    const at = await now();
    const volunteer = await createUser();
    const item = await insertItem(tag.id, { title: "Docs", createdAt: at });
    await insertClaim(item.id, volunteer.id, "requested", { createdAt: at });
    await insertClaim(item.id, lead.id, "invited", { createdAt: at });

    const actor = (await loadActor(lead.id))!;
    const today = await todayFor(actor);
    expect(today.leads.map((l) => l.tag.id).sort()).toEqual([tag.id, second.tag.id].sort());
    const mine = today.leads.find((l) => l.tag.id === tag.id)!;
    expect(mine.items).toEqual(await leadAttention(leadActor, tag.id));
    expect(mine.items[0]).toMatchObject({ key: "requests", label: "1 volunteer request waiting for an answer" });
    expect(today.personal).toEqual(await personalAttention(lead.id));
    expect(today.personal.map((i) => i.key)).toContain(`invited-${item.id}`);
    // A lead who is not on the TOC gets no decisions section.
    expect(today.decisions).toBeNull();

    const volunteerToday = await todayFor((await loadActor(volunteer.id))!);
    expect(volunteerToday.leads).toEqual([]);
    expect(volunteerToday.decisions).toBeNull();
  });

  it("a TOC member sees the open decisions still waiting for their vote apart from the ones they voted on", async () => {
    const [a, b] = await freshToc(3);
    const { tag, leadActor } = await tagWithLead();
    const first = await appointLeader(leadActor, {
      tagId: tag.id,
      login: (await createUser()).login,
      kind: "tech_lead",
      termMonths: 24,
    });
    await appointLeader(leadActor, {
      tagId: tag.id,
      login: (await createUser()).login,
      kind: "tech_lead",
      termMonths: 24,
    });
    const voted = await db.decision.findFirstOrThrow({ where: { subjectId: first.id } });
    await castVote(a!, { decisionId: voted.id, choice: "yes" });

    const today = await todayFor(a!);
    const open = await listOpenDecisions(a!);
    expect([...today.decisions!.toCast, ...today.decisions!.others].map((d) => d.id).sort()).toEqual(
      open.map((d) => d.id).sort(),
    );
    expect(today.decisions!.others.map((d) => d.id)).toContain(voted.id);
    expect(today.decisions!.toCast.map((d) => d.id)).not.toContain(voted.id);
    expect(today.decisions!.toCast.every((d) => d.viewer === "vote")).toBe(true);
    expect(today.decisions!.toCast.length).toBeGreaterThan(0);
    // Another member who has not voted has both to cast.
    expect((await todayFor(b!)).decisions!.toCast.map((d) => d.id)).toContain(voted.id);
  });
});
