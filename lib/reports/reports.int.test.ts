import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { loadActor } from "@/lib/auth/actor";
import { createUser } from "@/tests/factories";
import { code, postItem, tagWithLead } from "@/tests/fixtures";
import { findPublicProfile } from "@/lib/accounts/queries";
import { findBoardItems, searchBoard } from "@/lib/help-wanted/board";
import { parseBoardQuery } from "@/lib/help-wanted/board-query";
import { hiddenTexts, listHiddenTexts, listOpenReports } from "./queries";
import { decideReport, reportText, unhideText } from "./reports";

const REASON = "This description insults a named contributor.";

/** An item of a new TAG that a new person (`ana`) reported (`r`), and a lead of another TAG (`other`). */
async function reportedItem() {
  const { tag, lead, leadActor } = await tagWithLead();
  const other = await tagWithLead();
  const item = await postItem(tag.slug, lead.id);
  const ana = await loadActor((await createUser()).id);
  const r = await reportText(ana, { subjectType: "item", subjectId: item.id, reason: REASON });
  return { tag, lead, leadActor, other, item, ana, r };
}

describe("reporting a text to the TAG's leads, who hide it with a reason", () => {
  it("a report reaches the item's TAG's leads; hiding shows the reason in place, settles every report and is audited", async () => {
    const { tag, lead, leadActor } = await tagWithLead();
    const item = await postItem(tag.slug, lead.id);
    const [ana, ben] = await Promise.all([createUser(), createUser()]);
    const anaActor = await loadActor(ana.id);
    const r1 = await reportText(anaActor, { subjectType: "item", subjectId: item.id, reason: REASON });
    expect(await code(reportText(anaActor, { subjectType: "item", subjectId: item.id, reason: REASON }))).toBe(
      "CONFLICT",
    );
    await reportText(await loadActor(ben.id), { subjectType: "item", subjectId: item.id, reason: `${REASON} Again.` });

    const open = await listOpenReports(tag.id);
    expect(open.map((r) => r.reporter).sort()).toEqual([ana.login, ben.login].sort());
    const { title } = await db.helpWantedItem.findUniqueOrThrow({ where: { id: item.id }, select: { title: true } });
    expect(open[0]!.text?.title).toBe(title);
    expect(await db.notification.count({ where: { userId: lead.id, kind: "help-wanted.text-reported" } })).toBe(2);

    // Only the TAG's leads (or an admin) decide; a reason is required to hide.
    expect(await code(decideReport(anaActor, { reportId: r1.id, decision: "hide", reason: "Insulting" }))).toBe(
      "FORBIDDEN",
    );
    expect(await code(decideReport(leadActor, { reportId: r1.id, decision: "hide", reason: "" }))).toBe("INVALID");
    await decideReport(leadActor, { reportId: r1.id, decision: "hide", reason: "Insulting a contributor" });
    expect((await hiddenTexts("item", [item.id])).get(item.id)).toBe("Insulting a contributor");
    expect(await listOpenReports(tag.id)).toHaveLength(0);
    // The refused attempt is in the log too; the change is the lead's entry.
    const audit = await db.auditEvent.findFirst({ where: { action: "text.hide", subjectId: r1.id, actorId: lead.id } });
    expect(audit?.after).toMatchObject({ subjectType: "item", subjectId: item.id, reason: "Insulting a contributor" });
  });

  it("a lead shows a hidden text again with a reason; the hide stays in the log; others cannot", async () => {
    const { tag, lead, leadActor, other, item, ana, r } = await reportedItem();
    await decideReport(leadActor, { reportId: r.id, decision: "hide", reason: "Insulting a contributor" });
    expect((await listHiddenTexts(tag.id)).map((h) => [h.subjectId, h.reason])).toEqual([
      [item.id, "Insulting a contributor"],
    ]);

    const again = { subjectType: "item", subjectId: item.id, reason: "The author rewrote it." };
    for (const who of [ana, other.leadActor, null]) expect(await code(unhideText(who, again))).toBe("FORBIDDEN");
    expect(await code(unhideText(leadActor, { ...again, reason: "" }))).toBe("INVALID");
    expect((await hiddenTexts("item", [item.id])).size).toBe(1);

    await unhideText(leadActor, again);
    expect((await hiddenTexts("item", [item.id])).size).toBe(0);
    expect(await listHiddenTexts(tag.id)).toEqual([]);
    const audit = await db.auditEvent.findFirstOrThrow({
      where: { action: "text.unhide", subjectId: item.id, actorId: lead.id },
    });
    expect(audit.before).toMatchObject({ reason: "Insulting a contributor" });
    expect(audit.after).toMatchObject({ reason: "The author rewrote it." });
    expect(await code(unhideText(leadActor, again))).toBe("NOT_FOUND");
  });

  it("keeping a text settles that report only; another TAG's lead cannot decide; a bio goes to the admins", async () => {
    const { lead, leadActor, other, item, ana, r } = await reportedItem();
    expect(await code(decideReport(other.leadActor, { reportId: r.id, decision: "keep" }))).toBe("FORBIDDEN");
    await decideReport(leadActor, { reportId: r.id, decision: "keep" });
    expect(await code(decideReport(leadActor, { reportId: r.id, decision: "keep" }))).toBe("CONFLICT");
    expect((await hiddenTexts("item", [item.id])).size).toBe(0);
    expect(await db.auditEvent.count({ where: { action: "text.keep", subjectId: r.id } })).toBe(1);

    // Public pages name a bio by its person's login; one's own bio is edited, not reported.
    const bio = await reportText(ana, { subjectType: "bio", login: lead.login.toUpperCase(), reason: REASON });
    expect(await code(reportText(leadActor, { subjectType: "bio", login: lead.login, reason: REASON }))).toBe(
      "CONFLICT",
    );
    expect((await listOpenReports(null)).map((x) => x.id)).toContain(bio.id);
    expect(await code(decideReport(leadActor, { reportId: bio.id, decision: "hide", reason: "Spam" }))).toBe(
      "FORBIDDEN",
    );
    const admin = await loadActor((await createUser({ isAdmin: true })).id);
    await decideReport(admin, { reportId: bio.id, decision: "hide", reason: "Spam links" });
    expect((await hiddenTexts("bio", [lead.id])).get(lead.id)).toBe("Spam links");
    await db.user.update({ where: { id: lead.id }, data: { bio: "Visit my spam" } });
    expect(await findPublicProfile(lead.login)).toMatchObject({ bio: "", bioHidden: "Spam links" });
  });

  it("refuses signed-out callers and texts that do not exist", async () => {
    const ana = await loadActor((await createUser()).id);
    expect(await code(reportText(null, { subjectType: "bio", subjectId: ana!.id, reason: REASON }))).toBe("FORBIDDEN");
    expect(await code(reportText(ana, { subjectType: "update", subjectId: crypto.randomUUID(), reason: REASON }))).toBe(
      "NOT_FOUND",
    );
  });

  it("a hidden item leaves the board, its search and the cards of for-you until it is shown again", async () => {
    const { tag, lead, leadActor } = await tagWithLead();
    const item = await postItem(tag.slug, lead.id);
    const { title } = await db.helpWantedItem.findUniqueOrThrow({ where: { id: item.id }, select: { title: true } });
    const at = new Date();
    const listed = async () => ({
      board: (await searchBoard(parseBoardQuery({ tag: tag.slug }).query, at)).items.map((i) => i.id),
      search: (await searchBoard(parseBoardQuery({ tag: tag.slug, q: title }).query, at)).items.map((i) => i.id),
      cards: (await findBoardItems([item.id], at)).map((i) => i.id),
    });
    expect(await listed()).toEqual({ board: [item.id], search: [item.id], cards: [item.id] });

    const ana = await loadActor((await createUser()).id);
    const r = await reportText(ana, { subjectType: "item", subjectId: item.id, reason: REASON });
    await decideReport(leadActor, { reportId: r.id, decision: "hide", reason: "Insulting a contributor" });
    expect(await listed()).toEqual({ board: [], search: [], cards: [] });

    await unhideText(leadActor, { subjectType: "item", subjectId: item.id, reason: "The author rewrote it." });
    expect(await listed()).toEqual({ board: [item.id], search: [item.id], cards: [item.id] });
  });
});
