import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { githubUrls } from "@/lib/auth/github";
import { installationToken, listInstallations, type Installation } from "./app-client";
import { appConfig } from "./app-config";
import { TOC_REPOSITORY } from "./toc-repository";

/** How often a repository no stored installation holds sends the portal to ask GitHub again. */
const REFRESH_EVERY_MS = 10 * 60_000;
let refreshedAt = 0;

const installationOf = (repo: string) =>
  db.githubInstallation.findFirst({
    where: { repositories: { has: repo.toLowerCase() } },
    orderBy: { id: "asc" },
    select: { id: true },
  });

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
  let installation = await installationOf(repoFullName);
  // Installed (or given the repository) since the portal last asked: ask again, now and then.
  if (!installation && Date.now() - refreshedAt > REFRESH_EVERY_MS) {
    refreshedAt = Date.now();
    await listInstallations()
      .then((list) => storeInstallations(list, new Date()))
      .catch((e: unknown) => console.warn(`GitHub App installations not refreshed: ${(e as Error).message}`));
    installation = await installationOf(repoFullName);
  }
  return tokenOrFallback(installation, repoFullName);
}

/** The installation's token, else (none, or GitHub refusing the App) the configured token. */
async function tokenOrFallback(installation: { id: number } | null, what: string): Promise<string | undefined> {
  const fallback = env().GITHUB_API_TOKEN;
  if (!installation) return fallback;
  try {
    return await installationToken(installation.id);
  } catch (e) {
    console.warn(`GitHub App token for ${what} unavailable, using token mode: ${(e as Error).message}`);
    return fallback;
  }
}

/**
 * The credential for an organisation's or user's own objects (a project board): the App's
 * installation on that account, else GITHUB_API_TOKEN, as {@link githubTokenFor} decides for a repository.
 */
export async function githubTokenForOwner(owner: string): Promise<string | undefined> {
  if (appConfig().state !== "on") return env().GITHUB_API_TOKEN;
  const installation = await db.githubInstallation.findFirst({
    where: { account: { equals: owner, mode: "insensitive" } },
    orderBy: { id: "asc" },
    select: { id: true },
  });
  return tokenOrFallback(installation, owner);
}

/**
 * GitHub's API for what the portal looks up on its own behalf, about no repository of a TAG: a
 * login's account id, the TOC's tags.yaml. The credential is the one for the TOC's repository (the
 * App's installation there, which roster pull requests need anyway), else GITHUB_API_TOKEN.
 */
export async function githubLookupApi(): Promise<{ apiUrl: string; token: string | null }> {
  return { apiUrl: githubUrls().api, token: (await githubTokenFor(TOC_REPOSITORY)) ?? null };
}

/** Replaces the stored installations with GitHub's list (the App is the source of truth). */
export async function storeInstallations(list: readonly Installation[], at: Date): Promise<void> {
  await db.$transaction(async (tx) => {
    await tx.githubInstallation.deleteMany({ where: { id: { notIn: list.map((i) => i.id) } } });
    for (const i of list)
      await tx.githubInstallation.upsert({
        where: { id: i.id },
        create: { ...i, updatedAt: at },
        update: { account: i.account, repositories: i.repositories, updatedAt: at },
      });
  });
}
