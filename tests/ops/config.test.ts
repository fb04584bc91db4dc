import { spawnSync } from "node:child_process";
import path from "node:path";
import { describe, expect, it } from "vitest";

const root = path.resolve(import.meta.dirname, "../..");

/** Starts the worker as its Deployment does (tsx here, the bundle in the image) with one bad variable. */
function startWorker(bad: Record<string, string>) {
  const env: NodeJS.ProcessEnv = {
    PATH: process.env.PATH,
    NODE_ENV: "production",
    DATABASE_URL: "postgresql://postgres:postgres@127.0.0.1:9/none",
    AUTH_SECRET: "x".repeat(40),
    WORKER_METRICS_PORT: "0",
    ...bad,
  };
  return spawnSync(process.execPath, ["--conditions=react-server", "--import", "tsx", "scripts/worker.ts"], {
    cwd: root,
    env,
    encoding: "utf8",
    timeout: 30_000,
  });
}

describe("start-up with a malformed configuration", () => {
  it("prints one message naming each malformed variable, no stack trace, and exits 1", () => {
    const bad = {
      DATABASE_URL: "mysql://db/portal",
      AUTH_SECRET: "too-short",
      METRICS_TOKEN: "has spaces in it, which no bearer token has",
      OTEL_EXPORTER_OTLP_ENDPOINT: "collector:4318",
    };
    const r = startWorker(bad);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain("Invalid configuration");
    for (const name of Object.keys(bad)) expect(r.stderr).toContain(name);
    expect(r.stderr).not.toMatch(/^\s+at /m);
  });

  it("starts nothing with one bad variable among good ones", () => {
    const r = startWorker({ METRICS_TOKEN: "short" });
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/METRICS_TOKEN.*16 printable characters/s);
  });
});
