/**
 * Finds Chromium for the end-to-end tests: CHROMIUM_PATH, else `chromium` on PATH. When missing
 * and running as root on Debian, installs Debian's package; otherwise explains how to get one.
 * (Playwright's own browser download is not used: it cannot be reached from every machine.)
 */
import { execFileSync, spawnSync } from "node:child_process";
import fs from "node:fs";

function onPath(): string | null {
  try {
    return (
      execFileSync("sh", ["-c", "command -v chromium || command -v chromium-browser"], { encoding: "utf8" }).trim() ||
      null
    );
  } catch {
    return null;
  }
}

export function ensureChromium(): string {
  const configured = process.env.CHROMIUM_PATH;
  if (configured) {
    if (!fs.existsSync(configured)) throw new Error(`CHROMIUM_PATH=${configured} does not exist`);
    return configured;
  }
  const found = onPath();
  if (found) return found;
  const isRoot = process.getuid?.() === 0;
  if (isRoot && fs.existsSync("/usr/bin/apt-get")) {
    console.log("Chromium is missing: installing Debian's chromium package…");
    const env = { ...process.env, DEBIAN_FRONTEND: "noninteractive" };
    spawnSync("apt-get", ["update"], { stdio: "inherit", env });
    const r = spawnSync("apt-get", ["install", "-y", "--no-install-recommends", "chromium"], { stdio: "inherit", env });
    const installed = onPath();
    if (r.status === 0 && installed) return installed;
  }
  throw new Error(
    "No Chromium found for the end-to-end tests. Install it (Debian/Ubuntu: `sudo apt-get install chromium`) or set CHROMIUM_PATH to a Chromium or Chrome binary.",
  );
}
