import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { installationToken } from "./app/client";
import { appConfig } from "./app/config";

/**
 * The one place that decides which credential calls GitHub for a repository. With the GitHub App
 * configured (docs/decisions/013-github-app.md), the App's installation token for the installation
 * that holds the repository (tokens are reused until shortly before they expire); otherwise, for a
 * repository no installation holds, or when GitHub refuses the App, the configured
 * GITHUB_API_TOKEN (token mode, the documented fallback). Callers never choose between the two.
 */
export async function githubTokenFor(repoFullName: string | null): Promise<string | undefined> {
  const fallback = env().GITHUB_API_TOKEN;
  if (!repoFullName || appConfig().state !== "on") return fallback;
  const installation = await db.githubInstallation.findFirst({
    where: { repositories: { has: repoFullName.toLowerCase() } },
    orderBy: { id: "asc" },
    select: { id: true },
  });
  if (!installation) return fallback;
  try {
    return await installationToken(installation.id);
  } catch (e) {
    console.warn(`GitHub App token for ${repoFullName} unavailable, using token mode: ${(e as Error).message}`);
    return fallback;
  }
}
