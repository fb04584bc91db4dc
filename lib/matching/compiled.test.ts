import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { compileItems, rankCompiledItems, rankPreparedPeople } from "./compiled";
import { preparePerson, scoreMatch, type MatchContext, type MatchItem } from "./score";
import { arbMatchItem, arbMatchPerson } from "@/tests/matching";

const NOW = new Date("2027-03-01T12:00:00Z");
const SKILLS = ["Go", "Rust", "Documentation", "Kubernetes", "Security", "Translation"];

const PERSON_ZONES = ["Europe/Berlin", "Asia/Tokyo", "America/New_York", "UTC-11", "nowhere"];
const ITEM_ZONES = ["Europe/London", "UTC+1 to UTC+3", "Pacific/Kiritimati", "??"];
const arbPerson = arbMatchPerson([...SKILLS, "Cobol"], ["t1", "t2", "t9"], PERSON_ZONES);
const arbItem = arbMatchItem(NOW, SKILLS, ["t1", "t2", "t3"], ITEM_ZONES);
const upTo30 = <T>(arb: fc.Arbitrary<T>) => fc.array(arb, { minLength: 1, maxLength: 30 });
const limits = fc.integer({ min: 1, max: 10 });

function ctxOf(items: readonly MatchItem[]): MatchContext {
  const skillCounts = new Map<string, number>();
  for (const i of items)
    for (const s of i.skills) skillCounts.set(s.toLowerCase(), (skillCounts.get(s.toLowerCase()) ?? 0) + 1);
  return { now: NOW, skillCounts, openItems: items.length, tagNames: new Map() };
}

describe("compiled rankings agree with the model", () => {
  it("items for a person: the same scores as scoreMatch, best first, ties in input order", () => {
    fc.assert(
      fc.property(arbPerson, upTo30(arbItem), limits, (person, items, limit) => {
        const ctx = ctxOf(items);
        const compiled = compileItems(items, ctx);
        const top = rankCompiledItems(person, compiled, ctx, limit);
        const expected = items
          .map((item, index) => ({ index, score: scoreMatch(person, item, ctx).score }))
          .sort((a, b) => b.score - a.score || a.index - b.index);
        expect(top).toEqual(expected.slice(0, limit));
      }),
    );
  });

  it("accept() leaves items out", () => {
    fc.assert(
      fc.property(arbPerson, fc.array(arbItem, { minLength: 1, maxLength: 20 }), (person, items) => {
        const ctx = ctxOf(items);
        const top = rankCompiledItems(person, compileItems(items, ctx), ctx, 50, (i) => i % 2 === 0);
        expect(top.every((t) => t.index % 2 === 0)).toBe(true);
        expect(top).toHaveLength(Math.ceil(items.length / 2));
      }),
    );
  });

  it("people for an item: the same scores as scoreMatch", () => {
    fc.assert(
      fc.property(arbItem, upTo30(arbPerson), limits, (item, people, limit) => {
        const ctx = ctxOf([item]);
        const prepared = people.map((p, n) => ({ ...preparePerson(p, NOW), n }));
        const top = rankPreparedPeople(item, prepared, ctx, limit).map((t) => ({ n: t.entry.n, score: t.score }));
        const expected = people
          .map((p, n) => ({ n, score: scoreMatch(p, item, ctx).score }))
          .sort((a, b) => b.score - a.score || a.n - b.n);
        expect(top).toEqual(expected.slice(0, limit));
      }),
    );
  });
});
