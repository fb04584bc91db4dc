/**
 * The servers the end-to-end tests run against (started by playwright.config.ts):
 * - a portal without DEMO on E2E_PLAIN_PORT (3200), to prove the demo-only routes are absent;
 * - the demo portal on E2E_PORT (3100) with the GitHub stand-in on 3101, a worker, and a fresh
 *   database on the embedded `e2e` cluster (or a local DATABASE_URL server).
 * Uses the existing build (`npm test` builds first).
 */
import { spawn } from "node:child_process";
import path from "node:path";
import { writeE2eInfo } from "./e2e-info.ts";
import { demoEnv, log, root, startPortal } from "./portal.ts";

const port = Number(process.env.E2E_PORT ?? 3100);
const plainPort = Number(process.env.E2E_PLAIN_PORT ?? 3200);
const standInPort = port + 1;

const portal = await startPortal({
  port,
  standInPort,
  build: false,
  database: { cluster: "e2e", port: Number(process.env.E2E_PG_PORT ?? 54340), database: "tag_portal_e2e", fresh: true },
});

writeE2eInfo(demoEnv({ port, standInPort, build: false }, portal.databaseUrl));

// The same build without DEMO, pointed at github.com (never contacted by the tests).
const plainEnv = { ...demoEnv({ port: plainPort, standInPort, build: false }, portal.databaseUrl) };
delete plainEnv.DEMO;
plainEnv.GITHUB_WEB_URL = "https://github.com";
plainEnv.GITHUB_API_URL = "https://api.github.com";
const plain = spawn(
  process.execPath,
  [path.join(root, "node_modules/next/dist/bin/next"), "start", "-p", String(plainPort)],
  {
    cwd: root,
    env: plainEnv,
    stdio: "inherit",
  },
);
log(`plain (non-demo) portal on http://localhost:${plainPort}`);

for (const sig of ["SIGINT", "SIGTERM"] as const) {
  process.once(sig, () => {
    plain.kill("SIGTERM");
    void portal.stop().then(() => process.exit(0));
  });
}
