import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { loadActor } from "@/lib/auth/actor";
import { createUser } from "@/tests/factories";
import { code, tagWithLead } from "@/tests/fixtures";
import { searchAuditEvents } from "./audit-log";

/** An event in a TAG by a fresh actor, so that a search by that actor's login finds it alone. */
async function eventIn(tagId: string) {
  const by = await createUser();
  await db.auditEvent.create({
    data: { at: new Date(), actorId: by.id, action: "matrix.test", subjectType: "Tag", subjectId: tagId, tagId },
  });
  return by.login;
}

const refusalsOf = (actorId: string) =>
  db.auditEvent.count({ where: { actorId, outcome: "refused", action: "audit.view" } });

describe("the audit log as the table allows (audit.view)", () => {
  it("shows a lead their TAGs' events only, the TOC every TAG's, and refuses (audited) everyone else", async () => {
    const a = await tagWithLead();
    const b = await tagWithLead();
    const [inA, inB] = [await eventIn(a.tag.id), await eventIn(b.tag.id)];
    const toc = await loadActor((await createUser({ isTocMember: true })).id);
    const member = await loadActor((await createUser()).id);

    const seen = async (viewer: typeof toc, actorLogin: string, tagSlug?: string) =>
      (await searchAuditEvents(viewer, { actorLogin, tagSlug })).items.length;
    // The lead of A, unfiltered: A's event, not B's.
    expect([await seen(a.leadActor, inA), await seen(a.leadActor, inB)]).toEqual([1, 0]);
    expect((await searchAuditEvents(a.leadActor, { actorLogin: inA })).everyTag).toBe(false);
    expect([await seen(toc, inA), await seen(toc, inB, b.tag.slug)]).toEqual([1, 1]);
    expect((await searchAuditEvents(toc, { actorLogin: inA })).everyTag).toBe(true);
    // An unknown TAG matches nothing; it is no TAG to refuse.
    expect(await seen(a.leadActor, inA, "no-such-tag")).toBe(0);

    // Asking for another TAG's log, or any log without a lead seat, is refused and audited.
    const before = await refusalsOf(a.lead.id);
    expect(await code(searchAuditEvents(a.leadActor, { tagSlug: b.tag.slug }))).toBe("FORBIDDEN");
    expect(await refusalsOf(a.lead.id)).toBe(before + 1);
    expect(await code(searchAuditEvents(member, {}))).toBe("FORBIDDEN");
    expect(await refusalsOf(member!.id)).toBe(1);
    expect(await code(searchAuditEvents(null, {}))).toBe("FORBIDDEN");
  });
});
