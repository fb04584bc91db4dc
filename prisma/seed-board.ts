/**
 * The demo's help-wanted board (issue 18): about sixty items across the five TAGs, every kind and
 * every state a newcomer should meet (open, a volunteer waiting for a lead, an invitation, claimed,
 * in progress with updates, stale, done with evidence awaiting confirmation, done, closed), some
 * linked to the GitHub stand-in's help-wanted issues, volunteers among the demo's people, and
 * contribution records so that leaders' activity varies.
 *
 * Times are relative to the portal clock at the first run, so a stale claim is stale and an open
 * one is not. Deterministic and idempotent: every row has a stable id or external id and an item
 * that exists is left alone with its claims, updates and history (running the seed again changes
 * nothing, even after people used the demo).
 *
 * The volunteers are demo people the end-to-end specs do not drive through the help-wanted flow
 * (their claim limits and "for you" rankings stay as those specs expect).
 */
import type { PrismaClient } from "../lib/generated/prisma/client.ts";
import type { ContributionKind } from "../lib/generated/prisma/enums.ts";
import { z } from "zod";
import { recordAudit, type AuditInput } from "../lib/audit/record.ts";
import { DAY, ITEM_KINDS, REGIONS } from "../lib/vocabulary/index.ts";
import itemsJson from "./seed-board-items.json" with { type: "json" };

/** The states a demo item is seeded in; `BOARD_STATES` lists them for tests. */
export const BOARD_STATES = [
  "open",
  "waiting",
  "invited",
  "claimed",
  "in-progress",
  "stale",
  "done",
  "completed",
  "closed",
] as const;
export type BoardState = (typeof BOARD_STATES)[number];

/** Stable ids (the seed is idempotent; tests and docs can name an item). */
export const demoItemId = (n: number) => `b0a2d000-0000-4000-8000-${String(n).padStart(12, "0")}`;
const demoClaimId = (n: number, k = 0) => `b0a2d000-0000-4000-9${k}00-${String(n).padStart(12, "0")}`;

/** Who posts for each TAG (one of its leads in identities.ts) and who volunteers there. */
const TAG_PEOPLE: Record<string, { leads: [string, string]; volunteers: string[] }> = {
  "developer-experience": {
    leads: ["cora-chair", "teo-techlead"],
    volunteers: ["eli-ambassador", "jade-member", "hana-ambassador", "luca-member", "omar-toc"],
  },
  infrastructure: {
    leads: ["jun-lead", "kai-chair"],
    volunteers: ["gus-ambassador", "noor-member", "eli-ambassador", "ivo-member", "uma-toc"],
  },
  "operational-resilience": {
    leads: ["pia-lead", "lena-chair"],
    volunteers: ["hana-ambassador", "mae-member", "gus-ambassador", "jade-member", "bea-ambassador"],
  },
  "security-and-compliance": {
    leads: ["yara-lead", "ines-lead"],
    volunteers: ["bea-ambassador", "luca-member", "noor-member", "eli-ambassador", "mae-member"],
  },
  "workloads-foundation": {
    leads: ["sven-lead", "nico-chair"],
    volunteers: ["ivo-member", "hana-ambassador", "uma-toc", "gus-ambassador", "luca-member"],
  },
};

/** An item of seed-board-items.json: the board's demo items, TAG by TAG. */
const DemoItem = z.object({
  tags: z.array(z.string()).min(1),
  title: z.string(),
  kind: z.enum(ITEM_KINDS),
  skills: z.array(z.string()),
  effort: z.number(),
  region: z.enum(REGIONS).optional(),
  state: z.enum(BOARD_STATES),
  /** Days from now (negative: in the past). */
  due: z.number().optional(),
  places: z.number().optional(),
  /** A help-wanted issue of the stand-in's cncf/tag-security (dev/github-stand-in/help-wanted-issues.json). */
  issue: z
    .object({
      number: z.number(),
      title: z.string(),
      state: z.enum(["open", "closed"]),
      assignees: z.array(z.string()).optional(),
    })
    .optional(),
  body: z.string(),
});
type DemoItem = z.infer<typeof DemoItem>;

const rows = z.array(DemoItem).parse(itemsJson);

/** Ages in days of each state's events, so the board reads like a TAG's real month. */
const AGE: Record<BoardState, { posted: number; claimed?: number; last?: number }> = {
  open: { posted: 6 },
  waiting: { posted: 9, claimed: 2 },
  invited: { posted: 12, claimed: 3 },
  claimed: { posted: 15, claimed: 4, last: 4 },
  "in-progress": { posted: 30, claimed: 24, last: 3 },
  stale: { posted: 60, claimed: 55, last: 34 },
  done: { posted: 40, claimed: 35, last: 1 },
  completed: { posted: 75, claimed: 70, last: 20 },
  closed: { posted: 50 },
};

/** The seeded items, for tests: how many per state and per TAG. */
export const demoBoardItems = rows.map((r, i) => ({
  id: demoItemId(i + 1),
  title: r.title,
  state: r.state,
  tags: r.tags,
}));

type Ids = Map<string, string>;

async function seedItem(
  db: PrismaClient,
  n: number,
  r: DemoItem,
  at: Date,
  user: (login: string) => string,
  tagIds: Ids,
) {
  const id = demoItemId(n);
  if (await db.helpWantedItem.findUnique({ where: { id }, select: { id: true } })) return false;
  const day = (d: number) => new Date(at.getTime() - d * DAY + (n % 7) * 3_600_000);
  const age = AGE[r.state];
  const people = TAG_PEOPLE[r.tags[0]!]!;
  const lead = user(people.leads[n % 2]!);
  const volunteerLogin = people.volunteers[n % people.volunteers.length]!;
  const volunteer = user(volunteerLogin);
  const tagId = tagIds.get(r.tags[0]!)!;
  const places = r.places ?? 1;
  const held = ["claimed", "in-progress", "stale", "done"].includes(r.state);
  const status = r.state === "completed" || r.state === "closed" ? "closed" : held && places === 1 ? "filled" : "open";
  const posted = day(age.posted);
  const claimedAt = age.claimed !== undefined ? day(age.claimed) : null;
  const lastAt = age.last !== undefined ? day(age.last) : claimedAt;
  const closedAt = r.state === "completed" ? lastAt : r.state === "closed" ? day(10) : null;

  await db.$transaction(async (tx) => {
    await tx.helpWantedItem.create({
      data: {
        id,
        title: r.title,
        body: r.body,
        kind: r.kind,
        status,
        skills: r.skills,
        effortHours: r.effort,
        region: r.region ?? null,
        dueAt: r.due !== undefined ? day(-r.due) : null,
        places,
        placesTaken: held || r.state === "completed" ? 1 : 0,
        githubIssueUrl: r.issue ? `https://github.com/cncf/tag-security/issues/${r.issue.number}` : null,
        githubIssueTitle: r.issue?.title ?? null,
        githubIssueState: r.issue?.state ?? null,
        githubIssueAssignees: r.issue?.assignees ?? [],
        createdById: lead,
        createdAt: posted,
        updatedAt: closedAt ?? lastAt ?? posted,
        reviewedAt: posted,
        closedAt,
        closedReason:
          r.state === "completed" ? "done" : r.state === "closed" ? "No longer needed: see the description." : null,
        tags: { create: r.tags.map((slug) => ({ tagId: tagIds.get(slug)! })) },
      },
    });
    const audit: AuditInput[] = [
      { at: posted, actorId: lead, action: "help-wanted.create", subjectType: "HelpWantedItem", subjectId: id, tagId },
    ];
    if (r.state === "closed")
      audit.push({
        at: closedAt!,
        actorId: lead,
        action: "help-wanted.close",
        subjectType: "HelpWantedItem",
        subjectId: id,
        tagId,
        after: { status: "closed" },
      });
    if (claimedAt) {
      const claimId = demoClaimId(n);
      const claimStatus = {
        waiting: "requested",
        invited: "invited",
        claimed: "accepted",
        "in-progress": "accepted",
        stale: "accepted",
        done: "done",
        completed: "completed",
      }[r.state as Exclude<BoardState, "open" | "closed">] as
        "requested" | "invited" | "accepted" | "done" | "completed";
      const decided = !["requested", "invited"].includes(claimStatus);
      // Marking work done is the volunteer's last activity; a lead confirms it later.
      const doneAt = r.state === "done" ? lastAt : r.state === "completed" ? day(age.last! + 1) : null;
      const evidenceUrl =
        r.state === "done" || r.state === "completed"
          ? `https://github.com/cncf/${r.tags[0] === "security-and-compliance" ? "tag-security" : `tag-${r.tags[0]}`}/pull/${100 + n}`
          : null;
      await tx.claim.create({
        data: {
          id: claimId,
          itemId: id,
          userId: volunteer,
          status: claimStatus,
          message: claimStatus === "invited" ? "" : "I have done similar work before and have time this month.",
          createdAt: claimedAt,
          decidedAt: decided ? claimedAt : null,
          decidedById: decided ? lead : null,
          invitedById: claimStatus === "invited" ? lead : null,
          lastActivityAt: lastAt!,
          evidenceUrl,
          doneAt,
          completedAt: r.state === "completed" ? lastAt : null,
        },
      });
      audit.push({
        at: claimedAt,
        actorId: claimStatus === "invited" ? lead : volunteer,
        action: claimStatus === "invited" ? "claim.invite" : "claim.request",
        subjectType: "Claim",
        subjectId: claimId,
        tagId,
        after: { itemId: id },
      });
      if (decided)
        audit.push({
          at: claimedAt,
          actorId: lead,
          action: "claim.accept",
          subjectType: "Claim",
          subjectId: claimId,
          tagId,
          after: { status: "accepted" },
        });
      // Progress: in progress, stale (an old update and the lead's follow-up), done and completed.
      const updates =
        r.state === "in-progress"
          ? [
              { d: 14, body: "Outline agreed with the TAG's leads; first draft under way." },
              { d: age.last!, body: "First draft in review: comments from two maintainers addressed." },
            ]
          : r.state === "stale"
            ? [{ d: age.last!, body: "Started: collected the material, writing next week." }]
            : r.state === "done" || r.state === "completed"
              ? [{ d: age.last! + 5, body: "Most of the work is done; tidying up before review." }]
              : [];
      for (const [k, u] of updates.entries()) {
        await tx.claimUpdate.create({
          data: {
            id: demoClaimId(n, k + 1),
            claimId,
            authorId: volunteer,
            kind: "progress",
            body: u.body,
            createdAt: day(u.d),
          },
        });
        audit.push({
          at: day(u.d),
          actorId: volunteer,
          action: "claim.progress",
          subjectType: "Claim",
          subjectId: claimId,
          tagId,
        });
      }
      if (r.state === "stale") {
        await tx.claimUpdate.create({
          data: {
            id: demoClaimId(n, 9),
            claimId,
            authorId: lead,
            kind: "follow_up",
            body: "How is it going? Tell us if you need help or would rather hand it back.",
            createdAt: day(12),
          },
        });
        audit.push({
          at: day(12),
          actorId: lead,
          action: "claim.follow-up",
          subjectType: "Claim",
          subjectId: claimId,
          tagId,
        });
      }
      if (r.state === "done" || r.state === "completed")
        audit.push({
          at: doneAt!,
          actorId: volunteer,
          action: "claim.done",
          subjectType: "Claim",
          subjectId: claimId,
          tagId,
        });
      if (r.state === "completed") {
        audit.push({
          at: lastAt!,
          actorId: lead,
          action: "claim.complete",
          subjectType: "Claim",
          subjectId: claimId,
          tagId,
          after: { status: "completed", itemClosed: true },
        });
        // What confirming a completion records (lib/help-wanted/claims.ts).
        await tx.contributionRecord.create({
          data: {
            userId: volunteer,
            tagId,
            kind: "help_wanted",
            source: "help_wanted",
            occurredAt: lastAt!,
            title: r.title,
            link: evidenceUrl,
            externalId: `claim:${claimId}`,
          },
        });
      }
    }
    await recordAudit(tx, audit);
  });
  return true;
}

/**
 * Contribution records for the TAGs' leaders (and a few volunteers) so that the roster's activity
 * column reads "active", "quiet" and "inactive" rather than the same word for everyone.
 * `[login, TAG, ages in days of their records]`; an empty list leaves the person without records.
 */
const CONTRIBUTIONS: [string, string, number[]][] = [
  ["cora-chair", "developer-experience", [3, 12, 25, 40, 70, 110, 160, 200]],
  ["teo-techlead", "developer-experience", [150, 240]],
  ["kai-chair", "infrastructure", [5, 20, 45, 90, 130]],
  ["jun-lead", "infrastructure", [2, 9, 16, 33, 61, 95, 120, 180, 250, 300]],
  ["lena-chair", "operational-resilience", [8, 30, 65, 100]],
  ["pia-lead", "operational-resilience", []],
  ["chia-chair", "security-and-compliance", [1, 15, 38, 77, 120, 170]],
  ["ines-lead", "security-and-compliance", [200]],
  ["yara-lead", "security-and-compliance", [6, 22, 50, 80]],
  ["nico-chair", "workloads-foundation", [11, 48, 140]],
  ["sven-lead", "workloads-foundation", [4, 18, 29, 57, 88, 140, 220]],
  ["eli-ambassador", "developer-experience", [10, 60]],
  ["gus-ambassador", "infrastructure", [14, 44, 74]],
  ["hana-ambassador", "operational-resilience", [7]],
];
const CONTRIBUTION_KINDS: { kind: ContributionKind; source: "github" | "self_reported"; title: string }[] = [
  { kind: "pr", source: "github", title: "Pull request: update the TAG's landscape page" },
  { kind: "review", source: "github", title: "Review of a whitepaper pull request" },
  { kind: "issue", source: "github", title: "Issue: proposal for a new working group" },
  { kind: "meeting", source: "self_reported", title: "Chaired the TAG's bi-weekly meeting" },
  { kind: "talk", source: "self_reported", title: "Talk about the TAG's work at a community day" },
  { kind: "comment", source: "github", title: "Comment on a project's self-assessment" },
];

async function seedContributions(db: PrismaClient, at: Date, user: (login: string) => string, tagIds: Ids) {
  const data = CONTRIBUTIONS.flatMap(([login, tag, ages]) =>
    ages.map((d, k) => {
      const c = CONTRIBUTION_KINDS[(k + login.length) % CONTRIBUTION_KINDS.length]!;
      return {
        userId: user(login),
        tagId: tagIds.get(tag)!,
        kind: c.kind,
        source: c.source,
        verification: "verified" as const,
        occurredAt: new Date(at.getTime() - d * DAY),
        title: c.title,
        externalId: `demo:${login}:${tag}:${k}`,
      };
    }),
  );
  // The external ids make a second run a no-op.
  await db.contributionRecord.createMany({ data, skipDuplicates: true });
}

/** Seeds the board; returns how many items it created (0 on a second run). */
export async function seedBoard(db: PrismaClient): Promise<number> {
  const clock = await db.clockState.findUnique({ where: { id: 1 }, select: { offsetMs: true } });
  const at = new Date(Date.now() + Number(clock?.offsetMs ?? 0n));
  const logins = [...new Set(Object.values(TAG_PEOPLE).flatMap((p) => [...p.leads, ...p.volunteers]))].concat(
    CONTRIBUTIONS.map((c) => c[0]),
  );
  const users = await db.user.findMany({
    where: { login: { in: logins } },
    orderBy: { createdAt: "asc" },
    select: { id: true, login: true },
  });
  const byLogin = new Map<string, string>();
  for (const u of users) if (!byLogin.has(u.login)) byLogin.set(u.login, u.id);
  const user = (login: string) => {
    const id = byLogin.get(login);
    if (!id) throw new Error(`seedBoard: run the main seed first (@${login} not found)`);
    return id;
  };
  const tagIds: Ids = new Map((await db.tag.findMany({ select: { id: true, slug: true } })).map((t) => [t.slug, t.id]));
  let created = 0;
  for (const [i, r] of rows.entries()) if (await seedItem(db, i + 1, r, at, user, tagIds)) created++;
  await seedContributions(db, at, user, tagIds);
  await seedBoardReviews(db, at, tagIds);
  return created;
}

/** Days before seeding that most TAGs finished their last board review. */
const BOARD_REVIEW_DAYS_AGO = 20;

/**
 * Most TAGs finished a board review three weeks ago (the TAG page shows when and when the next one
 * falls due); the last TAG by slug has never had one, so the demo shows both. Once only: a TAG with
 * a review keeps it.
 */
async function seedBoardReviews(db: PrismaClient, at: Date, tagIds: Ids) {
  const reviewedAt = new Date(at.getTime() - BOARD_REVIEW_DAYS_AGO * DAY);
  const slugs = [...tagIds.keys()].sort().slice(0, -1);
  for (const slug of slugs) {
    const tagId = tagIds.get(slug)!;
    await db.$transaction(async (tx) => {
      const { count } = await tx.tag.updateMany({
        where: { id: tagId, boardReviewedAt: null },
        data: { boardReviewedAt: reviewedAt },
      });
      if (count === 0) return;
      await recordAudit(tx, {
        at: reviewedAt,
        actorId: null,
        action: "help-wanted.board-review",
        subjectType: "Tag",
        subjectId: tagId,
        tagId,
        after: { boardReviewedAt: reviewedAt.toISOString() },
      });
    });
  }
}
