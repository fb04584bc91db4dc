/**
 * The ranked ballot's order as levels (issue 18, point 11): candidates sharing a rank form one level
 * (a tie), levels numbered from 1 with no gaps. Pure, so the ballot form's keyboard moves are tested
 * alone.
 */
export type Ranks = Readonly<Record<string, string>>;

/** Ranked candidates as levels, best first; within a level in the ballot's candidate order. */
export function levelsOf(ids: readonly string[], ranks: Ranks): string[][] {
  const ranked = ids.filter((id) => /^[1-9]\d*$/.test(ranks[id] ?? ""));
  const values = [...new Set(ranked.map((id) => Number(ranks[id])))].sort((a, b) => a - b);
  return values.map((v) => ranked.filter((id) => Number(ranks[id]) === v));
}

/**
 * Moves one ranked candidate a place up or down: out of a tie to its own rank just above (or below)
 * it, or past the neighbouring level. Ranks are renumbered 1, 2, 3...; unranked candidates stay so.
 */
export function move(ids: readonly string[], ranks: Ranks, id: string, dir: "up" | "down"): Record<string, string> {
  const levels = levelsOf(ids, ranks);
  const i = levels.findIndex((l) => l.includes(id));
  if (i < 0) return { ...ranks };
  if (levels[i]!.length > 1) {
    levels[i] = levels[i]!.filter((x) => x !== id);
    levels.splice(dir === "up" ? i : i + 1, 0, [id]);
  } else {
    const j = dir === "up" ? i - 1 : i + 1;
    if (j < 0 || j >= levels.length) return { ...ranks };
    [levels[i], levels[j]] = [levels[j]!, levels[i]!];
  }
  const next: Record<string, string> = Object.fromEntries(ids.map((x) => [x, ""]));
  levels.forEach((l, k) => l.forEach((x) => (next[x] = String(k + 1))));
  return next;
}
