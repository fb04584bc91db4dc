import { BallotPacker, unpackBallot } from "../tally/ballots.ts";
import type { PackedBallots } from "../tally/types.ts";
import { BallotFormatError } from "./errors.ts";
import type { ElectionFile } from "./types.ts";

/**
 * The BLT ballot format (as written by OpenSTV, droop and Electionbuddy):
 *
 *     4 2              candidates seats
 *     -3               optional: withdrawn candidates, as negative numbers
 *     12 1 2=3 0       weight, then candidates by number in preference order, `=` joins equal ranks, 0 ends
 *     0                end of ballots
 *     "Alice"          one quoted name per candidate, in number order
 *     "Example"        quoted title
 */

const SPACE = 32;
const TAB = 9;
const EQUALS = 61;
const ZERO = 48;
const NINE = 57;

/** Splits text into lines (LF or CRLF), keeping 1-based numbering. */
function splitLines(text: string): string[] {
  const lines = text.split("\n");
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (line.endsWith("\r")) lines[i] = line.slice(0, -1);
  }
  return lines;
}

function parseWholeNumbers(line: string, lineNo: number, what: string): number[] {
  const tokens = line.trim().split(/\s+/);
  return tokens.map((token) => {
    if (!/^-?\d+$/.test(token)) throw new BallotFormatError(`expected ${what}, found "${token}"`, { line: lineNo });
    return Number(token);
  });
}

/** Reads quoted strings from the lines after the ballots: names, then the title. */
function readQuoted(lines: readonly string[], from: number): { text: string; line: number }[] {
  const found: { text: string; line: number }[] = [];
  for (let l = from; l < lines.length; l++) {
    const line = lines[l]!;
    let i = 0;
    while (i < line.length) {
      const ch = line[i]!;
      if (ch === " " || ch === "\t") {
        i++;
        continue;
      }
      if (ch === "#") break;
      if (ch !== '"') throw new BallotFormatError(`expected a quoted name or title, found "${line.slice(i)}"`, { line: l + 1 });
      const close = line.indexOf('"', i + 1);
      if (close < 0) throw new BallotFormatError("unterminated quoted string", { line: l + 1 });
      found.push({ text: line.slice(i + 1, close), line: l + 1 });
      i = close + 1;
    }
  }
  return found;
}

/**
 * Reads a BLT file. Identical ballot lines are merged (weights added) so each distinct ballot is
 * parsed and counted once. Throws {@link BallotFormatError} naming the line at fault.
 */
export function readBlt(text: string): ElectionFile {
  const lines = splitLines(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  let l = 0;
  const skipBlank = (): void => {
    while (l < lines.length && lines[l]!.trim() === "") l++;
  };
  skipBlank();
  if (l >= lines.length) throw new BallotFormatError("empty file; expected `candidates seats`", { line: 1 });
  const header = parseWholeNumbers(lines[l]!, l + 1, "`candidates seats`");
  const [n, seats] = header;
  if (header.length !== 2 || n === undefined || seats === undefined || n < 1 || seats < 1) {
    throw new BallotFormatError("the first line must be `candidates seats`, both 1 or more", { line: l + 1 });
  }
  l++;
  skipBlank();
  const withdrawn: number[] = [];
  if (l < lines.length && lines[l]!.trim().startsWith("-")) {
    for (const value of parseWholeNumbers(lines[l]!, l + 1, "a withdrawn candidate (negative number)")) {
      if (value >= 0 || -value > n) {
        throw new BallotFormatError(`withdrawn candidates are written -1 .. -${n}, found ${value}`, { line: l + 1 });
      }
      if (!withdrawn.includes(-value - 1)) withdrawn.push(-value - 1);
    }
    l++;
  }

  const packer = new BallotPacker();
  const seen = new Int32Array(n + 1);
  let stamp = 0;
  let ended = false;
  for (; l < lines.length; l++) {
    const line = lines[l]!;
    const lineNo = l + 1;
    // The weight is the first token; the rest of the line is the ballot and the merge key.
    let i = 0;
    while (i < line.length && (line.charCodeAt(i) === SPACE || line.charCodeAt(i) === TAB)) i++;
    if (i === line.length) continue;
    let j = i;
    while (j < line.length && line.charCodeAt(j) !== SPACE && line.charCodeAt(j) !== TAB) j++;
    const weightText = line.slice(i, j);
    const rest = line.slice(j).trim();
    if (weightText === "0" && rest === "") {
      ended = true;
      l++;
      break;
    }
    const weight = Number(weightText);
    if (!/^\d+(\.\d+)?$/.test(weightText) || !Number.isFinite(weight)) {
      throw new BallotFormatError(`expected a ballot weight, found "${weightText}"`, { line: lineNo });
    }
    if (packer.addToExisting(rest, weight)) continue;
    packer.open(weight, lineNo, rest);
    stamp++;
    let level = 0;
    let placed = false;
    let joinNext = false;
    let closed = false;
    let k = 0;
    while (k < rest.length) {
      const code = rest.charCodeAt(k);
      if (code === SPACE || code === TAB) {
        k++;
        continue;
      }
      if (closed) throw new BallotFormatError("text after the closing 0 of the ballot", { line: lineNo });
      if (code === EQUALS) {
        if (!placed || joinNext) throw new BallotFormatError('"=" must stand between two candidate numbers', { line: lineNo });
        joinNext = true;
        k++;
        continue;
      }
      if (code < ZERO || code > NINE) {
        throw new BallotFormatError(`unexpected "${rest[k]}" in a ballot; expected candidate numbers, "=" or the closing 0`, { line: lineNo });
      }
      let number = 0;
      while (k < rest.length && rest.charCodeAt(k) >= ZERO && rest.charCodeAt(k) <= NINE) {
        number = number * 10 + rest.charCodeAt(k) - ZERO;
        k++;
      }
      if (number === 0) {
        if (joinNext) throw new BallotFormatError('"=" must stand between two candidate numbers', { line: lineNo });
        closed = true;
        continue;
      }
      if (number > n) throw new BallotFormatError(`candidate ${number} does not exist (there are ${n})`, { line: lineNo });
      if (seen[number] === stamp) throw new BallotFormatError(`candidate ${number} appears twice in one ballot`, { line: lineNo });
      seen[number] = stamp;
      if (placed && !joinNext) level++;
      packer.push(number - 1, level);
      placed = true;
      joinNext = false;
    }
    if (!closed) throw new BallotFormatError("a ballot must end with 0", { line: lineNo });
    packer.close();
  }
  if (!ended) throw new BallotFormatError("missing the 0 line that ends the ballots", { line: lines.length });

  const quoted = readQuoted(lines, l);
  if (quoted.length < n) {
    throw new BallotFormatError(`expected ${n} quoted candidate names, found ${quoted.length}`, { line: Math.min(lines.length, l + quoted.length + 1) });
  }
  if (quoted.length > n + 1) {
    throw new BallotFormatError("unexpected text after the title", { line: quoted[n + 1]!.line });
  }
  const candidates = quoted.slice(0, n).map((q) => q.text);
  const names = new Set<string>();
  quoted.slice(0, n).forEach((q) => {
    if (q.text.trim() === "") throw new BallotFormatError("empty candidate name", { line: q.line });
    if (names.has(q.text)) throw new BallotFormatError(`candidate name "${q.text}" appears twice`, { line: q.line });
    names.add(q.text);
  });
  const title = quoted[n]?.text;
  return { ...(title === undefined ? {} : { title }), candidates, seats, withdrawn, ballots: packer.finish() };
}

function quote(text: string, what: string): string {
  if (/["\r\n]/.test(text)) throw new Error(`${what} cannot be written to BLT: it contains a quote or a line break`);
  return `"${text}"`;
}

/** Writes a BLT file; equal ranks are written with "=". */
export function writeBlt(election: {
  title?: string;
  candidates: readonly string[];
  seats: number;
  withdrawn?: readonly number[];
  ballots: PackedBallots;
}): string {
  const out: string[] = [`${election.candidates.length} ${election.seats}`];
  if (election.withdrawn && election.withdrawn.length > 0) out.push(election.withdrawn.map((c) => `-${c + 1}`).join(" "));
  for (let b = 0; b < election.ballots.count; b++) {
    const { weight, ranking } = unpackBallot(election.ballots, b);
    const levels = ranking.map((level) => level.map((c) => c + 1).join("="));
    out.push([String(weight), ...levels, "0"].join(" "));
  }
  out.push("0");
  election.candidates.forEach((name, i) => out.push(quote(name, `candidate ${i + 1}`)));
  out.push(quote(election.title ?? "", "the title"));
  return `${out.join("\n")}\n`;
}
