import pg from "pg";
import { afterEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { sweeps } from "@/lib/worker/sweeps";
import { actor, ballotTupleXmins, castingXmins, electionWorld, settleCompaction } from "@/tests/election-world";
import { cancelElection } from "./phases";

const held: pg.Client[] = [];
afterEach(async () => {
  for (const client of held.splice(0)) await client.end();
  // Each test starts with nothing owed, whatever the last one left.
  await settleCompaction();
});

/**
 * A session that took its snapshot before the close: a long report reading other tables, or, with
 * `table` "Ballot", a backup (pg_dump holds a lock on every table it dumps until it ends).
 */
async function olderSnapshot(table = "Tag"): Promise<{ end: () => Promise<void> }> {
  const client = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await client.connect();
  held.push(client);
  await client.query("BEGIN ISOLATION LEVEL REPEATABLE READ");
  await client.query(`SELECT count(*) FROM "${table}"`);
  return {
    end: async () => {
      held.splice(held.indexOf(client), 1);
      await client.query("COMMIT");
      await client.end();
    },
  };
}

const owed = () => db.ballotCompactionOwed.count();
const filenode = async () =>
  (await db.$queryRaw<{ f: number }[]>`SELECT pg_relation_filenode('"Ballot"')::int AS f`)[0]!.f;
const sweep = sweeps.find((s) => s.name === "sweep-ballot-compaction")!;

async function until(check: () => Promise<boolean>, what: string): Promise<void> {
  // Generous: a writing transaction in another test file's database holds the wait back too.
  for (let i = 0; i < 1200; i++) {
    if (await check()) return;
    await new Promise((r) => setTimeout(r, 25));
  }
  throw new Error(`timed out waiting for ${what}`);
}

/** Three ballots cast; the transaction ids that cast them. */
async function votedElection() {
  const w = await electionWorld({ voters: 3, candidates: 2 });
  await w.open();
  await w.startVoting();
  const [a, b] = w.nominationIds;
  for (const [i, r] of [[[a!]], [[b!], [a!]], [[a!], [b!]]].entries()) await w.cast(i, r);
  return { w, casting: await castingXmins(w.electionId) };
}

const keepsACastingId = async (casting: string[]) => (await ballotTupleXmins()).some((x) => casting.includes(x));

describe("ballot compaction and older snapshots (docs/security.md, At close)", () => {
  it("the close waits for a snapshot older than its rewrite, then leaves no copy with a casting id", async () => {
    const { w, casting } = await votedElection();
    const report = await olderSnapshot();
    const table = await filenode();
    const closing = w.close();
    // The rewrite committed and owes its compaction; the close waits for the report before it
    // rewrites the table.
    await until(async () => (await owed()) === 1, "the close's rewrite");
    await new Promise((r) => setTimeout(r, 300));
    expect(await filenode()).toBe(table);
    await report.end();
    await closing;
    expect(await filenode()).not.toBe(table);
    await settleCompaction();
    expect(await keepsACastingId(casting)).toBe(false);
  });

  it("a snapshot that outlasts the wait: the count goes on, the copies stay owed, the sweep removes them once it ends", async () => {
    const { w, casting } = await votedElection();
    const report = await olderSnapshot();
    await w.close();
    expect((await db.election.findUniqueOrThrow({ where: { id: w.electionId } })).phase).toBe("tallied");
    expect(await owed()).toBe(1);
    // What the wait is for: CLUSTER kept the dead copies the report can still see.
    expect(await keepsACastingId(casting)).toBe(true);

    // While the report lasts, the sweep does not rewrite the table (that locks out voting).
    const before = await filenode();
    expect(await sweep.run(new Date())).toBe(0);
    expect(await filenode()).toBe(before);

    await report.end();
    await until(async () => (await sweep.run(new Date())) === 1, "the sweep's compaction");
    expect(await owed()).toBe(0);
    expect(await filenode()).not.toBe(before);
    expect(await keepsACastingId(casting)).toBe(false);
  });

  it("a cancellation's destroyed ballots leave no copy behind an older snapshot either", async () => {
    const { w, casting } = await votedElection();
    const report = await olderSnapshot();
    const table = await filenode();
    const cancelling = cancelElection(await actor(w.lead.id), {
      electionId: w.electionId,
      reason: "The roll was wrong",
    });
    await until(async () => (await owed()) === 1, "the cancellation's delete");
    await new Promise((r) => setTimeout(r, 300));
    expect(await filenode()).toBe(table);
    await report.end();
    expect(await cancelling).toMatchObject({ phase: "cancelled", ballotsDestroyed: 3 });
    await settleCompaction();
    expect(await keepsACastingId(casting)).toBe(false);
  });

  it("a backup holding the ballot table: the close counts without waiting for it, the sweep compacts once it ends", async () => {
    const { w, casting } = await votedElection();
    const backup = await olderSnapshot("Ballot");
    const table = await filenode();
    // Before, the close's CLUSTER queued behind the backup, and every vote behind the CLUSTER.
    await w.close();
    expect((await db.election.findUniqueOrThrow({ where: { id: w.electionId } })).phase).toBe("tallied");
    expect(await owed()).toBe(1);
    expect(await sweep.run(new Date())).toBe(0);
    await backup.end();
    expect(await filenode()).toBe(table);
    await until(async () => (await sweep.run(new Date())) === 1, "the sweep's compaction");
    expect(await keepsACastingId(casting)).toBe(false);
  });
});
