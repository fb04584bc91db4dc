/**
 * Demo elections (issue 7) in TAG Operational Resilience, so a newcomer sees one of each kind:
 * a published 2025 Tech Lead election (result, files, the winner's elected seat) and a 2026 one
 * whose voting is open (some ballots cast). The ballots go through the same pure count and
 * file writers as a real close (lib/elections/count.ts). Demo receipts are derived from a fixed
 * text, so `demoReceipt(i)` finds ballot i. Idempotent: an election already seeded is left alone.
 */
import { createHash } from "node:crypto";
import type { PrismaClient } from "../lib/generated/prisma/client.ts";
import { countElection } from "../lib/elections/count.ts";
import { addMonths, DAY } from "../lib/vocabulary/index.ts";

export const DEMO_ELECTION_TAG = "operational-resilience";
/** The officer of both demo elections. */
const OFFICER = "lena-chair";
/** Stable ids: the seed is idempotent and the e2e spec and README can name them. */
export const DEMO_TECH_LEAD_ROLE_KEY = "5e1ec7ed-0000-4000-8000-000000000001";
export const DEMO_PUBLISHED_ELECTION_ID = "5e1ec7ed-0000-4000-8000-000000002025";
export const DEMO_VOTING_ELECTION_ID = "5e1ec7ed-0000-4000-8000-000000002026";
const sha256 = (s: string) => createHash("sha256").update(s, "utf8").digest("hex");
/** The receipt of demo ballot `i` of an election (32 lowercase hex characters, as real ones). */
export const demoReceipt = (electionId: string, i: number) =>
  sha256(`tag-portal demo receipt ${electionId} ${i}`).slice(0, 32);

interface DemoElection {
  id: string;
  phase: "voting" | "published";
  title: string;
  seats: { APAC?: number; EMEA?: number; Americas?: number };
  cycleDate: Date;
  nominationsOpenAt: Date;
  votingOpenAt: Date;
  votingCloseAt: Date;
  candidates: { login: string; statement: string }[];
  voters: string[];
  /** Rankings by candidate login, one per voter who voted (the first voters in `voters` did). */
  ballots: string[][][];
}

async function usersByLogin(db: PrismaClient, logins: string[]) {
  const rows = await db.user.findMany({
    where: { login: { in: logins } },
    orderBy: { createdAt: "asc" },
    select: { id: true, login: true, region: true, employer: true },
  });
  const map = new Map<string, (typeof rows)[number]>();
  for (const r of rows) if (!map.has(r.login)) map.set(r.login, r);
  for (const l of logins) if (!map.has(l)) throw new Error(`seedElections: run the main seed first (@${l} not found)`);
  return (login: string) => map.get(login)!;
}

async function createDemoElection(
  db: PrismaClient,
  tagId: string,
  officerId: string,
  e: DemoElection,
  seededAt: Date,
  by: Awaited<ReturnType<typeof usersByLogin>>,
) {
  const { phase } = e;
  const nominationsCloseAt = new Date(e.votingOpenAt.getTime() - 60_000);
  await db.$transaction(async (tx) => {
    await tx.election.create({
      data: {
        id: e.id,
        tagId,
        roleKey: DEMO_TECH_LEAD_ROLE_KEY,
        title: e.title,
        phase,
        method: "schulze",
        cycleDate: e.cycleDate,
        seatsByRegion: e.seats,
        staggerTerms: phase === "published",
        nominationsOpenAt: e.nominationsOpenAt,
        nominationsCloseAt,
        votingOpenAt: e.votingOpenAt,
        votingCloseAt: e.votingCloseAt,
        candidateRule: "any-member",
        votersIncludeLeaders: false,
        publishBallots: true,
        rulesFrozenAt: e.nominationsOpenAt,
        // The officers published the roll for review (issue 20): its page is linked and crawled.
        rollPublishedAt: e.nominationsOpenAt,
        createdById: officerId,
        createdAt: new Date(e.nominationsOpenAt.getTime() - 7 * DAY),
        updatedAt: seededAt,
        officers: { create: [{ userId: officerId }] },
      },
    });
    const nominations: { id: string; userId: string }[] = [];
    for (const c of e.candidates) {
      const u = by(c.login);
      nominations.push(
        await tx.nomination.create({
          data: {
            electionId: e.id,
            userId: u.id,
            statement: c.statement,
            region: u.region,
            employer: u.employer,
            createdAt: e.nominationsOpenAt,
          },
          select: { id: true, userId: true },
        }),
      );
    }
    const idOf = (login: string) => nominations[e.candidates.findIndex((c) => c.login === login)]!.id;
    await tx.electionVoter.createMany({
      data: e.voters.map((l) => ({ electionId: e.id, userId: by(l).id, source: "list" })),
    });
    await tx.electionParticipation.createMany({
      data: e.ballots.map((_, i) => ({ electionId: e.id, userId: by(e.voters[i]!).id })),
    });
    const ballots = e.ballots
      .map((ranking, i) => ({
        receiptHash: sha256(`${e.id}:${demoReceipt(e.id, i)}`),
        ranking: ranking.map((level) => level.map(idOf)),
      }))
      .sort((a, b) => (a.receiptHash < b.receiptHash ? -1 : 1));
    await tx.ballot.createMany({
      data: ballots.map((b) => ({ electionId: e.id, choices: b.ranking, receiptHash: b.receiptHash })),
    });
    if (phase !== "published") return;
    const files = countElection({
      title: e.title,
      method: "schulze",
      seats: Object.values(e.seats).reduce((a, b) => a + (b ?? 0), 0),
      candidates: nominations.map((n, i) => ({
        id: n.id,
        name: e.candidates[i]!.login,
        employer: by(e.candidates[i]!.login).employer,
        region: by(e.candidates[i]!.login).region,
      })),
      ballots,
      sitting: [],
      seatsByRegion: e.seats,
      constraints: {},
      publishBallots: true,
    });
    await tx.electionArtifact.createMany({
      data: files.files.map((f) => ({ electionId: e.id, name: f.name, content: f.content, sha256: f.sha256 })),
    });
    const toc = await tx.user.findFirst({ where: { login: "toby-toc" }, select: { id: true } });
    const approvedAt = new Date(e.votingCloseAt.getTime() + 2 * DAY);
    const nameToNomination = Object.fromEntries(files.names.map((name, i) => [name, nominations[i]!.id]));
    const winners = files.outcome.winners;
    await tx.election.update({
      where: { id: e.id },
      data: {
        result: {
          seed: files.seed,
          seedSource: files.seedSource,
          winners,
          nominations: nameToNomination,
          countedAt: e.votingCloseAt.toISOString(),
        },
        eligibleCount: e.voters.length,
        participationCount: e.ballots.length,
        ballotCount: e.ballots.length,
        runnersUp:
          files.outcome.method === "schulze"
            ? files.outcome.ranking
                .flat()
                .filter((n) => !winners.includes(n))
                .map((n) => by(n).id)
            : [],
        approvedById: toc?.id ?? null,
        approvedAt,
        publishedAt: new Date(approvedAt.getTime() + DAY),
      },
    });
    const role = await tx.roleDefinition.findFirstOrThrow({
      where: { roleKey: DEMO_TECH_LEAD_ROLE_KEY, supersededAt: null },
      select: { id: true },
    });
    for (const w of winners) {
      const u = by(w);
      const termEndAt = addMonths(e.cycleDate, 24);
      await tx.roleAssignment.create({
        data: {
          tagId,
          userId: u.id,
          kind: "tech_lead",
          status: "active",
          regionAtStart: u.region,
          requestedAt: approvedAt,
          startAt: e.cycleDate,
          termEndAt,
          decidedById: toc?.id ?? null,
          decidedAt: approvedAt,
          roleDefinitionId: role.id,
          obtainedBy: "elected",
          electionId: e.id,
        },
      });
    }
  });
}

export async function seedElections(db: PrismaClient): Promise<void> {
  const tag = await db.tag.findUnique({ where: { slug: DEMO_ELECTION_TAG }, select: { id: true } });
  if (!tag) throw new Error(`seedElections: run the main seed first (TAG ${DEMO_ELECTION_TAG} not found)`);
  const seededAt = new Date("2026-01-15T00:00:00Z");
  const role = await db.roleDefinition.findFirst({ where: { roleKey: DEMO_TECH_LEAD_ROLE_KEY }, select: { id: true } });
  if (!role) {
    await db.roleDefinition.create({
      data: {
        tagId: tag.id,
        roleKey: DEMO_TECH_LEAD_ROLE_KEY,
        version: 1,
        name: "Tech Lead",
        kind: "tech_lead",
        responsibilities: "Leads the TAG's technical work with the chairs: reviews, assessments, initiatives.",
        hoursPerMonth: 10,
        termMonths: 24,
        selection: "election",
        escalationPath: "the TOC",
        needsTocApproval: true,
        createdAt: seededAt,
      },
    });
    await db.tag.update({ where: { id: tag.id }, data: { leadershipModel: "election" } });
  }
  // The 2026 election's voting is open now (on the demo clock) for two weeks.
  const clock = await db.clockState.findUnique({ where: { id: 1 }, select: { offsetMs: true } });
  const today = new Date(Math.floor((Date.now() + Number(clock?.offsetMs ?? 0n)) / DAY) * DAY);
  const elections = demoElections(today);
  const by = await usersByLogin(db, [
    OFFICER,
    "toby-toc",
    ...elections.flatMap((e) => [...e.candidates.map((c) => c.login), ...e.voters]),
  ]);
  const officer = by(OFFICER).id;
  for (const e of elections)
    if (!(await db.election.findUnique({ where: { id: e.id }, select: { id: true } })))
      await createDemoElection(db, tag.id, officer, e, seededAt, by);
}

/** The demo elections: the 2025 one published, the 2026 one in voting around `today`. */
function demoElections(today: Date): DemoElection[] {
  return [
    {
      id: DEMO_PUBLISHED_ELECTION_ID,
      phase: "published",
      title: "2025 Tech Lead election",
      seats: { APAC: 1 },
      cycleDate: new Date("2025-07-01T00:00:00Z"),
      nominationsOpenAt: new Date("2025-05-01T00:00:00Z"),
      votingOpenAt: new Date("2025-05-20T00:00:00Z"),
      votingCloseAt: new Date("2025-06-03T00:00:00Z"),
      candidates: [
        {
          login: "jade-member",
          statement:
            "## What I have done\n\nI keep the TAG's **observability landscape** up to date.\n\n## What I will do\n\n- Run monthly reliability reviews\n- Mentor two new reviewers",
        },
        {
          login: "dev-ambassador",
          statement:
            "I organise the TAG's meetups in APAC and would like to bring more **operators** into our reviews.",
        },
        {
          login: "gus-ambassador",
          statement:
            "Cost efficiency and energy: I would start a working group on [sustainable clusters](https://example.org/green).",
        },
      ],
      voters: [
        "pia-lead",
        "milo-member",
        "noor-member",
        "bea-ambassador",
        "fay-ambassador",
        "hana-ambassador",
        "luca-member",
      ],
      ballots: [
        [["jade-member"], ["dev-ambassador"], ["gus-ambassador"]],
        [["jade-member"], ["gus-ambassador"]],
        [["dev-ambassador"], ["jade-member"]],
        [["jade-member", "dev-ambassador"], ["gus-ambassador"]],
        [["gus-ambassador"], ["jade-member"], ["dev-ambassador"]],
        [["jade-member"]],
      ],
    },
    {
      id: DEMO_VOTING_ELECTION_ID,
      phase: "voting",
      title: "2026 Tech Lead election",
      seats: { EMEA: 1 },
      cycleDate: new Date(today.getTime() + 30 * DAY),
      nominationsOpenAt: new Date(today.getTime() - 15 * DAY),
      votingOpenAt: new Date(today.getTime() - DAY),
      votingCloseAt: new Date(today.getTime() + 14 * DAY),
      candidates: [
        {
          login: "mae-member",
          statement:
            "I have run the TAG's incident-review series for a year. I would like to turn it into a **playbook** other TAGs can reuse.",
        },
        {
          login: "bea-ambassador",
          statement: "## Why me\n\nI bring the KubeCon booth crowd into the TAG: more newcomers, more reviewers.",
        },
      ],
      voters: [
        "milo-member",
        "luca-member",
        "eli-ambassador",
        "noor-member",
        "hana-ambassador",
        "pia-lead",
        "fay-ambassador",
      ],
      ballots: [[["mae-member"], ["bea-ambassador"]], [["bea-ambassador"]], [["mae-member", "bea-ambassador"]]],
    },
  ];
}
