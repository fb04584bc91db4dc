import "server-only";
import { db } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import { requirePermission } from "@/lib/auth/actor";
import { seatSummarySelect } from "@/lib/roles/seats";
import { can, type Actor } from "@/lib/auth/permissions";
import { activityByTag, activityKey, type ActivityStatus, type ActivityWindowDays } from "@/lib/contributions/activity";
import { findBoardItems, findOpenItemIdsMatching, type BoardItem } from "@/lib/help-wanted/board";
import type { BoardQuery } from "@/lib/help-wanted/board-query";
import { rankCompiledItems, rankPreparedPeople } from "./compiled";
import { mayViewHours } from "./hours-visibility";
import { matchScorer, reasonLine, tagsOfInterest, topByScore, type MatchContext, type Reason } from "./score";
import {
  SUGGESTABLE,
  getPeopleSnapshot,
  getSnapshot,
  loadMatchItems,
  preparePersonRow,
  selectPeople,
  toMatchPerson,
  type PersonRow,
  type Snapshot,
  type SnapshotItem,
} from "./snapshot";
import {
  AMBASSADOR_KIND_LABEL,
  type BoardKind,
  boardKindOf,
  parseId,
  SITTING_SEAT_STATUSES,
  VOLUNTEERED_CLAIM_STATUSES,
} from "@/lib/vocabulary";

/** Claim states in which a person is on an item (or asked to be): such items are not suggested to them. */
const ON_ITEM = ["invited", "requested", "accepted", "done", "completed"] as const;

const contextOf = (s: Snapshot, now: Date): MatchContext => ({
  now,
  skillCounts: s.skillCounts,
  openItems: s.openItems,
  tagNames: s.tagNames,
});

/** What a person's profile lacks for good matches (shown on the for-you page). */
export function profileGaps(
  p: Pick<PersonRow, "skills" | "region" | "timezone" | "hoursPerMonth" | "interests">,
): string[] {
  const gaps: string[] = [];
  if (!p.skills.length) gaps.push("skills");
  if (!p.interests.length) gaps.push("interests");
  if (!p.region) gaps.push("region");
  if (!p.timezone) gaps.push("timezone");
  if (p.hoursPerMonth === null) gaps.push("monthly hours");
  return gaps;
}

export interface ItemMatch {
  item: BoardItem;
  score: number;
  reasons: Reason[];
  /** The reasons as one line. */
  line: string;
}

export interface MatchesForPerson {
  matches: ItemMatch[];
  hasMore: boolean;
  gaps: string[];
  settings: { preferredKinds: BoardKind[] };
}

/** The board filters (all but the search) as a test on a snapshot item. */
function boardFilter(query: BoardQuery | undefined, s: Snapshot): ((i: SnapshotItem) => boolean) | null {
  if (!query) return null;
  const tagIds = query.tag.length ? new Set(s.tags.filter((t) => query.tag.includes(t.slug)).map((t) => t.id)) : null;
  const skills = query.skill.length ? new Set(query.skill.map((k) => k.toLowerCase())) : null;
  const { kind, region, effortMin, effortMax } = query;
  if (!tagIds && !skills && !kind && !region && effortMin === undefined && effortMax === undefined) return null;
  return (i) =>
    (!tagIds || i.tagIds.some((t) => tagIds.has(t))) &&
    (!skills || i.skillKeys.some((k) => skills.has(k))) &&
    (!kind || i.kind === kind) &&
    (!region || i.region === region || i.region === null) &&
    (effortMin === undefined || (i.effortHours !== null && i.effortHours >= effortMin)) &&
    (effortMax === undefined || (i.effortHours !== null && i.effortHours <= effortMax));
}

/** At most this many search hits are ranked by `sort=match` (the search itself is the board's). */
export const MATCH_SEARCH_MAX = 10_000;

/**
 * The best open items for a person, with reasons: for `/help-wanted/for-you`, the board's
 * `sort=match` (with its filters; `query.q` through the full-text index) and the digest.
 * Hidden items and items the person is already on are left out. The shown items are re-read,
 * so one that filled or closed since the snapshot is dropped.
 */
export async function findMatchesForPerson(
  userId: string,
  opts: {
    now: Date;
    limit: number;
    offset?: number;
    query?: BoardQuery;
    exclude?: ReadonlySet<string>;
    createdAfter?: Date;
  },
): Promise<MatchesForPerson | null> {
  const offset = opts.offset ?? 0;
  const [snapshot, [row], excluded, searchIds] = await Promise.all([
    getSnapshot(),
    selectPeople(Prisma.sql`u."id" = ${userId}::uuid`, userId),
    db.$queryRaw<{ itemId: string }[]>`
      SELECT "itemId" FROM "HiddenItem" WHERE "userId" = ${userId}::uuid
      UNION SELECT "itemId" FROM "Claim" WHERE "userId" = ${userId}::uuid AND "status"::text = ANY(${[...ON_ITEM]}::text[])`,
    opts.query?.q ? findOpenItemIdsMatching(opts.query.q, MATCH_SEARCH_MAX) : Promise.resolve(null),
  ]);
  if (!row) return null;
  const skip = new Set([...excluded.map((e) => e.itemId), ...(opts.exclude ?? [])]);
  const found = searchIds ? new Set(searchIds) : null;
  const board = boardFilter(opts.query, snapshot);
  const after = opts.createdAfter?.getTime();
  const accept = (i: SnapshotItem) =>
    !skip.has(i.id) &&
    (!found || found.has(i.id)) &&
    (after === undefined || i.createdAt > after) &&
    (!board || board(i));
  const person = toMatchPerson(row, tagsOfInterest(row.interests, snapshot.tags));
  const ctx = contextOf(snapshot, opts.now);
  const scorer = matchScorer(person, ctx);

  const want = offset + opts.limit + 1;
  // Some slack: items re-read below may have filled or closed since the snapshot.
  const pool = want + Math.max(10, Math.ceil(want / 4));
  const { base } = snapshot;
  const skipIndex = new Uint8Array(base.items.length);
  for (const id of skip) {
    const i = base.index.get(id);
    if (i !== undefined) skipIndex[i] = 1;
  }
  const filtered = Boolean(found || board || after !== undefined);
  const fromBase = rankCompiledItems(
    person,
    base,
    ctx,
    pool,
    (i) => !skipIndex[i] && (!filtered || accept(base.items[i]!)),
  );
  // Items posted since the snapshot was loaded are newer: on equal scores they come first.
  const candidates = [
    ...snapshot.recent.filter(accept).map((i) => ({ entry: i as SnapshotItem, score: scorer.score(i) })),
    ...fromBase.map((t) => ({ entry: base.items[t.index]!, score: t.score })),
  ];
  const top = topByScore(candidates, (c) => c.score, pool);
  const fresh = await loadMatchItems(top.map((t) => t.entry.entry.id));
  const ranked = topByScore(
    top.flatMap((t) => {
      const f = fresh.get(t.entry.entry.id);
      return f?.open ? [f] : [];
    }),
    scorer.score,
    want,
  );
  const page = ranked.slice(offset, offset + opts.limit);
  const cards = new Map(
    (
      await findBoardItems(
        page.map((r) => r.entry.id),
        opts.now,
      )
    ).map((c) => [c.id, c]),
  );
  return {
    matches: page.flatMap(({ entry }) => {
      const item = cards.get(entry.id);
      if (!item) return [];
      const m = scorer.explain(entry, "you");
      return [{ item, score: m.score, reasons: m.reasons, line: reasonLine(m.reasons) }];
    }),
    hasMore: ranked.length > offset + opts.limit,
    gaps: profileGaps(row),
    settings: { preferredKinds: person.preferredKinds as BoardKind[] },
  };
}

export interface SuggestedPerson {
  id: string;
  login: string;
  name: string | null;
  avatarUrl: string | null;
  isCncfAmbassador: boolean;
  /** TAG Ambassador seats (a role inside a TAG, unlike the global CNCF Ambassador programme). */
  tagAmbassadorRoles: { tag: string; role: string }[];
  /** Null when not set, or when the viewer may not see it (`mayViewHours`). */
  hoursPerMonth: number | null;
  loadHours: number;
  acceptedClaims: number;
  /** Activity in each of the item's TAGs, under that TAG's rule. */
  activity: { tag: string; status: ActivityStatus; days: Record<ActivityWindowDays, number> }[];
  score: number;
  reasons: Reason[];
  line: string;
}

/**
 * The reverse match: the best available people for an item, for its TAGs' leads. Authorized
 * here (`help-wanted.invite` on one of the item's TAGs), whatever the page showed. Available:
 * signed in at least once, not opted out of suggestions, with no claim on this item (an earlier
 * offer, invitation or decline included), not having hidden it and not its poster. Empty when no place is left.
 */
export async function findPeopleForItem(
  actor: Actor | null,
  itemId: string,
  opts: { now: Date; limit: number },
): Promise<SuggestedPerson[]> {
  const id = parseId(itemId);
  const links = id ? await db.helpWantedItemTag.findMany({ where: { itemId: id }, select: { tagId: true } }) : [];
  const tagIds = links.map((l) => l.tagId);
  await requirePermission(actor, "help-wanted.invite", {
    subjectType: "HelpWantedItem",
    subjectId: itemId,
    tagId: tagIds.find((t) => can(actor, "help-wanted.invite", t)) ?? tagIds[0] ?? null,
  });
  if (!id) return [];
  const [snapshot, fresh, everyone, involved] = await Promise.all([
    getSnapshot({ probe: false }),
    loadMatchItems(tagIds.length ? [itemId] : []),
    getPeopleSnapshot(),
    db.$queryRaw<{ userId: string }[]>`
      SELECT "userId" FROM "Claim" WHERE "itemId" = ${itemId}::uuid UNION SELECT "userId" FROM "HiddenItem" WHERE "itemId" = ${itemId}::uuid
      UNION SELECT "createdById" FROM "HelpWantedItem" WHERE "id" = ${itemId}::uuid AND "createdById" IS NOT NULL`,
  ]);
  const item = fresh.get(itemId);
  if (!item?.open) return [];
  const ctx = contextOf(snapshot, opts.now);
  const skip = new Set(involved.map((r) => r.userId));
  // From the snapshot, with slack for people who changed since; those few are re-read and ranked again.
  const pool = rankPreparedPeople(item, everyone, ctx, opts.limit + 10, (p) => !skip.has(p.row.id));
  const rows = pool.length
    ? await selectPeople(
        Prisma.sql`${SUGGESTABLE} AND u."id" = ANY(${pool.map((p) => p.entry.row.id)}::uuid[])
          AND NOT EXISTS (SELECT 1 FROM "Claim" c WHERE c."itemId" = ${itemId}::uuid AND c."userId" = u."id")
          AND NOT EXISTS (SELECT 1 FROM "HiddenItem" h WHERE h."itemId" = ${itemId}::uuid AND h."userId" = u."id")`,
        pool.map((p) => p.entry.row.id),
      )
    : [];
  const top = rankPreparedPeople(
    item,
    rows.map((r) => preparePersonRow(r, snapshot.tags, opts.now)),
    ctx,
    opts.limit,
  );

  const ids = top.map((t) => t.entry.row.id);
  const [seats, volunteered, tags] = ids.length
    ? await Promise.all([
        db.roleAssignment.findMany({
          where: { userId: { in: ids }, status: { in: [...SITTING_SEAT_STATUSES] } },
          select: { ...seatSummarySelect, roleDefinition: { select: { name: true, ambassadorKind: true } } },
        }),
        db.claim.findMany({
          where: { userId: { in: ids }, status: { in: [...VOLUNTEERED_CLAIM_STATUSES] } },
          select: { userId: true, item: { select: { tags: { select: { tagId: true } } } } },
        }),
        db.tag.findMany({
          where: { id: { in: tagIds } },
          orderBy: { name: "asc" },
          select: { id: true, name: true, activityMinRecords: true, activityWindowMonths: true },
        }),
      ])
    : [[], [], []];
  const activity = await activityByTag(
    tags.map((tag) => ({ tag, userIds: ids })),
    opts.now,
  );
  const tagsOf = (id: string, interests: Set<string>) => [
    ...interests,
    ...seats.filter((s) => s.userId === id).map((s) => s.tagId),
    ...volunteered.filter((c) => c.userId === id).flatMap((c) => c.item.tags.map((t) => t.tagId)),
  ];
  return top.map(({ entry: { row, person, interests } }) => {
    const m = matchScorer(person, ctx).explain(item, "they");
    const showHours = mayViewHours(actor, row.id, tagsOf(row.id, interests));
    // The effort reason states their free hours, which are worked out from the monthly hours.
    const reasons = showHours ? m.reasons : m.reasons.filter((r) => r.part !== "effort");
    return {
      id: row.id,
      login: row.login,
      name: row.name,
      avatarUrl: row.avatarUrl,
      isCncfAmbassador: row.isCncfAmbassador,
      tagAmbassadorRoles: seats
        .filter((s) => s.userId === row.id && s.kind === "tag_ambassador")
        .map((s) => ({
          tag: s.tag.name,
          role:
            s.roleDefinition?.name ??
            `TAG Ambassador${s.roleDefinition?.ambassadorKind ? ` (${AMBASSADOR_KIND_LABEL[s.roleDefinition.ambassadorKind].toLowerCase()})` : ""}`,
        })),
      hoursPerMonth: showHours ? row.hoursPerMonth : null,
      loadHours: row.loadHours,
      acceptedClaims: row.acceptedClaims,
      activity: tags.map((t) => {
        const a = activity.get(activityKey(row.id, t.id))!;
        return { tag: t.name, status: a.status, days: a.days };
      }),
      score: m.score,
      reasons,
      line: reasonLine(reasons),
    };
  });
}

/** The person's matching settings and hidden items, for the for-you page. */
export async function getMatchSettings(userId: string) {
  const [user, hidden] = await Promise.all([
    db.user.findUnique({
      where: { id: userId },
      select: {
        preferredKinds: true,
        matchOptOut: true,
        digestOptIn: true,
        digestSentAt: true,
        githubAssignOptIn: true,
      },
    }),
    db.hiddenItem.findMany({
      where: { userId },
      orderBy: { createdAt: "desc" },
      take: 50,
      select: { createdAt: true, item: { select: { id: true, title: true } } },
    }),
  ]);
  if (!user) return null;
  return {
    ...user,
    preferredKinds: user.preferredKinds.map(boardKindOf),
    hidden: hidden.map((h) => ({ ...h.item, hiddenAt: h.createdAt })),
  };
}
