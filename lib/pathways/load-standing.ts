import "server-only";
import { db } from "@/lib/db";
import { COUNTED } from "@/lib/contributions/activity";
import { windowEndingAt } from "@/lib/vocabulary";
import type { Ladder } from "./ladder";
import { LadderSchema } from "./schemas";
import type { PathwayFacts } from "./standing";

/** A TAG's ladder as stored, checked again on the way out; null when the TAG has none. */
export async function loadLadder(tagId: string): Promise<{ ladder: Ladder; version: number } | null> {
  const row = await db.pathwayLadder.findUnique({ where: { tagId }, select: { steps: true, version: true } });
  if (!row) return null;
  return { ladder: LadderSchema.parse(row.steps), version: row.version };
}

/** The widest window any criterion looks back over, so one read serves every step. */
const widestMonths = (ladder: Ladder) => Math.max(1, ...ladder.flatMap((s) => s.criteria.map((c) => c.windowMonths)));

/**
 * The facts `pathwayStanding` needs for people in one TAG: their counted records inside the
 * ladder's widest window, and their sign-offs. `userIds` null means everyone with a record or a
 * sign-off there (the leads' list).
 */
export async function loadPathwayFacts(
  tagId: string,
  ladder: Ladder,
  userIds: readonly string[] | null,
  at: Date,
): Promise<Map<string, PathwayFacts>> {
  const who = userIds ? { userId: { in: [...userIds] } } : {};
  const [records, signOffs] = await Promise.all([
    db.contributionRecord.findMany({
      where: {
        tagId,
        ...who,
        occurredAt: { gte: windowEndingAt(at, widestMonths(ladder)).from, lt: at },
        OR: COUNTED,
      },
      select: { userId: true, kind: true, occurredAt: true },
    }),
    db.pathwaySignOff.findMany({ where: { tagId, ...who }, select: { userId: true, stepName: true } }),
  ]);
  const out = new Map<string, { records: PathwayFacts["records"][number][]; signedOff: Set<string> }>();
  const entry = (userId: string) => {
    let e = out.get(userId);
    if (!e) out.set(userId, (e = { records: [], signedOff: new Set() }));
    return e;
  };
  for (const id of userIds ?? []) entry(id);
  for (const r of records) entry(r.userId).records.push(r);
  for (const s of signOffs) entry(s.userId).signedOff.add(s.stepName);
  return out;
}
