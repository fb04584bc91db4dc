import { BallotPacker, unpackBallot } from "../tally/ballots.ts";
import type { PackedBallots } from "../tally/types.ts";
import { BallotFormatError } from "./errors.ts";
import type { ElectionFile } from "./types.ts";

/**
 * Elekto's published ballot export (`ballots.csv`, elekto-io/elekto): a header of candidate ids,
 * then one row per ballot giving each candidate's rank, 1 best; equal numbers are equal ranks; gaps
 * are allowed since only the order matters; `No opinion` leaves the candidate unranked.
 */

const NO_OPINION = "no opinion";

/** Splits one CSV record (RFC 4180 quoting; Elekto's ids and ranks need none, but tolerate it). */
function splitCsvLine(line: string, lineNo: number): string[] {
  if (!line.includes('"')) return line.split(",");
  const fields: string[] = [];
  let i = 0;
  for (;;) {
    if (line[i] === '"') {
      let value = "";
      i++;
      for (;;) {
        const close = line.indexOf('"', i);
        if (close < 0) throw new BallotFormatError("unterminated quoted field", { line: lineNo });
        value += line.slice(i, close);
        if (line[close + 1] === '"') {
          value += '"';
          i = close + 2;
        } else {
          i = close + 1;
          break;
        }
      }
      fields.push(value);
    } else {
      const comma = line.indexOf(",", i);
      fields.push(line.slice(i, comma < 0 ? line.length : comma));
      i = comma < 0 ? line.length : comma;
    }
    if (i >= line.length) return fields;
    if (line[i] !== ",") throw new BallotFormatError("expected a comma after a quoted field", { line: lineNo });
    i++;
  }
}

/**
 * Reads Elekto's `ballots.csv`. Identical rows are merged. The file does not say how many seats
 * there are (that is `no_winners` in `election.yaml`). Throws {@link BallotFormatError} naming the
 * line and column at fault.
 */
export function readElektoCsv(text: string): ElectionFile {
  const lines = (text.charCodeAt(0) === 0xfeff ? text.slice(1) : text).split("\n");
  const header = (lines[0] ?? "").replace(/\r$/, "");
  if (header.trim() === "") throw new BallotFormatError("empty file; expected a header of candidate ids", { line: 1 });
  const candidates = splitCsvLine(header, 1).map((id) => id.trim());
  const n = candidates.length;
  const seenNames = new Set<string>();
  candidates.forEach((id, i) => {
    if (id === "") throw new BallotFormatError(`column ${i + 1}: empty candidate id`, { line: 1 });
    if (seenNames.has(id))
      throw new BallotFormatError(`column ${i + 1}: candidate id "${id}" appears twice`, { line: 1 });
    seenNames.add(id);
  });
  const packer = new BallotPacker();
  const ranks = new Float64Array(n);
  const order = new Int32Array(n);
  for (let l = 1; l < lines.length; l++) {
    const line = lines[l]!.replace(/\r$/, "");
    const lineNo = l + 1;
    if (line.trim() === "") continue;
    const fields = splitCsvLine(line, lineNo);
    if (fields.length !== n) {
      throw new BallotFormatError(`expected ${n} fields (one per candidate), found ${fields.length}`, { line: lineNo });
    }
    let ranked = 0;
    for (let c = 0; c < n; c++) {
      const field = fields[c]!.trim();
      if (field.toLowerCase() === NO_OPINION || field === "") {
        ranks[c] = Number.NaN;
        continue;
      }
      if (!/^\d+$/.test(field)) {
        throw new BallotFormatError(
          `column ${c + 1} (${candidates[c]}): "${field}" is neither a rank nor "No opinion"`,
          { line: lineNo },
        );
      }
      ranks[c] = Number(field);
      order[ranked++] = c;
    }
    const sorted = Array.from(order.subarray(0, ranked)).sort((a, b) => ranks[a]! - ranks[b]! || a - b);
    packer.open(1, lineNo);
    let level = 0;
    sorted.forEach((c, i) => {
      if (i > 0 && ranks[c] !== ranks[sorted[i - 1]!]) level++;
      packer.push(c, level);
    });
    packer.close();
  }
  return { candidates, withdrawn: [], ballots: packer.finish() };
}

/**
 * Writes ballots as Elekto's export: ranks 1, 2, ... by preference level (equal levels share a
 * rank), `No opinion` for unranked candidates, one row per ballot paper.
 */
export function writeElektoCsv(candidates: readonly string[], ballots: PackedBallots): string {
  const rows = [candidates.join(",")];
  for (let b = 0; b < ballots.count; b++) {
    const { weight, ranking } = unpackBallot(ballots, b);
    const cells = candidates.map(() => "No opinion");
    ranking.forEach((level, l) => {
      for (const c of level) cells[c] = String(l + 1);
    });
    const row = cells.join(",");
    for (let k = 0; k < weight; k++) rows.push(row);
  }
  return `${rows.join("\n")}\n`;
}
