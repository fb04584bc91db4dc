import { createAppAuth } from "@octokit/auth-app";
import { request } from "@octokit/request";
import { env } from "@/lib/env";
import { appConfig } from "./app-config";

/**
 * The GitHub App's side of GitHub's API, through @octokit/auth-app (App JWTs and installation
 * tokens): the installations and their repositories, and installation tokens for API calls.
 * Loaded by the job worker too: no Next modules here.
 */
export interface Installation {
  id: number;
  account: string;
  /** `owner/name`, lower-case (the portal compares repositories case-insensitively). */
  repositories: string[];
}

/** GitHub refused or could not answer the App's own requests; `message` says what to check. */
export class AppAuthError extends Error {}

/** Installation tokens live an hour; one is renewed this long before it expires. */
const RENEW_BEFORE_MS = 5 * 60_000;

type Auth = ReturnType<typeof createAppAuth>;
let auth: { key: string; auth: Auth } | undefined;
const tokens = new Map<number, { token: string; expiresAt: number }>();

const apiUrl = () => env().GITHUB_API_URL.replace(/\/$/, "");

function appAuth(): Auth {
  const c = appConfig();
  if (c.state !== "on") throw new AppAuthError(c.state === "invalid" ? c.error : "The GitHub App is not configured.");
  const key = `${c.appId}\n${apiUrl()}`;
  if (auth?.key !== key) {
    auth = {
      key,
      auth: createAppAuth({
        appId: c.appId,
        privateKey: c.privateKey,
        request: request.defaults({ baseUrl: apiUrl() }),
      }),
    };
    tokens.clear();
  }
  return auth.auth;
}

function explain(e: unknown, what: string): AppAuthError {
  const status = (e as { status?: number }).status;
  if (status === 401)
    return new AppAuthError(
      `GitHub refused the App's credentials while ${what} (401): check GITHUB_APP_ID and GITHUB_APP_PRIVATE_KEY.`,
    );
  return new AppAuthError(`GitHub did not answer while ${what}: ${e instanceof Error ? e.message : String(e)}`);
}

/** A token for one installation, reused until shortly before it expires. */
export async function installationToken(installationId: number, at = Date.now()): Promise<string> {
  const cached = tokens.get(installationId);
  if (cached && cached.expiresAt - RENEW_BEFORE_MS > at) return cached.token;
  try {
    const a = await appAuth()({ type: "installation", installationId, refresh: true });
    tokens.set(installationId, { token: a.token, expiresAt: Date.parse(a.expiresAt) });
    return a.token;
  } catch (e) {
    throw e instanceof AppAuthError ? e : explain(e, `exchanging a token for installation ${installationId}`);
  }
}

/** For tests: forget cached installation tokens (and the App client, after an environment change). */
export function resetAppClientForTests(): void {
  auth = undefined;
  tokens.clear();
}

const perPage = 100;

type PageRequest = { baseUrl: string; headers: { authorization: string }; per_page: number; page: number };

/** Every entry of a paged GitHub list: `entries` reads the page it is asked for, with those request options. */
async function allPages<T>(authorization: string, entries: (page: PageRequest) => Promise<T[]>): Promise<T[]> {
  const out: T[] = [];
  for (let page = 1; ; page++) {
    const found = await entries({ baseUrl: apiUrl(), headers: { authorization }, per_page: perPage, page });
    out.push(...found);
    if (found.length < perPage) return out;
  }
}

/** Every installation of the App with its repositories, read from GitHub. */
export async function listInstallations(): Promise<Installation[]> {
  const a = appAuth();
  let out: Installation[];
  try {
    const { token: jwt } = await a({ type: "app" });
    const found = await allPages(`bearer ${jwt}`, async (page) => (await request("GET /app/installations", page)).data);
    out = found.map((i) => ({ id: i.id, account: i.account?.login ?? `installation ${i.id}`, repositories: [] }));
  } catch (e) {
    throw explain(e, "listing the App's installations");
  }
  for (const i of out) {
    const token = await installationToken(i.id);
    try {
      const repos = await allPages(
        `token ${token}`,
        async (page) => (await request("GET /installation/repositories", page)).data.repositories,
      );
      i.repositories = repos.map((r) => r.full_name.toLowerCase()).sort();
    } catch (e) {
      throw explain(e, `listing the repositories of installation ${i.id}`);
    }
  }
  return out;
}
