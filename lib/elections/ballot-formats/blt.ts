import { candidateArray, mergeIdenticalBallots, unpackBallot } from "../tally/ballots.ts";
import type { PackedBallots } from "../tally/types.ts";
import { BallotFormatError } from "./errors.ts";
import type { ElectionFile } from "./types.ts";
import { decodeUtf8 as decode } from "./utf8.ts";

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
const LF = 10;
const CR = 13;
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

/** Throws the error for `line`; kept out of the hot loop so the loop stays small to compile. */
function fail(message: string, line: number): never {
  throw new BallotFormatError(message, { line });
}

/**
 * The hot loop: ballot lines from `start` up to the `0` line, scanned as UTF-8 bytes (every
 * character that means something in a ballot line is ASCII, so only error messages decode) into
 * typed arrays sized from the byte count, with every variable local (closures would put them in
 * slower context slots) and no calls but the builtin line scan and the errors'. A whole process runs
 * this loop once, much of it before the optimiser has compiled it, so the less code it is the
 * sooner it runs fast, and a path first taken after compilation (an array growing, say) costs a
 * recompilation.
 */
function parseBallotLines(
  bytes: Uint8Array,
  start: number,
  firstLine: number,
  n: number,
): { ballots: PackedBallots; pos: number; lineNo: number } {
  const length = bytes.length;
  // No ballot line is shorter than "1 0" and its line break, and each ranked candidate takes a
  // digit and a separator, so these never overflow. Pages never written cost address space only.
  const maxBallots = Math.floor((length - start) / 4) + 1;
  const maxEntries = Math.min(maxBallots * n, Math.floor((length - start) / 2) + 1);
  const weights = new Float64Array(maxBallots);
  const offsets = new Uint32Array(maxBallots + 1);
  const lines = new Int32Array(maxBallots);
  const entries = candidateArray(n, maxEntries);
  const levels = candidateArray(n, maxEntries);
  const seen = new Int32Array(n + 1);
  let count = 0;
  let size = 0;
  let pos = start;
  let lineNo = firstLine;
  while (pos < length) {
    let end = bytes.indexOf(LF, pos); // a builtin scan, several times faster than a loop here
    if (end < 0) end = length;
    const next = end + 1;
    lineNo++;
    if (end > pos && bytes[end - 1] === CR) end--;
    let k = pos;
    pos = next;
    while (k < end && (bytes[k] === SPACE || bytes[k] === TAB)) k++;
    if (k === end) continue;
    // The weight: digits, optionally with a decimal fraction.
    let weight = 0;
    let scale = 0;
    const weightStart = k;
    for (; k < end; k++) {
      const code = bytes[k]!;
      if (code >= ZERO && code <= NINE) {
        if (scale === 0) weight = weight * 10 + code - ZERO;
        else {
          weight += (code - ZERO) / scale;
          scale *= 10;
        }
      } else if (code === DOT && scale === 0 && k > weightStart) scale = 10;
      else break;
    }
    if (k === weightStart || (k < end && bytes[k] !== SPACE && bytes[k] !== TAB) || scale === 10) {
      let stop = k;
      while (stop < end && bytes[stop] !== SPACE && bytes[stop] !== TAB) stop++;
      fail(`expected a ballot weight, found "${decode(bytes, weightStart, stop)}"`, lineNo);
    }
    if (scale > 0) weight = Number(decode(bytes, weightStart, k)); // exact decimal parse for fractions
    let ranked = 0;
    let level = 0;
    let joinNext = false;
    let closed = false;
    const stamp = count + 1; // marks this line's candidates in `seen`
    while (k < end) {
      const code = bytes[k++]!;
      if (code === SPACE || code === TAB) continue;
      if (closed) fail("text after the closing 0 of the ballot", lineNo);
      // `x >>> 0 > 9` is "not a digit" in one comparison (below "0" wraps to a large number).
      let number = code - ZERO;
      if (number >>> 0 > 9) {
        if (code !== EQUALS) {
          // The character as the text reads it: the first UTF-16 unit of the rest of the line.
          fail(
            `unexpected "${decode(bytes, k - 1, end)[0]}" in a ballot; expected candidate numbers, "=" or the closing 0`,
            lineNo,
          );
        }
        if (ranked === 0 || joinNext) fail('"=" must stand between two candidate numbers', lineNo);
        joinNext = true;
        continue;
      }
      for (; k < end; k++) {
        const digit = bytes[k]! - ZERO;
        if (digit >>> 0 > 9) break;
        number = number * 10 + digit;
      }
      if (number === 0) {
        if (joinNext) fail('"=" must stand between two candidate numbers', lineNo);
        closed = true;
        continue;
      }
      if (number > n) fail(`candidate ${number} does not exist (there are ${n})`, lineNo);
      if (seen[number] === stamp) fail(`candidate ${number} appears twice in one ballot`, lineNo);
      seen[number] = stamp;
      if (ranked > 0 && !joinNext) level++;
      entries[size + ranked] = number - 1;
      levels[size + ranked] = level;
      ranked++;
      joinNext = false;
    }
    if (ranked === 0 && !closed && weight === 0 && scale === 0) {
      // the "0" line
      const raw = { count, weights, offsets, entries, levels, lines };
      return { ballots: mergeIdenticalBallots(raw), pos, lineNo };
    }
    if (!closed) fail("a ballot must end with 0", lineNo);
    weights[count] = weight;
    lines[count] = lineNo;
    size += ranked;
    count++;
    offsets[count] = size;
  }
  return fail("missing the 0 line that ends the ballots", Math.max(1, lineNo));
}

/**
 * Reads a BLT file, as text or as its UTF-8 bytes (the CLI passes the bytes it hashed, so the
 * 100,000 ballot lines are never decoded into a string). Identical ballots are merged (weights
 * added) so each distinct ballot is counted once. Ballot lines are scanned byte by byte without
 * splitting the text, since a re-count of 100,000 ballots should take well under a second as a
 * whole process. Throws {@link BallotFormatError} naming the line at fault.
 */
export function readBlt(input: string | Uint8Array): ElectionFile {
  const bytes = typeof input === "string" ? new TextEncoder().encode(input) : input;
  const length = bytes.length;
  // A UTF-8 byte-order mark (U+FEFF) before the first line.
  let pos = length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
  let lineNo = 0;
  /** Advances to the next line; returns its [start, end) without the line break. */
  const nextLine = (): [number, number] | undefined => {
    if (pos >= length) return undefined;
    const start = pos;
    let end = bytes.indexOf(LF, pos);
    if (end < 0) end = length;
    pos = end + 1;
    lineNo++;
    return [start, end > start && bytes[end - 1] === CR ? end - 1 : end];
  };
  const nextNonBlank = (): string | undefined => {
    for (let range = nextLine(); range; range = nextLine()) {
      const line = decode(bytes, range[0], range[1]);
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
  const parsed = parseBallotLines(bytes, pos, lineNo, n);
  pos = parsed.pos;
  lineNo = parsed.lineNo;

  const afterBallots = lineNo;
  const lines = decode(bytes, Math.min(pos, length), length)
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
  return { ...(title === undefined ? {} : { title }), candidates, seats, withdrawn, ballots: parsed.ballots };
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
