import { z } from "zod";

/**
 * The portal's configuration, validated once. Nothing else reads process.env.
 * Names are the contract in the README's "Configuration" table.
 */
const flag = z
  .string()
  .optional()
  .transform((v) => v !== undefined && v !== "" && v !== "0" && v.toLowerCase() !== "false");

const EnvSchema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  DATABASE_URL: z.url({ protocol: /^postgres(ql)?$/, error: "DATABASE_URL must be a postgresql:// URL" }).optional(),
  /** Connections per process; tests raise it so that races really run concurrently. */
  DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(200).default(10),
  AUTH_SECRET: z.string().min(32, "AUTH_SECRET must be at least 32 characters").optional(),
  NEXTAUTH_URL: z.url().default("http://localhost:3000"),
  GITHUB_CLIENT_ID: z.string().min(1).optional(),
  GITHUB_CLIENT_SECRET: z.string().min(1).optional(),
  GITHUB_WEB_URL: z.url().default("https://github.com"),
  GITHUB_API_URL: z.url().default("https://api.github.com"),
  GITHUB_API_TOKEN: z.string().min(1).optional(),
  GITHUB_WEBHOOK_SECRET: z.string().min(1).optional(),
  /**
   * The GitHub App (docs/decisions/013-github-app.md). Checked by lib/github-access/app-config.ts rather
   * than here: a bad id or key disables the App with a clear message instead of stopping the portal.
   */
  GITHUB_APP_ID: z.string().trim().min(1).optional(),
  /** The App's private key: the PEM itself, or a path to a PEM file. */
  GITHUB_APP_PRIVATE_KEY: z.string().min(1).optional(),
  GITHUB_APP_WEBHOOK_SECRET: z.string().min(1).optional(),
  /** Roster changes as pull requests (issue #19 point 4): `owner/repo` of the TOC's file; unset: off. */
  ROSTER_PULL_REQUEST_REPO: z
    .string()
    .regex(/^[\w.-]+\/[\w.-]+$/, "ROSTER_PULL_REQUEST_REPO must be owner/repo (for example cncf/toc)")
    .optional(),
  ROSTER_PULL_REQUEST_FILE: z.string().min(1).default("tags.yaml"),
  SMTP_URL: z.url().optional(),
  MAIL_FROM: z.string().default("TAG Portal <no-reply@localhost>"),
  CHROMIUM_PATH: z.string().optional(),
  DEMO: flag,
  /** Plain-HTTP production on a public host is intended (cookies then lose `Secure`). */
  ALLOW_INSECURE_HTTP: flag,
  /** Requests per minute one client may make to the public API (/api/v1). */
  API_RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(1).default(120),
  /**
   * Reverse proxies in front of the portal that append the client's address to X-Forwarded-For
   * (0: clients connect directly, and the header is ignored). Rate limits key on that address.
   */
  TRUSTED_PROXY_HOPS: z.coerce.number().int().min(0).max(10).default(0),
  /** Operations (docs/operations.md): log level, metrics, traces, shutdown. */
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
  METRICS_TOKEN: z
    .string()
    .regex(/^[\x21-\x7e]{16,}$/, "METRICS_TOKEN must be at least 16 printable characters without spaces")
    .optional(),
  OTEL_EXPORTER_OTLP_ENDPOINT: z
    .url({ protocol: /^https?$/, error: "OTEL_EXPORTER_OTLP_ENDPOINT must be an http(s) URL" })
    .optional(),
  OTEL_SERVICE_NAME: z.string().min(1).default("tag-portal"),
  /** How long SIGTERM waits for in-flight requests (web) or the running job (worker). */
  SHUTDOWN_TIMEOUT_SECONDS: z.coerce.number().min(1).max(300).default(25),
  /** How often workers queue the time-driven sweeps (once per interval, however many workers run). */
  SWEEP_INTERVAL_SECONDS: z.coerce.number().int().min(1).max(3600).default(60),
  /** The worker's own port for /metrics and /healthz; 0 turns it off. */
  WORKER_METRICS_PORT: z.coerce.number().int().min(0).max(65535).default(9464),
  /** AES-256-GCM key for secrets kept in the database (lib/secrets.ts); unset turns Slack delivery off. */
  PORTAL_ENCRYPTION_KEY: z
    .string()
    .refine(
      (v) => /^[A-Za-z0-9+/]+={0,2}$/.test(v) && Buffer.from(v, "base64").length === 32,
      "PORTAL_ENCRYPTION_KEY must be 32 random bytes in base64 (for example `openssl rand -base64 32`)",
    )
    .optional(),
  /** A TAG's Slack webhook URL must start with this (lib/slack); the demo points it at its Slack stand-in. */
  SLACK_WEBHOOK_BASE_URL: z
    .url({ protocol: /^https?$/, error: "SLACK_WEBHOOK_BASE_URL must be an http(s) URL" })
    .default("https://hooks.slack.com/"),
});

export type Env = z.infer<typeof EnvSchema>;

function emptyToUndefined(source: NodeJS.ProcessEnv): Record<string, string | undefined> {
  return Object.fromEntries(Object.entries(source).map(([k, v]) => [k, v === "" ? undefined : v]));
}

let cached: Env | undefined;

/** The validated environment. Throws with every problem named when it is invalid. */
export function env(): Env {
  if (cached) return cached;
  const parsed = EnvSchema.safeParse(emptyToUndefined(process.env));
  if (!parsed.success) {
    throw new Error(`Invalid configuration:\n${z.prettifyError(parsed.error)}`);
  }
  cached = parsed.data;
  return cached;
}

/**
 * For process entry points (web start-up, worker, migrate): an invalid configuration prints one
 * clear message naming each variable and exits non-zero, rather than a stack trace at the first request.
 */
export function envOrExit(): Env {
  try {
    const e = env();
    assertSafeProductionConfig(e);
    return e;
  } catch (err) {
    process.stderr.write(`${err instanceof Error ? err.message : String(err)}\n`);
    process.exit(1);
  }
}

/** For tests that change the environment. */
export function resetEnvForTests(): void {
  cached = undefined;
}

export function isLoopbackUrl(url: string): boolean {
  const host = new URL(url).hostname;
  return (
    host === "localhost" || host === "[::1]" || host === "::1" || /^127\./.test(host) || host.endsWith(".localhost")
  );
}

/**
 * What a start-up prints about a configuration that runs but keeps something closed
 * (docs/security.md, S5): without AUTH_SECRET nobody can sign in.
 */
export function startupWarnings(e: Env = env()): string[] {
  return e.AUTH_SECRET
    ? []
    : [
        "AUTH_SECRET is not set: nobody can sign in, and every page and action that needs a signed-in person stays closed. Set AUTH_SECRET to a random value of 32 characters or more (for example `openssl rand -base64 32`).",
      ];
}

/**
 * The DEMO guard (docs/security.md, "Demo mode"): the GitHub stand-in only exists with DEMO set, so a
 * production server pointed at a loopback GitHub without DEMO is a misconfiguration. And a
 * production server on a public host speaks https unless ALLOW_INSECURE_HTTP says otherwise.
 */
export function assertSafeProductionConfig(e: Env = env()): void {
  if (e.NODE_ENV !== "production" || e.DEMO) return;
  for (const key of ["GITHUB_WEB_URL", "GITHUB_API_URL"] as const) {
    if (isLoopbackUrl(e[key])) {
      throw new Error(
        `${key}=${e[key]} names a loopback host, which only the demo's GitHub stand-in serves. Set DEMO=1 for a demo, or point it at GitHub.`,
      );
    }
  }
  // Session cookies are `Secure` only with an https NEXTAUTH_URL (lib/auth/options.ts).
  if (new URL(e.NEXTAUTH_URL).protocol === "http:" && !isLoopbackUrl(e.NEXTAUTH_URL) && !e.ALLOW_INSECURE_HTTP) {
    throw new Error(
      `NEXTAUTH_URL=${e.NEXTAUTH_URL} is plain http on a public host: session cookies would travel unencrypted and lose their Secure flag. Use https, or set ALLOW_INSECURE_HTTP=1 if plain HTTP is intended.`,
    );
  }
}
