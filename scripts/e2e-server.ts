/**
 * The servers the end-to-end tests run against (started by playwright.config.ts):
 * - a portal without DEMO on E2E_PLAIN_PORT (3200), to prove the demo-only routes are absent
 *   (unless E2E_WITH_PLAIN=0);
 * - the demo portal on E2E_PORT (3100) with the GitHub stand-in on 3101, the Slack stand-in on 3102
 *   (scripts/portal.ts), a worker, and a fresh
 *   database on the embedded `e2e` cluster (or a local DATABASE_URL server).
 * Uses the existing build (`npm test` builds first). playwright.config.ts starts two of these: one
 * for the specs that share a world, one for the specs that move its clock (E2E_CLUSTER,
 * E2E_DATABASE and the ports tell them apart).
 */
import { spawn } from "node:child_process";
import { writeE2eInfo } from "./e2e-info.ts";
import { demoEnv, log, nextStartArgs, root, startPortal } from "./portal.ts";

const port = Number(process.env.E2E_PORT ?? 3100);
const plainPort = Number(process.env.E2E_PLAIN_PORT ?? 3200);
const standInPort = port + 1;

const portal = await startPortal({
  port,
  standInPort,
  build: false,
  database: {
    cluster: process.env.E2E_CLUSTER ?? "e2e",
    port: Number(process.env.E2E_PG_PORT ?? 54340),
    database: process.env.E2E_DATABASE ?? "tag_portal_e2e",
    fresh: true,
  },
});

writeE2eInfo(demoEnv({ port, standInPort, build: false }, portal.databaseUrl));

// The same build without DEMO, pointed at github.com (never contacted by the tests). Only the
// world whose specs need it starts one (E2E_WITH_PLAIN=0 skips it).
function startPlain() {
  const plainEnv = { ...demoEnv({ port: plainPort, standInPort, build: false }, portal.databaseUrl) };
  delete plainEnv.DEMO;
  plainEnv.GITHUB_WEB_URL = "https://github.com";
  plainEnv.GITHUB_API_URL = "https://api.github.com";
  const child = spawn(process.execPath, nextStartArgs(plainPort), { cwd: root, env: plainEnv, stdio: "inherit" });
  log(`plain (non-demo) portal on http://localhost:${plainPort}`);
  return child;
}
const plain = process.env.E2E_WITH_PLAIN === "0" ? null : startPlain();

for (const sig of ["SIGINT", "SIGTERM"] as const) {
  process.once(sig, () => {
    plain?.kill("SIGTERM");
    void portal.stop().then(() => process.exit(0));
  });
}
