import { BOARD_KIND_LABEL, type BoardKind, DAY, type Region } from "@/lib/vocabulary";
/**
 * The matching model (issue 9): how well one help-wanted item suits one person, with the
 * reasons in plain words. Pure: no I/O, no clock (callers pass `now`), so the same function
 * ranks items for a person (`/help-wanted/for-you`, `sort=match`, the weekly digest) and people
 * for an item (the reverse match leads see), and unit tests and the evaluation run it directly.
 *
 * A score is a weighted sum of parts, each in [0, 1] (languages in [-1, 1]):
 *
 * | part        | weight | what it measures                                                          |
 * |-------------|--------|---------------------------------------------------------------------------|
 * | skills      | 0.30   | the item's skills the person has, each weighted by its rarity among open  |
 * |             |        | items (a rare skill says more than "Kubernetes"); items asking no skill   |
 * |             |        | score a little                                                            |
 * | effort      | 0.14   | effort hours against the person's monthly hours minus current load        |
 * |             |        | (effort of accepted claims); unknown on either side is neutral            |
 * | place       | 0.12   | the item's region and timezone against the person's                       |
 * | interest    | 0.10   | one of the item's TAGs is among the person's interests                    |
 * | kind        | 0.10   | the kind of work is one the person prefers                                |
 * | history     | 0.06   | the person completed items of this kind before                            |
 * | urgency     | 0.06   | the due date is near (or passed while the item is still open)             |
 * | unstaffed   | 0.06   | nobody has volunteered yet                                                |
 * | language    | 0.06   | the item needs a language (a skill, label or title naming one): spoken    |
 * |             |        | counts for, not spoken counts against                                     |
 *
 * Properties the unit tests hold the model to (score.test.ts): more skill overlap never lowers a
 * score; an item over the person's free hours ranks below the same item that fits; a matching
 * region, a preferred kind, a TAG of interest, history, a nearer due date and an item nobody has
 * taken never lower a score.
 */

/** Kinds in the URL's spelling (`project-liaison`); a reason names them in lower case. */
const kindWords = (kind: BoardKind) => BOARD_KIND_LABEL[kind].toLowerCase();

export const WEIGHTS = {
  skills: 0.3,
  effort: 0.14,
  place: 0.12,
  interest: 0.1,
  kind: 0.1,
  history: 0.06,
  urgency: 0.06,
  unstaffed: 0.06,
  language: 0.06,
} as const;
export type Part = keyof typeof WEIGHTS;

/** What the model knows of a person. Skills and languages compare without regard to case. */
export interface MatchPerson {
  skills: readonly string[];
  /** TAG ids the person's interests point to (see {@link tagsOfInterest}). */
  interestTagIds: readonly string[];
  preferredKinds: readonly BoardKind[];
  region: Region | null;
  timezone: string | null;
  languages: readonly string[];
  hoursPerMonth: number | null;
  /** Effort hours of the person's accepted claims: what their month is already spent on. */
  loadHours: number;
  /** Completed claims by kind. */
  completedKinds: Partial<Record<BoardKind, number>>;
}

/** What the model knows of an item. */
export interface MatchItem {
  id: string;
  kind: BoardKind;
  skills: readonly string[];
  tagIds: readonly string[];
  region: Region | null;
  timezone: string | null;
  effortHours: number | null;
  dueAt: Date | null;
  /** People who volunteered (requested, accepted, done or completed claims). */
  volunteers: number;
  /** Languages the item needs (see {@link languagesNeeded}). */
  languages: readonly string[];
  /** `skills` in lower case, when the caller prepared them (scoring many items skips the work). */
  skillKeys?: readonly string[];
}

/** Facts about the set of open items and the TAGs that reasons need. */
export interface MatchContext {
  now: Date;
  /** Open items per skill (lower-case key), for rarity. */
  skillCounts: ReadonlyMap<string, number>;
  /** Number of open items. */
  openItems: number;
  /** TAG names by id, for reasons. */
  tagNames: ReadonlyMap<string, string>;
}

export interface Reason {
  part: Part;
  text: string;
  /** False for a reason that counts against the match (over your free hours, another region). */
  positive: boolean;
}

export interface MatchScore {
  score: number;
  parts: Record<Part, number>;
  reasons: Reason[];
}

/** Whose perspective the reasons take: the person's own ("your skills") or a lead's ("their skills"). */
export type Voice = "you" | "they";
const key = (s: string) => s.trim().toLowerCase();

/**
 * How rare a skill is among open items, in (0, 1]: 1 for a skill no open item asks, falling
 * towards 0 for one every item asks (an inverse document frequency, scaled by its maximum).
 */
export function skillRarity(skill: string, ctx: Pick<MatchContext, "skillCounts" | "openItems">): number {
  const n = Math.max(1, ctx.openItems);
  const df = ctx.skillCounts.get(key(skill)) ?? 0;
  return Math.log(1 + n / (1 + df)) / Math.log(1 + n);
}

/** "Go", "Go and Rust", "Go, Rust and Documentation" (at most three, then "and N more"). */
export function listWords(words: readonly string[], max = 3): string {
  const shown = words.slice(0, max);
  const rest = words.length - shown.length;
  if (rest > 0) return `${shown.join(", ")} and ${rest} more`;
  if (shown.length <= 1) return shown[0] ?? "";
  return `${shown.slice(0, -1).join(", ")} and ${shown.at(-1)}`;
}

const tzCache = new Map<string, number | null>();

/**
 * A timezone's offset from UTC in minutes at `at`: an IANA zone ("Europe/Berlin") or a fixed
 * offset ("UTC+2", "GMT-03:30"). Null when it is neither.
 */
export function utcOffsetMinutes(tz: string, at: Date): number | null {
  const t = tz.trim();
  const fixed = /^(?:UTC|GMT)?\s*([+-])(\d{1,2})(?::?(\d{2}))?$/i.exec(t);
  if (fixed) {
    const minutes = Number(fixed[2]) * 60 + Number(fixed[3] ?? 0);
    return minutes > 14 * 60 ? null : (fixed[1] === "-" ? -1 : 1) * minutes;
  }
  if (/^(UTC|GMT|Z)$/i.test(t)) return 0;
  // Offsets change twice a year at most: one answer per zone per day is exact enough.
  const cacheKey = `${t}|${Math.floor(at.getTime() / DAY)}`;
  const cached = tzCache.get(cacheKey);
  if (cached !== undefined) return cached;
  let offset: number | null = null;
  try {
    const name =
      new Intl.DateTimeFormat("en-US", { timeZone: t, timeZoneName: "longOffset" })
        .formatToParts(at)
        .find((p) => p.type === "timeZoneName")?.value ?? "";
    const m = /GMT(?:([+-])(\d{2}):(\d{2}))?/.exec(name);
    if (m) offset = m[1] ? (m[1] === "-" ? -1 : 1) * (Number(m[2]) * 60 + Number(m[3])) : 0;
  } catch {
    offset = null;
  }
  if (tzCache.size > 5_000) tzCache.clear();
  tzCache.set(cacheKey, offset);
  return offset;
}

/**
 * An item's timezone preference as a range of UTC offsets in minutes: one zone ("Europe/Berlin",
 * "UTC+2") or a span as the post form suggests ("UTC+1 to UTC+3", "UTC-5 - UTC-3"). Null when unreadable.
 */
export function timezoneRange(tz: string, at: Date): [number, number] | null {
  const one = utcOffsetMinutes(tz, at);
  if (one !== null) return [one, one];
  const sides = tz.split(/\s+(?:to|-|–|—)\s+|\s*[–—]\s*/i);
  if (sides.length !== 2) return null;
  const [a, b] = sides.map((x) => utcOffsetMinutes(x, at));
  if (a === null || b === null || a === undefined || b === undefined) return null;
  return a <= b ? [a, b] : [b, a];
}

function gapToRange(offset: number, [lo, hi]: [number, number]): number {
  return gapToRangeMinutes(offset, lo, hi);
}

/** Hours between a person's timezone and an item's preference at `at`; null when either is unknown. */
export function timezoneGapHours(person: string | null, item: string | null, at: Date): number | null {
  if (!person || !item) return null;
  const x = utcOffsetMinutes(person, at);
  const range = timezoneRange(item, at);
  return x === null || range === null ? null : gapToRange(x, range);
}

/** Languages an item can ask for. The portal has no language field: skills, labels and titles name them. */
export const LANGUAGES = [
  "Arabic",
  "Bengali",
  "Chinese",
  "Mandarin",
  "Cantonese",
  "Czech",
  "Dutch",
  "English",
  "French",
  "German",
  "Greek",
  "Hebrew",
  "Hindi",
  "Indonesian",
  "Italian",
  "Japanese",
  "Korean",
  "Malay",
  "Persian",
  "Polish",
  "Portuguese",
  "Romanian",
  "Russian",
  "Spanish",
  "Swahili",
  "Swedish",
  "Tamil",
  "Thai",
  "Turkish",
  "Ukrainian",
  "Urdu",
  "Vietnamese",
] as const;
const LANGUAGE_RE = new RegExp(`\\b(${LANGUAGES.join("|")})\\b`, "gi");
// One compiled pattern each (building a RegExp per item costs more than the rest of a load).
const LANGUAGE_RE_ONE = new RegExp(`\\b(${LANGUAGES.join("|")})\\b`, "i");
const TITLE_LANGUAGE_RE = new RegExp(`\\b(?:in|into|to)\\s+(${LANGUAGES.join("|")})\\b`, "gi");
const LANGUAGE_SPELLING = new Map(LANGUAGES.map((l) => [l.toLowerCase(), l as string]));

/**
 * The languages an item needs: those named in its skills or labels, or in its title after
 * "in"/"into"/"to" ("Translate the guide into Japanese", "Talk in Spanish"). English is the
 * default working language and never counts as a need.
 */
export function languagesNeeded(item: {
  title?: string;
  skills: readonly string[];
  labels?: readonly string[];
}): string[] {
  const found = new Set<string>();
  for (const s of [...item.skills, ...(item.labels ?? [])]) {
    if (LANGUAGE_RE_ONE.test(s))
      for (const m of s.matchAll(LANGUAGE_RE)) found.add(LANGUAGE_SPELLING.get(m[1]!.toLowerCase())!);
  }
  if (item.title && LANGUAGE_RE_ONE.test(item.title)) {
    for (const m of item.title.matchAll(TITLE_LANGUAGE_RE)) found.add(LANGUAGE_SPELLING.get(m[1]!.toLowerCase())!);
  }
  found.delete("English");
  return [...found];
}

/**
 * TAG ids a person's interests point to: an interest names a TAG when each of its words (but
 * "and") starts a word of the TAG's name, slug or mission, ignoring a plural or -ing ending
 * ("Networking" meets "Network", "Security and compliance" meets TAG Security and Compliance).
 */
export function tagsOfInterest(
  interests: readonly string[],
  tags: readonly { id: string; slug: string; name: string; mission: string }[],
): string[] {
  const stem = (w: string) => w.toLowerCase().replace(/(ing|s)$/, "");
  const out: string[] = [];
  for (const t of tags) {
    const words = `${t.name} ${t.slug.replaceAll("-", " ")} ${t.mission}`
      .toLowerCase()
      .split(/[^a-z0-9]+/)
      .filter(Boolean);
    const hit = interests.some((interest) => {
      const parts = interest
        .toLowerCase()
        .split(/[^a-z0-9]+/)
        .filter((w) => w && w !== "and" && w !== "the");
      return parts.length > 0 && parts.every((p) => words.some((w) => w.startsWith(stem(p))));
    });
    if (hit) out.push(t.id);
  }
  return out;
}

// The parts, one function each: the model (`evaluate`) and the fast rankings over many items or
// people (compiled.ts) compute every score through these, so they agree to the last bit.

/** Skills: the share of the item's rarity-weighted skills matched, plus matched rarity in absolute terms. */
export function skillsPart(matched: number, wanted: number, asked: number): number {
  return asked === 0 ? 0.25 : 0.75 * (wanted > 0 ? matched / wanted : 0) + 0.25 * Math.min(1, matched);
}

/** Effort against free hours: fits is 1; over falls with how far over; unknown on either side is neutral. */
export function effortPart(effort: number | null, free: number | null): number {
  if (effort === null || free === null) return 0.6;
  return effort <= free ? 1 : (0.3 * free) / effort;
}

export function regionPart(person: Region | null, item: Region | null): number {
  if (!item) return 0.7;
  if (!person) return 0.4;
  return person === item ? 1 : 0;
}

export function timezonePart(gap: number | null): number | null {
  if (gap === null) return null;
  if (gap <= 2) return 1;
  if (gap <= 4) return 0.75;
  if (gap <= 6) return 0.4;
  return 0.1;
}

export function placePart(region: number, tz: number | null, itemHasRegion: boolean): number {
  return tz === null ? region : itemHasRegion ? (region + tz) / 2 : tz;
}

/** A stated preference for this kind beats none, which beats preferring others. */
export function kindPart(preferred: readonly BoardKind[], kind: BoardKind): number {
  return preferred.includes(kind) ? 1 : preferred.length === 0 ? 0.4 : 0;
}

export function historyPart(done: number): number {
  return Math.min(1, done / 3);
}

/** A near due date; one that passed while the item is still open counts half. */
export function urgencyPart(dueMs: number | null, nowMs: number): number {
  if (dueMs === null) return 0;
  const days = (dueMs - nowMs) / DAY;
  return days < 0 ? 0.5 : Math.max(0, 1 - days / 90);
}

/** The weighted sum, always added in this order. */
export function combine(
  skills: number,
  effort: number,
  place: number,
  interest: number,
  kind: number,
  history: number,
  urgency: number,
  unstaffed: number,
  language: number,
): number {
  return (
    WEIGHTS.skills * skills +
    WEIGHTS.effort * effort +
    WEIGHTS.place * place +
    WEIGHTS.interest * interest +
    WEIGHTS.kind * kind +
    WEIGHTS.history * history +
    WEIGHTS.urgency * urgency +
    WEIGHTS.unstaffed * unstaffed +
    WEIGHTS.language * language
  );
}

/** Hours from an offset (minutes) to a range of offsets (0 inside it), the short way round the date line. */
export function gapToRangeMinutes(offset: number, lo: number, hi: number): number {
  if (offset >= lo && offset <= hi) return 0;
  const a = Math.abs(lo - offset) % (24 * 60);
  const b = Math.abs(hi - offset) % (24 * 60);
  return Math.min(Math.min(a, 24 * 60 - a), Math.min(b, 24 * 60 - b)) / 60;
}

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/** A person ready to be scored many times: sets built, free hours and UTC offset worked out. */
export interface PreparedPerson {
  person: MatchPerson;
  skills: Set<string>;
  languages: Set<string>;
  interests: Set<string>;
  free: number | null;
  offset: number | null;
}

export function preparePerson(person: MatchPerson, now: Date): PreparedPerson {
  return {
    person,
    skills: new Set(person.skills.map(key)),
    languages: new Set(person.languages.map(key)),
    interests: new Set(person.interestTagIds),
    free: person.hoursPerMonth === null ? null : Math.max(0, person.hoursPerMonth - person.loadHours),
    offset: person.timezone ? utcOffsetMinutes(person.timezone, now) : null,
  };
}

interface Prepared extends PreparedPerson {
  ctx: MatchContext;
  rarity: Map<string, number>;
  ranges: Map<string, [number, number] | null>;
}

function prepare(person: MatchPerson, ctx: MatchContext): Prepared {
  return { ...preparePerson(person, ctx.now), ctx, rarity: new Map(), ranges: new Map() };
}

function gapOf(p: Prepared, tz: string | null): number | null {
  if (!tz || p.offset === null) return null;
  let range = p.ranges.get(tz);
  if (range === undefined) {
    range = timezoneRange(tz, p.ctx.now);
    p.ranges.set(tz, range);
  }
  return range === null ? null : gapToRange(p.offset, range);
}

/**
 * The parts of one match, and its reasons when `reasons` is given (ranking many items skips
 * the words; only the shown few are explained).
 */
function evaluate(p: Prepared, item: MatchItem, voice: Voice, reasons: Reason[] | null): number {
  const { person, ctx } = p;
  const you = voice === "you";
  const your = you ? "your" : "their";
  const parts = SCRATCH;

  // Skills: the share of the item's (rarity-weighted) skills the person has, plus how much rare
  // matched weight there is in absolute terms.
  let wanted = 0;
  let matched = 0;
  const keys = item.skillKeys ?? item.skills.map(key);
  const matchedNames: string[] | null = reasons ? [] : null;
  for (let i = 0; i < keys.length; i++) {
    const k = keys[i]!;
    let r = p.rarity.get(k);
    if (r === undefined) {
      r = skillRarity(k, ctx);
      p.rarity.set(k, r);
    }
    wanted += r;
    if (p.skills.has(k)) {
      matched += r;
      matchedNames?.push(item.skills[i] ?? k);
    }
  }
  parts.skills = skillsPart(matched, wanted, keys.length);
  if (matchedNames?.length)
    reasons!.push({
      part: "skills",
      positive: true,
      text: `${listWords(matchedNames)} ${matchedNames.length === 1 ? "matches" : "match"} ${your} skills`,
    });

  // Effort against free hours this month.
  parts.effort = effortPart(item.effortHours, p.free);
  if (item.effortHours !== null && p.free !== null) {
    const fits = item.effortHours <= p.free;
    const has = you ? "you have" : "they have";
    reasons?.push(
      fits
        ? { part: "effort", positive: true, text: `about ${item.effortHours} h, ${has} ${p.free} h free this month` }
        : {
            part: "effort",
            positive: false,
            text: `about ${item.effortHours} h, more than the ${p.free} h ${has} free this month`,
          },
    );
  }

  // Region and timezone.
  const gap = gapOf(p, item.timezone);
  parts.place = placePart(regionPart(person.region, item.region), timezonePart(gap), item.region !== null);
  if (reasons) {
    if (item.region && person.region === item.region)
      reasons.push({ part: "place", positive: true, text: `${item.region} like ${you ? "you" : "them"}` });
    else if (item.region && person.region)
      reasons.push({
        part: "place",
        positive: false,
        text: `prefers ${item.region}; ${you ? "you are" : "they are"} in ${person.region}`,
      });
    if (gap !== null && gap <= 4)
      reasons.push({
        part: "place",
        positive: true,
        text: gap < 1 ? `same timezone as ${your}s` : `timezone within ${Math.round(gap)} h of ${your}s`,
      });
    else if (gap !== null && gap > 6)
      reasons.push({ part: "place", positive: false, text: `timezone ${Math.round(gap)} h from ${your}s` });
  }

  // TAG interests.
  let interestTag: string | undefined;
  for (const t of item.tagIds) {
    if (p.interests.has(t)) {
      interestTag = t;
      break;
    }
  }
  parts.interest = interestTag ? 1 : 0;
  if (interestTag)
    reasons?.push({
      part: "interest",
      positive: true,
      text: `${ctx.tagNames.get(interestTag) ?? "its TAG"} is among ${your} interests`,
    });

  // Preferred kinds: a stated preference for this kind beats none, which beats preferring others.
  parts.kind = kindPart(person.preferredKinds, item.kind);
  if (parts.kind === 1)
    reasons?.push({
      part: "kind",
      positive: true,
      text: `${kindWords(item.kind)} work, which ${you ? "you prefer" : "they prefer"}`,
    });

  // History: kinds completed before.
  const done = person.completedKinds[item.kind] ?? 0;
  parts.history = historyPart(done);
  if (done > 0)
    reasons?.push({
      part: "history",
      positive: true,
      text: `${you ? "you" : "they"} completed ${plural(done, `${kindWords(item.kind)} item`)} before`,
    });

  // Urgency: a near due date; one that passed while the item is still open counts half.
  parts.urgency = urgencyPart(item.dueAt ? item.dueAt.getTime() : null, ctx.now.getTime());
  if (item.dueAt) {
    const days = (item.dueAt.getTime() - ctx.now.getTime()) / DAY;
    if (days < 0) reasons?.push({ part: "urgency", positive: true, text: "past its due date and still needs help" });
    else if (days <= 30)
      reasons?.push({ part: "urgency", positive: true, text: `due in ${plural(Math.max(1, Math.ceil(days)), "day")}` });
  }

  parts.unstaffed = item.volunteers === 0 ? 1 : 0;
  if (parts.unstaffed) reasons?.push({ part: "unstaffed", positive: true, text: "nobody has volunteered yet" });

  // Languages the item needs.
  parts.language = 0;
  if (item.languages.length) {
    const shared = item.languages.filter((l) => p.languages.has(key(l)));
    parts.language = shared.length ? 1 : -1;
    reasons?.push(
      shared.length
        ? {
            part: "language",
            positive: true,
            text: `needs ${listWords(shared)}, which ${you ? "you speak" : "they speak"}`,
          }
        : {
            part: "language",
            positive: false,
            text: `needs ${listWords(item.languages)}, which ${you ? "you don't" : "they don't"} list`,
          },
    );
  }

  return combine(
    parts.skills,
    parts.effort,
    parts.place,
    parts.interest,
    parts.kind,
    parts.history,
    parts.urgency,
    parts.unstaffed,
    parts.language,
  );
}

// Parts are written here while scoring (no allocation per item); explain() copies them out.
const SCRATCH: Record<Part, number> = {
  skills: 0,
  effort: 0,
  place: 0,
  interest: 0,
  kind: 0,
  history: 0,
  urgency: 0,
  unstaffed: 0,
  language: 0,
};

// Reasons read in this order (what you can do, where, how much, then the rest); the ones
// against a match come last.
const REASON_ORDER: Part[] = [
  "skills",
  "place",
  "effort",
  "interest",
  "kind",
  "history",
  "language",
  "urgency",
  "unstaffed",
];
const reasonOrder = (r: Reason) => (r.positive ? 0 : 100) + REASON_ORDER.indexOf(r.part);

/** A person ready to score many items: `score` for ranking, `explain` for the few shown. */
export interface Scorer {
  score(item: MatchItem): number;
  explain(item: MatchItem, voice?: Voice): MatchScore;
}

export function matchScorer(person: MatchPerson, ctx: MatchContext): Scorer {
  const p = prepare(person, ctx);
  return {
    score: (item) => evaluate(p, item, "you", null),
    explain: (item, voice = "you") => {
      const reasons: Reason[] = [];
      const score = evaluate(p, item, voice, reasons);
      reasons.sort((a, b) => reasonOrder(a) - reasonOrder(b));
      return { score, parts: { ...SCRATCH }, reasons };
    },
  };
}

/**
 * Scores one item for one person, with the reasons. Deterministic for the same inputs.
 * `voice` chooses "your skills" (the person reading their matches) or "their skills" (a lead).
 */
export function scoreMatch(person: MatchPerson, item: MatchItem, ctx: MatchContext, voice: Voice = "you"): MatchScore {
  return matchScorer(person, ctx).explain(item, voice);
}

/** The reasons as one line: "Go and Documentation match your skills; EMEA like you; about 6 h, you have 10 h free this month". */
export function reasonLine(reasons: readonly Reason[]): string {
  const pro = reasons.filter((r) => r.positive).map((r) => r.text);
  const con = reasons.filter((r) => !r.positive).map((r) => r.text);
  const line = pro.join("; ");
  if (!con.length) return capitalize(line);
  return capitalize(line ? `${line}; but ${con.join("; ")}` : `but ${con.join("; ")}`.replace(/^but /, ""));
}

const capitalize = (s: string) => (s ? s[0]!.toUpperCase() + s.slice(1) : s);

export interface Ranked<T> {
  entry: T;
  match: MatchScore;
}

/**
 * The best `limit` entries by score (ties: the earlier entry first, so callers pass a stable
 * order such as newest first). A bounded insertion keeps it O(n * limit) without sorting all n.
 */
export function topByScore<T>(
  entries: Iterable<T>,
  scoreOf: (e: T) => number,
  limit: number,
): { entry: T; score: number }[] {
  const top: { entry: T; score: number }[] = [];
  if (limit <= 0) return top;
  for (const entry of entries) {
    const score = scoreOf(entry);
    if (top.length === limit && score <= top[top.length - 1]!.score) continue;
    let i = top.length;
    while (i > 0 && top[i - 1]!.score < score) i--;
    top.splice(i, 0, { entry, score });
    if (top.length > limit) top.pop();
  }
  return top;
}

/** Items for one person, best first, with reasons. */
export function rankItems<I extends MatchItem>(
  person: MatchPerson,
  items: Iterable<I>,
  ctx: MatchContext,
  limit: number,
): Ranked<I>[] {
  const scorer = matchScorer(person, ctx);
  return topByScore(items, (i) => scorer.score(i), limit).map(({ entry }) => ({
    entry,
    match: scorer.explain(entry, "you"),
  }));
}

/** People for one item, best first, with reasons in a lead's voice. */
export function rankPeople<P extends MatchPerson>(
  item: MatchItem,
  people: Iterable<P>,
  ctx: MatchContext,
  limit: number,
): Ranked<P>[] {
  return topByScore(people, (p) => matchScorer(p, ctx).score(item), limit).map(({ entry }) => ({
    entry,
    match: matchScorer(entry, ctx).explain(item, "they"),
  }));
}
