/**
 * `npm test`: lint, format check, typecheck, unit and integration tests (Vitest, real PostgreSQL), a production
 * build, and end-to-end tests (Playwright, Debian Chromium). Ends with the plain line
 * `N passed, N failed`, summed over every step (lint, format check, typecheck and build count as one test each),
 * and exits non-zero on any failure. `--skip-e2e` stops after the build.
 */
import { spawn, spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { ensureChromium } from "./ensure-chromium.ts";

const root = path.resolve(import.meta.dirname, "..");
const env = { ...process.env, NEXT_TELEMETRY_DISABLED: "1", CHECKPOINT_DISABLE: "1" };
let passed = 0;
let failed = 0;
const timings: string[] = [];
/** Names of the tests that failed, printed again at the end: CI shows only the tail of the output. */
const failures: string[] = [];

function run(label: string, cmd: string, args: string[], extraEnv: Record<string, string> = {}): boolean {
  console.log(`\n=== ${label} ===`);
  const t = Date.now();
  const r = spawnSync(cmd, args, { cwd: root, stdio: "inherit", env: { ...env, ...extraEnv } });
  timings.push(`${label}: ${((Date.now() - t) / 1000).toFixed(1)} s`);
  return r.status === 0;
}

/**
 * Runs the static checks at once (each is single-threaded; together they keep both cores busy) and
 * prints each one's output whole, in order, when all have ended.
 */
async function staticChecks(checks: [label: string, cmd: string, args: string[]][]) {
  const results = await Promise.all(
    checks.map(
      ([label, cmd, args]) =>
        new Promise<{ label: string; ok: boolean; out: string; seconds: number }>((resolve) => {
          const t = Date.now();
          let out = "";
          const child = spawn(cmd, args, { cwd: root, env, stdio: ["ignore", "pipe", "pipe"] });
          child.stdout.on("data", (d: Buffer) => (out += d.toString()));
          child.stderr.on("data", (d: Buffer) => (out += d.toString()));
          child.on("error", (err) => resolve({ label, ok: false, out: String(err), seconds: 0 }));
          child.on("close", (code) => resolve({ label, ok: code === 0, out, seconds: (Date.now() - t) / 1000 }));
        }),
    ),
  );
  for (const r of results) {
    console.log(`\n=== ${r.label} ===`);
    if (r.out) process.stdout.write(r.out);
    timings.push(`${r.label}: ${r.seconds.toFixed(1)} s (alongside the other static checks)`);
    if (r.ok) passed++;
    else {
      failed++;
      failures.push(r.label);
      console.log(`--- ${r.label} FAILED`);
    }
  }
}

function readJson<T>(file: string): T | null {
  try {
    return JSON.parse(fs.readFileSync(path.join(root, file), "utf8")) as T;
  } catch {
    return null;
  }
}

type PlaywrightSuite = {
  file?: string;
  suites?: PlaywrightSuite[];
  specs?: {
    title: string;
    file?: string;
    line?: number;
    tests: { projectName: string; status: string; results?: { duration: number }[] }[];
  }[];
};
type PlaywrightReport = {
  stats: { expected: number; unexpected: number; flaky: number };
  suites: PlaywrightSuite[];
  errors?: { message?: string }[];
};

function playwrightFailures(report: PlaywrightReport): string[] {
  const out: string[] = [];
  const walk = (suite: PlaywrightSuite) => {
    for (const spec of suite.specs ?? [])
      for (const t of spec.tests)
        if (t.status === "unexpected" || t.status === "flaky")
          out.push(`e2e [${t.projectName}] ${spec.file ?? suite.file}:${spec.line ?? ""} ${spec.title} (${t.status})`);
    for (const child of suite.suites ?? []) walk(child);
  };
  report.suites.forEach(walk);
  return out;
}

// CI shows only the tail of the output and has a 30-minute limit: naming the slowest tests there
// tells the next engineer where the time goes without a local profile.
function playwrightSlowest(report: PlaywrightReport, n: number): string[] {
  const all: { label: string; ms: number }[] = [];
  const walk = (suite: PlaywrightSuite) => {
    for (const spec of suite.specs ?? [])
      for (const t of spec.tests) {
        const ms = (t.results ?? []).reduce((sum, r) => sum + r.duration, 0);
        all.push({ label: `[${t.projectName}] ${spec.file ?? suite.file}:${spec.line ?? ""} ${spec.title}`, ms });
      }
    for (const child of suite.suites ?? []) walk(child);
  };
  report.suites.forEach(walk);
  // The wall is bounded by the larger of the serial chain and half the whole: the per-project sums
  // say whether a spec should change project.
  const perProject = new Map<string, number>();
  for (const t of all) {
    const project = /^\[([^\]]+)\]/.exec(t.label)?.[1] ?? "";
    perProject.set(project, (perProject.get(project) ?? 0) + t.ms);
  }
  const sums = [...perProject].map(([p, ms]) => `${p} ${(ms / 1000).toFixed(0)} s`).join(", ");
  return [
    `  test time per project: ${sums}`,
    ...all
      .sort((a, b) => b.ms - a.ms)
      .slice(0, n)
      .map((t) => `  ${(t.ms / 1000).toFixed(1).padStart(6)} s  ${t.label.slice(0, 110)}`),
  ];
}

const npx = path.join(root, "node_modules/.bin");
const slowest: string[] = [];
fs.mkdirSync(path.join(root, "test-results"), { recursive: true });

await staticChecks([
  ["lint", path.join(npx, "eslint"), ["--max-warnings", "0", "."]],
  ["format check", path.join(npx, "prettier"), ["--check", "--log-level", "warn", "."]],
  ["typecheck", path.join(npx, "tsc"), ["--noEmit"]],
]);

const vitestOut = "test-results/vitest.json";
const REPLICA_TEST = "tests/replicas.int.test.ts";
fs.rmSync(path.join(root, vitestOut), { force: true });
const vitestOk = run("unit and integration tests", path.join(npx, "vitest"), [
  "run",
  "--reporter=default",
  "--reporter=json",
  `--outputFile.json=${vitestOut}`,
  // It starts the production build, which the build step below makes: it runs after that step.
  `--exclude=${REPLICA_TEST}`,
]);
const v = readJson<{
  numPassedTests: number;
  numFailedTests: number;
  testResults: {
    name: string;
    status: string;
    message?: string;
    assertionResults: { fullName: string; status: string }[];
  }[];
}>(vitestOut);
if (v) {
  passed += v.numPassedTests;
  failed += v.numFailedTests;
  for (const file of v.testResults) {
    const where = path.relative(root, file.name);
    for (const t of file.assertionResults) if (t.status === "failed") failures.push(`vitest ${where}: ${t.fullName}`);
    if (file.status === "failed" && !file.assertionResults.some((t) => t.status === "failed"))
      failures.push(`vitest ${where}: ${(file.message ?? "failed to load").split("\n")[0]}`);
  }
  if (!vitestOk && v.numFailedTests === 0) failed++; // a file failed to load, or setup broke
} else {
  failed++;
  failures.push("unit and integration tests: no report");
}

const buildOk = run("build", process.execPath, [path.join(root, "node_modules/next/dist/bin/next"), "build"], {
  NODE_ENV: "production",
});
if (buildOk) passed++;
else failed++;

// Two replicas of this build on one database (docs/decisions/017-caches-across-replicas.md).
if (buildOk) {
  const ok = run("caches across replicas", path.join(npx, "vitest"), ["run", REPLICA_TEST]);
  if (ok) passed++;
  else {
    failed++;
    failures.push(`vitest ${REPLICA_TEST}`);
  }
}

if (!process.argv.includes("--skip-e2e")) {
  if (!buildOk) {
    console.log("--- end-to-end tests skipped: the build failed");
    failed++;
  } else {
    const chromium = ensureChromium();
    const e2eOut = "test-results/e2e.json";
    fs.rmSync(path.join(root, e2eOut), { force: true });
    const e2eOk = run("end-to-end tests", path.join(npx, "playwright"), ["test"], { CHROMIUM_PATH: chromium });
    const e = readJson<PlaywrightReport>(e2eOut);
    if (e) {
      passed += e.stats.expected;
      failed += e.stats.unexpected + e.stats.flaky;
      failures.push(...playwrightFailures(e));
      slowest.push(...playwrightSlowest(e, 12));
      if (!e2eOk && e.stats.unexpected === 0) {
        failed++;
        failures.push(
          `end-to-end tests: exited non-zero (${(e.errors ?? []).map((x) => x.message?.split("\n")[0]).join("; ")})`,
        );
      }
    } else {
      failed++;
      failures.push("end-to-end tests: no report");
    }
  }
}

if (slowest.length > 0) console.log(`\nSlowest end-to-end tests:\n${slowest.join("\n")}`);
if (failures.length > 0) console.log(`\nFailed:\n${failures.map((f) => `  - ${f}`).join("\n")}`);
console.log(`\n${timings.join("\n")}`);
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed > 0 ? 1 : 0);
