import { spawn } from "node:child_process";
import path from "node:path";
import { readE2eInfo } from "../scripts/e2e-info";

const root = path.resolve(import.meta.dirname, "..");

export interface PortalProcess {
  /** Where it listens (loopback, a port the OS chose). */
  url: string;
  /** Everything it printed so far. */
  output: () => string;
  stop: () => Promise<void>;
}

/**
 * One more production portal (`next start` on the existing build) on the end-to-end database and
 * GitHub stand-in, in demo mode, with `env` over that configuration; `undefined` removes a variable.
 * For tests of configurations the shared servers do not have (no AUTH_SECRET, an https address).
 */
export async function startPortalProcess(env: Record<string, string | undefined>): Promise<PortalProcess> {
  const merged: Record<string, string | undefined> = {
    ...process.env,
    NODE_ENV: "production",
    NEXT_TELEMETRY_DISABLED: "1",
    DEMO: "1",
    ...readE2eInfo().env,
    ...env,
  };
  const clean = Object.fromEntries(
    Object.entries(merged).filter((e): e is [string, string] => e[1] !== undefined),
  ) as NodeJS.ProcessEnv;
  const child = spawn(
    process.execPath,
    [path.join(root, "node_modules/next/dist/bin/next"), "start", "-p", "0", "-H", "127.0.0.1"],
    { cwd: root, env: clean, stdio: ["ignore", "pipe", "pipe"] },
  );
  let out = "";
  child.stdout.on("data", (d: Buffer) => (out += d.toString()));
  child.stderr.on("data", (d: Buffer) => (out += d.toString()));
  const stop = () =>
    new Promise<void>((resolve) => {
      if (child.exitCode !== null) return resolve();
      child.once("exit", () => resolve());
      child.kill("SIGTERM");
    });
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`the portal did not start within 90 s:\n${out}`)), 90_000);
    const check = () => {
      const m = /Local:\s+(http:\/\/\S+)/.exec(out);
      if (m && /Ready/.test(out)) {
        clearTimeout(timer);
        resolve(m[1]!);
      }
    };
    child.stdout.on("data", check);
    child.once("exit", (code) => {
      clearTimeout(timer);
      reject(new Error(`the portal exited (${code}) during start-up:\n${out}`));
    });
  }).catch(async (e: unknown) => {
    await stop();
    throw e;
  });
  return { url, output: () => out, stop };
}
