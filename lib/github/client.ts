import "server-only";

/**
 * The GitHub API client of syncs: REST GETs and GraphQL queries with GitHub's limits honoured.
 * - Primary rate limit (no requests left): throws `RateLimited` with the reset time; the run pauses.
 * - Secondary rate limit (403/429 with `Retry-After`, or its message): waits `Retry-After` (or a
 *   minute, doubling) in place when that is short, else pauses the run until then, as GitHub asks.
 * - 5xx and timeouts: retried with exponential backoff, then a `TransientError` (the run is retried later).
 * - Other 4xx: a plain Error (the step fails; retrying would not help).
 * Loaded by the job worker: no auth or Next modules here.
 */
export interface ClientOptions {
  apiUrl: string;
  token?: string;
  fetch?: typeof fetch;
  /** Attempts per request on 5xx, timeouts and short secondary limits (default 4). */
  attempts?: number;
  /** First backoff delay in ms, doubled per attempt (default 1,000); tests pass a small one. */
  backoffMs?: number;
  /** Longest wait spent in place for a secondary limit; a longer one pauses the run (default 60 s). */
  maxInlineWaitMs?: number;
  sleep?: (ms: number) => Promise<void>;
}

export class RateLimited extends Error {
  constructor(
    readonly resumeAt: Date,
    readonly reason: string,
  ) {
    super(reason);
  }
}

/** A failure that may pass: GitHub answered 5xx, timed out, or kept asking us to slow down. */
export class TransientError extends Error {}

const SECONDARY = /secondary rate limit|abuse detection/i;

export function resumeAtOf(res: Response, at: Date): Date | null {
  const remaining = res.headers.get("x-ratelimit-remaining");
  if (remaining === null || Number(remaining) > 0) return null;
  const reset = Number(res.headers.get("x-ratelimit-reset"));
  return Number.isFinite(reset) && reset > 0 ? new Date(reset * 1000) : new Date(at.getTime() + 60 * 60_000);
}

/** GitHub's GraphQL endpoint beside a REST base: `/graphql` on github.com, `/api/graphql` on a server (`/api/v3`). */
const graphqlUrlOf = (apiBase: string) =>
  (/\/api\/v3$/.test(apiBase) ? apiBase.replace(/\/v3$/, "") : apiBase) + "/graphql";

export function createGithubClient(opts: ClientOptions) {
  const f = opts.fetch ?? fetch;
  const origin = new URL(opts.apiUrl).origin;
  const apiBase = opts.apiUrl.replace(/\/$/, "");
  const attempts = opts.attempts ?? 4;
  const backoffMs = opts.backoffMs ?? 1000;
  const maxInlineWaitMs = opts.maxInlineWaitMs ?? 60_000;
  const sleep = opts.sleep ?? ((ms: number) => new Promise<void>((r) => setTimeout(r, ms)));
  const stats = { requests: 0 };

  async function request(
    url: string,
    init: { method?: string; body?: string; etag?: string | null; allow404?: boolean } = {},
  ) {
    // Only follow links to the configured API (a Link header never sends the token elsewhere).
    if (new URL(url).origin !== origin) throw new Error(`refusing to follow ${new URL(url).origin}`);
    const headers: Record<string, string> = {
      accept: "application/vnd.github+json",
      "x-github-api-version": "2022-11-28",
      "user-agent": "tag-portal",
    };
    if (opts.token) headers.authorization = `Bearer ${opts.token}`;
    if (init.etag) headers["if-none-match"] = init.etag;
    if (init.body) headers["content-type"] = "application/json";
    const where = new URL(url).pathname;
    let secondaryWait = 60_000;
    for (let attempt = 1; ; attempt++) {
      const last = attempt >= attempts;
      let res: Response;
      try {
        stats.requests++;
        res = await f(url, {
          method: init.method ?? "GET",
          headers,
          body: init.body,
          signal: AbortSignal.timeout(15_000),
          cache: "no-store",
        });
      } catch (e) {
        const reason = `GitHub did not answer for ${where} (${e instanceof Error ? e.message : String(e)})`;
        if (last) throw new TransientError(reason);
        await sleep(backoffMs * 2 ** (attempt - 1));
        continue;
      }
      if (res.status === 403 || res.status === 429) {
        const reset = resumeAtOf(res, new Date());
        if (reset)
          throw new RateLimited(reset, `GitHub's rate limit ran out; the sync resumes at ${reset.toISOString()}.`);
        const retryAfter = Number(res.headers.get("retry-after"));
        const text = await res.text();
        if (Number.isFinite(retryAfter) && retryAfter > 0 ? true : SECONDARY.test(text)) {
          const wait = Number.isFinite(retryAfter) && retryAfter > 0 ? retryAfter * 1000 : secondaryWait;
          secondaryWait *= 2;
          if (wait > maxInlineWaitMs || last) {
            const at = new Date(Date.now() + wait);
            throw new RateLimited(
              at,
              `GitHub's secondary rate limit asked us to slow down; the sync resumes at ${at.toISOString()}.`,
            );
          }
          await sleep(wait);
          continue;
        }
        throw new Error(`GitHub answered ${res.status} for ${where}`);
      }
      if (res.status >= 500) {
        if (last) throw new TransientError(`GitHub answered ${res.status} for ${where} (${attempt} attempts)`);
        await sleep(backoffMs * 2 ** (attempt - 1));
        continue;
      }
      if (res.status === 404 && init.allow404) return res;
      // Writes answer 201 (created) or 204 (no content).
      if (!(res.status >= 200 && res.status < 300) && res.status !== 304)
        throw new Error(`GitHub answered ${res.status} for ${where}`);
      return res;
    }
  }

  /** A GraphQL query; GitHub answers errors with 200 and an `errors` list. */
  async function graphql<T>(query: string, variables: Record<string, unknown>): Promise<T> {
    const res = await request(graphqlUrlOf(apiBase), { method: "POST", body: JSON.stringify({ query, variables }) });
    const body = (await res.json()) as { data?: T; errors?: { message: string; type?: string }[] };
    // GraphQL's own hourly budget: GitHub answers 200 with a RATE_LIMITED error.
    if (body.errors?.some((e) => e.type === "RATE_LIMITED")) {
      const at = resumeAtOf(res, new Date()) ?? new Date(Date.now() + 60 * 60_000);
      throw new RateLimited(at, `GitHub's GraphQL rate limit ran out; the sync resumes at ${at.toISOString()}.`);
    }
    if (body.errors?.length || !body.data)
      throw new Error(`GitHub's GraphQL API answered: ${body.errors?.map((e) => e.message).join("; ") ?? "no data"}`);
    return body.data;
  }

  return {
    get: (url: string, etag?: string | null) => request(url, { etag }),
    /** A read whose 404 is an answer (a repository nobody has written to yet lists nothing), not an error. */
    getOrNotFound: (url: string) => request(url, { allow404: true }),
    post: (url: string, body: unknown) => request(url, { method: "POST", body: JSON.stringify(body) }),
    del: (url: string) => request(url, { method: "DELETE", allow404: true }),
    /** A yes/no endpoint (`204` yes, `404` no), such as whether a login is a repository's collaborator. */
    check: async (url: string) => (await request(url, { allow404: true })).status === 204,
    graphql,
    apiBase,
    stats,
  };
}

export type GithubClient = ReturnType<typeof createGithubClient>;
