import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { loadActor } from "@/lib/auth/actor";
import { now } from "@/lib/clock";
import { createUser } from "@/tests/factories";
import { code, tagWithLead } from "@/tests/fixtures";
import { decideClaim, editProgress, postProgress, volunteerForItem } from "./claims";
import { createItem } from "./items";
import { itemSchema } from "./schemas";

async function heldClaim() {
  const { tag, lead, leadActor } = await tagWithLead();
  const input = itemSchema(await now()).parse({
    title: "Write docs",
    body: "x",
    tags: tag.slug,
    kind: "content",
    places: 1,
  });
  const item = await createItem(await loadActor(lead.id), input);
  const volunteer = await createUser();
  const va = await loadActor(volunteer.id);
  const claim = await volunteerForItem(va, { itemId: item.id, message: "" });
  await decideClaim(leadActor, { claimId: claim.id, decision: "accept" });
  await postProgress(va, { claimId: claim.id, body: "Draft is up", link: "https://example.org/draft" });
  const update = await db.claimUpdate.findFirstOrThrow({ where: { claimId: claim.id, kind: "progress" } });
  return { va, leadActor, claim, update };
}

describe("editing one's own progress update", () => {
  it("the author edits within 24 hours: the text changes, it shows as edited, the audit keeps before and after", async () => {
    const { va, claim, update } = await heldClaim();
    await editProgress(va, { updateId: update.id, body: "Draft is up, with diagrams" });
    const edited = await db.claimUpdate.findUniqueOrThrow({ where: { id: update.id } });
    expect(edited).toMatchObject({ body: "Draft is up, with diagrams", link: null });
    expect(edited.editedAt).not.toBeNull();
    const audit = await db.auditEvent.findFirstOrThrow({
      where: { action: "claim.progress-edit", subjectId: claim.id },
    });
    expect(audit.before).toMatchObject({ body: "Draft is up", link: "https://example.org/draft" });
    expect(audit.after).toMatchObject({ body: "Draft is up, with diagrams", link: null });
  });

  it("not after 24 hours by the portal clock, and never by someone else (a lead included)", async () => {
    const { va, leadActor, update } = await heldClaim();
    const other = await loadActor((await createUser()).id);
    expect(await code(editProgress(other, { updateId: update.id, body: "Hijacked" }))).toBe("FORBIDDEN");
    expect(await code(editProgress(leadActor, { updateId: update.id, body: "Hijacked" }))).toBe("FORBIDDEN");

    const at = await now();
    await db.claimUpdate.update({
      where: { id: update.id },
      data: { createdAt: new Date(at.getTime() - 24 * 3_600_000 + 60_000) },
    });
    expect(await code(editProgress(va, { updateId: update.id, body: "Still in time" }))).toBe("ok");
    await db.claimUpdate.update({
      where: { id: update.id },
      data: { createdAt: new Date(at.getTime() - 24 * 3_600_000 - 60_000) },
    });
    expect(await code(editProgress(va, { updateId: update.id, body: "Too late" }))).toBe("CONFLICT");
    expect((await db.claimUpdate.findUniqueOrThrow({ where: { id: update.id } })).body).toBe("Still in time");
    expect(await db.auditEvent.count({ where: { action: "claim.progress-edit", subjectId: update.claimId } })).toBe(1);
  });
});
