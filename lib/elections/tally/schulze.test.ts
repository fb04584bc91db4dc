import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { packBallots, unpackBallots } from "./ballots.ts";
import { orderByLot } from "./lot.ts";
import { countPairwise, tallySchulze } from "./schulze.ts";
import { SEED, ballotsFrom, tallyInput } from "./test-helpers.ts";
import type { BallotInput, Rules } from "./types.ts";

const ABCDE = ["A", "B", "C", "D", "E"];

// Wikipedia, "Schulze method", the 45-voter example (transcribed by hand).
const WIKIPEDIA_45: [number, string][] = [
  [5, "A>C>B>E>D"],
  [5, "A>D>E>C>B"],
  [8, "B>E>D>A>C"],
  [3, "C>A>B>E>D"],
  [7, "C>A>E>B>D"],
  [2, "C>B>A>D>E"],
  [7, "D>C>E>B>A"],
  [8, "E>B>A>D>C"],
];

describe("tallySchulze", () => {
  it("reproduces the published 45-voter example: matrices, ranking and winner", () => {
    const outcome = tallySchulze(tallyInput(ABCDE, 1, WIKIPEDIA_45));
    expect(outcome.pairwise).toEqual([
      [0, 20, 26, 30, 22],
      [25, 0, 16, 33, 18],
      [19, 29, 0, 17, 24],
      [15, 12, 28, 0, 14],
      [23, 27, 21, 31, 0],
    ]);
    expect(outcome.strongest).toEqual([
      [0, 28, 28, 30, 24],
      [25, 0, 28, 33, 24],
      [25, 29, 0, 29, 24],
      [25, 28, 28, 0, 24],
      [25, 28, 28, 31, 0],
    ]);
    expect(outcome.ranking).toEqual([["E"], ["A"], ["C"], ["B"], ["D"]]);
    expect(outcome.winners).toEqual(["E"]);
    expect(outcome.ties).toEqual([]);
  });

  it("counts from published pairwise counts exactly as from the ballots", () => {
    const fromBallots = tallySchulze(tallyInput(ABCDE, 2, WIKIPEDIA_45));
    const pairwise = Float64Array.from(fromBallots.pairwise.flat());
    const fromMatrix = tallySchulze({ candidates: ABCDE, seats: 2, seed: SEED, pairwise });
    expect(fromMatrix).toEqual(fromBallots);
  });

  it("treats unranked candidates as no opinion, not as ranked last", () => {
    // Two voters say A > B and nothing about C; one says C > A. Ranked-last would give A > C 2:1.
    const outcome = tallySchulze(
      tallyInput(["A", "B", "C"], 1, [
        [2, "A>B"],
        [1, "C>A"],
      ]),
    );
    expect(outcome.pairwise).toEqual([
      [0, 2, 0],
      [0, 0, 0],
      [1, 0, 0],
    ]);
    expect(outcome.ranking).toEqual([["C"], ["A"], ["B"]]);
  });

  it("lists every candidate once in the ranking, including ones nobody ranked, and equal ranks compare nobody", () => {
    const names = ["A", "B", "C", "D"];
    const outcome = tallySchulze(tallyInput(names, 1, [[3, "A>B=C"]]));
    expect(outcome.ranking.flat().sort()).toEqual(names);
    expect(outcome.pairwise[1]?.[2]).toBe(0);
    expect(outcome.pairwise[2]?.[1]).toBe(0);
  });

  it("settles a tie that decides a seat by the seeded lot, and lists the lot", () => {
    const names = ["Ana", "Bo", "Cy"];
    const ballots = ballotsFrom(names, [
      [1, "Ana>Bo>Cy"],
      [1, "Bo>Ana>Cy"],
    ]);
    for (const seed of ["00", "01", "abcdef"]) {
      const outcome = tallySchulze({ candidates: names, seats: 1, seed, ballots });
      const order = orderByLot(seed, ["Ana", "Bo"]);
      expect(outcome.ranking).toEqual([["Ana", "Bo"], ["Cy"]]);
      expect(outcome.ties).toEqual([{ names: ["Ana", "Bo"], order }]);
      expect(outcome.winners).toEqual([order[0]]);
    }
  });

  it("with input order, seats the tied candidate listed first in the ballot file, whatever the seed", () => {
    for (const names of [
      ["Ana", "Bo", "Cy"],
      ["Bo", "Ana", "Cy"],
    ]) {
      const ballots = ballotsFrom(names, [
        [1, "Ana>Bo>Cy"],
        [1, "Bo>Ana>Cy"],
      ]);
      for (const seed of ["00", "01", "abcdef"]) {
        const outcome = tallySchulze({ candidates: names, seats: 1, seed, tiebreak: "input-order", ballots });
        expect(outcome.winners).toEqual([names[0]]);
        expect(outcome.ties).toEqual([{ names: names.slice(0, 2), order: names.slice(0, 2) }]);
      }
    }
  });

  it("draws no lot when the whole tied group is seated", () => {
    const names = ["Ana", "Bo", "Cy"];
    const ballots = ballotsFrom(names, [
      [1, "Ana>Bo>Cy"],
      [1, "Bo>Ana>Cy"],
    ]);
    const outcome = tallySchulze({ candidates: names, seats: 2, seed: SEED, ballots });
    expect(outcome.ties).toEqual([]);
    expect(outcome.winners).toEqual(["Ana", "Bo"]);
  });

  it("skips a candidate whose employer is at the cap, counting sitting members (fictional case)", () => {
    const names = ["Ada Quill", "Ben Marsh", "Cai Rowe", "Dot Vance", "Eli Stone"];
    const ballots = ballotsFrom(names, [[10, "Ada Quill>Ben Marsh>Cai Rowe>Dot Vance>Eli Stone"]]);
    const outcome = tallySchulze({
      candidates: names,
      seats: 3,
      seed: SEED,
      ballots,
      rules: {
        maxPerEmployer: 2,
        candidates: {
          "Ada Quill": { employer: "Acme Widgets" },
          "Ben Marsh": { employer: "  acme widgets " },
          "Cai Rowe": { employer: "Independent" },
          "Dot Vance": { employer: "independent" },
        },
        sitting: [{ employer: "ACME WIDGETS" }],
      },
    });
    expect(outcome.winners).toEqual(["Ada Quill", "Cai Rowe", "Dot Vance"]);
    expect(outcome.excluded).toEqual([
      { name: "Ben Marsh", reason: expect.stringContaining("employer cap") as string },
    ]);
  });

  it("keeps seats for regional minimums, and walks again ignoring minimums that cannot be met", () => {
    const names = ["Ana", "Bo", "Cy", "Di"];
    const ballots = ballotsFrom(names, [[5, "Ana>Bo>Cy>Di"]]);
    const candidates = {
      Ana: { region: "EMEA" },
      Bo: { region: "EMEA" },
      Cy: { region: "APAC" },
      Di: { region: "NA" },
    };
    const tally = (seats: number, rules: Omit<Rules, "candidates">) =>
      tallySchulze({ candidates: names, seats, seed: SEED, ballots, rules: { candidates, ...rules } });
    const met = tally(2, { minPerRegion: { APAC: 1 } });
    expect(met.winners).toEqual(["Ana", "Cy"]);
    expect(met.excluded.map((e) => e.name)).toEqual(["Bo"]);
    expect(met.excluded[0]?.reason).toMatch(/regional minimum/);
    expect(met.unmet).toEqual([]);

    const unmet = tally(2, { minPerRegion: { LATAM: 1 } });
    expect(unmet.winners).toEqual(["Ana", "Bo"]);
    expect(unmet.unmet).toEqual([{ region: "LATAM", missing: 1 }]);

    const reserved = tally(3, {
      minPerRegion: { EMEA: 1, NA: 1 },
      maxPerRegion: { EMEA: 1, NA: 1 },
      sitting: [{ region: "NA" }],
    });
    // NA's reserved seat is held by a sitting member, EMEA's goes to Ana; the rest are open.
    expect(reserved.winners).toEqual(["Ana", "Cy"]);
    expect(reserved.excluded.map((e) => e.name)).toEqual(["Bo", "Di"]);
  });

  it("refuses seats below 1", () => {
    expect(() => tallySchulze(tallyInput(ABCDE, 0, WIKIPEDIA_45))).toThrow(/seats/);
  });
});

/** Random small elections: 2-5 candidates, partial rankings with equal ranks. */
const electionArbitrary = fc.integer({ min: 2, max: 5 }).chain((n) =>
  fc.record({
    n: fc.constant(n),
    seats: fc.integer({ min: 1, max: n }),
    ballots: fc.array(
      fc.record({
        weight: fc.integer({ min: 1, max: 4 }),
        // each candidate gets a level or null (unranked)
        levels: fc.array(fc.option(fc.integer({ min: 0, max: n - 1 }), { nil: null }), { minLength: n, maxLength: n }),
      }),
      { minLength: 1, maxLength: 12 },
    ),
  }),
);

function toBallot(levels: (number | null)[], weight: number): BallotInput {
  const used = [...new Set(levels.filter((l): l is number => l !== null))].sort((a, b) => a - b);
  return { weight, ranking: used.map((level) => levels.flatMap((l, c) => (l === level ? [c] : []))) };
}

const namesFor = (n: number): string[] => Array.from({ length: n }, (_, i) => `Cand ${String.fromCharCode(65 + i)}`);

describe("tallySchulze properties", () => {
  it("shuffling the ballots never changes the outcome", () => {
    fc.assert(
      fc.property(electionArbitrary, fc.infiniteStream(fc.double()), ({ n, seats, ballots }, noise) => {
        const list = ballots.map((b) => toBallot(b.levels, b.weight));
        const keyed = list.map((b) => ({ b, key: noise.next().value }));
        const shuffled = [...keyed].sort((x, y) => x.key - y.key).map((x) => x.b);
        const candidates = namesFor(n);
        const a = tallySchulze({ candidates, seats, seed: SEED, ballots: packBallots(list) });
        const b = tallySchulze({ candidates, seats, seed: SEED, ballots: packBallots(shuffled) });
        expect(b).toEqual(a);
      }),
    );
  });

  it("renaming or reordering candidates never changes the outcome", () => {
    fc.assert(
      fc.property(electionArbitrary, fc.infiniteStream(fc.double()), ({ n, seats, ballots }, noise) => {
        const candidates = namesFor(n);
        const list = ballots.map((b) => toBallot(b.levels, b.weight));
        const base = tallySchulze({ candidates, seats, seed: SEED, ballots: packBallots(list) });
        // Reorder: the same names at new indices give the same winners and ranking by name.
        const permutation = candidates
          .map((_, i) => ({ i, key: noise.next().value }))
          .sort((x, y) => x.key - y.key)
          .map((x) => x.i);
        const moved = permutation.map((i) => candidates[i] ?? "");
        const where = candidates.map((_, i) => permutation.indexOf(i));
        const remapped = list.map((b) => ({
          weight: b.weight,
          ranking: b.ranking.map((level) => level.map((c) => where[c] ?? 0)),
        }));
        const reordered = tallySchulze({ candidates: moved, seats, seed: SEED, ballots: packBallots(remapped) });
        expect(new Set(reordered.winners)).toEqual(new Set(base.winners));
        expect(reordered.ranking.map((g) => [...g].sort())).toEqual(base.ranking.map((g) => [...g].sort()));
        // Rename: new names change only the lot's keys, so without a lot the outcome is the same.
        const renamed = candidates.map((name) => `${name} (renamed)`);
        const other = tallySchulze({ candidates: renamed, seats, seed: SEED, ballots: packBallots(list) });
        if (base.ties.length === 0) expect(other.winners).toEqual(base.winners.map((w) => `${w} (renamed)`));
        expect(other.ranking).toEqual(base.ranking.map((g) => g.map((w) => `${w} (renamed)`)));
      }),
    );
  });

  it("a Condorcet winner always wins a single seat", () => {
    fc.assert(
      fc.property(electionArbitrary, ({ n, ballots }) => {
        const candidates = namesFor(n);
        const outcome = tallySchulze({
          candidates,
          seats: 1,
          seed: SEED,
          ballots: packBallots(ballots.map((b) => toBallot(b.levels, b.weight))),
        });
        const d = outcome.pairwise;
        const condorcet = candidates.findIndex((_, c) =>
          candidates.every((__, x) => x === c || (d[c]?.[x] ?? 0) > (d[x]?.[c] ?? 0)),
        );
        if (condorcet >= 0) {
          expect(outcome.winners).toEqual([candidates[condorcet]]);
          expect(outcome.ties).toEqual([]);
        }
      }),
    );
  });

  it("more support never hurts: raising the winner on a ballot keeps them the winner", () => {
    fc.assert(
      fc.property(electionArbitrary, fc.nat(), ({ n, ballots }, pick) => {
        const candidates = namesFor(n);
        const list = ballots.map((b) => toBallot(b.levels, b.weight));
        const before = tallySchulze({ candidates, seats: 1, seed: SEED, ballots: packBallots(list) });
        if (before.ties.length > 0) return;
        const winner = candidates.indexOf(before.winners[0] ?? "");
        const target = pick % list.length;
        // Move the winner to the top level of one ballot (ranking them there if unranked).
        const raised = list.map((b, i) =>
          i !== target
            ? b
            : {
                weight: b.weight,
                ranking: [[winner], ...b.ranking.map((level) => level.filter((c) => c !== winner))].filter(
                  (l) => l.length > 0,
                ),
              },
        );
        const after = tallySchulze({ candidates, seats: 1, seed: SEED, ballots: packBallots(raised) });
        expect(after.winners).toEqual(before.winners);
        expect(after.ties).toEqual([]);
      }),
    );
  });

  it("packs and unpacks ballots without loss", () => {
    fc.assert(
      fc.property(electionArbitrary, ({ ballots }) => {
        const list = ballots.map((b) => toBallot(b.levels, b.weight));
        const total = list.reduce((sum, b) => sum + b.weight, 0);
        const unpacked = unpackBallots(packBallots(list));
        expect(unpacked.reduce((sum, b) => sum + b.weight, 0)).toBe(total);
        expect(unpackBallots(packBallots(unpacked))).toEqual(unpacked);
      }),
    );
  });
});

describe("countPairwise", () => {
  /** The definition, one pair at a time, adding weights in ballot order. */
  function countEveryPair(list: readonly BallotInput[], n: number): number[] {
    const d = new Array<number>(n * n).fill(0);
    for (const { weight, ranking } of list) {
      ranking.forEach((level, l) => {
        for (const lower of ranking.slice(l + 1)) for (const i of level) for (const j of lower) d[i * n + j]! += weight;
      });
    }
    return d;
  }

  // Around the 32-candidate limit of the mask count and across its byte boundaries, with equal
  // ranks, unranked candidates, duplicates, and whole or fractional weights (the latter counted pair by pair).
  const arbitrary = fc.constantFrom(1, 2, 7, 8, 9, 17, 31, 32, 33).chain((n) =>
    fc.record({
      n: fc.constant(n),
      ballots: fc.array(
        fc.record({
          weight: fc.oneof(fc.integer({ min: 0, max: 1000 }), fc.constantFrom(0.1, 0.25, 1.5, 2.2)),
          levels: fc.array(fc.option(fc.integer({ min: 0, max: n - 1 }), { nil: null }), {
            minLength: n,
            maxLength: n,
          }),
        }),
        { maxLength: 40 },
      ),
    }),
  );

  it("matches counting every pair, for any number of candidates and any weights", () => {
    fc.assert(
      fc.property(arbitrary, ({ n, ballots }) => {
        const list = ballots.map((b) => toBallot(b.levels, b.weight));
        const packed = packBallots(list);
        expect(Array.from(countPairwise(packed, n))).toEqual(countEveryPair(unpackBallots(packed), n));
      }),
    );
  });
});
