import { describe, expect, it } from "vitest";
import { unpackBallots } from "../tally/ballots.ts";
import { tallySchulze } from "../tally/schulze.ts";
import { readBlt, writeBlt } from "./blt.ts";
import { readElektoCsv, writeElektoCsv } from "./elekto-csv.ts";
import { BallotFormatError } from "./errors.ts";
import { detectBallotFormat, readBallotFile } from "./index.ts";
import { readMatrixJson, writeMatrixJson } from "./matrix-json.ts";

const FICTIONAL_BLT = `4 2
-4
3 1 2 3 0
2 2=3 1 0
3 1 2 3 0
1 3 0
0
"Ada Quill"
"Ben Marsh"
"Cai Rowe"
"Dot Vance"
"Fictional board 2031"
`;

function errorOf(run: () => unknown): BallotFormatError {
  try {
    run();
  } catch (error) {
    if (error instanceof BallotFormatError) return error;
    throw error;
  }
  throw new Error("expected a BallotFormatError");
}

describe("readBlt", () => {
  it("reads candidates, seats, withdrawn, equal ranks and the title, merging identical ballots", () => {
    const file = readBlt(FICTIONAL_BLT);
    expect(file.candidates).toEqual(["Ada Quill", "Ben Marsh", "Cai Rowe", "Dot Vance"]);
    expect(file.seats).toBe(2);
    expect(file.withdrawn).toEqual([3]);
    expect(file.title).toBe("Fictional board 2031");
    expect(unpackBallots(file.ballots!)).toEqual([
      { weight: 6, ranking: [[0], [1], [2]] },
      { weight: 2, ranking: [[1, 2], [0]] },
      { weight: 1, ranking: [[2]] },
    ]);
    expect(Array.from(file.ballots!.lines!)).toEqual([3, 4, 6]);
  });

  it("round-trips through writeBlt", () => {
    const file = readBlt(FICTIONAL_BLT);
    const written = writeBlt({
      title: file.title!,
      candidates: file.candidates,
      seats: file.seats!,
      withdrawn: file.withdrawn,
      ballots: file.ballots!,
    });
    expect(readBlt(written)).toEqual(
      file.ballots && { ...file, ballots: { ...file.ballots, lines: readBlt(written).ballots!.lines } },
    );
    expect(written).toContain("2 2=3 1 0");
  });

  it("reads candidate numbers beyond one byte's range (300 candidates)", () => {
    const names = Array.from({ length: 300 }, (_, i) => `"C${i + 1}"`).join("\n");
    const file = readBlt(`300 1\n2 300 257=256 1 0\n1 300 257=256 1 0\n1 2 0\n0\n${names}\n`);
    expect(unpackBallots(file.ballots!)).toEqual([
      { weight: 3, ranking: [[299], [256, 255], [0]] },
      { weight: 1, ranking: [[1]] },
    ]);
  });

  it("accepts CRLF line ends, blank lines and no title", () => {
    const file = readBlt('2 1\r\n\r\n1 1 2 0\r\n0\r\n"A"\r\n"B"\r\n');
    expect(file.candidates).toEqual(["A", "B"]);
    expect(file.title).toBeUndefined();
  });

  it.each([
    ['3 1\n1 1 4 0\n0\n"a"\n"b"\n"c"\n', 2, /candidate 4 does not exist/],
    ['3 1\n1 1 2\n0\n"a"\n"b"\n"c"\n', 2, /must end with 0/],
    ['3 1\n1 1 2 1 0\n0\n"a"\n"b"\n"c"\n', 2, /appears twice/],
    ['3 1\n1 1 0\nx 2 0\n0\n"a"\n"b"\n"c"\n', 3, /ballot weight/],
    ['3 1\n1 1 2= 0\n0\n"a"\n"b"\n"c"\n', 2, /"="/],
    ['3 1\n1 1 0 2\n0\n"a"\n"b"\n"c"\n', 2, /after the closing 0/],
    ['3 1\n1 1 0\n0\n"a"\n"b"\n', 6, /expected 3 quoted candidate names/],
    ['3 1\n1 1 0\n0\n"a"\n"a"\n"c"\n', 5, /appears twice/],
    ["3 x\n", 1, /candidates seats/],
    ["3 1\n1 1 0\n", 2, /missing the 0 line/],
  ])("names the line of a malformed file (%#)", (text, line, message) => {
    const error = errorOf(() => readBlt(text));
    expect(error.line).toBe(line);
    expect(error.message).toMatch(new RegExp(`^line ${line}: `));
    expect(error.message).toMatch(message);
  });
});

describe("readElektoCsv", () => {
  const CSV = "ada,ben,cai,dot\n1,3,3,No opinion\n2,1,No opinion,No opinion\n1,3,3,No opinion\n10,20,No opinion,5\n";

  it("reads ranks (1 best, equal numbers tied, gaps allowed) and No opinion as unranked", () => {
    const file = readElektoCsv(CSV);
    expect(file.candidates).toEqual(["ada", "ben", "cai", "dot"]);
    expect(file.seats).toBeUndefined();
    expect(unpackBallots(file.ballots!)).toEqual([
      { weight: 2, ranking: [[0], [1, 2]] },
      { weight: 1, ranking: [[1], [0]] },
      { weight: 1, ranking: [[3], [0], [1]] },
    ]);
  });

  it("round-trips through writeElektoCsv", () => {
    const file = readElektoCsv(CSV);
    const again = readElektoCsv(writeElektoCsv(file.candidates, file.ballots!));
    expect(unpackBallots(again.ballots!)).toEqual(unpackBallots(file.ballots!));
  });

  it("names the line and column of a bad rank, and the line of a short row", () => {
    expect(errorOf(() => readElektoCsv("a,b\n1,2\n1,first\n")).message).toMatch(/^line 3: column 2 \(b\): "first"/);
    expect(errorOf(() => readElektoCsv("a,b\n1\n")).message).toMatch(/^line 2: expected 2 fields/);
  });
});

describe("matrix.json", () => {
  it("re-counts by Schulze exactly as the ballots it summarises", () => {
    const file = readBlt(FICTIONAL_BLT);
    const fromBallots = tallySchulze({ candidates: file.candidates, seats: 2, seed: "00", ballots: file.ballots! });
    const text = writeMatrixJson({ seats: 2, candidates: file.candidates, pairwise: fromBallots.pairwise });
    const matrix = readMatrixJson(text);
    expect(
      tallySchulze({ candidates: matrix.candidates, seats: matrix.seats!, seed: "00", pairwise: matrix.pairwise! }),
    ).toEqual(fromBallots);
  });

  it("names the field at fault, or the line of invalid JSON", () => {
    expect(errorOf(() => readMatrixJson('{"seats":1,"candidates":["a","b"],"pairwise":[[0,1],[2]]}')).field).toBe(
      "pairwise[1]",
    );
    expect(errorOf(() => readMatrixJson('{"seats":1,"candidates":["a","b"],"pairwise":[[0,-1],[2,0]]}')).field).toBe(
      "pairwise[0][1]",
    );
    expect(errorOf(() => readMatrixJson('{"seats":0,"candidates":["a"],"pairwise":[[0]]}')).field).toBe("seats");
    expect(errorOf(() => readMatrixJson('{\n"seats": 1,\n"candidates": [,\n}')).line).toBe(3);
  });
});

describe("readBallotFile", () => {
  it("tells the format from the name, then from the content", () => {
    expect(detectBallotFormat("x.blt", "")).toBe("blt");
    expect(detectBallotFormat("ballots.csv", "")).toBe("elekto-csv");
    expect(detectBallotFormat("matrix.json", "")).toBe("matrix-json");
    expect(detectBallotFormat("stdin", "{}")).toBe("matrix-json");
    expect(detectBallotFormat("stdin", "3 1\n")).toBe("blt");
    expect(readBallotFile("ballots", "a,b\n1,2\n").candidates).toEqual(["a", "b"]);
  });
});
