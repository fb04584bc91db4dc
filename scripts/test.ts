/**
 * `npm test`: lint, format check, typecheck, unit and integration tests (Vitest, real PostgreSQL), a production
 * build, and end-to-end tests (Playwright, Debian Chromium). Ends with the plain line
 * `N passed, N failed`, summed over every step (lint, format check, typecheck and build count as one test each),
 * and exits non-zero on any failure. `--skip-e2e` stops after the build.
 */
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { ensureChromium } from "./ensure-chromium.ts";

const root = path.resolve(import.meta.dirname, "..");
const env = { ...process.env, NEXT_TELEMETRY_DISABLED: "1", CHECKPOINT_DISABLE: "1" };
let passed = 0;
let failed = 0;
const timings: string[] = [];

function run(label: string, cmd: string, args: string[], extraEnv: Record<string, string> = {}): boolean {
  console.log(`\n=== ${label} ===`);
  const t = Date.now();
  const r = spawnSync(cmd, args, { cwd: root, stdio: "inherit", env: { ...env, ...extraEnv } });
  timings.push(`${label}: ${((Date.now() - t) / 1000).toFixed(1)} s`);
  return r.status === 0;
}

function step(label: string, cmd: string, args: string[]) {
  if (run(label, cmd, args)) passed++;
  else {
    failed++;
    console.log(`--- ${label} FAILED`);
  }
}

function readJson<T>(file: string): T | null {
  try {
    return JSON.parse(fs.readFileSync(path.join(root, file), "utf8")) as T;
  } catch {
    return null;
  }
}

const npx = path.join(root, "node_modules/.bin");
fs.mkdirSync(path.join(root, "test-results"), { recursive: true });

step("lint", path.join(npx, "eslint"), ["--max-warnings", "0", "."]);
step("format check", path.join(npx, "prettier"), ["--check", "--log-level", "warn", "."]);
step("typecheck", path.join(npx, "tsc"), ["--noEmit"]);

const vitestOut = "test-results/vitest.json";
fs.rmSync(path.join(root, vitestOut), { force: true });
const vitestOk = run("unit and integration tests", path.join(npx, "vitest"), [
  "run",
  "--reporter=default",
  "--reporter=json",
  `--outputFile.json=${vitestOut}`,
]);
const v = readJson<{ numPassedTests: number; numFailedTests: number; numTotalTestSuites: number }>(vitestOut);
if (v) {
  passed += v.numPassedTests;
  failed += v.numFailedTests;
  if (!vitestOk && v.numFailedTests === 0) failed++; // a file failed to load, or setup broke
} else failed++;

const buildOk = run("build", process.execPath, [path.join(root, "node_modules/next/dist/bin/next"), "build"], {
  NODE_ENV: "production",
});
if (buildOk) passed++;
else failed++;

if (!process.argv.includes("--skip-e2e")) {
  if (!buildOk) {
    console.log("--- end-to-end tests skipped: the build failed");
    failed++;
  } else {
    const chromium = ensureChromium();
    const e2eOut = "test-results/e2e.json";
    fs.rmSync(path.join(root, e2eOut), { force: true });
    const e2eOk = run("end-to-end tests", path.join(npx, "playwright"), ["test"], { CHROMIUM_PATH: chromium });
    const e = readJson<{ stats: { expected: number; unexpected: number; flaky: number } }>(e2eOut);
    if (e) {
      passed += e.stats.expected;
      failed += e.stats.unexpected + e.stats.flaky;
      if (!e2eOk && e.stats.unexpected === 0) failed++;
    } else failed++;
  }
}

console.log(`\n${timings.join("\n")}`);
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed > 0 ? 1 : 0);
