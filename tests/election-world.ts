/** Builders for election integration tests: a TAG with a lead, a Tech Lead role, voters and candidates. */
import { db } from "@/lib/db";
import { now } from "@/lib/clock";
import { loadActor } from "@/lib/auth/actor";
import { createElection } from "@/lib/elections/elections";
import { moveElectionPhase } from "@/lib/elections/phases";
import { selfNominate } from "@/lib/elections/nominations";
import { castBallot } from "@/lib/elections/ballots";
import { compactOwedBallots } from "@/lib/elections/compaction";
import { CreateElectionSchema } from "@/lib/elections/schemas";
import { createTag, createUser } from "./factories";
import { createSeat } from "./fixtures";
import { DAY } from "@/lib/vocabulary";

export { code } from "./fixtures";

export async function actor(userId: string) {
  return (await loadActor(userId))!;
}

/** A person with `n` GitHub records in the TAG in the last month. */
export async function contributor(tagId: string, n = 2, over: Parameters<typeof createUser>[0] = {}) {
  const u = await createUser(over);
  const at = await now();
  await db.contributionRecord.createMany({
    data: Array.from({ length: n }, (_, i) => ({
      userId: u.id,
      tagId,
      kind: "pr" as const,
      source: "github" as const,
      occurredAt: new Date(at.getTime() - (i + 1) * DAY),
    })),
  });
  return u;
}

export async function tagWithLead() {
  const tag = await createTag();
  const lead = await createUser();
  const at = await now();
  await createSeat(tag.id, lead.id, "chair", { requestedAt: at });
  const role = await db.roleDefinition.create({
    data: {
      tagId: tag.id,
      roleKey: crypto.randomUUID(),
      version: 1,
      name: "Tech Lead",
      kind: "tech_lead",
      termMonths: 24,
      selection: "election",
      createdAt: at,
    },
  });
  return { tag, lead, role };
}

export interface WorldOptions {
  method?: "schulze" | "stv";
  publishBallots?: boolean;
  seatsByRegion?: Record<string, number>;
  voters?: number;
  candidates?: number;
  extra?: Record<string, unknown>;
}

/** An election set up through the real functions; `open()` moves it to nominations, `vote()` to voting. */
export async function electionWorld(opts: WorldOptions = {}) {
  const { tag, lead, role } = await tagWithLead();
  const at = await now();
  const iso = (ms: number) => new Date(at.getTime() + ms).toISOString();
  const input = CreateElectionSchema.parse({
    tagId: tag.id,
    roleKey: role.roleKey,
    title: `Tech Lead election ${Math.random().toString(36).slice(2, 8)}`,
    cycleDate: iso(10 * DAY),
    seatsByRegion: opts.seatsByRegion ?? { any: 1 },
    nominationsOpenAt: iso(DAY),
    nominationsCloseAt: iso(2 * DAY),
    votingOpenAt: iso(3 * DAY),
    votingCloseAt: iso(4 * DAY),
    method: opts.method ?? "schulze",
    candidateRule: "any-member",
    voterMinRecords: 1,
    voterWindowMonths: 12,
    publishBallots: opts.publishBallots ?? false,
    ...opts.extra,
  });
  const leadActor = await actor(lead.id);
  const { id } = await createElection(leadActor, input);
  const voters = await Promise.all(Array.from({ length: opts.voters ?? 3 }, () => contributor(tag.id)));
  const candidates = await Promise.all(
    Array.from({ length: opts.candidates ?? 3 }, (_, i) =>
      createUser({ region: (["APAC", "EMEA", "Americas"] as const)[i % 3] }),
    ),
  );
  const nominationIds: string[] = [];
  return {
    tag,
    lead,
    leadActor,
    role,
    electionId: id,
    voters,
    candidates,
    nominationIds,
    async open() {
      await moveElectionPhase(leadActor, { electionId: id, to: "nominations", reason: "test: start now" });
      for (const c of candidates)
        nominationIds.push(
          (
            await selfNominate(await actor(c.id), {
              electionId: id,
              statement: "I will keep the TAG's reviews moving.",
            })
          ).id,
        );
    },
    async startVoting() {
      await moveElectionPhase(leadActor, { electionId: id, to: "voting", reason: "test: start now" });
    },
    async cast(voterIndex: number, ranking: string[][]) {
      return castBallot(await actor(voters[voterIndex]!.id), { electionId: id, ranking });
    },
    async close() {
      return moveElectionPhase(leadActor, { electionId: id, to: "closed", reason: "test: close now" });
    },
  };
}

/** The transaction ids that cast an election's ballots: each participation row shares its ballot's. */
export async function castingXmins(electionId: string): Promise<string[]> {
  const rows = await db.$queryRaw<{ xmin: string }[]>`
    SELECT xmin::text FROM "ElectionParticipation" WHERE "electionId" = ${electionId}::uuid`;
  return rows.map((r) => r.xmin);
}

/**
 * The creating transaction id of every tuple in the ballot table's pages, live or dead
 * (pageinspect): what someone reading the database's files would find.
 */
export async function ballotTupleXmins(): Promise<string[]> {
  await db.$executeRawUnsafe("CREATE EXTENSION IF NOT EXISTS pageinspect");
  const rows = await db.$queryRaw<{ xmin: string }[]>`
    SELECT t.t_xmin::text AS xmin
    FROM generate_series(0, (pg_relation_size('"Ballot"') / current_setting('block_size')::bigint)::int - 1) AS p,
      LATERAL heap_page_items(get_raw_page('"Ballot"', p)) AS t
    WHERE t.t_xmin IS NOT NULL`;
  return rows.map((r) => r.xmin);
}

/** Runs the compaction sweep until no compaction is owed (an old transaction elsewhere may delay it). */
export async function settleCompaction(): Promise<void> {
  for (let tries = 0; tries < 300; tries++) {
    await compactOwedBallots(new Date());
    if ((await db.ballotCompactionOwed.count()) === 0) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error("a ballot compaction is still owed after 30 s");
}
