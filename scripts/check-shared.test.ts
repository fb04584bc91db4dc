import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { checkElections } from "./check-shared";

const dir = mkdtempSync(join(tmpdir(), "check-shared-"));
mkdirSync(join(dir, "elections"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A fictional one-seat Schulze election written as the data folder's files are. */
function election(name: string, ballots: { count: number; ranking: string[][] }[], winners: string[]) {
  const file = {
    source: "fictional",
    method: "schulze",
    seats: 1,
    candidates: ["Ada", "Ben"],
    ballots,
    expected: { winners },
  };
  writeFileSync(join(dir, "elections", `${name}.json`), JSON.stringify(file));
}

describe("check:shared", () => {
  it("counts an election as reproduced only when the file's own count gives the expected winners", () => {
    election(
      "clear",
      [
        { count: 3, ranking: [["Ada"], ["Ben"]] },
        { count: 1, ranking: [["Ben"], ["Ada"]] },
      ],
      ["Ada"],
    );
    election("clear-wrong", [{ count: 3, ranking: [["Ada"], ["Ben"]] }], ["Ben"]);
    // A genuine tie: each file's own lot (seeded by its bytes) elects one of the two. Some other
    // seed gives either, which must never turn a file whose lot fell the other way into a pass.
    const tie = [
      { count: 1, ranking: [["Ada"], ["Ben"]] },
      { count: 1, ranking: [["Ben"], ["Ada"]] },
    ];
    election("tie-ada", tie, ["Ada"]);
    election("tie-ben", tie, ["Ben"]);
    const results = new Map(checkElections(dir).map((r) => [r.file.replace(/^elections\/|\.json$/g, ""), r]));
    expect(results.get("clear")?.ok).toBe(true);
    expect(results.get("clear-wrong")?.ok).toBe(false);
    const ties = [results.get("tie-ada")!, results.get("tie-ben")!];
    expect(ties.filter((r) => r.ok).length, ties.map((r) => r.detail).join("\n")).toBeLessThan(2);
    for (const r of ties.filter((r) => !r.ok)) expect(r.detail).toMatch(/not reproduced: this file's lot/);
  });
});
