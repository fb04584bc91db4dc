import { env } from "@/lib/env";

/**
 * The one place that decides which credential calls GitHub for a repository. Today: the
 * configured GITHUB_API_TOKEN (the documented fallback mode). With a GitHub App configured, the
 * App's installation token for the repository's installation takes its place (issue #19 point 1),
 * so callers never choose between the two.
 */
export async function githubTokenFor(repoFullName: string | null): Promise<string | undefined> {
  void repoFullName;
  return env().GITHUB_API_TOKEN;
}
