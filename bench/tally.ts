/**
 * `npm run bench:tally`: times the tally CLI as a whole process (start-up, reading, hashing,
 * parsing, counting, printing) on synthetic ballots, 10,000 and 100,000 voters x 30 candidates,
 * by Schulze and Scottish STV, both as `node dist/...` and through `npm run -s tally`.
 * Goal (issue 6): 100,000 x 30 by Schulze under 0.5 s without npm; STV within a few seconds.
 */
import { execFileSync, spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { generateBlt } from "./generate-ballots.ts";

const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const CANDIDATES = 30;
const SEATS = 5;
const SIZES = [10_000, 100_000];
const METHODS = ["schulze", "stv"] as const;

function timeCommand(command: string, args: readonly string[]): number {
  const times: number[] = [];
  for (let run = 0; run < RUNS; run++) {
    const start = process.hrtime.bigint();
    const result = spawnSync(command, args, { stdio: ["ignore", "ignore", "pipe"], encoding: "utf8" });
    const elapsed = Number(process.hrtime.bigint() - start) / 1e9;
    if (result.status !== 0) throw new Error(`${command} ${args.join(" ")} failed: ${result.stderr}`);
    times.push(elapsed);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)] ?? Number.NaN;
}

function main(): void {
  execFileSync("npx", ["tsc", "-p", "scripts/tally/tsconfig.json"], { stdio: "inherit" });
  const dir = mkdtempSync(join(tmpdir(), "tally-bench-"));
  try {
    const rows: string[][] = [];
    for (const voters of SIZES) {
      const file = join(dir, `synthetic-${voters}.blt`);
      writeFileSync(file, generateBlt(voters, CANDIDATES, SEATS));
      const size = `${(statSync(file).size / 1e6).toFixed(1)} MB`;
      for (const method of METHODS) {
        const args = [file, "--method", method, "--json"];
        const direct = timeCommand("node", ["dist/tally/scripts/tally/cli.js", ...args]);
        const viaNpm = timeCommand("npm", ["run", "-s", "tally", "--", ...args]);
        rows.push([
          voters.toLocaleString("en-US"),
          String(CANDIDATES),
          size,
          method,
          `${direct.toFixed(3)} s`,
          `${viaNpm.toFixed(3)} s`,
        ]);
      }
    }
    const header = ["ballots", "candidates", "file", "method", "node dist/... (whole process)", "npm run -s tally"];
    const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? "").length)));
    const line = (cells: readonly string[]): string =>
      `| ${cells.map((c, i) => c.padEnd(widths[i] ?? 0)).join(" | ")} |`;
    console.log(`tally CLI, median of ${RUNS} runs, Node ${process.version}, ${SEATS} seats`);
    console.log(line(header));
    console.log(`|${widths.map((w) => "-".repeat(w + 2)).join("|")}|`);
    for (const row of rows) console.log(line(row));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

main();
