import "server-only";
import { db } from "@/lib/db";
import { HELD_CLAIM_STATUSES, parseId } from "@/lib/vocabulary";
import { boardReviewDueAt, isBoardReviewDue, type BoardReviewClock } from "./board-review-due";
import { itemsDueForReview } from "./board-reviews";
import { isStaleClaim, staleAfterDaysOf } from "./stale-claims";

/** One item with its TAGs, claims (with updates) and history, for the item page. */
export async function getItem(rawId: string) {
  const id = parseId(rawId);
  if (!id) return null;
  const item = await db.helpWantedItem.findUnique({
    where: { id },
    include: {
      tags: { select: { tag: { select: { id: true, slug: true, name: true, staleAfterDays: true } } } },
      initiative: { select: { id: true, name: true } },
      // Shadowing (issue 21): the mentor, and whom they already signed off from this item.
      shadowMentor: { select: { id: true, login: true } },
      shadowSignOffs: { select: { userId: true } },
      claims: {
        orderBy: { createdAt: "asc" },
        select: {
          id: true,
          status: true,
          message: true,
          createdAt: true,
          lastActivityAt: true,
          staleNotifiedAt: true,
          evidenceUrl: true,
          userId: true,
          user: { select: { login: true, name: true, avatarUrl: true } },
          updates: {
            orderBy: { createdAt: "asc" },
            select: { id: true, kind: true, body: true, link: true, createdAt: true, editedAt: true, authorId: true },
          },
        },
      },
    },
  });
  if (!item) return null;
  const history = await db.auditEvent.findMany({
    where: {
      OR: [
        { subjectType: "HelpWantedItem", subjectId: id },
        { subjectType: "Claim", subjectId: { in: item.claims.map((c) => c.id) } },
      ],
      outcome: "ok",
    },
    orderBy: { at: "asc" },
    select: { id: true, at: true, action: true, actorId: true },
  });
  const actorIds = [...new Set(history.map((h) => h.actorId).filter((x): x is string => Boolean(x)))];
  const actors = new Map(
    (await db.user.findMany({ where: { id: { in: actorIds } }, select: { id: true, login: true } })).map((u) => [
      u.id,
      u.login,
    ]),
  );
  return {
    ...item,
    tags: item.tags.map((t) => t.tag),
    history: history.map((h) => ({ ...h, actorLogin: h.actorId ? (actors.get(h.actorId) ?? null) : null })),
  };
}

/**
 * Not (yet) on the board: a draft offered from GitHub, or one a lead discarded. Publishing sets
 * `reviewedAt`, so a github item without it was never published. Only the TAG's leads see these.
 */
export function isUnpublished(item: { status: string; source: string; reviewedAt: Date | null }): boolean {
  return item.status === "draft" || (item.source === "github" && item.reviewedAt === null);
}

/** A person's claims for /my-work, newest activity first, each with its stale flag as of `now`. */
export async function listMyClaims(userId: string, now: Date) {
  const claims = await db.claim.findMany({
    where: { userId },
    orderBy: [{ lastActivityAt: "desc" }],
    take: 200,
    select: {
      id: true,
      status: true,
      createdAt: true,
      lastActivityAt: true,
      item: {
        select: {
          id: true,
          title: true,
          dueAt: true,
          status: true,
          tags: { select: { tag: { select: { slug: true, name: true, staleAfterDays: true } } } },
        },
      },
    },
  });
  return claims.map((c) => ({
    ...c,
    stale: isStaleClaim(c, staleAfterDaysOf(c.item.tags.map((t) => t.tag)), now),
  }));
}

/** What a TAG's leads need to act on: drafts offered from GitHub, pending requests, held claims (stale ones flagged), items due for review, recent progress. */
export async function getLeadConsole(tagId: string, reviewMonths: number, now: Date) {
  const inTag = { tags: { some: { tagId } } };
  const [drafts, requests, held, dueForReview, progress] = await Promise.all([
    db.helpWantedItem.findMany({
      where: { ...inTag, status: "draft" },
      orderBy: { createdAt: "asc" },
      take: 100,
      select: {
        id: true,
        title: true,
        kind: true,
        createdAt: true,
        githubIssueUrl: true,
        githubIssueTitle: true,
        githubIssueState: true,
        githubIssueAssignees: true,
      },
    }),
    db.claim.findMany({
      where: { status: "requested", item: inTag },
      orderBy: { createdAt: "asc" },
      take: 100,
      select: {
        id: true,
        message: true,
        createdAt: true,
        user: { select: { login: true, name: true } },
        item: { select: { id: true, title: true } },
      },
    }),
    db.claim.findMany({
      where: { status: { in: [...HELD_CLAIM_STATUSES] }, item: inTag },
      orderBy: { lastActivityAt: "asc" },
      take: 200,
      select: {
        id: true,
        status: true,
        lastActivityAt: true,
        user: { select: { login: true } },
        item: { select: { id: true, title: true, tags: { select: { tag: { select: { staleAfterDays: true } } } } } },
      },
    }),
    db.helpWantedItem.findMany({
      where: itemsDueForReview(tagId, reviewMonths, now),
      orderBy: { createdAt: "asc" },
      take: 200,
      select: { id: true, title: true, reviewedAt: true, createdAt: true, status: true },
    }),
    db.claimUpdate.findMany({
      where: { kind: "progress", claim: { item: inTag } },
      orderBy: { createdAt: "desc" },
      take: 20,
      select: {
        id: true,
        body: true,
        createdAt: true,
        claim: { select: { user: { select: { login: true } }, item: { select: { id: true, title: true } } } },
      },
    }),
  ]);
  return {
    drafts,
    requests,
    held: held.map(({ item: { tags, ...item }, ...c }) => ({
      ...c,
      item,
      stale: isStaleClaim(c, staleAfterDaysOf(tags.map((t) => t.tag)), now),
    })),
    dueForReview,
    progress,
  };
}

/** Invitations a TAG's leads sent that wait for an answer (issue 9), oldest first, for the lead console. */
export function listPendingInvitations(tagId: string) {
  return db.claim.findMany({
    where: { status: "invited", item: { tags: { some: { tagId } } } },
    orderBy: { createdAt: "asc" },
    take: 100,
    select: {
      id: true,
      createdAt: true,
      invitedById: true,
      user: { select: { login: true } },
      item: { select: { id: true, title: true } },
    },
  });
}

/** A TAG's board review as its page and lead console show it: last finished, next (or current) due date, items left. */
export async function getBoardReviewStatus(tag: BoardReviewClock & { id: string }, at: Date) {
  const due = isBoardReviewDue(tag, at);
  return {
    months: tag.boardReviewMonths,
    lastAt: tag.boardReviewedAt,
    dueAt: boardReviewDueAt(tag),
    due,
    itemsDue: due ? await db.helpWantedItem.count({ where: itemsDueForReview(tag.id, tag.boardReviewMonths, at) }) : 0,
  };
}
