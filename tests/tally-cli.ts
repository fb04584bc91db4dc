import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

const root = path.resolve(import.meta.dirname, "..");

/**
 * Compiles the tally CLI from the current sources with the tsconfig `npm run tally` is built with
 * (scripts/tally/tsconfig.json), into a folder of its own: a stale or missing dist/ can neither
 * skip nor fool a test, and test files compiling at once never write over each other.
 */
export function buildTallyCli(): { cli: string; remove: () => void } {
  const out = mkdtempSync(path.join(tmpdir(), "tally-cli-"));
  execFileSync(
    process.execPath,
    [
      path.join(root, "node_modules/typescript/bin/tsc"),
      "-p",
      path.join(root, "scripts/tally/tsconfig.json"),
      "--outDir",
      out,
    ],
    { cwd: root, stdio: "inherit" },
  );
  return { cli: path.join(out, "scripts/tally/cli.js"), remove: () => rmSync(out, { recursive: true, force: true }) };
}
