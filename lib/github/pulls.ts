import "server-only";
import { request } from "@octokit/request";
import { z } from "zod";
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { githubTokenFor } from "@/lib/github-access/tokens";

/**
 * A pull request that changes one file: what the roster changes (lib/github/roster-pulls.ts) and
 * the TAG reports (lib/tag-reports/pull-request.ts) both propose. One branch from `base`, one
 * commit through the contents API, one pull request into `into`.
 */

/** Where the pull requests go into: the repositories' default branch. */
export const BASE_BRANCH = "main";

/** GitHub's REST API for one repository, with the App installation's token when it has one. */
export async function githubRestFor(repo: string) {
  const token = await githubTokenFor(repo);
  return request.defaults({
    baseUrl: env().GITHUB_API_URL.replace(/\/$/, ""),
    headers: { "user-agent": "tag-portal", ...(token ? { authorization: `token ${token}` } : {}) },
  });
}
export type GithubRest = Awaited<ReturnType<typeof githubRestFor>>;

const PullJson = z.object({ number: z.number().int(), html_url: z.string() });

export interface FileProposal {
  repo: string;
  /** The commit the branch starts from. */
  base: string;
  branch: string;
  path: string;
  text: string;
  /** The blob the file has at `base`; none for a new file. */
  fileSha?: string;
  title: string;
  body: string;
}

/**
 * Opens the pull request; returns its number and address. Safe to call again after a failure: a
 * pull request already open from the branch (GitHub took it, its answer was lost) is returned, and
 * a branch left by an attempt GitHub refused later on is moved back to `base` and used again.
 */
export async function proposeFile(gh: GithubRest, p: FileProposal): Promise<{ number: number; url: string }> {
  const [owner, repo] = p.repo.split("/") as [string, string];
  const { data: open } = await gh("GET /repos/{owner}/{repo}/pulls", {
    owner,
    repo,
    head: `${owner}:${p.branch}`,
    state: "open",
  });
  const already = open[0] && PullJson.parse(open[0]);
  if (already) return { number: already.number, url: already.html_url };
  try {
    await gh("POST /repos/{owner}/{repo}/git/refs", { owner, repo, ref: `refs/heads/${p.branch}`, sha: p.base });
  } catch (e) {
    // 422: the branch exists already.
    if ((e as { status?: number }).status !== 422) throw e;
    await gh("PATCH /repos/{owner}/{repo}/git/refs/{ref}", {
      owner,
      repo,
      ref: `heads/${p.branch}`,
      sha: p.base,
      force: true,
    });
  }
  await gh("PUT /repos/{owner}/{repo}/contents/{path}", {
    owner,
    repo,
    path: p.path,
    branch: p.branch,
    ...(p.fileSha ? { sha: p.fileSha } : {}),
    message: p.title,
    content: Buffer.from(p.text, "utf8").toString("base64"),
  });
  const { data } = await gh("POST /repos/{owner}/{repo}/pulls", {
    owner,
    repo,
    head: p.branch,
    base: BASE_BRANCH,
    title: p.title,
    body: p.body,
  });
  const pull = PullJson.parse(data);
  return { number: pull.number, url: pull.html_url };
}

/** The commit at the tip of the default branch, and the file's blob there (undefined: no such file). */
export async function baseOf(gh: GithubRest, repoFullName: string, path: string) {
  const [owner, repo] = repoFullName.split("/") as [string, string];
  const { data: ref } = await gh("GET /repos/{owner}/{repo}/git/ref/{ref}", {
    owner,
    repo,
    ref: `heads/${BASE_BRANCH}`,
  });
  const base = ref.object.sha;
  try {
    const { data: file } = await gh("GET /repos/{owner}/{repo}/contents/{path}", { owner, repo, path, ref: base });
    return { base, fileSha: !Array.isArray(file) && file.type === "file" ? file.sha : undefined };
  } catch (e) {
    if ((e as { status?: number }).status === 404) return { base, fileSha: undefined };
    throw e;
  }
}

/** GitHub refusing (or not answering) a pull request's step, in words a lead can act on. */
export function githubRefusal(e: unknown, repo: string): AppError {
  if (e instanceof AppError) return e;
  const status = (e as { status?: number }).status;
  return new AppError(
    "UNAVAILABLE",
    status
      ? `GitHub refused the pull request (${status}): ${(e as Error).message}. Check that the portal's GitHub App is installed on ${repo}, then try again.`
      : `GitHub could not be reached: ${(e as Error).message}. Try again in a moment.`,
  );
}
