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
  DATABASE_URL: z.url().optional(),
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
  SMTP_URL: z.url().optional(),
  MAIL_FROM: z.string().default("TAG Portal <no-reply@localhost>"),
  CHROMIUM_PATH: z.string().optional(),
  DEMO: flag,
  /** Plain-HTTP production on a public host is intended (cookies then lose `Secure`). */
  ALLOW_INSECURE_HTTP: flag,
  /** Requests per minute one client may make to the public API (/api/v1). */
  API_RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(1).default(120),
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
 * The DEMO guard (README, "Demo mode"): the GitHub stand-in only exists with DEMO set, so a
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
