/**
 * Resolves GitHub logins to numeric ids through `GET {apiUrl}/users/{login}` (docs/architecture.md, "People and identity": identity
 * is the id; logins are renamed and reused). Async I/O only: the tests run the GitHub stand-in in
 * the same process.
 */
// Not server-only (the tags.yaml and Elekto import scripts use it); no runtime import but zod.
import { z } from "zod";

/** What GitHub says a login is now: its numeric id (the identity) and current spelling. */
export interface ResolvedLogin {
  githubId: string;
  login: string;
  name: string | null;
  /** GitHub's picture of the person, when it gave one. */
  avatarUrl?: string | null;
}

/** The reason a login stays unresolved when GitHub has nobody by that name. */
export const NO_SUCH_USER = "GitHub has no such user";

const GitHubUser = z.object({
  id: z.number().int().positive(),
  login: z.string(),
  name: z.string().nullable().optional(),
  avatar_url: z.string().nullable().optional(),
});

export type LoginResolver = (logins: readonly string[]) => Promise<Map<string, ResolvedLogin | { error: string }>>;

/**
 * A resolver for one GitHub API base URL (`https://api.github.com`, or the stand-in's `/api`).
 * Asks a few logins at a time; a 404 or a failed request leaves the login unresolved with the
 * reason, never guessed.
 */
export function githubLoginResolver(opts: {
  apiUrl: string;
  token?: string | null;
  concurrency?: number;
  timeoutMs?: number;
}): LoginResolver {
  const api = opts.apiUrl.replace(/\/$/, "");
  const headers: Record<string, string> = { Accept: "application/vnd.github+json", "User-Agent": "tag-portal" };
  if (opts.token) headers.Authorization = `Bearer ${opts.token}`;
  const one = async (login: string): Promise<ResolvedLogin | { error: string }> => {
    try {
      const res = await fetch(`${api}/users/${encodeURIComponent(login)}`, {
        headers,
        signal: AbortSignal.timeout(opts.timeoutMs ?? 15_000),
      });
      if (res.status === 404) return { error: NO_SUCH_USER };
      if (!res.ok) return { error: `GitHub answered HTTP ${res.status}` };
      const u = GitHubUser.safeParse(await res.json());
      if (!u.success) return { error: "GitHub's answer had no numeric id" };
      return {
        githubId: String(u.data.id),
        login: u.data.login,
        name: u.data.name ?? null,
        avatarUrl: u.data.avatar_url ?? null,
      };
    } catch (e) {
      const cause = e instanceof Error ? ((e.cause as Error | undefined)?.message ?? e.message) : String(e);
      return { error: `could not reach ${api} (${cause})` };
    }
  };
  return async (logins) => {
    const out = new Map<string, ResolvedLogin | { error: string }>();
    const queue = [...new Set(logins.map((l) => l.toLowerCase()))];
    const worker = async () => {
      for (let login = queue.shift(); login !== undefined; login = queue.shift()) out.set(login, await one(login));
    };
    await Promise.all(Array.from({ length: Math.min(opts.concurrency ?? 6, queue.length) }, worker));
    return out;
  };
}
