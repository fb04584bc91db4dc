import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { packBallots } from "./ballots.ts";
import { TallyInputError } from "./errors.ts";
import { orderByLot } from "./lot.ts";
import { tallyMeek } from "./meek.ts";
import { tallyStv } from "./stv.ts";
import { SEED, ballotsFrom, tallyInput } from "./test-helpers.ts";

// Wikipedia, "Single transferable vote", the food example (20 voters, 3 seats), transcribed by hand.
const FOODS = ["Oranges", "Pears", "Chocolate", "Strawberries", "Hamburgers"];
const FOOD_BALLOTS: [number, string][] = [
  [4, "Oranges"],
  [2, "Pears>Oranges"],
  [8, "Chocolate>Strawberries"],
  [4, "Chocolate>Hamburgers"],
  [1, "Strawberries"],
  [1, "Hamburgers"],
];

describe("tallyStv (Scottish STV)", () => {
  it("reproduces the published food example stage by stage", () => {
    const outcome = tallyStv(tallyInput(FOODS, 3, FOOD_BALLOTS));
    expect(outcome.quota).toBe(6);
    expect(outcome.winners).toEqual(["Chocolate", "Oranges", "Strawberries"]);
    const stages = outcome.stages.map((s) => ({ votes: s.votes, elected: s.elected, excluded: s.excluded }));
    expect(stages).toEqual([
      { votes: [4, 2, 12, 1, 1], elected: ["Chocolate"], excluded: [] },
      // Chocolate's surplus of 6 moves at 6/12 = 0.5 a paper: 4 to Strawberries, 2 to Hamburgers.
      { votes: [4, 2, 6, 5, 3], elected: [], excluded: [] },
      { votes: [6, 0, 6, 5, 3], elected: ["Oranges"], excluded: ["Pears"] },
      { votes: [6, 0, 6, 5, 0], elected: ["Strawberries"], excluded: ["Hamburgers"] },
    ]);
  });

  it("truncates transfer values to five decimals", () => {
    // 9 papers, 2 seats: quota 4. X has 7 papers, surplus 3: each moves at 3/7 = 0.428571.. -> 0.42857.
    const names = ["X", "Y", "Z"];
    const outcome = tallyStv(
      tallyInput(names, 2, [
        [7, "X>Y"],
        [2, "Z"],
      ]),
    );
    expect(outcome.quota).toBe(4);
    expect(outcome.stages[1]?.votes).toEqual([4, 2.99999, 2]);
  });

  it("breaks a tie for exclusion by the most recent stage at which the tied candidates differed", () => {
    const names = ["A", "B", "C", "D", "E"];
    const ballots = ballotsFrom(names, [
      [1, "A>B"],
      [2, "B"],
      [3, "C"],
      [4, "D"],
      [5, "E"],
    ]);
    const outcome = tallyStv({ candidates: names, seats: 2, seed: SEED, ballots });
    // After A goes, B and C both hold 3; at stage 1 B had 2 and C 3, so B goes first.
    expect(outcome.stages.flatMap((s) => s.excluded)).toEqual(["A", "B", "C"]);
    expect(new Set(outcome.winners)).toEqual(new Set(["D", "E"]));
    expect(outcome.ties).toEqual([]);
  });

  it("draws the seeded lot when tied candidates were equal at every stage, and never stops on a tie", () => {
    const input = tallyInput(["Ana", "Bo", "Cy"], 1, [
      [3, "Ana"],
      [3, "Bo"],
      [5, "Cy"],
    ]);
    for (const seed of ["00", "01"]) {
      const outcome = tallyStv({ ...input, seed });
      const order = orderByLot(seed, ["Ana", "Bo"]);
      expect(outcome.ties).toEqual([{ names: ["Ana", "Bo"], order, stage: 2 }]);
      expect(outcome.stages[1]?.excluded).toEqual([order[1]]);
      expect(outcome.winners).toHaveLength(1);
    }
  });

  it("refuses ballots with equal ranks, naming the first such ballot", () => {
    const names = ["A", "B", "C"];
    const ballots = packBallots([
      { weight: 1, ranking: [[0], [1]] },
      { weight: 1, ranking: [[1, 2], [0]] },
      { weight: 1, ranking: [[2, 0]] },
    ]);
    expect(() => tallyStv({ candidates: names, seats: 1, seed: SEED, ballots })).toThrow(TallyInputError);
    expect(() => tallyStv({ candidates: names, seats: 1, seed: SEED, ballots })).toThrow(
      /^line 2: ranks candidates equally/,
    );
    expect(() => tallyMeek({ candidates: names, seats: 1, seed: SEED, ballots })).toThrow(/^line 2:/);
  });

  it("bars a candidate whose employer is at the cap and transfers their papers", () => {
    const input = tallyInput(["Ada", "Ben", "Cai"], 2, [
      [5, "Ada>Ben"],
      [4, "Ben>Cai"],
      [3, "Cai"],
    ]);
    const rules = { maxPerEmployer: 1, candidates: { Ada: { employer: "Acme" }, Ben: { employer: "acme" } } };
    const outcome = tallyStv({ ...input, rules });
    expect(outcome.winners).toEqual(["Ada", "Cai"]);
    expect(outcome.excluded).toEqual([{ name: "Ben", reason: expect.stringContaining("employer cap") as string }]);
  });

  it("shuffling the ballots never changes the outcome", () => {
    const arbitrary = fc.array(
      fc.record({ weight: fc.integer({ min: 1, max: 5 }), order: fc.shuffledSubarray([0, 1, 2, 3, 4]) }),
      { minLength: 1, maxLength: 15 },
    );
    fc.assert(
      fc.property(arbitrary, fc.integer({ min: 1, max: 3 }), (list, seats) => {
        const ballots = list.map((b) => ({ weight: b.weight, ranking: b.order.map((c) => [c]) }));
        const a = tallyStv({ candidates: FOODS, seats, seed: SEED, ballots: packBallots(ballots) });
        const b = tallyStv({ candidates: FOODS, seats, seed: SEED, ballots: packBallots([...ballots].reverse()) });
        expect(b).toEqual(a);
      }),
    );
  });
});

describe("tallyMeek", () => {
  // The published Meek tie: 4 Castor>Pollux, 2 Helen, for 2 seats.
  const MEEK_TIE = ["Castor", "Pollux", "Helen"];
  const MEEK_TIE_BALLOTS: [number, string][] = [
    [4, "Castor>Pollux"],
    [2, "Helen"],
  ];

  it("elects the food example's winners", () => {
    const outcome = tallyMeek({ candidates: FOODS, seats: 3, seed: SEED, ballots: ballotsFrom(FOODS, FOOD_BALLOTS) });
    expect(new Set(outcome.winners)).toEqual(new Set(["Chocolate", "Oranges", "Strawberries"]));
  });

  it("sees the published Meek tie (4 Castor>Pollux, 2 Helen; 2 seats) and settles it by the lot", () => {
    const ballots = ballotsFrom(MEEK_TIE, MEEK_TIE_BALLOTS);
    for (const seed of ["00", "01", "02"]) {
      const outcome = tallyMeek({ candidates: MEEK_TIE, seats: 2, seed, ballots });
      const order = orderByLot(seed, ["Pollux", "Helen"]);
      expect(outcome.ties).toEqual([expect.objectContaining({ names: ["Pollux", "Helen"], order })]);
      expect(outcome.winners).toEqual(["Castor", order[0]]);
    }
  });

  it("with input order, excludes the tied candidate listed first, as droop's reference reports do", () => {
    for (const [names, winners] of [
      [
        ["Castor", "Pollux", "Helen"],
        ["Castor", "Helen"],
      ],
      // droop's second report lists Helen before Pollux: Helen goes, Pollux stays.
      [
        ["Helen", "Pollux", "Castor"],
        ["Castor", "Pollux"],
      ],
    ]) {
      // Every seed gives the same result: the lot is not drawn.
      for (const seed of ["00", "01", "02"]) {
        const outcome = tallyMeek({
          candidates: names!,
          seats: 2,
          seed,
          tiebreak: "input-order",
          ballots: ballotsFrom(names!, MEEK_TIE_BALLOTS),
        });
        expect(new Set(outcome.winners)).toEqual(new Set(winners));
        expect(outcome.ties).toEqual([expect.objectContaining({ names: expect.arrayContaining(["Pollux", "Helen"]) })]);
      }
    }
  });

  it("and Scottish STV has no tie on the same ballots", () => {
    const outcome = tallyStv(tallyInput(MEEK_TIE, 2, MEEK_TIE_BALLOTS));
    expect(outcome.quota).toBe(3);
    expect(outcome.winners).toEqual(["Castor", "Helen"]);
    expect(outcome.ties).toEqual([]);
  });
});
