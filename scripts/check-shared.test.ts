import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { checkElections } from "./check-shared";

const dir = mkdtempSync(join(tmpdir(), "check-shared-"));
mkdirSync(join(dir, "elections"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A fictional one-seat Schulze election (unless `other` says otherwise) written as the data folder's files are. */
function election(
  name: string,
  ballots: { count: number; ranking: string[][] }[],
  winners: string[],
  other: { source?: string; method?: string; seats?: number; candidates?: string[] } = {},
) {
  const file = {
    source: "fictional",
    method: "schulze",
    seats: 1,
    candidates: ["Ada", "Ben"],
    ...other,
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

  it("re-counts a result from droop's reference reports with ties settled by the file's candidate order", () => {
    // droop's "Pollux and Helen should tie" set: Meek excludes whichever of the two the file lists first.
    const ballots = [
      { count: 4, ranking: [["Castor"], ["Pollux"]] },
      { count: 2, ranking: [["Helen"]] },
    ];
    const droop = { source: "jklundell/droop@0000000 test/blt/42.blt", method: "stv-meek", seats: 2 };
    election("droop-pollux-first", ballots, ["Castor", "Helen"], {
      ...droop,
      candidates: ["Castor", "Pollux", "Helen"],
    });
    election("droop-helen-first", ballots, ["Castor", "Pollux"], {
      ...droop,
      candidates: ["Helen", "Pollux", "Castor"],
    });
    election("droop-wrong-side", ballots, ["Castor", "Pollux"], {
      ...droop,
      candidates: ["Castor", "Pollux", "Helen"],
    });
    const results = new Map(checkElections(dir).map((r) => [r.file.replace(/^elections\/|\.json$/g, ""), r]));
    expect(results.get("droop-pollux-first")).toMatchObject({ ok: true, detail: expect.stringMatching(/input order/) });
    expect(results.get("droop-helen-first")?.ok).toBe(true);
    expect(results.get("droop-wrong-side")).toMatchObject({
      ok: false,
      detail: expect.stringMatching(/ties by input order .* elect Castor, Helen, expected Castor, Pollux/),
    });
  });
});
