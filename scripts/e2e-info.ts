/**
 * What scripts/e2e-server.ts tells the end-to-end tests about the portal it started, so that a test
 * can start one more portal process on the same database and GitHub stand-in with a configuration
 * of its own (e2e/portal-process.ts). Written to a file named by E2E_PORT, readable only by its owner.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

export interface E2eInfo {
  /** Environment of the demo portal, without its AUTH_SECRET. */
  env: Record<string, string>;
}

const file = (port = Number(process.env.E2E_PORT ?? 3100)) => path.join(os.tmpdir(), `tag-portal-e2e-${port}.json`);

export function writeE2eInfo(env: NodeJS.ProcessEnv): void {
  const keep = ["DATABASE_URL", "GITHUB_CLIENT_ID", "GITHUB_CLIENT_SECRET", "GITHUB_WEB_URL", "GITHUB_API_URL"];
  const info: E2eInfo = { env: Object.fromEntries(keep.flatMap((k) => (env[k] ? [[k, env[k]]] : []))) };
  fs.rmSync(file(), { force: true });
  fs.writeFileSync(file(), JSON.stringify(info), { mode: 0o600 });
}

/** The portal on `port` (each end-to-end world has its own), by default E2E_PORT's. */
export function readE2eInfo(port?: number): E2eInfo {
  return JSON.parse(fs.readFileSync(file(port), "utf8")) as E2eInfo;
}
