import { describe, expect, it } from "vitest";
import { DAY } from "@/lib/vocabulary";
import type { ContributionKind } from "@/lib/generated/prisma/enums";
import { ladderText, parseLadder, type Ladder } from "./ladder";
import { LadderSchema } from "./schemas";
import { hasReached, pathwayStanding, type PathwayFacts } from "./standing";

const at = new Date("2026-12-05T12:00:00Z");
const daysAgo = (n: number) => new Date(at.getTime() - n * DAY);

const LADDER_TEXT = [
  "Contributor: 1 pull request",
  "Reviewer: 3 reviews in 6 months, 2 meetings attended",
  "Shadow: 1 assessment shadowed in 12 months; mentor sign-off",
  "Project lead: 2 events organised in 12 months",
].join("\n");

function ladder(): Ladder {
  const r = parseLadder(LADDER_TEXT, 6);
  if (!r.ok) throw new Error(r.errors.join("; "));
  return r.ladder;
}

const records = (...spec: [ContributionKind, number][]) =>
  spec.map(([kind, ago]) => ({ kind, occurredAt: daysAgo(ago) }));
const facts = (recs: PathwayFacts["records"], signedOff: string[] = []): PathwayFacts => ({
  records: recs,
  signedOff: new Set(signedOff),
});

/** A member with a pull request, three recent reviews and two meetings: the e2e story's member. */
const reviewer = records(["pr", 40], ["review", 10], ["review", 20], ["review", 100], ["meeting", 5], ["meeting", 35]);

describe("pathway ladders", () => {
  it("reads the editor's text with default windows and a sign-off, and writes it back the same", () => {
    const l = ladder();
    expect(l.map((s) => s.name)).toEqual(["Contributor", "Reviewer", "Shadow", "Project lead"]);
    expect(l[0]!.criteria).toEqual([{ kind: "pr", count: 1, windowMonths: 6 }]);
    expect(l[1]!.criteria).toEqual([
      { kind: "review", count: 3, windowMonths: 6 },
      { kind: "meeting", count: 2, windowMonths: 6 },
    ]);
    expect(l[2]).toEqual({
      name: "Shadow",
      criteria: [{ kind: "assessment", count: 1, windowMonths: 12 }],
      mentorSignOff: true,
    });
    expect(parseLadder(ladderText(l), 6)).toEqual({ ok: true, ladder: l });
    expect(LadderSchema.safeParse(l).success).toBe(true);
  });

  it("refuses an unknown contribution kind when the ladder is defined, naming the line and the kind", () => {
    const r = parseLadder("Contributor: 1 pull request\nReviewer: 3 reveiws in 6 months", 6);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.errors).toHaveLength(1);
    expect(r.errors[0]).toMatch(/^Line 2: "reveiws" is not a contribution kind \(known: .*review/);
    // The stored form refuses it too, so no other door lets it in.
    expect(
      LadderSchema.safeParse([
        { name: "Reviewer", criteria: [{ kind: "reveiw", count: 3, windowMonths: 6 }], mentorSignOff: false },
      ]).success,
    ).toBe(false);
  });

  it("refuses duplicate steps, empty steps, bad windows and unknown trailers", () => {
    const r = parseLadder("A step: 1 pr\na STEP: 2 prs\nEmpty:\nLong: 1 pr in 40 months\nOdd: 1 pr; maybe", 6);
    expect(r.ok ? [] : r.errors).toEqual([
      'Line 2: "a STEP" is already a step.',
      'Line 3: give "Empty" at least one criterion or a mentor sign-off.',
      "Line 4: a window is 1 to 36 months.",
      'Line 5: "maybe" is not understood; after a ";" write only "mentor sign-off".',
    ]);
    expect(parseLadder("  \n ", 6)).toEqual({ ok: false, errors: ["Give at least one step, one per line."] });
  });
});

describe("pathwayStanding", () => {
  it("places a member at the highest step whose every lower step is met, and says what the next needs", () => {
    const s = pathwayStanding(ladder(), facts(reviewer), at);
    expect(s.reached).toBe("Reviewer");
    expect(s.next?.name).toBe("Shadow");
    expect(s.next?.criteria).toEqual([{ kind: "assessment", count: 1, windowMonths: 12, have: 0, met: false }]);
    expect(s.next?.signedOff).toBe(false);
    expect(s.ready).toBe(false);
    // The review 100 days ago is inside the 6-month window.
    expect(s.steps[1]!.criteria[0]!.have).toBe(3);
  });

  it("counts only records inside each criterion's window and before the moment asked about", () => {
    const old = records(["pr", 10], ["review", 10], ["review", 20], ["review", 200], ["meeting", 5], ["meeting", 6]);
    const s = pathwayStanding(
      ladder(),
      facts([...old, { kind: "review", occurredAt: new Date(at.getTime() + DAY) }]),
      at,
    );
    expect(s.steps[1]!.criteria[0]).toMatchObject({ have: 2, met: false });
    expect(s.reached).toBe("Contributor");
    expect(s.next?.name).toBe("Reviewer");
  });

  it("is ready when the counts of the next step are met and only the mentor's sign-off is missing", () => {
    const withAssessment = [...reviewer, ...records(["assessment", 60])];
    const before = pathwayStanding(ladder(), facts(withAssessment), at);
    expect(before).toMatchObject({ reached: "Reviewer", ready: true, next: { name: "Shadow", signedOff: false } });
    const after = pathwayStanding(ladder(), facts(withAssessment, ["Shadow"]), at);
    expect(after).toMatchObject({ reached: "Shadow", ready: false, next: { name: "Project lead" } });
  });

  it("does not let a higher step be reached while a lower one is unmet", () => {
    // Events and a sign-off for Shadow, but no reviews: still only a Contributor.
    const s = pathwayStanding(ladder(), facts(records(["pr", 1], ["event", 3], ["event", 4]), ["Shadow"]), at);
    expect(s.reached).toBe("Contributor");
    // "Project lead" alone is met, but it is not reached over the unmet "Reviewer".
    expect(s.steps[3]!.met).toBe(true);
    expect(hasReached(ladder(), s, "Project lead")).toBe(false);
  });

  it("has no step below the first and no next step at the top", () => {
    expect(pathwayStanding(ladder(), facts([]), at)).toMatchObject({ reached: null, next: { name: "Contributor" } });
    const top = pathwayStanding(
      ladder(),
      facts([...reviewer, ...records(["assessment", 60], ["event", 1], ["event", 2])], ["Shadow"]),
      at,
    );
    expect(top).toMatchObject({ reached: "Project lead", next: null, ready: false });
  });

  it("answers whether a role's required step is reached", () => {
    const l = ladder();
    const s = pathwayStanding(l, facts(reviewer), at);
    expect(hasReached(l, s, "Contributor")).toBe(true);
    expect(hasReached(l, s, "Reviewer")).toBe(true);
    expect(hasReached(l, s, "Project lead")).toBe(false);
    expect(hasReached(l, s, "No such step")).toBe(false);
  });
});
