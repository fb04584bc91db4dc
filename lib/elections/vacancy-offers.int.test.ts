import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { advanceClock, now } from "@/lib/clock";
import { actor, code, electionWorld } from "@/tests/election-world";
import { everyoneVotes, freshToc, openDecisionAbout } from "@/tests/decisions";
import { sweeps } from "@/lib/worker/sweeps";
import { DAY } from "@/lib/vocabulary";
import { answerVacancyOffer, getOfferChains, getOfferForViewer, offerVacancy } from "./vacancy-offers";

const offerSweep = sweeps.find((s) => s.name === "sweep-vacancy-offers")!;

/**
 * An approved election for one seat whose five voters all rank the candidates in the same order,
 * so the runners-up are known: candidates 1, 2, 3 in that order. Its winner's seat then ends early.
 */
async function vacatedElection() {
  await freshToc(3);
  const w = await electionWorld({ voters: 5, candidates: 4 });
  await w.open();
  await w.startVoting();
  for (let i = 0; i < 5; i++)
    await w.cast(
      i,
      w.nominationIds.map((n) => [n]),
    );
  await w.close();
  await everyoneVotes(w.electionId);
  const seat = await db.roleAssignment.findFirstOrThrow({ where: { electionId: w.electionId, status: "active" } });
  expect(seat.userId).toBe(w.candidates[0]!.id);
  const e = await db.election.findUniqueOrThrow({ where: { id: w.electionId } });
  expect(e.runnersUp).toEqual(w.candidates.slice(1).map((c) => c.id));
  await db.roleAssignment.update({
    where: { id: seat.id },
    data: { status: "ended", endedAt: new Date(seat.termEndAt!.getTime() - 200 * DAY) },
  });
  return { w, seat, runner: (i: number) => w.candidates[i + 1]! };
}

/** Notices of one kind an officer received. */
const officerHeard = (userId: string, kind: string) => db.notification.count({ where: { userId, kind } });

const audits = (subjectId: string) =>
  db.auditEvent.findMany({ where: { subjectId }, orderBy: { at: "asc" }, select: { action: true, actorId: true } });

describe("vacancy offers to runners-up", () => {
  it("go in order; a confirmed decline asks the next; a late answer is refused; expiry moves on; acceptance gives the seat through the TOC", async () => {
    const { w, seat, runner } = await vacatedElection();
    const ref = { electionId: w.electionId, assignmentId: seat.id, respondDays: 3 };
    expect(await code(offerVacancy(await actor(runner(0).id), ref))).toBe("FORBIDDEN");
    const first = await offerVacancy(w.leadActor, ref);
    expect(first.userId).toBe(runner(0).id);
    expect(await code(offerVacancy(w.leadActor, ref))).toBe("CONFLICT");
    // The offered person sees it; nobody else does, and nobody else can answer it.
    expect(await getOfferForViewer(first.offerId, await actor(runner(1).id))).toBeNull();
    expect((await getOfferForViewer(first.offerId, await actor(runner(0).id)))?.status).toBe("open");
    expect(
      await code(answerVacancyOffer(await actor(runner(1).id), { offerId: first.offerId, answer: "accept" })),
    ).toBe("NOT_FOUND");
    // A decline must be confirmed; once confirmed the next runner-up is asked, with the same time to answer.
    const r0 = await actor(runner(0).id);
    expect(await code(answerVacancyOffer(r0, { offerId: first.offerId, answer: "decline" }))).toBe("INVALID");
    expect(await answerVacancyOffer(r0, { offerId: first.offerId, answer: "decline", confirm: "on" })).toMatchObject({
      status: "declined",
    });
    expect(await code(answerVacancyOffer(r0, { offerId: first.offerId, answer: "accept" }))).toBe("CONFLICT");
    const second = await db.vacancyOffer.findFirstOrThrow({ where: { vacatedId: seat.id, status: "open" } });
    expect(second).toMatchObject({ userId: runner(1).id, rank: 1 });
    expect(second.respondBy.getTime() - second.offeredAt.getTime()).toBe(3 * DAY);
    expect(await db.notification.count({ where: { userId: runner(1).id, kind: "election.vacancy" } })).toBe(1);
    expect(await officerHeard(w.leadActor.id, "election.offer-declined")).toBe(1);

    // The deadline passes: a late decline is refused, and the sweep moves the offer on.
    await advanceClock(second.respondBy.getTime() - (await now()).getTime() + 60_000);
    const r1 = await actor(runner(1).id);
    const late = answerVacancyOffer(r1, { offerId: second.id, answer: "decline", confirm: "on" });
    await expect(late).rejects.toThrow(/deadline to answer passed/);
    expect(await offerSweep.run(await now())).toBe(1);
    expect(await offerSweep.run(await now())).toBe(0);
    expect((await db.vacancyOffer.findUniqueOrThrow({ where: { id: second.id } })).status).toBe("expired");
    expect(await officerHeard(w.leadActor.id, "election.offer-expired")).toBe(1);
    const third = await db.vacancyOffer.findFirstOrThrow({ where: { vacatedId: seat.id, status: "open" } });
    expect(third).toMatchObject({ userId: runner(2).id, rank: 2 });

    // Officers see the chain in order.
    const chains = await getOfferChains(w.electionId, w.leadActor);
    expect(chains.vacancies.map((v) => v.offers.map((o) => [o.login, o.status]))).toEqual([
      [
        [runner(0).login, "declined"],
        [runner(1).login, "expired"],
        [runner(2).login, "open"],
      ],
    ]);
    expect(chains.vacancies[0]!.canOffer).toBe(false);
    expect(await code(getOfferChains(w.electionId, r1))).toBe("FORBIDDEN");

    // Acceptance: a tech-lead seat is pending until the TOC approves it, for the rest of the vacated term.
    const accepted = await answerVacancyOffer(await actor(runner(2).id), { offerId: third.id, answer: "accept" });
    expect(accepted).toMatchObject({ status: "accepted", seatStatus: "pending" });
    expect(await officerHeard(w.leadActor.id, "election.offer-accepted")).toBe(1);
    expect(await officerHeard(w.leadActor.id, "election.vacancy-unfilled")).toBe(0);
    expect(await db.roleAssignment.findUniqueOrThrow({ where: { id: accepted.seatId! } })).toMatchObject({
      userId: runner(2).id,
      electionId: w.electionId,
      obtainedBy: "elected",
      termEndAt: seat.termEndAt,
    });
    expect((await openDecisionAbout(accepted.seatId!)).kind).toBe("appointment");
    await everyoneVotes(accepted.seatId!);
    expect((await db.roleAssignment.findUniqueOrThrow({ where: { id: accepted.seatId! } })).status).toBe("active");

    // Every step is in the audit log: who acted, and the clock (no actor) for the expiry.
    expect(await audits(first.offerId)).toEqual([
      { action: "election.offer-vacancy", actorId: w.leadActor.id },
      { action: "election.vacancy-decline", actorId: runner(0).id },
    ]);
    expect(await audits(second.id)).toEqual([
      { action: "election.offer-vacancy", actorId: runner(0).id },
      { action: "election.vacancy-expire", actorId: null },
    ]);
    expect((await audits(third.id)).map((a) => a.action)).toEqual([
      "election.offer-vacancy",
      "election.vacancy-accept",
    ]);
  });

  it("when the last runner-up declines, nobody is left: recorded, and the officers can no longer offer", async () => {
    const { w, seat, runner } = await vacatedElection();
    const ref = { electionId: w.electionId, assignmentId: seat.id };
    let offer = await offerVacancy(w.leadActor, ref);
    for (let i = 0; i < 3; i++) {
      expect(offer.userId).toBe(runner(i).id);
      await answerVacancyOffer(await actor(runner(i).id), { offerId: offer.offerId, answer: "decline", confirm: "on" });
      const next = await db.vacancyOffer.findFirst({ where: { vacatedId: seat.id, status: "open" } });
      if (next) offer = { offerId: next.id, userId: next.userId };
      else expect(i).toBe(2);
    }
    expect(await db.auditEvent.count({ where: { subjectId: w.electionId, action: "election.vacancy-unfilled" } })).toBe(
      1,
    );
    expect(await officerHeard(w.leadActor.id, "election.offer-declined")).toBe(3);
    expect(await officerHeard(w.leadActor.id, "election.vacancy-unfilled")).toBe(1);
    expect(await code(offerVacancy(w.leadActor, ref))).toBe("CONFLICT");
  });
});
