import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { createUser } from "@/tests/factories";
import { actor, ballotTupleXmins, castingXmins, code, electionWorld, settleCompaction } from "@/tests/election-world";
import { castBallot, checkReceipt, replaceBallot, VOTE_LIMIT } from "./ballots";
import { receiptHashOf } from "./context";
import { publishElection } from "./results";
import { everyoneVotes, freshToc } from "@/tests/decisions";
import { getArtifact, getElectionResults } from "./queries";
import { withdrawNomination } from "./nominations";
import { CastBallotSchema } from "./schemas";

describe("casting (docs/security.md, ballot design)", () => {
  it("double vote race: 20 concurrent ballots from one voter make 1 participation and 1 ballot", async () => {
    const w = await electionWorld({ voters: 1 });
    await w.open();
    await w.startVoting();
    const [a, b] = w.nominationIds;
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, i) => code(w.cast(0, i % 2 ? [[a!], [b!]] : [[b!], [a!]]))),
    );
    expect(results.filter((r) => r === "ok")).toHaveLength(1);
    expect(results.filter((r) => r !== "ok").every((r) => r === "CONFLICT")).toBe(true);
    expect(await db.electionParticipation.count({ where: { electionId: w.electionId } })).toBe(1);
    expect(await db.ballot.count({ where: { electionId: w.electionId } })).toBe(1);
  });

  it("gives a 128-bit receipt and keeps only sha256(<electionId>:<receipt>)", async () => {
    const w = await electionWorld({ voters: 1 });
    await w.open();
    await w.startVoting();
    const { receipt } = await w.cast(0, [[w.nominationIds[0]!]]);
    expect(receipt).toMatch(/^[0-9a-f]{32}$/);
    const ballot = await db.ballot.findFirstOrThrow({ where: { electionId: w.electionId } });
    expect(ballot.receiptHash).toBe(receiptHashOf(w.electionId, receipt));
    expect(JSON.stringify(ballot)).not.toContain(receipt);
  });

  it("refuses bad ballots with a clear error and changes nothing", async () => {
    const w = await electionWorld({ voters: 2, candidates: 3 });
    await w.open();
    const [a, b, c] = w.nominationIds;
    // Before voting opens.
    expect(await code(w.cast(0, [[a!]]))).toBe("CONFLICT");
    await expect(w.cast(0, [[a!]])).rejects.toThrow(/not opened/);
    await w.startVoting();
    // Unknown candidate, the same candidate twice, empty ranking, extra fields.
    await expect(w.cast(0, [[crypto.randomUUID()]])).rejects.toThrow(/not a candidate/);
    await expect(w.cast(0, [[a!], [a!]])).rejects.toThrow(/more than once/);
    await expect(w.cast(0, [[a!, b!], [a!]])).rejects.toThrow(/more than once/);
    expect(CastBallotSchema.safeParse({ electionId: w.electionId, ranking: [] }).success).toBe(false);
    expect(
      CastBallotSchema.safeParse({ electionId: w.electionId, ranking: [[a]], userId: w.voters[1]!.id }).success,
    ).toBe(false);
    // Not eligible: refused, and the refusal is audited (without the ballot).
    const outsider = await createUser();
    expect(await code(castBallot(await actor(outsider.id), { electionId: w.electionId, ranking: [[a!]] }))).toBe(
      "FORBIDDEN",
    );
    expect(
      await db.auditEvent.count({ where: { actorId: outsider.id, action: "election.vote", outcome: "refused" } }),
    ).toBe(1);
    // Signed out.
    expect(await code(castBallot(null, { electionId: w.electionId, ranking: [[a!]] }))).toBe("UNAUTHENTICATED");
    // A candidate who withdrew during voting cannot be ranked on a new ballot.
    expect(await code(withdrawNomination(await actor(w.candidates[2]!.id), { nominationId: c! }))).toBe("ok");
    await expect(w.cast(0, [[c!]])).rejects.toThrow(/no longer standing/);
    expect(await db.electionParticipation.count({ where: { electionId: w.electionId } })).toBe(0);
    expect(await db.ballot.count({ where: { electionId: w.electionId } })).toBe(0);
    // Ties are fine for Schulze.
    expect(await code(w.cast(1, [[a!, b!]]))).toBe("ok");
    // After close.
    await w.close();
    expect(await code(w.cast(0, [[a!]]))).toBe("CONFLICT");
    await expect(w.cast(0, [[a!]])).rejects.toThrow(/closed/);
    // A voting close time in the past refuses even before the sweep moves the phase.
  });

  it("refuses ties on an STV ballot", async () => {
    const w = await electionWorld({ voters: 1, method: "stv" });
    await w.open();
    await w.startVoting();
    const [a, b] = w.nominationIds;
    await expect(w.cast(0, [[a!, b!]])).rejects.toThrow(/STV/);
    expect(await code(w.cast(0, [[a!], [b!]]))).toBe("ok");
  });

  it("refuses a ballot once the voting close time has passed, whatever the phase says", async () => {
    const w = await electionWorld({ voters: 1 });
    await w.open();
    await w.startVoting();
    await db.election.update({ where: { id: w.electionId }, data: { votingCloseAt: new Date(Date.now() - 60_000) } });
    await expect(w.cast(0, [[w.nominationIds[0]!]])).rejects.toThrow(/closed/);
  });

  it("replaces a ballot with its receipt only; a wrong receipt finds nothing", async () => {
    const w = await electionWorld({ voters: 2 });
    await w.open();
    await w.startVoting();
    const [a, b] = w.nominationIds;
    const { receipt } = await w.cast(0, [[a!], [b!]]);
    const voter = await actor(w.voters[0]!.id);
    expect(
      await code(replaceBallot(voter, { electionId: w.electionId, receipt: "0".repeat(32), ranking: [[b!]] })),
    ).toBe("NOT_FOUND");
    expect(
      await code(replaceBallot(await actor(w.voters[1]!.id), { electionId: w.electionId, receipt, ranking: [[b!]] })),
    ).toBe("CONFLICT");
    await replaceBallot(voter, { electionId: w.electionId, receipt, ranking: [[b!], [a!]] });
    const ballots = await db.ballot.findMany({ where: { electionId: w.electionId } });
    expect(ballots).toHaveLength(1);
    expect(ballots[0]!.choices).toEqual([[b], [a]]);
  });

  it("rate-limits casting per person; others are unaffected", async () => {
    const w = await electionWorld({ voters: 2 });
    await w.open();
    await w.startVoting();
    const voter = await actor(w.voters[0]!.id);
    const a = w.nominationIds[0]!;
    const results: string[] = [];
    for (let i = 0; i < VOTE_LIMIT.limit + 5; i++)
      results.push(await code(castBallot(voter, { electionId: w.electionId, ranking: [[a]] })));
    expect(results[0]).toBe("ok");
    expect(results.slice(1, VOTE_LIMIT.limit).every((r) => r === "CONFLICT")).toBe(true);
    expect(results.slice(VOTE_LIMIT.limit).every((r) => r === "RATE_LIMITED")).toBe(true);
    expect(await code(w.cast(1, [[a]]))).toBe("ok");
  });
});

describe("after close", () => {
  async function closedElection(publishBallots: boolean) {
    const w = await electionWorld({ voters: 6, candidates: 3, publishBallots });
    await w.open();
    await w.startVoting();
    const [a, b, c] = w.nominationIds;
    const rankings = [[[a!], [b!]], [[b!], [c!], [a!]], [[a!, c!]], [[c!]], [[a!], [c!], [b!]], [[b!], [a!]]];
    const receipts: string[] = [];
    for (const [i, r] of rankings.entries()) receipts.push((await w.cast(i, r)).receipt);
    return { w, receipts };
  }

  it("ballot unlinkability: no user column or key, no shared transaction id, physical order by receipt hash", async () => {
    const { w } = await closedElection(false);
    const before = await db.$queryRaw<
      { xmin: string }[]
    >`SELECT xmin::text FROM "Ballot" WHERE "electionId" = ${w.electionId}::uuid`;
    const participationXmins = await castingXmins(w.electionId);
    // While voting runs, the link exists (docs/security.md says so plainly): the close must remove it.
    expect(before.some((b) => participationXmins.includes(b.xmin))).toBe(true);
    await w.close();

    const columns = await db.$queryRaw<{ column_name: string; data_type: string }[]>`
      SELECT column_name, data_type FROM information_schema.columns WHERE table_name = 'Ballot' ORDER BY column_name`;
    expect(columns.map((c) => c.column_name).sort()).toEqual(["choices", "electionId", "id", "receiptHash"]);
    expect(columns.some((c) => /time|date|serial/.test(c.data_type))).toBe(false);
    const fks = await db.$queryRaw<{ target: string }[]>`
      SELECT confrelid::regclass::text AS target FROM pg_constraint WHERE conrelid = '"Ballot"'::regclass AND contype = 'f'`;
    expect(fks.map((f) => f.target)).toEqual(['"Election"']);
    const defaults = await db.$queryRaw<{ column_default: string | null }[]>`
      SELECT column_default FROM information_schema.columns WHERE table_name = 'Ballot' AND column_default IS NOT NULL`;
    expect(defaults.filter((d) => /nextval|now\(\)/.test(d.column_default ?? ""))).toHaveLength(0);

    const ballots = await db.$queryRaw<{ xmin: string; ctid: string; receiptHash: string }[]>`
      SELECT xmin::text, ctid::text, "receiptHash" FROM "Ballot" WHERE "electionId" = ${w.electionId}::uuid`;
    expect(ballots).toHaveLength(6);
    for (const b of ballots) expect(participationXmins.includes(b.xmin)).toBe(false);
    const tid = (c: string) => c.slice(1, -1).split(",").map(Number) as [number, number];
    const physical = [...ballots]
      .sort((x, y) => tid(x.ctid)[0] - tid(y.ctid)[0] || tid(x.ctid)[1] - tid(y.ctid)[1])
      .map((b) => b.receiptHash);
    expect(physical).toEqual([...physical].sort());
    // Dead copies are gone once no compaction is owed (lib/elections/compaction.int.test.ts: the
    // close waits for older snapshots, and the sweep settles what outlasted the wait): no tuple in
    // the table's pages, live or dead, carries a casting transaction's id.
    await settleCompaction();
    const raw = await ballotTupleXmins();
    expect(raw.length).toBeGreaterThanOrEqual(6);
    for (const r of raw) expect(participationXmins.includes(r)).toBe(false);
  });

  it("no ballot content or receipt appears in audit events or notifications", async () => {
    const { w, receipts } = await closedElection(true);
    await w.close();
    const hashes = receipts.map((r) => receiptHashOf(w.electionId, r));
    const audit = JSON.stringify(
      await db.auditEvent.findMany({
        where: {
          OR: [{ tagId: w.tag.id }, { subjectId: w.electionId }, { actorId: { in: w.voters.map((v) => v.id) } }],
        },
      }),
    );
    const notes = JSON.stringify(
      await db.notification.findMany({ where: { userId: { in: [...w.voters.map((v) => v.id), w.lead.id] } } }),
    );
    const mail = JSON.stringify(await db.mailMessage.findMany({}));
    for (const text of [audit, notes, mail]) {
      for (const r of receipts) expect(text).not.toContain(r);
      for (const h of hashes) expect(text).not.toContain(h);
      expect(text).not.toMatch(/"choices"|"ranking"/);
    }
    expect(audit).toContain("election.count");
  });

  it("receipts: right receipt found exactly once, wrong or guessed not found; only once published", async () => {
    const { w, receipts } = await closedElection(false);
    await freshToc(2);
    await w.close();
    const voter = await actor(w.voters[0]!.id);
    expect(await code(checkReceipt(voter, { electionId: w.electionId, receipt: receipts[0]! }))).toBe("CONFLICT");
    await everyoneVotes(w.electionId);
    await publishElection(w.leadActor, { electionId: w.electionId });
    for (const r of receipts)
      expect(await checkReceipt(voter, { electionId: w.electionId, receipt: r })).toEqual({ found: true });
    expect(await checkReceipt(voter, { electionId: w.electionId, receipt: "f".repeat(32) })).toEqual({
      found: false,
    });
    const flipped = receipts[0]!.slice(0, -1) + (receipts[0]!.endsWith("0") ? "1" : "0");
    expect(await checkReceipt(voter, { electionId: w.electionId, receipt: flipped })).toEqual({ found: false });
    // A receipt of this election is not one of another election's.
    expect(await db.ballot.count({ where: { receiptHash: receiptHashOf(crypto.randomUUID(), receipts[0]!) } })).toBe(0);
  });

  it("receipts of an election that publishes its ballots: which ballots.json entry carries the hash, never a ranking", async () => {
    const { w, receipts } = await closedElection(true);
    await freshToc(2);
    await w.close();
    await everyoneVotes(w.electionId);
    await publishElection(w.leadActor, { electionId: w.electionId });
    const voter = await actor(w.voters[0]!.id);
    const file = JSON.parse((await getArtifact(w.electionId, "ballots.json", voter)).content) as {
      receiptHash: string;
    }[];
    const entries = [];
    for (const r of receipts) {
      const answer = await checkReceipt(voter, { electionId: w.electionId, receipt: r });
      expect(Object.keys(answer).sort()).toEqual(["ballotsJson", "found"]);
      expect(Object.keys(answer.ballotsJson!).sort()).toEqual(["entry", "receiptHash"]);
      expect(file[answer.ballotsJson!.entry - 1]!.receiptHash).toBe(answer.ballotsJson!.receiptHash);
      entries.push(answer.ballotsJson!.entry);
    }
    expect(entries.sort((x, y) => x - y)).toEqual(receipts.map((_, i) => i + 1));
    expect(await checkReceipt(voter, { electionId: w.electionId, receipt: "f".repeat(32) })).toEqual({
      found: false,
    });
  });

  it("no peek: results and files refused for everyone before tallied, for non-officer non-TOC before published", async () => {
    const { w } = await closedElection(true);
    const toc = await actor((await createUser({ isTocMember: true })).id);
    const admin = await actor((await createUser({ isAdmin: true })).id);
    const voter = await actor(w.voters[0]!.id);
    for (const viewer of [null, voter, w.leadActor, toc, admin]) {
      expect(await code(getElectionResults(w.electionId, viewer))).toBe("FORBIDDEN");
      expect(await code(getArtifact(w.electionId, "ballots.json", viewer))).toBe("FORBIDDEN");
      expect(await code(getArtifact(w.electionId, "matrix.json", viewer))).toBe("FORBIDDEN");
    }
    await w.close();
    for (const viewer of [null, voter, admin]) {
      expect(await code(getElectionResults(w.electionId, viewer))).toBe("FORBIDDEN");
      expect(await code(getArtifact(w.electionId, "ballots.blt", viewer))).toBe("FORBIDDEN");
    }
    expect((await getElectionResults(w.electionId, w.leadActor)).winners).toHaveLength(1);
    expect((await getArtifact(w.electionId, "result.json", toc)).contentType).toMatch(/json/);
    await everyoneVotes(w.electionId);
    expect(await code(getElectionResults(w.electionId, voter))).toBe("FORBIDDEN");
    await publishElection(toc, { electionId: w.electionId });
    expect((await getElectionResults(w.electionId, null)).artifacts.map((a) => a.name)).toEqual([
      "ballots.blt",
      "ballots.json",
      "matrix.json",
      "result.json",
      "rules.json",
    ]);
    expect(await code(getArtifact(w.electionId, "nothing.txt", null))).toBe("NOT_FOUND");
  });
});
