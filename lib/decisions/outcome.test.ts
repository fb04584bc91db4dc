import { describe, expect, it } from "vitest";
import { decisionOutcome, needed, THRESHOLDS, type DecisionRuleOf } from "./outcome";

const majorityOfAll: DecisionRuleOf = { threshold: THRESHOLDS["more-than-half"], base: "members", quorum: null };
const removal: DecisionRuleOf = {
  threshold: { share: 0.6667, moreThan: false },
  base: "cast",
  quorum: THRESHOLDS["more-than-half"],
};
const tally = (electorate: number, yes: number, no = 0, abstain = 0) => ({ electorate, yes, no, abstain });

describe("needed", () => {
  it("a majority is more than half", () => {
    expect([1, 2, 3, 4, 5, 6, 11].map((n) => needed(n, THRESHOLDS["more-than-half"]))).toEqual([1, 2, 2, 3, 3, 4, 6]);
  });
  it("a stored 0.6667 means two thirds", () => {
    expect([3, 4, 6, 9, 11].map((n) => needed(n, { share: 0.6667, moreThan: false }))).toEqual([2, 3, 4, 6, 8]);
  });
  it("unanimity needs everyone", () => {
    expect(needed(5, THRESHOLDS.all)).toBe(5);
  });
});

describe("a majority of all TOC members", () => {
  it("closes approved as soon as 3 of 4 vote yes, before the period ends", () => {
    expect(decisionOutcome(majorityOfAll, tally(4, 2), false).state).toBe("open");
    const o = decisionOutcome(majorityOfAll, tally(4, 3), false);
    expect(o.state).toBe("approved");
    expect(o.yesNeeded).toBe(3);
    expect(o.explanation).toMatch(/3 yes votes of 4 TOC members who may vote; 3 needed/);
  });
  it("closes not approved once the remaining members cannot reach it", () => {
    expect(decisionOutcome(majorityOfAll, tally(4, 1, 1), false).state).toBe("open");
    expect(decisionOutcome(majorityOfAll, tally(4, 1, 2), false).state).toBe("rejected");
  });
  it("counts an abstention against, like staying away", () => {
    expect(decisionOutcome(majorityOfAll, tally(4, 2, 0, 2), false).state).toBe("rejected");
  });
  it("without a result by the end of the period: not approved", () => {
    const o = decisionOutcome(majorityOfAll, tally(4, 2), true);
    expect(o.state).toBe("rejected");
    expect(o.explanation).toMatch(/period ended/);
  });
  it("a recused member is not counted: 2 of 3 is a majority", () => {
    expect(decisionOutcome(majorityOfAll, tally(3, 2), false).state).toBe("approved");
  });
  it("with everyone recused nothing can pass", () => {
    expect(decisionOutcome(majorityOfAll, tally(0, 0), false).state).toBe("rejected");
  });
});

describe("a removal: two thirds of the votes cast, with a quorum", () => {
  it("three yes of three cast do not close a vote of eleven members: no quorum yet", () => {
    expect(decisionOutcome(removal, tally(11, 3), false).state).toBe("open");
    const end = decisionOutcome(removal, tally(11, 3), true);
    expect(end.state).toBe("rejected");
    expect(end.explanation).toMatch(/no quorum/);
  });
  it("passes at the end of the period with the quorum and two thirds of the votes cast", () => {
    expect(decisionOutcome(removal, tally(4, 2, 1), false).state).toBe("open");
    expect(decisionOutcome(removal, tally(4, 2, 1), true).state).toBe("approved");
    expect(decisionOutcome(removal, tally(4, 1, 2), true).state).toBe("rejected");
  });
  it("closes early only when no remaining vote can change it", () => {
    expect(decisionOutcome(removal, tally(4, 3), false).state).toBe("approved");
    expect(decisionOutcome(removal, tally(4, 0, 2), false).state).toBe("rejected");
    expect(decisionOutcome(removal, tally(4, 2, 2), false).state).toBe("rejected");
  });
  it("an abstention helps the quorum but is no vote either way", () => {
    expect(decisionOutcome(removal, tally(4, 2, 0, 1), true).state).toBe("approved");
    expect(decisionOutcome(removal, tally(4, 2, 0, 0), true).state).toBe("rejected");
  });
  it("follows the TAG's supermajority", () => {
    const share = (s: number): DecisionRuleOf => ({ ...removal, threshold: { share: s, moreThan: false } });
    expect(decisionOutcome(share(0.75), tally(4, 3, 1), true).state).toBe("approved");
    expect(decisionOutcome(share(0.8), tally(4, 3, 1), true).state).toBe("rejected");
  });
  it("says what was needed", () => {
    expect(decisionOutcome(removal, tally(4, 2, 1), true).explanation).toBe(
      "2 yes votes of 3 votes cast (0 abstentions); at least two thirds needed, with at least 3 of 4 TOC members voting: approved.",
    );
  });
});
