/**
 * The matching model (score.ts) made fast for rankings over many items or many people: the same
 * parts through the same functions, so every score equals `scoreMatch`'s (compiled.test.ts
 * checks it), but with what does not depend on the other side worked out once. Items become
 * columns of typed arrays with interned skills, TAGs and languages, so ranking 100,000 items
 * for one person is a tight loop with no allocation. Pure: no I/O.
 */
import {
  combine,
  effortPart,
  gapToRangeMinutes,
  historyPart,
  kindPart,
  placePart,
  preparePerson,
  regionPart,
  skillRarity,
  skillsPart,
  timezonePart,
  timezoneRange,
  urgencyPart,
  type MatchContext,
  type MatchItem,
  type MatchPerson,
  type PreparedPerson,
} from "./score";
import { BOARD_KINDS, REGIONS, type Region } from "@/lib/vocabulary";

/** Slot 0 is "no region". */
const REGION_SLOTS: (Region | null)[] = [null, ...REGIONS];
const key = (s: string) => s.trim().toLowerCase();

/** Items as columns. Index `i` is the i-th item given to {@link compileItems}. */
export interface CompiledItems<I extends MatchItem = MatchItem> {
  items: readonly I[];
  index: Map<string, number>;
  skillIds: Map<string, number>;
  rarity: Float64Array;
  skillStart: Int32Array;
  skillList: Int32Array;
  wanted: Float64Array;
  tagIds: Map<string, number>;
  tagStart: Int32Array;
  tagList: Int32Array;
  langIds: Map<string, number>;
  langStart: Int32Array;
  langList: Int32Array;
  kind: Uint8Array;
  region: Uint8Array;
  effort: Float64Array;
  due: Float64Array;
  volunteers: Int32Array;
  tzLo: Float64Array;
  tzHi: Float64Array;
}

function intern(map: Map<string, number>, k: string): number {
  let id = map.get(k);
  if (id === undefined) map.set(k, (id = map.size));
  return id;
}

/**
 * Columns for the items. Rarity comes from `ctx` (the open items' skill counts); timezone spans
 * are read at `ctx.now` (offsets move twice a year, the copy is rebuilt far more often).
 */
export function compileItems<I extends MatchItem>(
  items: readonly I[],
  ctx: Pick<MatchContext, "now" | "skillCounts" | "openItems">,
): CompiledItems<I> {
  const n = items.length;
  const skillIds = new Map<string, number>();
  const tagIds = new Map<string, number>();
  const langIds = new Map<string, number>();
  const skillStart = new Int32Array(n + 1);
  const tagStart = new Int32Array(n + 1);
  const langStart = new Int32Array(n + 1);
  const skills: number[] = [];
  const tags: number[] = [];
  const langs: number[] = [];
  const c = {
    kind: new Uint8Array(n),
    region: new Uint8Array(n),
    effort: new Float64Array(n),
    due: new Float64Array(n),
    volunteers: new Int32Array(n),
    tzLo: new Float64Array(n),
    tzHi: new Float64Array(n),
  };
  const index = new Map<string, number>();
  const ranges = new Map<string, [number, number] | null>();
  for (let i = 0; i < n; i++) {
    const it = items[i]!;
    index.set(it.id, i);
    skillStart[i] = skills.length;
    for (const s of it.skillKeys ?? it.skills.map(key)) skills.push(intern(skillIds, s));
    tagStart[i] = tags.length;
    for (const t of it.tagIds) tags.push(intern(tagIds, t));
    langStart[i] = langs.length;
    for (const l of it.languages) langs.push(intern(langIds, key(l)));
    c.kind[i] = BOARD_KINDS.indexOf(it.kind);
    c.region[i] = REGION_SLOTS.indexOf(it.region);
    c.effort[i] = it.effortHours ?? Number.NaN;
    c.due[i] = it.dueAt ? it.dueAt.getTime() : Number.NaN;
    c.volunteers[i] = it.volunteers;
    let range = it.timezone ? ranges.get(it.timezone) : null;
    if (range === undefined && it.timezone) ranges.set(it.timezone, (range = timezoneRange(it.timezone, ctx.now)));
    c.tzLo[i] = range ? range[0] : Number.NaN;
    c.tzHi[i] = range ? range[1] : Number.NaN;
  }
  skillStart[n] = skills.length;
  tagStart[n] = tags.length;
  langStart[n] = langs.length;
  const rarity = new Float64Array(skillIds.size);
  for (const [k, id] of skillIds) rarity[id] = skillRarity(k, ctx);
  const skillList = Int32Array.from(skills);
  const wanted = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    let w = 0;
    for (let j = skillStart[i]!; j < skillStart[i + 1]!; j++) w += rarity[skillList[j]!]!;
    wanted[i] = w;
  }
  return {
    items,
    index,
    skillIds,
    rarity,
    skillStart,
    skillList,
    wanted,
    tagIds,
    tagStart,
    tagList: Int32Array.from(tags),
    langIds,
    langStart,
    langList: Int32Array.from(langs),
    ...c,
  };
}

function flags(ids: Map<string, number>, values: Iterable<string>): Uint8Array {
  const out = new Uint8Array(ids.size);
  for (const v of values) {
    const id = ids.get(v);
    if (id !== undefined) out[id] = 1;
  }
  return out;
}

/**
 * The best `limit` candidates, best first, kept while scoring rather than sorting them all: a
 * candidate enters only if it beats the last kept one (an equal score keeps the earlier one), so
 * its entry is built only then.
 */
const beatsTop = (top: readonly { score: number }[], limit: number, score: number) =>
  top.length < limit || score > top[limit - 1]!.score;

function insertTop<T extends { score: number }>(top: T[], limit: number, entry: T): void {
  let at = top.length;
  while (at > 0 && top[at - 1]!.score < entry.score) at--;
  top.splice(at, 0, entry);
  if (top.length > limit) top.pop();
}

/**
 * The best `limit` items for a person among those `accept` lets through (by index), best first;
 * ties keep the items' order. Scores equal `scoreMatch(person, items[i], ctx).score`.
 */
export function rankCompiledItems(
  person: MatchPerson,
  c: CompiledItems,
  ctx: Pick<MatchContext, "now">,
  limit: number,
  accept?: (i: number) => boolean,
): { index: number; score: number }[] {
  const p = preparePerson(person, ctx.now);
  const hasSkill = flags(c.skillIds, p.skills);
  const interested = flags(c.tagIds, p.interests);
  const speaks = flags(c.langIds, p.languages);
  const kindValue = BOARD_KINDS.map((k) => kindPart(person.preferredKinds, k));
  const historyValue = BOARD_KINDS.map((k) => historyPart(person.completedKinds[k] ?? 0));
  const regionValue = REGION_SLOTS.map((r) => regionPart(person.region, r));
  const nowMs = ctx.now.getTime();
  const {
    skillStart,
    skillList,
    rarity,
    wanted,
    tagStart,
    tagList,
    langStart,
    langList,
    kind,
    region,
    effort,
    due,
    volunteers,
    tzLo,
    tzHi,
  } = c;

  const top: { index: number; score: number }[] = [];
  if (limit <= 0) return top;
  const n = c.items.length;
  for (let i = 0; i < n; i++) {
    if (accept && !accept(i)) continue;
    let matched = 0;
    const s0 = skillStart[i]!;
    const s1 = skillStart[i + 1]!;
    for (let j = s0; j < s1; j++) {
      const sid = skillList[j]!;
      if (hasSkill[sid]) matched += rarity[sid]!;
    }
    const e = effort[i]!;
    const lo = tzLo[i]!;
    const r = region[i]!;
    const tz = p.offset === null || Number.isNaN(lo) ? null : timezonePart(gapToRangeMinutes(p.offset, lo, tzHi[i]!));
    let interest = 0;
    for (let j = tagStart[i]!; j < tagStart[i + 1]!; j++) {
      if (interested[tagList[j]!]) {
        interest = 1;
        break;
      }
    }
    let language = 0;
    const l0 = langStart[i]!;
    const l1 = langStart[i + 1]!;
    if (l1 > l0) {
      language = -1;
      for (let j = l0; j < l1; j++) {
        if (speaks[langList[j]!]) {
          language = 1;
          break;
        }
      }
    }
    const d = due[i]!;
    const k = kind[i]!;
    const score = combine(
      skillsPart(matched, wanted[i]!, s1 - s0),
      effortPart(Number.isNaN(e) ? null : e, p.free),
      placePart(regionValue[r]!, tz, r !== 0),
      interest,
      kindValue[k]!,
      historyValue[k]!,
      urgencyPart(Number.isNaN(d) ? null : d, nowMs),
      volunteers[i] === 0 ? 1 : 0,
      language,
    );
    if (beatsTop(top, limit, score)) insertTop(top, limit, { index: i, score });
  }
  return top;
}

/** One item prepared for scoring many people. */
interface PreparedItem {
  keys: string[];
  rarities: number[];
  wanted: number;
  range: [number, number] | null;
  languages: string[];
  dueMs: number | null;
}

function prepareItem(item: MatchItem, ctx: Pick<MatchContext, "now" | "skillCounts" | "openItems">): PreparedItem {
  const keys = [...(item.skillKeys ?? item.skills.map(key))];
  const rarities = keys.map((k) => skillRarity(k, ctx));
  return {
    keys,
    rarities,
    wanted: rarities.reduce((a, b) => a + b, 0),
    range: item.timezone ? timezoneRange(item.timezone, ctx.now) : null,
    languages: item.languages.map(key),
    dueMs: item.dueAt ? item.dueAt.getTime() : null,
  };
}

/**
 * The best `limit` people for one item, best first (ties keep the people's order). People come
 * prepared (`preparePerson`) so a snapshot of thousands is scored without building anything.
 * Scores equal `scoreMatch(person, item, ctx).score`.
 */
export function rankPreparedPeople<P extends PreparedPerson>(
  item: MatchItem,
  people: readonly P[],
  ctx: MatchContext,
  limit: number,
  accept?: (p: P) => boolean,
): { entry: P; score: number }[] {
  const it = prepareItem(item, ctx);
  const nowMs = ctx.now.getTime();
  const urgency = urgencyPart(it.dueMs, nowMs);
  const unstaffed = item.volunteers === 0 ? 1 : 0;
  const top: { entry: P; score: number }[] = [];
  if (limit <= 0) return top;
  for (const p of people) {
    if (accept && !accept(p)) continue;
    let matched = 0;
    for (let j = 0; j < it.keys.length; j++) if (p.skills.has(it.keys[j]!)) matched += it.rarities[j]!;
    const tz =
      p.offset === null || it.range === null
        ? null
        : timezonePart(gapToRangeMinutes(p.offset, it.range[0], it.range[1]));
    let interest = 0;
    for (const t of item.tagIds) {
      if (p.interests.has(t)) {
        interest = 1;
        break;
      }
    }
    let language = 0;
    if (it.languages.length) language = it.languages.some((l) => p.languages.has(l)) ? 1 : -1;
    const score = combine(
      skillsPart(matched, it.wanted, it.keys.length),
      effortPart(item.effortHours, p.free),
      placePart(regionPart(p.person.region, item.region), tz, item.region !== null),
      interest,
      kindPart(p.person.preferredKinds, item.kind),
      historyPart(p.person.completedKinds[item.kind] ?? 0),
      urgency,
      unstaffed,
      language,
    );
    if (beatsTop(top, limit, score)) insertTop(top, limit, { entry: p, score });
  }
  return top;
}
