/**
 * Ballot files in and out: BLT, Elekto's ballots.csv and the portal's matrix.json. Pure
 * string-in, data-out; callers read and write the files.
 */
import { readBlt } from "./blt.ts";
import { readElektoCsv } from "./elekto-csv.ts";
import { readMatrixJson } from "./matrix-json.ts";
import type { ElectionFile } from "./types.ts";
import { decodeUtf8 } from "./utf8.ts";

export type { ElectionFile } from "./types.ts";
export type { MatrixFile } from "./matrix-json.ts";
export { BallotFormatError } from "./errors.ts";
export { readBlt, writeBlt } from "./blt.ts";
export { readElektoCsv, writeElektoCsv } from "./elekto-csv.ts";
export { findJsonErrorLine, parseJson, readMatrixJson, writeMatrixJson } from "./matrix-json.ts";

/** Each supported ballot file format, with its reader. */
const READERS = { blt: readBlt, "elekto-csv": readElektoCsv, "matrix-json": readMatrixJson };
export type BallotFileFormat = keyof typeof READERS;

function formatFromName(fileName: string): BallotFileFormat | undefined {
  const lower = fileName.toLowerCase();
  if (lower.endsWith(".blt")) return "blt";
  if (lower.endsWith(".csv")) return "elekto-csv";
  if (lower.endsWith(".json")) return "matrix-json";
  return undefined;
}

/** Tells the format from the file name, falling back to the content (`{` is JSON, a letter CSV). */
export function detectBallotFormat(fileName: string, text: string): BallotFileFormat {
  const byName = formatFromName(fileName);
  if (byName !== undefined) return byName;
  const first = text.trimStart()[0] ?? "";
  if (first === "{") return "matrix-json";
  return /[0-9-]/.test(first) ? "blt" : "elekto-csv";
}

/**
 * Reads a ballot file of any supported format, from its text or its UTF-8 bytes. A `.blt` file's
 * bytes go to the BLT reader undecoded (decoding 100,000 ballot lines into a string cost more than
 * reading them); the other formats are read as text.
 */
export function readBallotFile(fileName: string, input: string | Uint8Array): ElectionFile {
  if (formatFromName(fileName) === "blt") return readBlt(input);
  const text = typeof input === "string" ? input : decodeUtf8(input);
  return READERS[detectBallotFormat(fileName, text)](text);
}
