import "server-only";
import { db } from "@/lib/db";
import { requirePermission } from "@/lib/auth/actor";
import type { Actor } from "@/lib/auth/permissions";
import { LEAD_KINDS, SITTING_SEAT_STATUSES, type Region } from "@/lib/vocabulary";
import {
  countryCoverage,
  formatTargets,
  representationRows,
  type Member,
  type RepresentationGroup,
  type Target,
} from "./targets";

/** A TAG's stored targets, in the editor's order (leadership first, then by when they were set). */
export async function loadTargets(tagId: string): Promise<Target[]> {
  const rows = await db.representationTarget.findMany({
    where: { tagId },
    orderBy: [{ audience: "asc" }, { createdAt: "asc" }, { id: "asc" }],
    select: { audience: true, region: true, country: true, minimum: true },
  });
  return rows.map((r) => ({
    group: r.audience,
    region: r.region as Region | null,
    country: r.country,
    minimum: r.minimum,
  }));
}

/** Who holds the seats each target is about, now: chairs and tech leads; TAG Ambassadors. */
async function loadMembers(tagId: string): Promise<Record<RepresentationGroup, Member[]>> {
  const seats = await db.roleAssignment.findMany({
    where: {
      tagId,
      status: { in: [...SITTING_SEAT_STATUSES] },
      kind: { in: [...LEAD_KINDS, "tag_ambassador"] },
    },
    select: { kind: true, userId: true, user: { select: { region: true, country: true } } },
  });
  // A person with two seats in one group counts once.
  const groups: Record<RepresentationGroup, Map<string, Member>> = { leadership: new Map(), ambassadors: new Map() };
  for (const s of seats)
    groups[s.kind === "tag_ambassador" ? "ambassadors" : "leadership"].set(s.userId, {
      region: s.user.region,
      country: s.user.country,
    });
  return { leadership: [...groups.leadership.values()], ambassadors: [...groups.ambassadors.values()] };
}

/** What the dashboards and the editor show: each target against today's seats. */
export async function loadRepresentation(tagId: string) {
  const [targets, members] = await Promise.all([loadTargets(tagId), loadMembers(tagId)]);
  return {
    targets,
    text: formatTargets(targets),
    rows: representationRows(members, targets),
    coverage: { leadership: countryCoverage(members.leadership), ambassadors: countryCoverage(members.ambassadors) },
  };
}
export type Representation = Awaited<ReturnType<typeof loadRepresentation>>;

/** A TAG's representation for its dashboard: `dashboard.view` (leads, the TOC, admins). */
export async function getTagRepresentation(actor: Actor | null, tagId: string): Promise<Representation> {
  await requirePermission(actor, "dashboard.view", { subjectType: "Dashboard", subjectId: tagId, tagId });
  return loadRepresentation(tagId);
}

/** The targets page: the TAG by slug and its representation, or null for an unknown slug. */
export async function loadTagRepresentation(slug: string) {
  const tag = await db.tag.findUnique({ where: { slug }, select: { id: true, slug: true, name: true } });
  return tag ? { tag, representation: await loadRepresentation(tag.id) } : null;
}
