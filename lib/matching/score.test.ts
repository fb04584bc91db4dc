import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  languagesNeeded,
  listWords,
  rankItems,
  rankPeople,
  reasonLine,
  scoreMatch,
  skillRarity,
  tagsOfInterest,
  timezoneGapHours,
  topByScore,
  utcOffsetMinutes,
  type MatchContext,
  type MatchItem,
  type MatchPerson,
} from "./score";
import { DAY, REGIONS } from "@/lib/vocabulary";
import { arbMatchItem, arbMatchPerson } from "@/tests/matching";

const NOW = new Date("2027-03-01T12:00:00Z");
const SKILLS = [
  "Go",
  "Rust",
  "Documentation",
  "Technical writing",
  "Kubernetes",
  "Security",
  "Public speaking",
  "Translation",
];

const ctx: MatchContext = {
  now: NOW,
  openItems: 1000,
  // Kubernetes is everywhere, Rust is rare.
  skillCounts: new Map([
    ["kubernetes", 600],
    ["go", 200],
    ["documentation", 150],
    ["technical writing", 150],
    ["security", 300],
    ["rust", 10],
  ]),
  tagNames: new Map([
    ["t-sec", "TAG Security and Compliance"],
    ["t-dx", "TAG Developer Experience"],
  ]),
};

const person = (over: Partial<MatchPerson> = {}): MatchPerson => ({
  skills: ["Go", "Documentation"],
  interestTagIds: [],
  preferredKinds: [],
  region: "EMEA",
  timezone: "Europe/Berlin",
  languages: ["English"],
  hoursPerMonth: 10,
  loadHours: 0,
  completedKinds: {},
  ...over,
});

const item = (over: Partial<MatchItem> = {}): MatchItem => ({
  id: "i1",
  kind: "content",
  skills: ["Go", "Documentation"],
  tagIds: ["t-dx"],
  region: "EMEA",
  timezone: null,
  effortHours: 6,
  dueAt: null,
  volunteers: 0,
  languages: [],
  ...over,
});

// Arbitrary people and items over a small vocabulary, so overlaps happen often.
const PERSON_ZONES = ["Europe/Berlin", "Asia/Tokyo", "America/New_York", "UTC+5"];
const ITEM_ZONES = ["Europe/London", "Asia/Kolkata", "America/Chicago"];
const arbPerson = arbMatchPerson(SKILLS, ["t-sec", "t-dx"], PERSON_ZONES, { hours: 80, load: 40 });
const arbItem = arbMatchItem(NOW, SKILLS, ["t-sec", "t-dx", "t-other"], ITEM_ZONES, {
  id: fc.constant("x"),
  minEffort: 1,
  volunteers: 3,
});

const score = (p: MatchPerson, i: MatchItem) => scoreMatch(p, i, ctx).score;
const hours = fc.integer({ min: 1, max: 60 });
const days = fc.integer({ min: 0, max: 200 });

describe("matching model: monotonic properties", () => {
  it("more skill overlap never lowers a score (a skill added to the person)", () => {
    fc.assert(
      fc.property(arbPerson, arbItem, fc.constantFrom(...SKILLS), (p, i, s) => {
        expect(score({ ...p, skills: [...p.skills, s] }, i)).toBeGreaterThanOrEqual(score(p, i) - 1e-12);
      }),
    );
  });

  it("more skill overlap never lowers a score (a skill the person has added to the item)", () => {
    fc.assert(
      fc.property(arbPerson, arbItem, (p, i) => {
        const extra = p.skills.find((s) => !i.skills.includes(s));
        fc.pre(extra !== undefined);
        expect(score(p, { ...i, skills: [...i.skills, extra!] })).toBeGreaterThanOrEqual(score(p, i) - 1e-12);
      }),
    );
  });

  it("an item over the person's free hours ranks below the same item that fits", () => {
    fc.assert(
      fc.property(arbPerson, arbItem, hours, hours, (p, i, free, over) => {
        const who = { ...p, hoursPerMonth: free + p.loadHours };
        const fits = { ...i, effortHours: free };
        const tooBig = { ...i, effortHours: free + over };
        expect(score(who, fits)).toBeGreaterThan(score(who, tooBig));
      }),
    );
  });

  it("a heavier current load never raises a score", () => {
    fc.assert(
      fc.property(arbPerson, arbItem, fc.integer({ min: 1, max: 40 }), (p, i, more) => {
        expect(score({ ...p, loadHours: p.loadHours + more }, i)).toBeLessThanOrEqual(score(p, i) + 1e-12);
      }),
    );
  });

  it("the person's own region never scores below another region", () => {
    fc.assert(
      fc.property(arbPerson, arbItem, (p, i) => {
        fc.pre(p.region !== null);
        const other = REGIONS.find((r) => r !== p.region)!;
        expect(score(p, { ...i, region: p.region })).toBeGreaterThanOrEqual(score(p, { ...i, region: other }));
      }),
    );
  });

  it("a preferred kind, a TAG of interest, history and no volunteer yet never lower a score", () => {
    fc.assert(
      fc.property(arbPerson, arbItem, (p, i) => {
        const base = score(p, i);
        expect(score({ ...p, preferredKinds: [...new Set([...p.preferredKinds, i.kind])] }, i)).toBeGreaterThanOrEqual(
          base - 1e-12,
        );
        expect(score({ ...p, interestTagIds: [...p.interestTagIds, i.tagIds[0]!] }, i)).toBeGreaterThanOrEqual(
          base - 1e-12,
        );
        expect(
          score({ ...p, completedKinds: { ...p.completedKinds, [i.kind]: (p.completedKinds[i.kind] ?? 0) + 1 } }, i),
        ).toBeGreaterThanOrEqual(base - 1e-12);
        expect(score(p, { ...i, volunteers: 0 })).toBeGreaterThanOrEqual(base - 1e-12);
      }),
    );
  });

  it("a nearer (future) due date never lowers a score", () => {
    fc.assert(
      fc.property(arbPerson, arbItem, days, days, (p, i, a, b) => {
        const [near, far] = a <= b ? [a, b] : [b, a];
        const at = (d: number) => ({ ...i, dueAt: new Date(NOW.getTime() + d * DAY) });
        expect(score(p, at(near))).toBeGreaterThanOrEqual(score(p, at(far)) - 1e-12);
      }),
    );
  });

  it("speaking the language an item needs never scores below not speaking it", () => {
    fc.assert(
      fc.property(arbPerson, arbItem, (p, i) => {
        const needs = { ...i, languages: ["Spanish"] };
        expect(score({ ...p, languages: [...p.languages, "Spanish"] }, needs)).toBeGreaterThan(
          score({ ...p, languages: p.languages.filter((l) => l !== "Spanish") }, needs),
        );
      }),
    );
  });
});

describe("matching model: examples", () => {
  it("a rare matched skill counts for more than a common one", () => {
    expect(skillRarity("Rust", ctx)).toBeGreaterThan(skillRarity("Kubernetes", ctx));
    expect(skillRarity("never-asked", ctx)).toBeCloseTo(1, 5);
    const p = person({ skills: ["Rust", "Kubernetes"] });
    // Both items ask two skills of which the person has one: the rare one wins.
    const rare = item({ skills: ["Rust", "Security"] });
    const common = item({ skills: ["Kubernetes", "Security"] });
    expect(score(p, rare)).toBeGreaterThan(score(p, common));
  });

  it("says why, in plain words, from the person's side and from a lead's", () => {
    const p = person({ preferredKinds: ["content"], interestTagIds: ["t-dx"], completedKinds: { content: 2 } });
    const i = item({ dueAt: new Date(NOW.getTime() + 10 * DAY) });
    const mine = scoreMatch(p, i, ctx);
    expect(reasonLine(mine.reasons)).toMatch(/^Go and Documentation match your skills; /);
    expect(reasonLine(mine.reasons)).toContain("EMEA like you");
    expect(reasonLine(mine.reasons)).toContain("about 6 h, you have 10 h free this month");
    expect(reasonLine(mine.reasons)).toContain("TAG Developer Experience is among your interests");
    expect(reasonLine(mine.reasons)).toContain("content work, which you prefer");
    expect(reasonLine(mine.reasons)).toContain("you completed 2 content items before");
    expect(reasonLine(mine.reasons)).toContain("due in 10 days");
    expect(reasonLine(mine.reasons)).toContain("nobody has volunteered yet");
    const theirs = scoreMatch(p, i, ctx, "they");
    expect(reasonLine(theirs.reasons)).toMatch(/^Go and Documentation match their skills; /);
    expect(reasonLine(theirs.reasons)).toContain("they have 10 h free this month");
    expect(theirs.score).toBeCloseTo(mine.score, 12);
  });

  it("puts what counts against a match last, after 'but'", () => {
    const p = person({ hoursPerMonth: 10, loadHours: 6, region: "APAC" });
    const line = reasonLine(scoreMatch(p, item({ effortHours: 20, languages: ["Japanese"] }), ctx).reasons);
    expect(line).toMatch(/^Go and Documentation match your skills; .*but /);
    expect(line).toContain("about 20 h, more than the 4 h you have free this month");
    expect(line).toContain("prefers EMEA; you are in APAC");
    expect(line).toContain("needs Japanese, which you don't list");
  });

  it("ranks a Go docs item in EMEA first for a Go and docs person in EMEA", () => {
    const p = person();
    const items = [
      item({ id: "k8s", skills: ["Kubernetes"], region: null }),
      item({ id: "apac", skills: ["Go"], region: "APAC" }),
      item({ id: "go-docs", skills: ["Go", "Documentation"] }),
      item({ id: "big", skills: ["Go", "Documentation"], effortHours: 60 }),
    ];
    const ranked = rankItems(p, items, ctx, 3);
    expect(ranked.map((r) => r.entry.id)).toEqual(["go-docs", "big", "apac"]);
    expect(ranked[0]!.match.reasons.length).toBeGreaterThan(0);
  });

  it("ranks people for an item", () => {
    const people = [
      person({ skills: ["Kubernetes"] }),
      person({ skills: ["Go", "Documentation"], region: "EMEA" }),
      person({ skills: ["Go"], region: "APAC" }),
    ].map((p, n) => ({ ...p, n }));
    const ranked = rankPeople(item(), people, ctx, 2);
    expect(ranked.map((r) => r.entry.n)).toEqual([1, 2]);
    expect(reasonLine(ranked[0]!.match.reasons)).toContain("EMEA like them");
  });

  it("keeps the best few without sorting everything, ties in input order", () => {
    const top = topByScore([3, 1, 4, 1, 5, 9, 2, 6, 5, 3], (n) => n, 4);
    expect(top.map((t) => t.entry)).toEqual([9, 6, 5, 5]);
    expect(
      topByScore(
        [
          { s: 1, n: "a" },
          { s: 1, n: "b" },
          { s: 1, n: "c" },
        ],
        (x) => x.s,
        2,
      ).map((t) => t.entry.n),
    ).toEqual(["a", "b"]);
    expect(topByScore([1, 2], (n) => n, 0)).toEqual([]);
  });
});

describe("matching model: helpers", () => {
  it("reads timezones by name and as fixed offsets", () => {
    expect(utcOffsetMinutes("UTC+2", NOW)).toBe(120);
    expect(utcOffsetMinutes("GMT-03:30", NOW)).toBe(-210);
    expect(utcOffsetMinutes("Asia/Kolkata", NOW)).toBe(330);
    expect(utcOffsetMinutes("Europe/Berlin", NOW)).toBe(60);
    expect(utcOffsetMinutes("Europe/Berlin", new Date("2027-07-01T12:00:00Z"))).toBe(120);
    expect(utcOffsetMinutes("Mars/Olympus", NOW)).toBeNull();
    expect(timezoneGapHours("Pacific/Kiritimati", "Pacific/Pago_Pago", NOW)).toBe(1);
    expect(timezoneGapHours(null, "UTC", NOW)).toBeNull();
    // The post form's "UTC+1 to UTC+3": no gap inside the span, the distance to its nearer end outside.
    expect(timezoneGapHours("Europe/Athens", "UTC+1 to UTC+3", NOW)).toBe(0);
    expect(timezoneGapHours("Asia/Kolkata", "UTC+1 to UTC+3", NOW)).toBe(2.5);
    expect(timezoneGapHours("America/New_York", "UTC-3 – UTC+1", NOW)).toBe(2);
    expect(timezoneGapHours("Europe/Berlin", "whenever", NOW)).toBeNull();
  });

  it("finds the languages an item needs, never English", () => {
    expect(languagesNeeded({ title: "Translate the glossary into Japanese", skills: ["Translation"] })).toEqual([
      "Japanese",
    ]);
    expect(languagesNeeded({ title: "Talk in Spanish at KubeCon", skills: ["spanish"], labels: [] })).toEqual([
      "Spanish",
    ]);
    expect(languagesNeeded({ title: "Write in English", skills: ["Go"] })).toEqual([]);
    expect(languagesNeeded({ title: "Japanese gardens of Kubernetes", skills: [] })).toEqual([]);
  });

  it("maps interests to TAGs by their words", () => {
    const tags = [
      { id: "sec", slug: "security-and-compliance", name: "TAG Security and Compliance", mission: "Threat Modeling" },
      { id: "infra", slug: "infrastructure", name: "TAG Infrastructure", mission: "Data, Storage, Network, DNS" },
      { id: "dx", slug: "developer-experience", name: "TAG Developer Experience", mission: "Databases" },
    ];
    expect(tagsOfInterest(["Security and compliance"], tags)).toEqual(["sec"]);
    expect(tagsOfInterest(["Networking", "Storage"], tags)).toEqual(["infra"]);
    expect(tagsOfInterest(["Developer experience"], tags)).toEqual(["dx"]);
    expect(tagsOfInterest(["Sustainability"], tags)).toEqual([]);
  });

  it("lists words the way people write them", () => {
    expect(listWords(["Go"])).toBe("Go");
    expect(listWords(["Go", "Rust"])).toBe("Go and Rust");
    expect(listWords(["Go", "Rust", "C"])).toBe("Go, Rust and C");
    expect(listWords(["a", "b", "c", "d", "e"])).toBe("a, b, c and 2 more");
  });
});
