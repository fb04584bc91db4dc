/**
 * Offline evaluation of the matching model (issue 9): a small hand-labelled set of people, items
 * and the pairs a person would call a good match (this folder's JSON), and precision@k of the
 * model's ranking against it. Pure: `npm run match:eval` prints it; evaluate.test.ts keeps it
 * from regressing. The labels were written from the descriptions, not from the model's output.
 */
import goodPairs from "./good-pairs.json" with { type: "json" };
import itemsJson from "./items.json" with { type: "json" };
import peopleJson from "./people.json" with { type: "json" };
import tagsJson from "./tags.json" with { type: "json" };
import {
  languagesNeeded,
  rankItems,
  reasonLine,
  tagsOfInterest,
  type MatchContext,
  type MatchItem,
  type MatchPerson,
} from "../score";
import { type BoardKind, DAY, type Region } from "@/lib/vocabulary";

/** The evaluation's fixed "now", so due dates and timezone offsets never drift. */
export const EVAL_NOW = new Date("2027-03-01T12:00:00Z");

interface RawItem {
  id: string;
  title: string;
  kind: string;
  skills: string[];
  tags: string[];
  region?: string;
  timezone?: string;
  effortHours?: number;
  dueInDays?: number;
  volunteers?: number;
}

interface RawPerson {
  id: string;
  about: string;
  skills: string[];
  interests: string[];
  preferredKinds: string[];
  region: string | null;
  timezone: string | null;
  languages: string[];
  hoursPerMonth: number | null;
  loadHours?: number;
  completedKinds?: Record<string, number>;
}

export function evalItems(): (MatchItem & { title: string })[] {
  return (itemsJson as RawItem[]).map((i) => ({
    id: i.id,
    title: i.title,
    kind: i.kind as BoardKind,
    skills: i.skills,
    tagIds: i.tags,
    region: (i.region ?? null) as Region | null,
    timezone: i.timezone ?? null,
    effortHours: i.effortHours ?? null,
    dueAt: i.dueInDays === undefined ? null : new Date(EVAL_NOW.getTime() + i.dueInDays * DAY),
    volunteers: i.volunteers ?? 0,
    languages: languagesNeeded(i),
  }));
}

export function evalPeople(): (MatchPerson & { id: string; about: string })[] {
  return (peopleJson as RawPerson[]).map((p) => ({
    id: p.id,
    about: p.about,
    skills: p.skills,
    interestTagIds: tagsOfInterest(p.interests, tagsJson),
    preferredKinds: p.preferredKinds as BoardKind[],
    region: p.region as Region | null,
    timezone: p.timezone,
    languages: p.languages,
    hoursPerMonth: p.hoursPerMonth,
    loadHours: p.loadHours ?? 0,
    completedKinds: (p.completedKinds ?? {}) as Partial<Record<BoardKind, number>>,
  }));
}

export function evalContext(items: readonly MatchItem[]): MatchContext {
  const skillCounts = new Map<string, number>();
  for (const i of items)
    for (const s of i.skills) skillCounts.set(s.toLowerCase(), (skillCounts.get(s.toLowerCase()) ?? 0) + 1);
  return {
    now: EVAL_NOW,
    skillCounts,
    openItems: items.length,
    tagNames: new Map(tagsJson.map((t) => [t.id, t.name])),
  };
}

export interface PersonResult {
  id: string;
  about: string;
  good: number;
  top: { id: string; title: string; good: boolean; line: string }[];
  precision: number;
}

export interface Evaluation {
  k: number;
  people: PersonResult[];
  /** Mean precision@k over people. */
  precision: number;
  /** The best mean precision@k possible with these labels (people with fewer than k good items cap it). */
  ceiling: number;
  /** Mean precision@k of a ranking that ignores the person (newest first: the items' order in the set). */
  baseline: number;
}

/** Precision@k of the model on the labelled set. */
export function evaluate(k = 5): Evaluation {
  const items = evalItems();
  const ctx = evalContext(items);
  const good = goodPairs.good as Record<string, string[]>;
  const people = evalPeople().map((p): PersonResult => {
    const wanted = new Set(good[p.id] ?? []);
    const top = rankItems(p, items, ctx, k).map((r) => ({
      id: r.entry.id,
      title: r.entry.title,
      good: wanted.has(r.entry.id),
      line: reasonLine(r.match.reasons),
    }));
    return { id: p.id, about: p.about, good: wanted.size, top, precision: top.filter((t) => t.good).length / k };
  });
  const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / Math.max(1, xs.length);
  const baselineTop = items.slice(0, k).map((i) => i.id);
  return {
    k,
    people,
    precision: mean(people.map((p) => p.precision)),
    ceiling: mean(people.map((p) => Math.min(k, p.good) / k)),
    baseline: mean(evalPeople().map((p) => baselineTop.filter((id) => (good[p.id] ?? []).includes(id)).length / k)),
  };
}
