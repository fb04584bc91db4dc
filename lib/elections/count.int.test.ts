import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { now } from "@/lib/clock";
import { createUser } from "@/tests/factories";
import { createSeat } from "@/tests/fixtures";
import { buildTallyCli } from "@/tests/tally-cli";
import { actor, code, contributor, electionWorld } from "@/tests/election-world";
import { readBallotFile } from "./ballot-formats/index.ts";
import { hashSha256, outcomeToJson, packBallots, tallyElection, validateRules } from "./tally/index.ts";
import { publishElection } from "./results";
import { offerVacancy } from "./vacancy-offers";
import { castVote } from "@/lib/decision-outcomes/votes";
import { applyDecisionAgain } from "@/lib/decision-outcomes/closing";
import { loadActor } from "@/lib/auth/actor";
import { everyoneVotes, freshToc, openDecisionAbout } from "@/tests/decisions";
import { getArtifact, getElectionResults } from "./queries";
import { moveElectionPhase, advanceElectionPhases } from "./phases";
import { createElection } from "./elections";
import { CreateElectionSchema } from "./schemas";
import { sweeps } from "@/lib/worker/sweeps";
import { DAY } from "@/lib/vocabulary";

let tally: ReturnType<typeof buildTallyCli>;
beforeAll(() => {
  tally = buildTallyCli();
}, 120_000);
afterAll(() => tally?.remove());

/** What `npm run tally -- <file> --rules rules.json --json [--method m]` prints, done in-process with the same modules. */
function recount(fileName: string, text: string, rulesText: string, method: "schulze" | "stv") {
  const file = readBallotFile(fileName, text);
  const seed = hashSha256(Buffer.from(text, "utf8"));
  const outcome = tallyElection(method, {
    candidates: file.candidates,
    seats: file.seats!,
    withdrawn: file.withdrawn,
    seed,
    rules: validateRules(JSON.parse(rulesText), file.candidates),
    ...(file.ballots ? { ballots: file.ballots } : {}),
    ...(file.pairwise ? { pairwise: file.pairwise } : {}),
  });
  return `${JSON.stringify(outcomeToJson(outcome, { seed, ...(file.title ? { title: file.title } : {}) }))}\n`;
}

async function files(electionId: string, viewer: Awaited<ReturnType<typeof actor>>) {
  const get = async (name: string) => (await getArtifact(electionId, name, viewer)).content;
  return { get };
}

describe("close and count", () => {
  it("tally reproducible: result.json is what the CLI prints for ballots.blt; a shuffled ballot order gives the same result", async () => {
    const w = await electionWorld({ voters: 7, candidates: 4, publishBallots: true, seatsByRegion: { any: 2 } });
    await w.open();
    await w.startVoting();
    const [a, b, c, d] = w.nominationIds;
    const rankings = [
      [[a!], [b!]],
      [[b!], [c!], [a!]],
      [[a!, c!]],
      [[d!], [c!]],
      [[a!], [c!], [b!]],
      [[b!], [a!]],
      [[c!], [b!]],
    ];
    for (const [i, r] of rankings.entries()) await w.cast(i, r);
    expect(await w.close()).toEqual({ phase: "tallied" });
    const { get } = await files(w.electionId, w.leadActor);
    const [blt, json, rules, result, matrix] = await Promise.all(
      ["ballots.blt", "ballots.json", "rules.json", "result.json", "matrix.json"].map(get),
    );
    expect(recount("ballots.blt", blt!, rules!, "schulze")).toBe(result);
    const parsed = JSON.parse(result!) as { seed: string; winners: string[] };
    expect(parsed.seed).toBe(hashSha256(blt!));
    expect(parsed.winners).toHaveLength(2);
    // ballots.json sorted by receipt hash, ballots.blt in the same order.
    const list = JSON.parse(json!) as { receiptHash: string; ranking: string[][] }[];
    expect(list.map((x) => x.receiptHash)).toEqual(list.map((x) => x.receiptHash).sort());
    const file = readBallotFile("ballots.blt", blt!);
    const bltLines = blt!.split("\n").slice(1, 1 + list.length);
    list.forEach((x, i) =>
      expect(bltLines[i]).toBe(
        ["1", ...x.ranking.map((lvl) => lvl.map((n) => file.candidates.indexOf(n) + 1).join("=")), "0"].join(" "),
      ),
    );
    // Shuffle the ballots: the same seed (the published file's hash) gives the same winners and matrix.
    const shuffled = [...list].reverse();
    const shuffledOutcome = tallyElection("schulze", {
      candidates: file.candidates,
      seats: 2,
      seed: parsed.seed,
      rules: validateRules(JSON.parse(rules!), file.candidates),
      ballots: packBallots(
        shuffled.map((x) => ({
          weight: 1,
          ranking: x.ranking.map((lvl) => lvl.map((n) => file.candidates.indexOf(n))),
        })),
      ),
    });
    expect(shuffledOutcome.winners).toEqual(parsed.winners);
    expect(shuffledOutcome.method === "schulze" && shuffledOutcome.pairwise).toEqual(
      (JSON.parse(matrix!) as { pairwise: number[][] }).pairwise,
    );
    // The artifacts' stored SHA-256 are the files' hashes.
    const results = await getElectionResults(w.electionId, w.leadActor);
    for (const f of results.artifacts) expect(f.sha256).toBe(hashSha256(await get(f.name)));
    // And the compiled CLI prints the same text.
    const dir = mkdtempSync(join(tmpdir(), "election-"));
    try {
      writeFileSync(join(dir, "ballots.blt"), blt!);
      writeFileSync(join(dir, "rules.json"), rules!);
      expect(
        execFileSync(
          process.execPath,
          [tally.cli, join(dir, "ballots.blt"), "--rules", join(dir, "rules.json"), "--json"],
          {
            encoding: "utf8",
          },
        ),
      ).toBe(result);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("ballots withheld: only matrix.json, rules.json and result.json; the seed is matrix.json's hash and re-counts the same", async () => {
    const w = await electionWorld({ voters: 4, candidates: 3 });
    await w.open();
    await w.startVoting();
    const [a, b, c] = w.nominationIds;
    for (const [i, r] of [
      [[a!], [b!]],
      [[b!], [c!]],
      [[c!], [a!]],
      [[a!], [c!]],
    ].entries())
      await w.cast(i, r);
    await w.close();
    const results = await getElectionResults(w.electionId, w.leadActor);
    expect(results.artifacts.map((x) => x.name)).toEqual(["matrix.json", "result.json", "rules.json"]);
    const { get } = await files(w.electionId, w.leadActor);
    const [matrix, rules, result] = await Promise.all(["matrix.json", "rules.json", "result.json"].map(get));
    expect(recount("matrix.json", matrix!, rules!, "schulze")).toBe(result);
    expect(results.lot).toMatchObject({ seed: hashSha256(matrix!), seedSource: "matrix.json" });
  });

  it("STV publishes ballots always and re-counts the same with --method stv", async () => {
    const w = await electionWorld({ voters: 5, candidates: 3, method: "stv", seatsByRegion: { any: 2 } });
    await w.open();
    await w.startVoting();
    const [a, b, c] = w.nominationIds;
    for (const [i, r] of [[[a!], [b!]], [[a!], [c!]], [[b!]], [[c!], [b!]], [[a!]]].entries()) await w.cast(i, r);
    await w.close();
    const { get } = await files(w.electionId, w.leadActor);
    const [blt, rules, result] = await Promise.all(["ballots.blt", "rules.json", "result.json"].map(get));
    expect(recount("ballots.blt", blt!, rules!, "stv")).toBe(result);
    expect((await getElectionResults(w.electionId, w.leadActor)).stages?.length).toBeGreaterThan(0);
  });

  it("regional seats become minimum = maximum = continuing sitting members + seats of the region", async () => {
    const w = await electionWorld({ voters: 3, candidates: 3, seatsByRegion: { APAC: 1, EMEA: 1 } });
    // A continuing APAC tech lead (term ends after the cycle).
    const sitting = await createUser({ region: "APAC" });
    const at = await now();
    await createSeat(w.tag.id, sitting.id, "tech_lead", {
      regionAtStart: "APAC",
      requestedAt: at,
      termEndAt: new Date(at.getTime() + 400 * DAY),
      roleDefinitionId: w.role.id,
    });
    await w.open();
    await w.startVoting();
    const [apac, emea, americas] = w.nominationIds; // candidates' regions: APAC, EMEA, Americas
    for (let i = 0; i < 3; i++) await w.cast(i, [[americas!], [apac!], [emea!]]);
    await w.close();
    const rules = JSON.parse((await getArtifact(w.electionId, "rules.json", w.leadActor)).content) as Record<
      string,
      unknown
    >;
    expect(rules.minPerRegion).toEqual({ APAC: 2, EMEA: 1 });
    expect(rules.maxPerRegion).toEqual({ APAC: 2, EMEA: 1, Americas: 0 });
    expect(rules.sitting).toEqual([{ region: "APAC" }]);
    const results = await getElectionResults(w.electionId, w.leadActor);
    expect(results.winners.map((x) => x.region).sort()).toEqual(["APAC", "EMEA"]);
  });

  it("refuses to count when participation and ballots disagree", async () => {
    const w = await electionWorld({ voters: 2 });
    await w.open();
    await w.startVoting();
    await w.cast(0, [[w.nominationIds[0]!]]);
    await db.ballot.create({
      data: { electionId: w.electionId, choices: [[w.nominationIds[1]!]], receiptHash: "f".repeat(64) },
    });
    await expect(w.close()).rejects.toThrow(/disagree/);
    expect((await db.election.findUniqueOrThrow({ where: { id: w.electionId } })).phase).toBe("closed");
    expect(await db.electionArtifact.count({ where: { electionId: w.electionId } })).toBe(0);
  });
});

describe("approval and roster effect", () => {
  /** Opens nominations and voting, casts five ballots over four candidates, closes and counts. */
  async function voteAndClose(w: Awaited<ReturnType<typeof electionWorld>>) {
    await w.open();
    await w.startVoting();
    const [a, b, c, d] = w.nominationIds;
    for (const [i, r] of [
      [[a!], [b!], [c!], [d!]],
      [[a!], [b!], [c!]],
      [[b!], [a!], [c!]],
      [[a!], [c!], [b!]],
      [[b!], [c!], [a!]],
    ].entries())
      await w.cast(i, r);
    await w.close();
    return w;
  }
  const tallied = async (opts: Parameters<typeof electionWorld>[0] = {}) =>
    voteAndClose(await electionWorld({ voters: 5, candidates: 4, seatsByRegion: { any: 2 }, ...opts }));

  it("the count goes to the TOC as a decision showing the result; votes racing to close it seat the winners once", async () => {
    const toc = await freshToc(3);
    const w = await tallied();
    const d = await openDecisionAbout(w.electionId);
    expect(d).toMatchObject({ kind: "election_result", status: "open", link: `/elections/${w.electionId}/results` });
    const outcome = JSON.parse(
      (await db.electionArtifact.findFirstOrThrow({ where: { electionId: w.electionId, name: "result.json" } }))
        .content,
    ) as { winners: string[] };
    expect(d.body.split("\n")[0]).toBe(`Winners, in seat order: ${outcome.winners.map((n) => `@${n}`).join(", ")}.`);
    // Three members vote at once: the decision closes once, at the threshold (2 of 3), and seats the winners once.
    const votes = await Promise.all(toc.map((m) => code(castVote(m, { decisionId: d.id, choice: "yes" }))));
    expect(votes.filter((v) => v === "ok").length).toBeGreaterThanOrEqual(2);
    const closed = await db.decision.findUniqueOrThrow({ where: { id: d.id } });
    expect(closed.status).toBe("approved");
    expect(closed.outcome).toContain("Seated:");
    expect(await db.roleAssignment.count({ where: { electionId: w.electionId } })).toBe(2);
    expect((await db.election.findUniqueOrThrow({ where: { id: w.electionId } })).phase).toBe("approved");
    expect(
      await db.auditEvent.count({ where: { subjectId: w.electionId, action: "election.approve", outcome: "ok" } }),
    ).toBe(1);
  });

  it("a tie broken by lot is on the decision before anyone votes", async () => {
    await freshToc(3);
    // Two voters rank the two candidates in opposite orders: a tie for the one seat, settled by lot.
    const w = await electionWorld({ voters: 2, candidates: 2, seatsByRegion: { any: 1 } });
    await w.open();
    await w.startVoting();
    await w.cast(0, [[w.nominationIds[0]!], [w.nominationIds[1]!]]);
    await w.cast(1, [[w.nominationIds[1]!], [w.nominationIds[0]!]]);
    await w.close();
    const d = await openDecisionAbout(w.electionId);
    expect(d.body).toMatch(/^Tie between @\S+, @\S+, broken by lot: @\S+, @\S+\.$/m);
    expect(d.body).toMatch(/The lot's seed .*: [0-9a-f]{64}\.$/m);
  });

  it("winners take active elected seats from the cycle date; first election staggers terms; ended seats close; runners-up kept", async () => {
    const w = await electionWorld({ voters: 5, candidates: 4, seatsByRegion: { any: 2 } });
    const election = await db.election.findUniqueOrThrow({ where: { id: w.electionId } });
    expect(election.staggerTerms).toBe(true);
    const at = await now();
    const ending = await createUser();
    const endingSeat = await createSeat(w.tag.id, ending.id, "tech_lead", {
      requestedAt: at,
      termEndAt: new Date(election.cycleDate.getTime() - DAY),
      roleDefinitionId: w.role.id,
    });
    // A TOC member who stood is recused from the decision; officers are not in its electorate.
    const tocCandidate = w.candidates[3]!;
    await db.user.update({ where: { id: tocCandidate.id }, data: { isTocMember: true } });
    await voteAndClose(w);
    const [a, b, c] = w.nominationIds;
    const d = await openDecisionAbout(w.electionId);
    expect(
      await db.decisionElector.findMany({
        where: { decisionId: d.id, userId: { in: [tocCandidate.id, w.leadActor.id] } },
      }),
    ).toEqual([expect.objectContaining({ userId: tocCandidate.id, recusal: "subject" })]);
    expect(await code(castVote(w.leadActor, { decisionId: d.id, choice: "yes" }))).toBe("FORBIDDEN");
    await everyoneVotes(w.electionId);
    const seats = await db.roleAssignment.findMany({
      where: { electionId: w.electionId },
      orderBy: { termEndAt: "desc" },
    });
    expect(seats).toHaveLength(2);
    for (const s of seats)
      expect(s).toMatchObject({
        status: "active",
        obtainedBy: "elected",
        kind: "tech_lead",
        roleDefinitionId: w.role.id,
        startAt: election.cycleDate,
      });
    const months = (d: Date) =>
      (d.getUTCFullYear() - election.cycleDate.getUTCFullYear()) * 12 +
      d.getUTCMonth() -
      election.cycleDate.getUTCMonth();
    expect(seats.map((s) => months(s.termEndAt!))).toEqual([24, 12]);
    const nominationUser = Object.fromEntries(
      (await db.nomination.findMany({ where: { electionId: w.electionId } })).map((n) => [n.id, n.userId]),
    );
    expect(seats.map((s) => s.userId).sort()).toEqual([nominationUser[a!], nominationUser[b!]].sort());
    expect((await db.roleAssignment.findUniqueOrThrow({ where: { id: endingSeat.id } })).status).toBe("ended");
    const after = await db.election.findUniqueOrThrow({ where: { id: w.electionId } });
    expect(after.runnersUp.slice(0, 1)).toEqual([nominationUser[c!]]);
    expect(after.runnersUp).toHaveLength(2);
    // Publication, then a vacancy is offered to the next runner-up.
    expect(await code(publishElection(await actor(w.voters[0]!.id), { electionId: w.electionId }))).toBe("FORBIDDEN");
    await publishElection(w.leadActor, { electionId: w.electionId });
    const vacated = seats[0]!;
    await db.roleAssignment.update({
      where: { id: vacated.id },
      data: { status: "ended", endedAt: new Date(election.cycleDate.getTime() + 30 * DAY) },
    });
    // The seat itself comes when the runner-up accepts (lib/elections/vacancy-offers.int.test.ts).
    const offer = await offerVacancy(w.leadActor, { electionId: w.electionId, assignmentId: vacated.id });
    expect(offer.userId).toBe(nominationUser[c!]);
    expect(await code(offerVacancy(w.leadActor, { electionId: w.electionId, assignmentId: vacated.id }))).toBe(
      "CONFLICT",
    );
    // A second election of the same TAG and role does not stagger.
    const { id: second } = await createElection(
      w.leadActor,
      CreateElectionSchema.parse({
        tagId: w.tag.id,
        roleKey: w.role.roleKey,
        title: "Next cycle",
        cycleDate: new Date(election.cycleDate.getTime() + 365 * DAY).toISOString(),
        seatsByRegion: { any: 1 },
        nominationsOpenAt: new Date(at.getTime() + 300 * DAY).toISOString(),
        nominationsCloseAt: new Date(at.getTime() + 301 * DAY).toISOString(),
        votingOpenAt: new Date(at.getTime() + 302 * DAY).toISOString(),
        votingCloseAt: new Date(at.getTime() + 303 * DAY).toISOString(),
        candidateRule: "any-member",
      }),
    );
    expect((await db.election.findUniqueOrThrow({ where: { id: second } })).staggerTerms).toBe(false);
  });

  it("a no vote sends the result back: roster unchanged, officers told; a re-count opens a new decision", async () => {
    await freshToc(3);
    const w = await tallied();
    const first = await everyoneVotes(w.electionId, "no");
    expect(first.status).toBe("rejected");
    expect(first.outcome).toContain("The roster is unchanged");
    expect(await db.roleAssignment.count({ where: { electionId: w.electionId } })).toBe(0);
    expect(await db.election.findUniqueOrThrow({ where: { id: w.electionId } })).toMatchObject({
      phase: "closed",
      sentBackReason: "The TOC did not approve the result.",
    });
    const officer = await db.electionOfficer.findFirstOrThrow({ where: { electionId: w.electionId } });
    expect(await db.notification.count({ where: { userId: officer.userId, kind: "election.sent-back" } })).toBe(1);
    expect(
      await moveElectionPhase(w.leadActor, {
        electionId: w.electionId,
        to: "tallied",
        reason: "re-count after review",
      }),
    ).toEqual({ phase: "tallied" });
    const second = await openDecisionAbout(w.electionId);
    expect(second.id).not.toBe(first.id);
  });

  it("an approval blocked by a seat rule says why on the decision, changes nothing, and can be applied again", async () => {
    await freshToc(3);
    const w = await tallied();
    // Meanwhile the role was cut to one seat with one holder: the winners no longer fit.
    const at = await now();
    const holder = await createUser();
    await createSeat(w.tag.id, holder.id, "tech_lead", { requestedAt: at, roleDefinitionId: w.role.id });
    await db.roleDefinition.update({ where: { id: w.role.id }, data: { totalSeats: 1 } });
    const d = await everyoneVotes(w.electionId);
    expect(d.status).toBe("approved");
    expect(d.blockedReason).toBeTruthy();
    expect(d.outcome).toContain(`Approved, but it could not take effect: ${d.blockedReason}`);
    expect(await db.roleAssignment.count({ where: { electionId: w.electionId } })).toBe(0);
    expect((await db.election.findUniqueOrThrow({ where: { id: w.electionId } })).phase).toBe("tallied");
    expect(
      await db.notification.count({ where: { kind: "decision.blocked", link: `/toc/decisions/${d.id}` } }),
    ).toBeGreaterThan(0);
    const toc = (await freshTocMembers())[0]!;
    expect(await code(applyDecisionAgain(toc, { decisionId: d.id }))).toBe("CONFLICT");
    await db.roleDefinition.update({ where: { id: w.role.id }, data: { totalSeats: null } });
    await applyDecisionAgain(toc, { decisionId: d.id });
    expect(await db.roleAssignment.count({ where: { electionId: w.electionId } })).toBe(2);
    expect(await db.decision.findUniqueOrThrow({ where: { id: d.id } })).toMatchObject({ blockedReason: null });
    expect(await db.auditEvent.count({ where: { action: "decision.apply", subjectId: d.id } })).toBe(1);
  });
});

async function freshTocMembers() {
  const ids = await db.user.findMany({ where: { isTocMember: true }, select: { id: true } });
  return Promise.all(ids.map(async (u) => (await loadActor(u.id))!));
}

describe("phase sweep", () => {
  it("is registered, opens nominations and voting, closes and counts on the clock, and notifies as each phase opens", async () => {
    expect(sweeps.some((s) => s.name === "sweep-election-phases")).toBe(true);
    const w = await electionWorld({ voters: 2, candidates: 2 });
    const e = await db.election.findUniqueOrThrow({ where: { id: w.electionId } });
    const early = await contributor(w.tag.id);
    await advanceElectionPhases(new Date(e.nominationsOpenAt.getTime() + 1000));
    expect((await db.election.findUniqueOrThrow({ where: { id: w.electionId } })).phase).toBe("nominations");
    expect(await db.notification.count({ where: { userId: early.id, kind: "election.nominations-open" } })).toBe(1);
    for (const c of w.candidates) {
      await db.nomination.create({
        data: { electionId: w.electionId, userId: c.id, statement: "statement", createdAt: await now() },
      });
    }
    await advanceElectionPhases(new Date(e.votingOpenAt.getTime() + 1000));
    expect((await db.election.findUniqueOrThrow({ where: { id: w.electionId } })).phase).toBe("voting");
    expect(await db.notification.count({ where: { userId: w.voters[0]!.id, kind: "election.voting-open" } })).toBe(1);
    expect(await db.electionVoter.count({ where: { electionId: w.electionId } })).toBe(4); // 2 voters + lead + the early contributor
    await advanceElectionPhases(new Date(e.votingCloseAt.getTime() + 1000));
    expect((await db.election.findUniqueOrThrow({ where: { id: w.electionId } })).phase).toBe("tallied");
    // Idempotent: running again changes nothing and notifies nobody twice.
    await advanceElectionPhases(new Date(e.votingCloseAt.getTime() + 2000));
    expect(await db.notification.count({ where: { userId: w.voters[0]!.id, kind: "election.voting-open" } })).toBe(1);
  });

  /** Two candidates, voting open, one ballot cast; and a TOC member to be told of the count. */
  async function oneBallotCast() {
    const w = await electionWorld({ voters: 2, candidates: 2 });
    const toc = await createUser({ isTocMember: true });
    await w.open();
    await w.startVoting();
    await w.cast(0, [[w.nominationIds[0]!]]);
    return { w, toc };
  }

  it("retries a close whose CLUSTER failed until it completes, and tells the officers and the TOC", async () => {
    const { w, toc } = await oneBallotCast();
    const e = await db.election.findUniqueOrThrow({ where: { id: w.electionId } });
    const failures = (userId: string) =>
      db.notification.count({ where: { userId, kind: "election.count-failed", link: `/elections/${w.electionId}` } });
    // CLUSTER fails: the index it orders by is not there under its name.
    await db.$executeRawUnsafe(`ALTER INDEX "Ballot_receiptHash_key" RENAME TO "Ballot_receiptHash_key_away"`);
    try {
      await advanceElectionPhases(new Date(e.votingCloseAt.getTime() + 1000));
      await advanceElectionPhases(new Date(e.votingCloseAt.getTime() + 61_000));
    } finally {
      await db.$executeRawUnsafe(`ALTER INDEX "Ballot_receiptHash_key_away" RENAME TO "Ballot_receiptHash_key"`);
    }
    expect(await db.election.findUniqueOrThrow({ where: { id: w.electionId } })).toMatchObject({
      phase: "closed",
      ballotsCompactedAt: null,
    });
    // Told once, however often the sweep tried.
    expect(await failures(w.lead.id)).toBe(1);
    expect(await failures(toc.id)).toBe(1);
    expect(await db.electionArtifact.count({ where: { electionId: w.electionId } })).toBe(0);

    // The next run finishes closing, and counts.
    await advanceElectionPhases(new Date(e.votingCloseAt.getTime() + 121_000));
    const done = await db.election.findUniqueOrThrow({ where: { id: w.electionId } });
    expect(done.phase).toBe("tallied");
    expect(done.ballotsCompactedAt).not.toBeNull();
    // It links to the TOC's decision on the result, where the TOC votes.
    const decision = await db.decision.findFirstOrThrow({ where: { subjectId: w.electionId } });
    expect(
      await db.notification.findMany({ where: { userId: toc.id, kind: "election.tallied" }, select: { link: true } }),
    ).toEqual([{ link: `/toc/decisions/${decision.id}` }]);
  });

  it("a failed automatic count is told to the officers and the TOC, once, and not retried", async () => {
    const { w, toc } = await oneBallotCast();
    // A ballot nobody cast: participations and ballots disagree, so nothing may be counted.
    await db.ballot.create({
      data: { electionId: w.electionId, choices: [[w.nominationIds[1]!]], receiptHash: "e".repeat(64) },
    });
    const e = await db.election.findUniqueOrThrow({ where: { id: w.electionId } });
    const refusals = () =>
      db.auditEvent.count({ where: { action: "election.count", subjectId: w.electionId, outcome: "refused" } });
    await advanceElectionPhases(new Date(e.votingCloseAt.getTime() + 1000));
    expect((await db.election.findUniqueOrThrow({ where: { id: w.electionId } })).phase).toBe("closed");
    const told = await db.notification.findMany({
      where: { kind: "election.count-failed", link: `/elections/${w.electionId}` },
      select: { userId: true, body: true },
    });
    expect(told.map((n) => n.userId)).toEqual(expect.arrayContaining([w.lead.id, toc.id]));
    expect(told[0]!.body).toMatch(/disagree/);
    expect(await refusals()).toBe(1);
    // Closing completed, so the sweep leaves the election to its officers.
    await advanceElectionPhases(new Date(e.votingCloseAt.getTime() + 61_000));
    expect(await refusals()).toBe(1);
    expect(
      await db.notification.count({ where: { kind: "election.count-failed", link: `/elections/${w.electionId}` } }),
    ).toBe(told.length);
  });
});
