import "server-only";
import { db } from "@/lib/db";
import { stampedMemo } from "@/lib/cache/memo";
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { searchBoard } from "@/lib/help-wanted/board";
import { decodeCursor, parseBoardQuery, resolveSort, type BoardQueryInput } from "@/lib/help-wanted/board-query";
import { electionListSelect } from "@/lib/elections/queries";
import { listRoster, summarizeRoles } from "@/lib/roles/queries";
import { parseRegionCounts } from "@/lib/roles/seat-rules";
import { findTagBySlug } from "@/lib/tags/queries";
import { decodeKeyCursor, encodeKeyCursor } from "./cursor";
import { invalidQuery } from "./http";
import type {
  ApiElection,
  ElectionPage,
  ElectionResults,
  HelpWantedPage,
  TagDetail,
  TagPage,
  TagSummary,
} from "./schemas";
import { isoDay, type LeadershipModel, parseId, roleKindKey, roleName } from "@/lib/vocabulary";

/** Reads behind `/api/v1`: public data only (what a visitor sees on the portal's pages). */

const base = () => env().NEXTAUTH_URL.replace(/\/+$/, "");

function cursorKey(cursor: string | undefined, length: number): string[] | null {
  if (!cursor) return null;
  const key = decodeKeyCursor(cursor, length);
  if (!key) invalidQuery({ cursor: ["Not a cursor from this list"] });
  return key;
}

const tagSummarySelect = {
  slug: true,
  name: true,
  mission: true,
  leadershipModel: true,
  mailingList: true,
  slackChannel: true,
} as const;
const summary = (t: {
  slug: string;
  name: string;
  mission: string;
  leadershipModel: LeadershipModel;
  mailingList: string | null;
  slackChannel: string | null;
}): TagSummary => ({
  slug: t.slug,
  name: t.name,
  mission: t.mission,
  leadershipModel: t.leadershipModel,
  mailingList: t.mailingList,
  slackChannel: t.slackChannel,
  url: `${base()}/tags/${t.slug}`,
});

/**
 * The first page of the TAG list, per page size, kept per process under the `tags` cache stamp:
 * the same for every caller, it changes a few times a year, and a trigger on "Tag" announces every
 * change to every replica (lib/cache/stamps.ts). Read again after five minutes in case a notice
 * was lost. Later pages (a cursor) are read each time, so made-up cursors cannot push it out.
 */
const firstTagPages = stampedMemo<TagPage>(["tags"], { freshMs: 5 * 60_000, staleMs: 5 * 60_000, maxEntries: 100 });

/** TAGs by slug, one page. */
export async function listTagsPage(q: { cursor?: string; limit: number }): Promise<TagPage> {
  const after = cursorKey(q.cursor, 1);
  const read = async () => {
    const rows = await db.tag.findMany({
      where: after ? { slug: { gt: after[0] } } : {},
      orderBy: { slug: "asc" },
      take: q.limit + 1,
      select: tagSummarySelect,
    });
    const page = rows.slice(0, q.limit);
    return { data: page.map(summary), nextCursor: rows.length > q.limit ? encodeKeyCursor([page.at(-1)!.slug]) : null };
  };
  return after ? read() : firstTagPages.get(String(q.limit), new Date(), read);
}

/**
 * One TAG with its roles (current rules and figures) and roster (seats held or awaiting the TOC).
 * The figures come from summarizeRoles, as on the TAG page and the dashboards.
 */
export async function getTagDetail(slug: string, at: Date): Promise<TagDetail> {
  const tag = /^[a-z0-9][a-z0-9-]{0,62}$/.test(slug) ? await findTagBySlug(slug) : null;
  if (!tag) throw new AppError("NOT_FOUND", "No TAG has that slug.");
  const roster = await listRoster(tag.id, at);
  const roles = await summarizeRoles(tag.id, at, roster);
  type Role = TagDetail["roles"][number];
  return {
    ...summary({ ...tag, mailingList: tag.mailingList ?? null, slackChannel: tag.slackChannel ?? null }),
    repositories: tag.repositories,
    meetings: tag.meetings,
    tocLiaisons: tag.tocLiaisons,
    subprojects: tag.subprojects,
    roles: roles.map(({ def: d, figures: f }) => ({
      key: d.roleKey,
      name: d.name,
      kind: roleKindKey(d.kind) as Role["kind"],
      ambassadorKind: d.ambassadorKind ? (roleKindKey(d.ambassadorKind) as Role["ambassadorKind"]) : null,
      termMonths: d.termMonths,
      hoursPerMonth: d.hoursPerMonth,
      // A role is elected or appointed (lib/roles/schemas.ts); only a TAG's model may be `both`.
      selection: d.selection as Role["selection"],
      totalSeats: f.totalSeats,
      maxPerRegion: parseRegionCounts(d.maxPerRegion),
      minPerRegion: parseRegionCounts(d.minPerRegion),
      maxPerEmployer: d.maxPerEmployer,
      needsTocApproval: d.needsTocApproval,
      retired: f.retired,
      holders: f.holders,
      pending: f.pending,
      vacancies: f.vacancies,
    })),
    roster: roster.map((r) => ({
      login: r.user.login,
      name: r.user.name,
      role: roleName(r.kind, r.roleDefinition?.name),
      roleKey: r.roleKey,
      kind: roleKindKey(r.kind),
      region: r.regionAtStart ?? r.user.region,
      employer: r.user.employer,
      status: r.state as TagDetail["roster"][number]["status"],
      start: isoDay(r.startAt),
      termEnd: isoDay(r.termEndAt),
      obtainedBy: r.obtainedBy,
    })),
  };
}

/** The help-wanted board with the board's own query parameters (docs/architecture.md, "Board parameters"); bad ones answer 400. */
export async function listHelpWantedPage(params: BoardQueryInput, at: Date): Promise<HelpWantedPage> {
  const { query, errors } = parseBoardQuery(params);
  if (errors) invalidQuery(errors);
  if (query.cursor && !decodeCursor(query.cursor, resolveSort(query)))
    invalidQuery({ cursor: ["Not a cursor from this list (a cursor belongs to one sort)"] });
  const page = await searchBoard(query, at);
  return {
    data: page.items.map((i) => ({
      ...i,
      dueAt: i.dueAt?.toISOString() ?? null,
      createdAt: i.createdAt.toISOString(),
      url: `${base()}/help-wanted/${i.id}`,
    })),
    nextCursor: page.nextCursor,
  };
}

const electionSelect = { ...electionListSelect, createdAt: true } as const;
type ElectionRow = {
  id: string;
  roleKey: string;
  title: string;
  phase: string;
  method: "schulze" | "stv";
  seatsByRegion: unknown;
  nominationsOpenAt: Date;
  nominationsCloseAt: Date;
  votingOpenAt: Date;
  votingCloseAt: Date;
  publishedAt: Date | null;
  isTest: boolean;
  tag: { slug: string; name: string };
};

/** Public view of elections: drafts are never shown; results and ballots only once published. */
async function toApiElections(rows: ElectionRow[]): Promise<ApiElection[]> {
  const ids = rows.map((e) => e.id);
  const [roles, ballots] = await Promise.all([
    db.roleDefinition.findMany({
      where: { roleKey: { in: rows.map((e) => e.roleKey) }, supersededAt: null },
      select: { roleKey: true, name: true },
    }),
    db.electionArtifact.findMany({
      where: { electionId: { in: ids }, name: "ballots.blt", election: { phase: "published" } },
      select: { electionId: true },
    }),
  ]);
  const withBallots = new Set(ballots.map((b) => b.electionId));
  return rows.map((e) => {
    const seats =
      e.seatsByRegion && typeof e.seatsByRegion === "object" && !Array.isArray(e.seatsByRegion)
        ? (e.seatsByRegion as Record<string, unknown>)
        : {};
    const published = e.phase === "published";
    return {
      id: e.id,
      tag: e.tag,
      role: roles.find((r) => r.roleKey === e.roleKey)?.name ?? null,
      title: e.title,
      phase: e.phase as ApiElection["phase"],
      method: e.method,
      seatsByRegion: Object.fromEntries(
        Object.entries(seats).filter((s): s is [string, number] => Number.isInteger(s[1])),
      ),
      nominationsOpenAt: e.nominationsOpenAt.toISOString(),
      nominationsCloseAt: e.nominationsCloseAt.toISOString(),
      votingOpenAt: e.votingOpenAt.toISOString(),
      votingCloseAt: e.votingCloseAt.toISOString(),
      publishedAt: published ? (e.publishedAt?.toISOString() ?? null) : null,
      isTest: e.isTest,
      resultsUrl: published ? `${base()}/api/v1/elections/${e.id}/results` : null,
      ballotsUrl: published && withBallots.has(e.id) ? `${base()}/api/v1/elections/${e.id}/ballots.blt` : null,
    };
  });
}

/** Elections past their draft, newest first, optionally of one TAG. */
export async function listElectionsPage(q: { cursor?: string; limit: number; tag?: string }): Promise<ElectionPage> {
  const after = cursorKey(q.cursor, 2);
  const afterAt = after ? new Date(after[0]!) : null;
  if (after && (Number.isNaN(afterAt!.getTime()) || !parseId(after[1])))
    invalidQuery({ cursor: ["Not a cursor from this list"] });
  const rows = await db.election.findMany({
    where: {
      phase: { not: "draft" },
      ...(q.tag ? { tag: { slug: q.tag } } : {}),
      ...(after ? { OR: [{ createdAt: { lt: afterAt! } }, { createdAt: afterAt!, id: { lt: after[1]! } }] } : {}),
    },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: q.limit + 1,
    select: electionSelect,
  });
  const page = rows.slice(0, q.limit);
  const last = page.at(-1);
  return {
    data: await toApiElections(page),
    nextCursor: rows.length > q.limit && last ? encodeKeyCursor([last.createdAt.toISOString(), last.id]) : null,
  };
}

/** A published election (404 for unknown ids, drafts and elections not yet published). */
async function findPublished(id: string) {
  const electionId = parseId(id);
  const e = electionId ? await db.election.findUnique({ where: { id: electionId }, select: electionSelect }) : null;
  if (!e || e.phase === "draft") throw new AppError("NOT_FOUND", "No election has that id.");
  if (e.phase !== "published") throw new AppError("NOT_FOUND", "The results of this election are not published yet.");
  return e;
}

const parseJson = (text: string | undefined): unknown => {
  if (text === undefined) return null;
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
};

/** The published files of an election: each with its SHA-256; result, rules and matrix inline. */
export async function getElectionResults(id: string): Promise<ElectionResults> {
  const e = await findPublished(id);
  const [election, files] = await Promise.all([
    toApiElections([e]),
    db.electionArtifact.findMany({
      where: { electionId: e.id },
      orderBy: { name: "asc" },
      select: { name: true, sha256: true, content: true },
    }),
  ]);
  const content = (name: string) => files.find((f) => f.name === name)?.content;
  return {
    election: election[0]!,
    files: files.map((f) => ({ name: f.name, sha256: f.sha256, bytes: Buffer.byteLength(f.content, "utf8") })),
    result: parseJson(content("result.json")),
    rules: parseJson(content("rules.json")),
    matrix: parseJson(content("matrix.json")),
  };
}

/** The published ballots in BLT format, when the election publishes its ballots. */
export async function getBallotsBlt(id: string): Promise<string> {
  const e = await findPublished(id);
  const file = await db.electionArtifact.findUnique({
    where: { electionId_name: { electionId: e.id, name: "ballots.blt" } },
    select: { content: true },
  });
  if (!file) throw new AppError("NOT_FOUND", "This election does not publish its individual ballots.");
  return file.content;
}
