import "server-only";
import { z } from "zod";
import { env } from "@/lib/env";

/** Base URLs of GitHub's web (OAuth) and REST API: github.com, or the local stand-in in demo and tests. */
export function githubUrls() {
  const e = env();
  return { web: e.GITHUB_WEB_URL.replace(/\/$/, ""), api: e.GITHUB_API_URL.replace(/\/$/, "") };
}

export const GitHubUserSchema = z.object({
  id: z.number().int().positive(),
  login: z.string().min(1),
  name: z.string().nullable().optional(),
  email: z.string().nullable().optional(),
  avatar_url: z.string().nullable().optional(),
});
export type GitHubUser = z.infer<typeof GitHubUserSchema>;

const EmailsSchema = z.array(z.object({ email: z.string(), primary: z.boolean(), verified: z.boolean() }));

/** GET a GitHub REST path with the user's token; throws on any non-2xx answer. */
export async function githubGet(path: string, token: string): Promise<unknown> {
  const res = await fetch(`${githubUrls().api}${path}`, {
    headers: { Authorization: `Bearer ${token}`, Accept: "application/vnd.github+json", "User-Agent": "tag-portal" },
    cache: "no-store",
  });
  if (!res.ok) throw new Error(`GitHub ${path} answered ${res.status}`);
  return res.json();
}

/**
 * The signed-in user's profile. GitHub omits the email when it is private; then it is read from
 * /user/emails at the configured API URL (next-auth's default request hard-codes api.github.com).
 */
export async function fetchGitHubProfile(token: string): Promise<GitHubUser> {
  const user = GitHubUserSchema.parse(await githubGet("/user", token));
  if (!user.email) {
    const emails = EmailsSchema.safeParse(await githubGet("/user/emails", token).catch(() => []));
    const primary = emails.success ? (emails.data.find((e) => e.primary && e.verified) ?? null) : null;
    user.email = primary?.email ?? null;
  }
  return user;
}
