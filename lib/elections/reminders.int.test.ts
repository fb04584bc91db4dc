import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { electionWorld } from "@/tests/election-world";
import { sweeps } from "@/lib/worker/sweeps";
import { DAY } from "@/lib/vocabulary";

const reminderSweep = sweeps.find((s) => s.name === "sweep-vote-reminders")!;
const reminders = (userId: string) =>
  db.notification.findMany({ where: { userId, kind: "election.vote-reminder" }, orderBy: { createdAt: "asc" } });

describe("vote reminders", () => {
  it("reminds only those on the roll who have not voted, two days and one day before close, once each", async () => {
    const w = await electionWorld({ voters: 3, candidates: 2 });
    await w.open();
    await w.startVoting();
    await w.cast(0, [[w.nominationIds[0]!]]);
    const e = await db.election.findUniqueOrThrow({ where: { id: w.electionId } });
    const close = e.votingCloseAt.getTime();
    const [voted, idle, late] = w.voters;

    // Three days out: nothing yet.
    expect(await reminderSweep.run(new Date(close - 3 * DAY))).toBe(0);
    // Inside two days: each who has not voted hears once, however often the sweep runs.
    const twoDays = new Date(close - 2 * DAY + 60_000);
    await reminderSweep.run(twoDays);
    await reminderSweep.run(twoDays);
    expect((await reminders(idle!.id)).map((n) => n.title)).toEqual([`Two days left to vote: ${e.title}`]);
    expect(await reminders(late!.id)).toHaveLength(1);
    expect(await reminders(voted!.id)).toHaveLength(0);

    // One who votes between the reminders gets no second one.
    await w.cast(2, [[w.nominationIds[1]!]]);
    const oneDay = new Date(close - DAY + 60_000);
    await reminderSweep.run(oneDay);
    await reminderSweep.run(oneDay);
    expect((await reminders(idle!.id)).map((n) => n.title)).toEqual([
      `Two days left to vote: ${e.title}`,
      `One day left to vote: ${e.title}`,
    ]);
    expect(await reminders(late!.id)).toHaveLength(1);
    expect(await reminders(voted!.id)).toHaveLength(0);

    // Never reveals who has not voted: reminders reach only their own non-voter on the roll (the
    // lead is on it as a leader), none reaches anyone off the roll, and none names another person.
    const rollIds = (await db.electionVoter.findMany({ where: { electionId: w.electionId } })).map((v) => v.userId);
    for (const other of w.candidates) {
      expect(rollIds).not.toContain(other.id);
      expect(await reminders(other.id)).toHaveLength(0);
    }
    for (const n of await reminders(idle!.id)) expect(n.body).not.toMatch(/@/);

    // After close, nothing more.
    expect(await reminderSweep.run(new Date(close + 60_000))).toBe(0);
  });

  it("a person first seen inside the last day gets only the one-day reminder; elections not voting are skipped", async () => {
    const w = await electionWorld({ voters: 1, candidates: 2 });
    await w.open();
    const e = await db.election.findUniqueOrThrow({ where: { id: w.electionId } });
    // Still in nominations: no reminder even inside two days of close.
    expect(await reminderSweep.run(new Date(e.votingCloseAt.getTime() - DAY - 60_000))).toBe(0);
    await w.startVoting();
    await reminderSweep.run(new Date(e.votingCloseAt.getTime() - 60 * 60_000));
    expect((await reminders(w.voters[0]!.id)).map((n) => n.title)).toEqual([`One day left to vote: ${e.title}`]);
  });
});
