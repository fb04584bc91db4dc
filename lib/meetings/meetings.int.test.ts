import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { now } from "@/lib/clock";
import { DAY } from "@/lib/vocabulary";
import { activityFor } from "@/lib/contributions/activity";
import { verifyContribution } from "@/lib/contributions/self-report";
import { actorOf } from "@/tests/actors";
import { createTag, createUser } from "@/tests/factories";
import { attendMeeting, recordMeeting } from "./meetings";
import { listMeetings } from "./queries";

const notesUrl = "https://docs.example.test/tag-notes";
const meetingsOf = async (userId: string, tagId: string, at: Date) =>
  (await activityFor(userId, tagId, { from: new Date(at.getTime() - 30 * DAY), to: new Date(at.getTime() + DAY) }))
    .byKind.meeting ?? 0;

describe("meetings as contributions", () => {
  it("a lead's pasted attendee list counts at once; unknown logins are reported, not stored", async () => {
    const tag = await createTag();
    const [lead, ana, ben] = await Promise.all([createUser(), createUser(), createUser()]);
    const at = await now();
    const r = await recordMeeting(actorOf(lead.id, { leadTagIds: [tag.id] }), {
      tagId: tag.id,
      heldOn: new Date(at.getTime() - DAY),
      notesUrl,
      attendees: `@${ana.login.toUpperCase()}, ${ben.login}\nnobody-here-${Date.now()}`,
    });
    expect(r.attendees).toBe(2);
    expect(r.unknown).toEqual([expect.stringMatching(/^nobody-here-/)]);
    expect(await meetingsOf(ana.id, tag.id, at)).toBe(1);
    expect(await meetingsOf(ben.id, tag.id, at)).toBe(1);
    expect(await db.auditEvent.count({ where: { tagId: tag.id, action: "meeting.record" } })).toBe(1);
  });

  it("refuses a malformed login or a future date, writing nothing; only leads record", async () => {
    const tag = await createTag();
    const lead = actorOf((await createUser()).id, { leadTagIds: [tag.id] });
    const at = await now();
    const base = { tagId: tag.id, heldOn: new Date(at.getTime() - DAY), notesUrl };
    await expect(recordMeeting(lead, { ...base, attendees: "good-login, bad login!" })).rejects.toMatchObject({
      code: "INVALID",
      fieldErrors: { attendees: ["Not GitHub logins: login!"] },
    });
    await expect(
      recordMeeting(lead, { ...base, heldOn: new Date(at.getTime() + DAY), attendees: "" }),
    ).rejects.toMatchObject({ code: "INVALID" });
    await expect(recordMeeting(actorOf((await createUser()).id), { ...base, attendees: "" })).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
    expect(await db.meeting.count({ where: { tagId: tag.id } })).toBe(0);
  });

  it("a person ticks within 7 days; it counts once a lead confirms; a late or second tick is refused", async () => {
    const tag = await createTag();
    const [leadUser, cara] = await Promise.all([createUser(), createUser()]);
    const lead = actorOf(leadUser.id, { leadTagIds: [tag.id] });
    const at = await now();
    const recent = await recordMeeting(lead, {
      tagId: tag.id,
      heldOn: new Date(at.getTime() - 6 * DAY),
      notesUrl,
      attendees: "",
    });
    const old = await recordMeeting(lead, {
      tagId: tag.id,
      heldOn: new Date(at.getTime() - 8 * DAY),
      notesUrl,
      attendees: "",
    });

    const tick = await attendMeeting(actorOf(cara.id), { meetingId: recent.id });
    await expect(attendMeeting(actorOf(cara.id), { meetingId: recent.id })).rejects.toMatchObject({ code: "CONFLICT" });
    await expect(attendMeeting(actorOf(cara.id), { meetingId: old.id })).rejects.toMatchObject({
      code: "CONFLICT",
      message: expect.stringMatching(/within 7 days/),
    });
    expect(await meetingsOf(cara.id, tag.id, at)).toBe(0);
    let listed = await listMeetings(tag.id, cara.id, at);
    expect(listed.map((m) => [m.id, m.mine, m.tickOpen, m.waiting])).toEqual([
      [recent.id, "pending", true, [cara.login]],
      [old.id, null, false, []],
    ]);

    await verifyContribution(lead, { recordId: tick.id, decision: "verify" });
    expect(await meetingsOf(cara.id, tag.id, at)).toBe(1);
    listed = await listMeetings(tag.id, cara.id, at);
    expect(listed[0]).toMatchObject({ mine: "verified", attended: [cara.login], waiting: [] });
  });
});
