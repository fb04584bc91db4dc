import { execFileSync, spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const CLI = "dist/tally/scripts/tally/cli.js";

// A fictional board election: Wikipedia's 45-voter Schulze profile with invented names.
const BLT = `5 2
5 1 3 2 5 4 0
5 1 4 5 3 2 0
8 2 5 4 1 3 0
3 3 1 2 5 4 0
7 3 1 5 2 4 0
2 3 2 1 4 5 0
7 4 3 5 2 1 0
8 5 2 1 4 3 0
0
"Ada Quill"
"Ben Marsh"
"Cai Rowe"
"Dot Vance"
"Eli Stone"
"Fictional board 2031"
`;

let dir = "";
const run = (args: string[]): { status: number | null; stdout: string; stderr: string } => {
  const result = spawnSync("node", [CLI, ...args], { encoding: "utf8" });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
};
const file = (name: string, text: string): string => {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
};

beforeAll(() => {
  // The CLI runs as compiled JavaScript, exactly as `npm run tally` runs it.
  execFileSync("npx", ["tsc", "-p", "scripts/tally/tsconfig.json"], { stdio: "inherit" });
  dir = mkdtempSync(join(tmpdir(), "tally-cli-"));
}, 120_000);

afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe("tally CLI", () => {
  it("prints the winners in seat order", () => {
    const result = run([file("board.blt", BLT)]);
    expect(result.status).toBe(0);
    expect(result.stdout).toBe("1. Eli Stone\n2. Ada Quill\n");
  });

  it("prints one JSON object with the issue's fields for Schulze", () => {
    const path = file("board.blt", BLT);
    const result = run([path, "--json"]);
    expect(result.status).toBe(0);
    const outcome = JSON.parse(result.stdout) as Record<string, unknown>;
    expect(Object.keys(outcome)).toEqual(
      expect.arrayContaining([
        "candidates",
        "winners",
        "ranking",
        "excluded",
        "ties",
        "unmet",
        "pairwise",
        "strongest",
      ]),
    );
    expect(outcome.candidates).toEqual(["Ada Quill", "Ben Marsh", "Cai Rowe", "Dot Vance", "Eli Stone"]);
    expect(outcome.winners).toEqual(["Eli Stone", "Ada Quill"]);
    expect(outcome.ranking).toEqual([["Eli Stone"], ["Ada Quill"], ["Cai Rowe"], ["Ben Marsh"], ["Dot Vance"]]);
    expect(outcome.excluded).toEqual([]);
    expect(outcome.ties).toEqual([]);
    expect(outcome.unmet).toEqual([]);
    expect((outcome.pairwise as number[][])[0]).toEqual([0, 20, 26, 30, 22]);
    expect((outcome.strongest as number[][])[4]).toEqual([25, 28, 28, 31, 0]);
    // The default seed is the SHA-256 of the file's bytes.
    expect(outcome.seed).toBe(createHash("sha256").update(readFileSync(path)).digest("hex"));
  });

  it("counts STV with stages, applies rules.json and honours --tiebreak-seed", () => {
    const path = file("board.blt", BLT);
    const stv = JSON.parse(run([path, "--method", "stv", "--seats", "3", "--json"]).stdout) as Record<string, unknown>;
    expect(Object.keys(stv)).toEqual(
      expect.arrayContaining(["candidates", "winners", "excluded", "ties", "unmet", "stages"]),
    );
    expect(stv.stages).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ votes: expect.any(Array), elected: expect.any(Array), excluded: expect.any(Array) }),
      ]),
    );

    const rules = file(
      "rules.json",
      JSON.stringify({
        maxPerEmployer: 1,
        candidates: { "Eli Stone": { employer: "Acme" }, "Ada Quill": { employer: "ACME " } },
      }),
    );
    const capped = JSON.parse(run([path, "--rules", rules, "--json"]).stdout) as {
      winners: string[];
      excluded: { name: string }[];
    };
    expect(capped.winners).toEqual(["Eli Stone", "Cai Rowe"]);
    expect(capped.excluded.map((e) => e.name)).toEqual(["Ada Quill"]);

    const tied = file("tied.blt", '2 1\n1 1 2 0\n1 2 1 0\n0\n"Ana"\n"Bo"\n');
    const a = JSON.parse(run([tied, "--json", "--tiebreak-seed", "00"]).stdout) as {
      ties: { names: string[]; order: string[] }[];
      winners: string[];
    };
    expect(a.ties).toHaveLength(1);
    expect(a.winners).toEqual([a.ties[0]?.order[0]]);

    // --tiebreak input-order: the first listed takes the seat whatever the seed, and the JSON says how.
    for (const seed of ["00", "01", "02"]) {
      const ordered = JSON.parse(
        run([tied, "--json", "--tiebreak", "input-order", "--tiebreak-seed", seed]).stdout,
      ) as {
        tiebreak: string;
        winners: string[];
      };
      expect(ordered).toMatchObject({ tiebreak: "input-order", winners: ["Ana"] });
    }
    expect(run([tied, "--tiebreak=input-order"]).stdout).toBe("1. Ana\ntie by input order: Ana, Bo -> Ana, Bo\n");
    expect(a).not.toHaveProperty("tiebreak");
  });

  it("exits with code 2 and names the line of a malformed file", () => {
    const result = run([file("bad.blt", '3 1\n1 1 2 0\n1 1 4 0\n0\n"a"\n"b"\n"c"\n')]);
    expect(result.status).toBe(2);
    expect(result.stdout).toBe("");
    expect(result.stderr).toMatch(/bad\.blt: line 3: candidate 4 does not exist/);
  });

  it("exits with code 2 for equal ranks under STV, bad rules and bad options", () => {
    const equal = run([file("equal.blt", '2 1\n1 1=2 0\n0\n"a"\n"b"\n'), "--method", "stv"]);
    expect(equal.status).toBe(2);
    expect(equal.stderr).toMatch(/line 2: ranks candidates equally/);
    const rules = run([file("ok.blt", BLT), "--rules", file("bad-rules.json", '{"candidates": {"Nobody": {}}}')]);
    expect(rules.status).toBe(2);
    expect(rules.stderr).toMatch(/rules\.candidates\["Nobody"\]/);
    expect(run([file("ok.blt", BLT), "--method", "borda"]).status).toBe(2);
    expect(run([file("ok.blt", BLT), "--tiebreak-seed", "xyz"]).status).toBe(2);
    const coin = run([file("ok.blt", BLT), "--tiebreak", "coin"]);
    expect(coin.status).toBe(2);
    expect(coin.stderr).toMatch(/--tiebreak must be one of lot, input-order, not "coin"/);
    const csv = run([file("ballots.csv", "a,b\n1,2\n")]);
    expect(csv.status).toBe(2);
    expect(csv.stderr).toMatch(/--seats/);
  });
});
