import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { loadActor } from "@/lib/auth/actor";
import { createUser } from "@/tests/factories";
import { createSeat, tagWithLead } from "@/tests/fixtures";
import { getTagRepresentation, loadRepresentation } from "./load";
import { saveTargets } from "./mutations";

const failure = (p: Promise<unknown>) =>
  p.then(
    () => ({ code: "ok", fieldErrors: {} as Record<string, string[]> }),
    (e: unknown) => (e instanceof AppError ? { code: e.code, fieldErrors: e.fieldErrors } : { code: String(e) }),
  );

async function holder(
  tagId: string,
  kind: "chair" | "tech_lead" | "tag_ambassador",
  region: "APAC" | "EMEA",
  country: string | null,
) {
  const u = await createUser({ region });
  await db.user.update({ where: { id: u.id }, data: { country } });
  await createSeat(tagId, u.id, kind);
  return u;
}

describe("representation targets", () => {
  it("a chair sets them; the dashboard counts seats held now, and withholds small country groups", async () => {
    const { tag, lead, leadActor } = await tagWithLead();
    await db.user.update({ where: { id: lead.id }, data: { region: "EMEA", country: "DE" } });
    await holder(tag.id, "tech_lead", "APAC", "JP");
    for (let i = 0; i < 3; i++) await holder(tag.id, "tag_ambassador", "EMEA", "BR");
    await holder(tag.id, "tag_ambassador", "APAC", null);
    // A pending appointment holds nothing yet.
    const pending = await createUser({ region: "APAC" });
    await db.roleAssignment.create({
      data: { tagId: tag.id, userId: pending.id, kind: "tech_lead", status: "pending", requestedAt: new Date() },
    });

    await saveTargets(leadActor, {
      tagId: tag.id,
      targets: "Leadership: at least 2 from APAC\nLeadership: at least 1 from Germany\nAmbassadors: at least 2 from br",
    });

    const r = await loadRepresentation(tag.id);
    expect(r.rows.map((x) => [x.group, x.place, x.count, x.met])).toEqual([
      ["leadership", "APAC", 1, false],
      ["leadership", "Germany (DE)", null, null],
      ["ambassadors", "Brazil (BR)", 3, true],
    ]);
    expect(r.coverage).toEqual({ leadership: { given: 2, total: 2 }, ambassadors: { given: 3, total: 4 } });
    expect(r.text).toBe(
      "Leadership: at least 2 from APAC\nLeadership: at least 1 from DE\nAmbassadors: at least 2 from BR",
    );
    const audit = await db.auditEvent.findFirstOrThrow({
      where: { action: "tag.representation", tagId: tag.id, actorId: lead.id, outcome: "ok" },
    });
    expect(audit.after).toEqual({ targets: r.text });

    // Replacing them as a whole; the old text is the audit's "before".
    await saveTargets(leadActor, { tagId: tag.id, targets: "Ambassadors: at least 1 from EMEA" });
    expect((await loadRepresentation(tag.id)).text).toBe("Ambassadors: at least 1 from EMEA");
    const second = await db.auditEvent.findFirstOrThrow({
      where: { action: "tag.representation", tagId: tag.id },
      orderBy: { at: "desc" },
    });
    expect(second.before).toEqual({ targets: r.text });
  });

  it("refuses bad lines whole, other TAGs' leads and members; the dashboard needs dashboard.view", async () => {
    const { tag, leadActor } = await tagWithLead();
    const other = await tagWithLead();
    await saveTargets(leadActor, { tagId: tag.id, targets: "Leadership: at least 1 from EMEA" });

    const bad = await failure(
      saveTargets(leadActor, {
        tagId: tag.id,
        targets: "Leadership: at least 1 from APAC\nAmbassadors: at least 1 from XK",
      }),
    );
    expect(bad.code).toBe("INVALID");
    expect(bad.fieldErrors?.targets?.[0]).toContain("Line 2:");
    expect((await loadRepresentation(tag.id)).text).toBe("Leadership: at least 1 from EMEA");

    const member = (await loadActor((await createUser()).id))!;
    for (const who of [other.leadActor, member, null])
      expect((await failure(saveTargets(who, { tagId: tag.id, targets: "" }))).code).toBe("FORBIDDEN");
    expect((await failure(getTagRepresentation(member, tag.id))).code).toBe("FORBIDDEN");
    expect((await getTagRepresentation(leadActor, tag.id)).rows).toHaveLength(1);
    expect((await loadRepresentation(tag.id)).targets).toHaveLength(1);
  });
});
