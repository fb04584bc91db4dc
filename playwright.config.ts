import { execFileSync } from "node:child_process";
import { defineConfig, devices } from "@playwright/test";

/** Debian's Chromium (CHROMIUM_PATH, else `chromium` on PATH): Playwright's own download is not reachable here. */
function chromiumPath(): string {
  if (process.env.CHROMIUM_PATH) return process.env.CHROMIUM_PATH;
  try {
    return execFileSync("sh", ["-c", "command -v chromium || command -v chromium-browser"], {
      encoding: "utf8",
    }).trim();
  } catch {
    throw new Error(
      "No Chromium found. Install Debian's `chromium` package (apt-get install chromium) or set CHROMIUM_PATH.",
    );
  }
}

/**
 * Two worlds, each a demo portal with its own database, GitHub stand-in, worker and clock
 * (scripts/e2e-server.ts): "shared" for the specs that touch only their own data, two at a time;
 * "own clock" for the specs below, one at a time, beside them. Those specs move the portal's clock
 * (a test in the shared world would see its claims go stale or its session expire) or read the
 * whole database (fuzz: "nothing written"; the board's ETag). With a world of their own they no
 * longer wait for the others to finish: both cores stay busy for the whole run.
 */
const shared = {
  port: Number(process.env.E2E_PORT ?? 3100),
  plainPort: Number(process.env.E2E_PLAIN_PORT ?? Number(process.env.E2E_PORT ?? 3100) + 100),
  pgPort: Number(process.env.E2E_PG_PORT ?? 54340),
  cluster: "e2e",
  database: "tag_portal_e2e",
  // Only demo-mode.spec (own clock) compares with a portal without DEMO.
  withPlain: false,
};
const ownClock = {
  port: shared.port + 300,
  plainPort: shared.plainPort + 300,
  pgPort: shared.pgPort + 10,
  cluster: "e2e-clock",
  database: "tag_portal_e2e_clock",
  withPlain: true,
};
type World = typeof shared;

const SERIAL = [
  "**/demo-mode.spec.ts",
  "**/elections.spec.ts",
  "**/governance-seats.spec.ts",
  "**/help-wanted.spec.ts",
  "**/liaison.spec.ts",
  "**/roster.spec.ts",
  "**/security.spec.ts",
  "**/fuzz.spec.ts",
  "**/dashboards.spec.ts",
];

/** What e2e/fixtures.ts reads to find its world's stand-in and plain portal. */
const metadata = (w: World) => ({ port: w.port, plainPort: w.plainPort });

const server = (w: World) => ({
  command: "node --import tsx scripts/e2e-server.ts",
  url: `http://localhost:${w.port}/`,
  timeout: 180_000,
  reuseExistingServer: false,
  stdout: "pipe" as const,
  stderr: "pipe" as const,
  gracefulShutdown: { signal: "SIGTERM" as const, timeout: 10_000 },
  env: {
    E2E_PORT: String(w.port),
    E2E_PLAIN_PORT: String(w.plainPort),
    E2E_PG_PORT: String(w.pgPort),
    E2E_CLUSTER: w.cluster,
    E2E_DATABASE: w.database,
    E2E_WITH_PLAIN: w.withPlain ? "1" : "0",
    // Two workers run at once: each takes a free port for its metrics.
    WORKER_METRICS_PORT: "0",
    // A request log line per page would bury a failure in CI's output; warnings and errors stay.
    LOG_LEVEL: process.env.LOG_LEVEL ?? "warn",
  },
});

export default defineConfig({
  testDir: "e2e",
  testMatch: "**/*.spec.ts",
  fullyParallel: false,
  // Two workers on CI's 2 cores: one for the own-clock world's chain, one (then both) for the shared world.
  workers: 2,
  // No retries: a test that passes only on retry is a failure, so a flake shows as one.
  retries: 0,
  timeout: 90_000,
  expect: { timeout: 10_000 },
  reporter: [["list"], ["json", { outputFile: "test-results/e2e.json" }]],
  use: {
    trace: "retain-on-failure",
    launchOptions: {
      executablePath: chromiumPath(),
      args: ["--disable-quic", "--disable-gpu"],
    },
  },
  projects: [
    // First, so that its one-at-a-time chain starts at once and the other worker takes the rest.
    {
      name: "serial",
      testMatch: SERIAL,
      workers: 1,
      metadata: metadata(ownClock),
      use: { ...devices["Desktop Chrome"], baseURL: `http://localhost:${ownClock.port}` },
    },
    {
      name: "chromium",
      // The failure drills (a PostgreSQL restart under load, two workers) take a minute of both cores:
      // `npm run drill` runs them, and `E2E_DRILLS=1 npm test` adds them here. CI's 30 minutes leave no room.
      testIgnore: process.env.E2E_DRILLS === "1" ? SERIAL : [...SERIAL, "**/ops/drill.spec.ts"],
      metadata: metadata(shared),
      use: { ...devices["Desktop Chrome"], baseURL: `http://localhost:${shared.port}` },
    },
  ],
  webServer: [server(shared), server(ownClock)],
});
