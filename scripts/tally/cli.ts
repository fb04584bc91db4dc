/**
 * `npm run tally -- <file.blt|ballots.csv|matrix.json> [--method schulze|stv|meek] [--seats N]
 * [--rules rules.json] [--tiebreak lot|input-order] [--tiebreak-seed <hex>] [--json]`: re-counts an election from its published
 * files. Runs as compiled JavaScript (`npm run prepare`); imports only the pure tally modules.
 * Exit codes: 0 counted, 2 malformed input or usage, 1 anything unexpected.
 */
import { readFileSync } from "node:fs";
import { basename } from "node:path";
import { BallotFormatError, parseJson, readBallotFile } from "../../lib/elections/ballot-formats/index.ts";
import {
  TALLY_METHODS,
  TIE_BREAKS,
  TallyInputError,
  hashSha256,
  isHexSeed,
  outcomeToJson,
  tallyElection,
  validateRules,
  type Outcome,
  type Rules,
  type TallyMethod,
  type TieBreak,
} from "../../lib/elections/tally/index.ts";

const USAGE =
  "usage: npm run tally -- <file.blt|ballots.csv|matrix.json> [--method schulze|stv|meek] [--seats N] [--rules rules.json] [--tiebreak lot|input-order] [--tiebreak-seed <hex>] [--json]";

/** Input the user can fix; reported on stderr with exit code 2. */
class UsageError extends Error {}

interface CliOptions {
  file: string;
  method: TallyMethod;
  seats?: number;
  rules?: string;
  seed?: string;
  tiebreak: TieBreak;
  json: boolean;
}

function parseArgs(argv: readonly string[]): CliOptions {
  let file: string | undefined;
  let method: TallyMethod = "schulze";
  let seats: number | undefined;
  let rules: string | undefined;
  let seed: string | undefined;
  let tiebreak: TieBreak = "lot";
  let json = false;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    const [flag, inline] =
      arg.startsWith("--") && arg.includes("=")
        ? [arg.slice(0, arg.indexOf("=")), arg.slice(arg.indexOf("=") + 1)]
        : [arg, undefined];
    const value = (): string => {
      const v = inline ?? argv[++i];
      if (v === undefined) throw new UsageError(`${flag} needs a value`);
      return v;
    };
    /** The flag's value, refused unless `ok`: the message names the flag, what it must be and what came. */
    const checked = (ok: (v: string) => boolean, mustBe: string): string => {
      const v = value();
      if (!ok(v)) throw new UsageError(`${flag} must be ${mustBe}, not "${v}"`);
      return v;
    };
    const oneOf = <T extends string>(choices: readonly T[]): T =>
      checked((v) => (choices as readonly string[]).includes(v), `one of ${choices.join(", ")}`) as T;
    switch (flag) {
      case "--json":
        json = true;
        break;
      case "--method":
        method = oneOf(TALLY_METHODS);
        break;
      case "--seats":
        seats = Number(checked((s) => /^\d+$/.test(s) && Number(s) >= 1, "a whole number, 1 or more"));
        break;
      case "--rules":
        rules = value();
        break;
      case "--tiebreak":
        tiebreak = oneOf(TIE_BREAKS);
        break;
      case "--tiebreak-seed":
        seed = checked(isHexSeed, "hex (an even number of 0-9a-f digits)").toLowerCase();
        break;
      case "-h":
      case "--help":
        process.stdout.write(`${USAGE}\n`);
        process.exit(0);
        break;
      default:
        if (arg.startsWith("-")) throw new UsageError(`unknown option ${arg}`);
        if (file !== undefined) throw new UsageError(`one ballot file only (got "${file}" and "${arg}")`);
        file = arg;
    }
  }
  if (file === undefined) throw new UsageError("name a ballot file");
  return {
    file,
    method,
    tiebreak,
    json,
    ...(seats === undefined ? {} : { seats }),
    ...(rules === undefined ? {} : { rules }),
    ...(seed === undefined ? {} : { seed }),
  };
}

function readInput(path: string): Buffer {
  try {
    return readFileSync(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new UsageError(`cannot read ${path}${code ? ` (${code})` : ""}`);
  }
}

function readRules(path: string, candidates: readonly string[]): Rules {
  const text = readInput(path).toString("utf8");
  const parsed = parseJson(text);
  if ("error" in parsed) {
    const at = parsed.line === undefined ? "" : `line ${parsed.line}: `;
    throw new UsageError(`${basename(path)}: ${at}not valid JSON (${parsed.error})`);
  }
  try {
    return validateRules(parsed.data, candidates);
  } catch (error) {
    if (error instanceof TallyInputError) throw new UsageError(`${basename(path)}: ${error.message}`);
    throw error;
  }
}

function toText(outcome: Outcome, tiebreak: TieBreak): string {
  const lines = outcome.winners.map((name, i) => `${i + 1}. ${name}`);
  if (outcome.winners.length < outcome.seats)
    lines.push(`(${outcome.seats - outcome.winners.length} seat(s) left unfilled)`);
  for (const e of outcome.excluded) lines.push(`excluded: ${e.name} (${e.reason})`);
  for (const t of outcome.ties)
    lines.push(
      `${tiebreak === "lot" ? "lot" : "tie by input order"}${t.stage === undefined ? "" : ` at stage ${t.stage}`}: ${t.names.join(", ")} -> ${t.order.join(", ")}`,
    );
  for (const u of outcome.unmet) lines.push(`unmet minimum: ${u.region} needs ${u.missing} more`);
  return `${lines.join("\n")}\n`;
}

function main(argv: readonly string[]): number {
  const options = parseArgs(argv);
  const bytes = readInput(options.file);
  // The lot's default seed is the file's own hash, so re-counting a published file redraws the same lots.
  const seed = options.seed ?? hashSha256(bytes);
  const name = basename(options.file);
  let election;
  try {
    election = readBallotFile(name, bytes);
  } catch (error) {
    if (error instanceof BallotFormatError) throw new UsageError(`${name}: ${error.message}`);
    throw error;
  }
  const seats = options.seats ?? election.seats;
  if (seats === undefined) throw new UsageError(`${name} does not say how many seats there are; pass --seats N`);
  const rules = options.rules === undefined ? undefined : readRules(options.rules, election.candidates);
  let outcome: Outcome;
  try {
    outcome = tallyElection(options.method, {
      candidates: election.candidates,
      seats,
      withdrawn: election.withdrawn,
      seed,
      tiebreak: options.tiebreak,
      ...(rules === undefined ? {} : { rules }),
      ...(election.ballots === undefined ? {} : { ballots: election.ballots }),
      ...(election.pairwise === undefined ? {} : { pairwise: election.pairwise }),
    });
  } catch (error) {
    if (error instanceof TallyInputError) throw new UsageError(`${name}: ${error.message}`);
    throw error;
  }
  process.stdout.write(
    options.json
      ? `${JSON.stringify(outcomeToJson(outcome, { seed, tiebreak: options.tiebreak, ...(election.title ? { title: election.title } : {}) }))}\n`
      : toText(outcome, options.tiebreak),
  );
  return 0;
}

try {
  process.exitCode = main(process.argv.slice(2));
} catch (error) {
  if (error instanceof UsageError) {
    process.stderr.write(`tally: ${error.message}\n`);
    if (/needs a value|unknown option|name a ballot file|one ballot file/.test(error.message))
      process.stderr.write(`${USAGE}\n`);
    process.exitCode = 2;
  } else {
    process.stderr.write(
      `tally: unexpected error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
    );
    process.exitCode = 1;
  }
}
