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
const DOT = 46;
const ZERO = 48;
const NINE = 57;

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
      if (ch !== '"')
        throw new BallotFormatError(`expected a quoted name or title, found "${line.slice(i)}"`, { line: l + 1 });
      const close = line.indexOf('"', i + 1);
      if (close < 0) throw new BallotFormatError("unterminated quoted string", { line: l + 1 });
      found.push({ text: line.slice(i + 1, close), line: l + 1 });
      i = close + 1;
    }
  }
  return found;
}

/**
 * The hot loop: ballot lines from `start` up to the `0` line, scanned by character code with
 * every variable local (closures would put them in slower context slots).
 */
function parseBallotLines(
  source: string,
  start: number,
  firstLine: number,
  n: number,
): { packer: BallotPacker; pos: number; lineNo: number } {
  const packer = new BallotPacker();
  const length = source.length;
  const seen = new Int32Array(n + 1);
  const entries = new Int32Array(n);
  const levels = new Int32Array(n);
  let stamp = 0;
  let pos = start;
  let lineNo = firstLine;
  while (pos < length) {
    let end = source.indexOf("\n", pos);
    if (end < 0) end = length;
    const next = end + 1;
    lineNo++;
    if (end > pos && source.charCodeAt(end - 1) === 13) end--;
    let k = pos;
    pos = next;
    while (k < end && (source.charCodeAt(k) === SPACE || source.charCodeAt(k) === TAB)) k++;
    if (k === end) continue;
    // The weight: digits, optionally with a decimal fraction.
    let weight = 0;
    let scale = 0;
    const weightStart = k;
    for (; k < end; k++) {
      const code = source.charCodeAt(k);
      if (code >= ZERO && code <= NINE) {
        if (scale === 0) weight = weight * 10 + code - ZERO;
        else {
          weight += (code - ZERO) / scale;
          scale *= 10;
        }
      } else if (code === DOT && scale === 0 && k > weightStart) scale = 10;
      else break;
    }
    if (
      k === weightStart ||
      (k < end && source.charCodeAt(k) !== SPACE && source.charCodeAt(k) !== TAB) ||
      scale === 10
    ) {
      let stop = k;
      while (stop < end && source.charCodeAt(stop) !== SPACE && source.charCodeAt(stop) !== TAB) stop++;
      throw new BallotFormatError(`expected a ballot weight, found "${source.slice(weightStart, stop)}"`, {
        line: lineNo,
      });
    }
    if (scale > 0) weight = Number(source.slice(weightStart, k)); // exact decimal parse for fractions
    let count = 0;
    let level = 0;
    let joinNext = false;
    let closed = false;
    stamp++;
    while (k < end) {
      const code = source.charCodeAt(k);
      if (code === SPACE || code === TAB) {
        k++;
        continue;
      }
      if (closed) throw new BallotFormatError("text after the closing 0 of the ballot", { line: lineNo });
      if (code === EQUALS) {
        if (count === 0 || joinNext)
          throw new BallotFormatError('"=" must stand between two candidate numbers', { line: lineNo });
        joinNext = true;
        k++;
        continue;
      }
      if (code < ZERO || code > NINE) {
        throw new BallotFormatError(
          `unexpected "${source[k]}" in a ballot; expected candidate numbers, "=" or the closing 0`,
          { line: lineNo },
        );
      }
      let number = 0;
      for (let digit = code; k < end && digit >= ZERO && digit <= NINE; digit = source.charCodeAt(++k)) {
        number = number * 10 + digit - ZERO;
      }
      if (number === 0) {
        if (joinNext) throw new BallotFormatError('"=" must stand between two candidate numbers', { line: lineNo });
        closed = true;
        continue;
      }
      if (number > n)
        throw new BallotFormatError(`candidate ${number} does not exist (there are ${n})`, { line: lineNo });
      if (seen[number] === stamp)
        throw new BallotFormatError(`candidate ${number} appears twice in one ballot`, { line: lineNo });
      seen[number] = stamp;
      if (count > 0 && !joinNext) level++;
      entries[count] = number - 1;
      levels[count] = level;
      count++;
      joinNext = false;
    }
    if (count === 0 && !closed && weight === 0 && scale === 0) return { packer, pos, lineNo }; // the "0" line
    if (!closed) throw new BallotFormatError("a ballot must end with 0", { line: lineNo });
    packer.add(weight, lineNo, entries, levels, count);
  }
  throw new BallotFormatError("missing the 0 line that ends the ballots", { line: Math.max(1, lineNo) });
}

/**
 * Reads a BLT file. Identical ballots are merged (weights added) so each distinct ballot is
 * counted once. Ballot lines are scanned character by character without splitting the text,
 * since a re-count of 100,000 ballots should take well under a second as a whole process.
 * Throws {@link BallotFormatError} naming the line at fault.
 */
export function readBlt(text: string): ElectionFile {
  const source = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const length = source.length;
  let pos = 0;
  let lineNo = 0;
  /** Advances to the next line; returns its [start, end) without the line break. */
  const nextLine = (): [number, number] | undefined => {
    if (pos >= length) return undefined;
    const start = pos;
    let end = source.indexOf("\n", pos);
    if (end < 0) end = length;
    pos = end + 1;
    lineNo++;
    return [start, end > start && source.charCodeAt(end - 1) === 13 ? end - 1 : end];
  };
  const nextNonBlank = (): string | undefined => {
    for (let range = nextLine(); range; range = nextLine()) {
      const line = source.slice(range[0], range[1]);
      if (line.trim() !== "") return line;
    }
    return undefined;
  };

  const first = nextNonBlank();
  if (first === undefined) throw new BallotFormatError("empty file; expected `candidates seats`", { line: 1 });
  const header = parseWholeNumbers(first, lineNo, "`candidates seats`");
  const [n, seats] = header;
  if (header.length !== 2 || n === undefined || seats === undefined || n < 1 || seats < 1) {
    throw new BallotFormatError("the first line must be `candidates seats`, both 1 or more", { line: lineNo });
  }

  const withdrawn: number[] = [];
  // A withdrawn line may come first: negative numbers.
  const mark = pos;
  const markLine = lineNo;
  const next = nextNonBlank();
  if (next !== undefined && next.trim().startsWith("-")) {
    for (const value of parseWholeNumbers(next, lineNo, "a withdrawn candidate (negative number)")) {
      if (value >= 0 || -value > n) {
        throw new BallotFormatError(`withdrawn candidates are written -1 .. -${n}, found ${value}`, { line: lineNo });
      }
      if (!withdrawn.includes(-value - 1)) withdrawn.push(-value - 1);
    }
  } else {
    pos = mark;
    lineNo = markLine;
  }
  const parsed = parseBallotLines(source, pos, lineNo, n);
  pos = parsed.pos;
  lineNo = parsed.lineNo;
  const packer = parsed.packer;

  const afterBallots = lineNo;
  const lines = source
    .slice(Math.min(pos, length))
    .split("\n")
    .map((line) => line.replace(/\r$/, ""));
  const quoted = readQuoted(lines, 0).map((q) => ({ text: q.text, line: q.line + afterBallots }));
  if (quoted.length < n) {
    throw new BallotFormatError(`expected ${n} quoted candidate names, found ${quoted.length}`, {
      line: quoted.length > 0 ? quoted[quoted.length - 1]!.line + 1 : afterBallots + 1,
    });
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
  if (election.withdrawn && election.withdrawn.length > 0)
    out.push(election.withdrawn.map((c) => `-${c + 1}`).join(" "));
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
