import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { loadActor } from "@/lib/auth/actor";
import { now } from "@/lib/clock";
import { createUser } from "@/tests/factories";
import { code, tagWithLead as techLeadTag } from "@/tests/fixtures";
import { checkInInitiative, createInitiative, joinInitiative, setInitiativeState } from "./mutations";
import { getInitiative } from "./queries";
import { flagStaleInitiatives } from "./sweep";
import { DAY } from "@/lib/vocabulary";

/** A TAG whose tech lead acts in these tests. */
async function tagWithLead() {
  const { tag, leadActor } = await techLeadTag({}, "tech_lead");
  return { tag, lead: leadActor };
}

describe("initiatives", () => {
  it("a lead starts one with a sponsor; people join and check in; leads complete it", async () => {
    const { tag, lead } = await tagWithLead();
    const sponsor = await createUser();
    const ini = await createInitiative(lead, {
      tagId: tag.id,
      name: "Supply chain guide",
      description: "",
      exitCriteria: "Guide published",
      sponsorLogin: sponsor.login,
    });
    const member = await loadActor((await createUser()).id);
    await joinInitiative(member, { initiativeId: ini.id });
    expect(await code(joinInitiative(member, { initiativeId: ini.id }))).toBe("CONFLICT");
    await checkInInitiative(member, { initiativeId: ini.id, body: "Outline done" });
    const full = await getInitiative(ini.id);
    expect(full).toMatchObject({ state: "in_progress" });
    expect(full!.participants).toHaveLength(2);
    expect(full!.checkIns).toHaveLength(1);
    await setInitiativeState(lead, { initiativeId: ini.id, state: "complete" });
    expect((await getInitiative(ini.id))!.state).toBe("complete");
  });

  it("a lead of another TAG cannot start or change one; an outsider cannot check in", async () => {
    const { tag, lead } = await tagWithLead();
    const other = await tagWithLead();
    expect(
      await code(
        createInitiative(other.lead, { tagId: tag.id, name: "Not mine", description: "", exitCriteria: "n/a" }),
      ),
    ).toBe("FORBIDDEN");
    const ini = await createInitiative(lead, { tagId: tag.id, name: "Mine", description: "", exitCriteria: "done" });
    expect(await code(setInitiativeState(other.lead, { initiativeId: ini.id, state: "complete" }))).toBe("FORBIDDEN");
    const outsider = await loadActor((await createUser()).id);
    expect(await code(checkInInitiative(outsider, { initiativeId: ini.id, body: "hello" }))).toBe("FORBIDDEN");
    expect(await db.initiativeCheckIn.count({ where: { initiativeId: ini.id } })).toBe(0);
  });

  it("is flagged stale after three months without a check-in, once; leads are told", async () => {
    const { tag, lead } = await tagWithLead();
    const ini = await createInitiative(lead, {
      tagId: tag.id,
      name: "Quiet one",
      description: "",
      exitCriteria: "done",
    });
    const t = await now();
    expect(await flagStaleInitiatives(new Date(t.getTime() + 80 * DAY))).toBe(0);
    const later = new Date(t.getTime() + 91 * DAY);
    expect(await flagStaleInitiatives(later)).toBeGreaterThanOrEqual(1);
    await flagStaleInitiatives(later);
    expect((await getInitiative(ini.id))!.state).toBe("stale");
    expect(await db.notification.count({ where: { userId: lead.id, kind: "initiative.stale" } })).toBe(1);
  });
});
