/**
 * Starts the whole portal on this machine: database (embedded unless DATABASE_URL is set),
 * migrations (verified), seed, the GitHub stand-in, the job worker and `next start`.
 * Used by `npm run demo` and by the end-to-end tests' web server.
 */
import { createPublicKey, generateKeyPairSync, randomBytes } from "node:crypto";
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { migrateAndVerify, openDatabase, type OpenOptions } from "./db/database.ts";
import { dataRoot } from "./db/embedded-postgres.ts";
import { createStandIn } from "../dev/github-stand-in/server.ts";
import { createSlackStandIn } from "../dev/slack-stand-in/server.ts";
import { seed } from "../prisma/seed.ts";
import { createPrismaClient } from "../lib/prisma-client.ts";
import { exportTagsYamlFromDatabase } from "../lib/tags-yaml/apply.ts";

export const root = path.resolve(import.meta.dirname, "..");
export const DEMO_CLIENT_ID = "tag-portal-demo";
export const DEMO_CLIENT_SECRET = "tag-portal-demo-secret";

/** The demo's AUTH_SECRET: generated once, kept in the data folder. */
export function demoAuthSecret(): string {
  const file = path.join(dataRoot(), "auth-secret");
  if (!fs.existsSync(file)) fs.writeFileSync(file, randomBytes(32).toString("base64url"), { mode: 0o600 });
  return fs.readFileSync(file, "utf8").trim();
}

/**
 * The demo's GitHub App key (demo only, never a real App's): generated once into the data folder,
 * where the stand-in reads its public half and the portal its path (GITHUB_APP_PRIVATE_KEY).
 */
export function demoAppKeyFile(): string {
  const file = path.join(dataRoot(), "demo-github-app.pem");
  if (!fs.existsSync(file)) {
    const { privateKey } = generateKeyPairSync("rsa", {
      modulusLength: 2048,
      privateKeyEncoding: { type: "pkcs1", format: "pem" },
      publicKeyEncoding: { type: "spki", format: "pem" },
    });
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, privateKey, { mode: 0o600 });
  }
  return file;
}
export const DEMO_APP_ID = "424242";
/** The demo App's one installation, on the cncf organisation: the seeded TAG repository and the TOC's. */
export const DEMO_INSTALLATION = { id: 1001, account: "cncf", repositories: ["cncf/tag-security", "cncf/toc"] };

export function log(msg: string) {
  console.log(`[tag-portal] ${msg}`);
}

export interface PortalOptions {
  port: number;
  standInPort: number;
  /** The Slack stand-in's port (default: the GitHub stand-in's plus one). */
  slackPort?: number;
  /** Build before starting (`next build`). */
  build: boolean;
  /** `next dev` instead of a production server. */
  dev?: boolean;
  database?: OpenOptions;
}

/** Environment of the portal processes in demo mode. */
export function demoEnv(opts: PortalOptions, databaseUrl: string): NodeJS.ProcessEnv {
  return {
    ...process.env,
    NODE_ENV: "production",
    NEXT_TELEMETRY_DISABLED: "1",
    CHECKPOINT_DISABLE: "1",
    DEMO: "1",
    DATABASE_URL: databaseUrl,
    AUTH_SECRET: process.env.AUTH_SECRET ?? demoAuthSecret(),
    NEXTAUTH_URL: `http://localhost:${opts.port}`,
    GITHUB_CLIENT_ID: DEMO_CLIENT_ID,
    GITHUB_CLIENT_SECRET: DEMO_CLIENT_SECRET,
    GITHUB_WEB_URL: `http://127.0.0.1:${opts.standInPort}`,
    GITHUB_API_URL: `http://127.0.0.1:${opts.standInPort}/api`,
    GITHUB_WEBHOOK_SECRET: "tag-portal-demo-webhook-secret",
    GITHUB_APP_ID: DEMO_APP_ID,
    GITHUB_APP_PRIVATE_KEY: demoAppKeyFile(),
    GITHUB_APP_WEBHOOK_SECRET: "tag-portal-demo-app-webhook-secret",
    ROSTER_PULL_REQUEST_REPO: "cncf/toc",
    // Slack (lib/slack): the demo's own key, and webhooks only to the Slack stand-in, whose /outbox shows each post.
    PORTAL_ENCRYPTION_KEY: process.env.PORTAL_ENCRYPTION_KEY ?? Buffer.alloc(32, "tag-portal-demo").toString("base64"),
    SLACK_WEBHOOK_BASE_URL: `http://127.0.0.1:${slackPortOf(opts)}/services/`,
  };
}

export function slackPortOf(opts: Pick<PortalOptions, "standInPort" | "slackPort">): number {
  return opts.slackPort ?? opts.standInPort + 1;
}

const nextBin = path.join(root, "node_modules/next/dist/bin/next");

/**
 * `next start` keeping idle connections 65 s (KEEP_ALIVE_TIMEOUT, README "Configuration"), longer
 * than a client's idle reuse: with Node's default of 5 s, a request sent as the server closed the
 * connection failed with ECONNRESET now and then (an end-to-end step did).
 */
export function nextStartArgs(port: number): string[] {
  return [nextBin, "start", "-p", String(port), "--keepAliveTimeout", process.env.KEEP_ALIVE_TIMEOUT ?? "65000"];
}

export function buildPortal(): void {
  log("building the portal (next build)…");
  const t = Date.now();
  const r = spawnSync(process.execPath, [nextBin, "build"], {
    cwd: root,
    stdio: "inherit",
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1", NODE_ENV: "production" },
  });
  if (r.status !== 0) throw new Error("next build failed");
  log(`built in ${((Date.now() - t) / 1000).toFixed(1)} s`);
}

export async function startPortal(opts: PortalOptions) {
  const children: ChildProcess[] = [];
  const db = await openDatabase(opts.database);
  log(
    db.cluster
      ? `embedded PostgreSQL on port ${db.cluster.port} (data in ${db.cluster.dataDir})`
      : "using DATABASE_URL",
  );
  const applied = await migrateAndVerify(db.url);
  log(`migrations verified${applied.length ? ` (applied ${applied.join(", ")})` : ""}`);
  await seed(db.url);
  log("demo data seeded");
  const env = demoEnv(opts, db.url);
  const standIn = createStandIn({
    port: opts.standInPort,
    clientId: DEMO_CLIENT_ID,
    clientSecret: DEMO_CLIENT_SECRET,
    webhookUrl: `http://127.0.0.1:${opts.port}/api/webhooks/github`,
    webhookSecret: env.GITHUB_WEBHOOK_SECRET,
    app: {
      id: Number(DEMO_APP_ID),
      publicKey: createPublicKey(fs.readFileSync(env.GITHUB_APP_PRIVATE_KEY!, "utf8")).export({
        type: "spki",
        format: "pem",
      }) as string,
      webhookSecret: env.GITHUB_APP_WEBHOOK_SECRET,
      installations: [DEMO_INSTALLATION],
    },
  });
  await standIn.listen();
  // The TOC's tags.yaml as the seeded portal would write it, so a roster change opens a real pull request.
  const exportDb = createPrismaClient(db.url);
  try {
    standIn.files.commit("cncf/toc", "tags.yaml", await exportTagsYamlFromDatabase(exportDb));
  } finally {
    await exportDb.$disconnect();
  }
  log(`GitHub stand-in on http://127.0.0.1:${opts.standInPort}`);
  const slack = createSlackStandIn({ port: slackPortOf(opts) });
  await slack.listen();
  log(`Slack stand-in on http://127.0.0.1:${slackPortOf(opts)} (posts at /outbox)`);
  if (opts.build) buildPortal();
  const worker = spawn(
    process.execPath,
    ["--conditions=react-server", "--import", "tsx", path.join(root, "scripts/worker.ts")],
    { cwd: root, env, stdio: "inherit" },
  );
  children.push(worker);
  const web = opts.dev
    ? spawn(process.execPath, [nextBin, "dev", "-p", String(opts.port)], {
        cwd: root,
        env: { ...env, NODE_ENV: "development" },
        stdio: "inherit",
      })
    : spawn(process.execPath, nextStartArgs(opts.port), { cwd: root, env, stdio: "inherit" });
  children.push(web);
  const stop = async () => {
    for (const c of children) if (c.exitCode === null) c.kill("SIGTERM");
    await standIn.close().catch(() => {});
    await slack.close().catch(() => {});
    await db.cluster?.stop();
  };
  for (const c of children) {
    c.on("exit", (code) => {
      if (code && code !== 0) {
        log(`a portal process exited with code ${code}; stopping`);
        void stop().then(() => process.exit(code));
      }
    });
  }
  return { url: `http://localhost:${opts.port}`, databaseUrl: db.url, stop };
}

/** Resolves once `url` answers below 500 (the portal is up), or throws after `timeoutMs`. */
export async function waitForHttp(url: string, timeoutMs: number) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    try {
      const r = await fetch(url);
      if (r.status < 500) return;
    } catch {
      /* not up yet */
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`${url} did not answer within ${timeoutMs / 1000} s`);
}
