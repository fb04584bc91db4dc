import { BallotFormatError } from "./errors.ts";
import type { ElectionFile } from "./types.ts";

/**
 * The portal's published `matrix.json`: the pairwise counts of an election whose ballots are
 * withheld, enough for anyone to re-count it by Schulze.
 *
 *     { "title": "...", "seats": 2, "candidates": ["A", "B"], "withdrawn": [],
 *       "pairwise": [[0, 12], [7, 0]] }
 *
 * `pairwise[i][j]` is the number of voters who ranked candidate i above candidate j.
 */
export interface MatrixFile {
  title?: string;
  seats: number;
  candidates: string[];
  withdrawn?: string[];
  pairwise: number[][];
}

/**
 * Where JSON.parse failed: V8 says "at position N" for some errors and only quotes the text around
 * the fault for others ("...snippet..." is not valid JSON), up to 10 characters either side.
 */
export function findJsonErrorLine(text: string, message: string): number | undefined {
  const position = /position (\d+)/.exec(message);
  if (position) return lineAt(text, Number(position[1]));
  const quoted = /"(\.\.\.)?([\s\S]*?)(\.\.\.)?" is not valid JSON/.exec(message);
  if (!quoted || quoted[2] === undefined || quoted[2] === "") return undefined;
  const at = text.indexOf(quoted[2]);
  if (at < 0) return undefined;
  return lineAt(text, at + (quoted[1] ? Math.min(10, quoted[2].length) : 0));
}

/** JSON.parse, or its message and (where it can be found) the line of the fault. */
export function parseJson(text: string): { data: unknown } | { error: string; line?: number } {
  try {
    return { data: JSON.parse(text) };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const line = findJsonErrorLine(text, message);
    return line === undefined ? { error: message } : { error: message, line };
  }
}

function lineAt(text: string, position: number): number {
  let line = 1;
  for (let i = 0; i < position && i < text.length; i++) if (text.charCodeAt(i) === 10) line++;
  return line;
}

/** Reads `matrix.json`; throws {@link BallotFormatError} naming the line (bad JSON) or the field. */
export function readMatrixJson(text: string): ElectionFile {
  const parsed = parseJson(text);
  if ("error" in parsed) throw new BallotFormatError(`not valid JSON (${parsed.error})`, { line: parsed.line });
  const data = parsed.data;
  if (data === null || typeof data !== "object" || Array.isArray(data)) {
    throw new BallotFormatError("must be a JSON object", { field: "matrix.json" });
  }
  const raw = data as Record<string, unknown>;
  const { candidates, seats, pairwise, title, withdrawn } = raw;
  if (
    !Array.isArray(candidates) ||
    candidates.length === 0 ||
    !candidates.every((c) => typeof c === "string" && c !== "")
  ) {
    throw new BallotFormatError("must be a non-empty array of names", { field: "candidates" });
  }
  const names = candidates as string[];
  if (new Set(names).size !== names.length)
    throw new BallotFormatError("names must be unique", { field: "candidates" });
  if (typeof seats !== "number" || !Number.isInteger(seats) || seats < 1) {
    throw new BallotFormatError("must be a whole number, 1 or more", { field: "seats" });
  }
  if (title !== undefined && typeof title !== "string")
    throw new BallotFormatError("must be a string", { field: "title" });
  const withdrawnIndices: number[] = [];
  if (withdrawn !== undefined) {
    if (!Array.isArray(withdrawn))
      throw new BallotFormatError("must be an array of candidate names", { field: "withdrawn" });
    withdrawn.forEach((name, i) => {
      const index = typeof name === "string" ? names.indexOf(name) : -1;
      if (index < 0) throw new BallotFormatError("is not one of the candidates", { field: `withdrawn[${i}]` });
      withdrawnIndices.push(index);
    });
  }
  const n = names.length;
  if (!Array.isArray(pairwise) || pairwise.length !== n) {
    throw new BallotFormatError(`must be an array of ${n} rows`, { field: "pairwise" });
  }
  const d = new Float64Array(n * n);
  pairwise.forEach((row: unknown, i) => {
    if (!Array.isArray(row) || row.length !== n)
      throw new BallotFormatError(`must be an array of ${n} counts`, { field: `pairwise[${i}]` });
    row.forEach((value: unknown, j) => {
      if (typeof value !== "number" || !Number.isFinite(value) || value < 0) {
        throw new BallotFormatError("must be a count, 0 or more", { field: `pairwise[${i}][${j}]` });
      }
      if (i === j && value !== 0)
        throw new BallotFormatError("a candidate is not compared with itself; must be 0", {
          field: `pairwise[${i}][${j}]`,
        });
      d[i * n + j] = value;
    });
  });
  return {
    ...(title === undefined ? {} : { title }),
    candidates: names,
    seats,
    withdrawn: withdrawnIndices,
    pairwise: d,
  };
}

/** Writes `matrix.json` from pairwise counts (`pairwise[i * n + j]` or rows). */
export function writeMatrixJson(matrix: {
  title?: string;
  seats: number;
  candidates: readonly string[];
  withdrawn?: readonly number[];
  pairwise: Float64Array | readonly (readonly number[])[];
}): string {
  const n = matrix.candidates.length;
  const rows: number[][] = [];
  for (let i = 0; i < n; i++) {
    const row: number[] = [];
    for (let j = 0; j < n; j++) {
      const p = matrix.pairwise;
      row.push(p instanceof Float64Array ? (p[i * n + j] ?? 0) : (p[i]?.[j] ?? 0));
    }
    rows.push(row);
  }
  const file: MatrixFile = {
    ...(matrix.title === undefined ? {} : { title: matrix.title }),
    seats: matrix.seats,
    candidates: [...matrix.candidates],
    withdrawn: (matrix.withdrawn ?? []).map((c) => matrix.candidates[c] ?? ""),
    pairwise: rows,
  };
  return `${JSON.stringify(file, null, 2)}\n`;
}
