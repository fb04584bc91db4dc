import "server-only";
import { db } from "@/lib/db";
import { now } from "@/lib/clock";
import {
  helpWantedLabelsFor,
  linkedItemsOf,
  notifyDraftsOffered,
  offerDrafts,
  refreshLinkedItems,
  snapshotOf,
  type GithubIssueJson,
  type IssueSnapshot,
} from "./drafts";
import { ingestGithubWork, issueExternalId, type GithubWork } from "./ingest";

/**
 * Imports a TAG's GitHub work (issues and PRs, their reviews, issue comments) for portal users,
 * offers open issues carrying the repository's help-wanted labels to the TAG's leads as drafts, and
 * refreshes the state and assignees of issues that items link. Pages with Link headers, asks with
 * If-None-Match (the stored ETag) and an incremental `since`, and stops when the rate limit runs
 * out: the run records when it may resume, and the next page URL is kept per repository and list
 * so a later run continues there. Records upsert by external id, so
 * re-running imports nothing twice. Loaded by the job worker: no auth or Next modules here.
 */
export interface SyncOptions {
  apiUrl: string;
  token?: string;
  fetch?: typeof fetch;
  perPage?: number;
}

export interface SyncResult {
  status: "succeeded" | "failed" | "paused";
  resumeAt?: Date;
  imported: number;
  /** Help-wanted drafts offered by this run (or this part of it). */
  drafts?: number;
}

/** Per repository, in this order: help-wanted issues (one list per label), then all issues and PRs, then comments. */
export const SYNC_STEPS = ["help-wanted", "issues", "comments"] as const;

class RateLimited extends Error {
  constructor(readonly resumeAt: Date) {
    super("rate limited");
  }
}

interface IssueJson extends GithubIssueJson {
  created_at: string;
  updated_at: string;
  user: { id: number } | null;
}
interface CommentJson {
  id: number;
  html_url: string;
  created_at: string;
  updated_at: string;
  issue_url: string;
  user: { id: number } | null;
}
interface ReviewJson {
  id: number;
  html_url: string;
  submitted_at: string | null;
  user: { id: number } | null;
}

const nextLink = (link: string | null) => (link ? (/<([^>]+)>;\s*rel="next"/.exec(link)?.[1] ?? null) : null);

function resumeAtOf(res: Response, at: Date): Date | null {
  const remaining = res.headers.get("x-ratelimit-remaining");
  if (remaining === null || Number(remaining) > 0) return null;
  const reset = Number(res.headers.get("x-ratelimit-reset"));
  return Number.isFinite(reset) && reset > 0 ? new Date(reset * 1000) : new Date(at.getTime() + 60 * 60_000);
}

export function createGithubClient(opts: SyncOptions) {
  const f = opts.fetch ?? fetch;
  const origin = new URL(opts.apiUrl).origin;
  const apiBase = opts.apiUrl.replace(/\/$/, "");
  const get = async (url: string, etag?: string | null) => {
    // Only follow links to the configured API (a Link header never sends the token elsewhere).
    if (new URL(url).origin !== origin) throw new Error(`refusing to follow ${new URL(url).origin}`);
    const headers: Record<string, string> = {
      accept: "application/vnd.github+json",
      "x-github-api-version": "2022-11-28",
      "user-agent": "tag-portal",
    };
    if (opts.token) headers.authorization = `Bearer ${opts.token}`;
    if (etag) headers["if-none-match"] = etag;
    const res = await f(url, { headers, signal: AbortSignal.timeout(15_000), cache: "no-store" });
    if ((res.status === 403 || res.status === 429) && res.headers.get("x-ratelimit-remaining") === "0")
      throw new RateLimited(resumeAtOf(res, new Date())!);
    if (res.status !== 200 && res.status !== 304)
      throw new Error(`GitHub answered ${res.status} for ${new URL(url).pathname}`);
    return res;
  };
  return { get, apiBase };
}

type Client = ReturnType<typeof createGithubClient>;

function listUrl(
  apiBase: string,
  repo: string,
  path: string,
  params: Record<string, string>,
  since: Date | null,
  perPage: number,
) {
  const u = new URL(`${apiBase}/repos/${repo}/${path}`);
  for (const [k, v] of Object.entries(params)) u.searchParams.set(k, v);
  u.searchParams.set("sort", "updated");
  u.searchParams.set("direction", "asc");
  u.searchParams.set("per_page", String(perPage));
  if (since) u.searchParams.set("since", since.toISOString());
  return u.toString();
}

/** One incremental list of a repository: its state key, first URL, and what to do with a page. */
interface ListSpec {
  /** RepoSyncState endpoint: `issues`, `comments`, or `help-wanted:<label>`. */
  key: string;
  url: (since: Date | null) => string;
  /** Handles one page; returns contribution records created. May throw RateLimited. */
  page: (items: unknown[]) => Promise<number>;
}

async function reviewsOf(client: Client, repo: string, n: number, title: string): Promise<GithubWork[]> {
  const out: GithubWork[] = [];
  let url: string | null = `${client.apiBase}/repos/${repo}/pulls/${n}/reviews?per_page=100`;
  while (url) {
    const res = await client.get(url);
    for (const r of (await res.json()) as ReviewJson[]) {
      if (!r.user || !r.submitted_at) continue;
      out.push({
        kind: "review",
        externalId: `gh:review:${r.id}`,
        authorId: r.user.id,
        repo,
        occurredAt: new Date(r.submitted_at),
        title: `Review of #${n} ${title}`,
        link: r.html_url,
      });
    }
    url = nextLink(res.headers.get("link"));
  }
  return out;
}

async function workOfPage(
  client: Client,
  repo: string,
  endpoint: "issues" | "comments",
  items: unknown[],
): Promise<GithubWork[]> {
  const out: GithubWork[] = [];
  if (endpoint === "issues") {
    for (const i of items as IssueJson[]) {
      if (!i.user) continue;
      const isPr = !!i.pull_request;
      out.push({
        kind: isPr ? "pr" : "issue",
        externalId: issueExternalId(isPr ? "pr" : "issue", repo, i.number),
        authorId: i.user.id,
        repo,
        occurredAt: new Date(i.created_at),
        title: i.title,
        link: i.html_url,
      });
      if (isPr) out.push(...(await reviewsOf(client, repo, i.number, i.title)));
    }
  } else {
    for (const c of items as CommentJson[]) {
      if (!c.user) continue;
      const n = /\/issues\/(\d+)$/.exec(c.issue_url)?.[1] ?? "?";
      out.push({
        kind: "comment",
        externalId: `gh:comment:${c.id}`,
        authorId: c.user.id,
        repo,
        occurredAt: new Date(c.created_at),
        title: `Comment on #${n}`,
        link: c.html_url,
      });
    }
  }
  return out;
}

/** Syncs one list of one repository from where it stopped; returns records created. Throws RateLimited to pause. */
async function syncList(client: Client, repo: string, spec: ListSpec): Promise<number> {
  const key = { repo_endpoint: { repo: repo.toLowerCase(), endpoint: spec.key } };
  const state = await db.repoSyncState.findUnique({ where: key });
  let url: string | null = state?.nextPageUrl ?? spec.url(state?.since ?? null);
  const firstPage = !state?.nextPageUrl;
  let watermark = state?.since ?? null;
  let etag = state?.etag ?? null;
  let imported = 0;
  let page = 0;
  while (url) {
    const res = await client.get(url, firstPage && page === 0 ? state?.etag : null);
    if (res.status === 304) break;
    const items = (await res.json()) as { updated_at?: string }[];
    try {
      imported += await spec.page(items);
    } catch (e) {
      // Out of requests in the middle of a page: a later run reads this page again (upserts make that harmless).
      if (e instanceof RateLimited)
        await db.repoSyncState.upsert({
          where: key,
          create: {
            repo: repo.toLowerCase(),
            endpoint: spec.key,
            since: state?.since ?? null,
            nextPageUrl: url,
            updatedAt: await now(),
          },
          update: { nextPageUrl: url, updatedAt: await now() },
        });
      throw e;
    }
    for (const i of items)
      if (i.updated_at && (!watermark || new Date(i.updated_at) > watermark)) watermark = new Date(i.updated_at);
    if (firstPage && page === 0) etag = res.headers.get("etag");
    const next = nextLink(res.headers.get("link"));
    page++;
    const at = await now();
    const pause = resumeAtOf(res, at);
    await db.repoSyncState.upsert({
      where: key,
      create: {
        repo: repo.toLowerCase(),
        endpoint: spec.key,
        etag,
        since: next ? (state?.since ?? null) : watermark,
        nextPageUrl: next,
        updatedAt: at,
      },
      update: { etag, ...(next ? {} : { since: watermark }), nextPageUrl: next, updatedAt: at },
    });
    if (pause && next) throw new RateLimited(pause);
    url = next;
  }
  return imported;
}

const issueSnapshots = (repo: string, items: unknown[]): IssueSnapshot[] =>
  (items as IssueJson[]).map((i) => snapshotOf(repo, i));

/**
 * One step of one repository. `help-wanted` reads the open issues with each of the repository's
 * help-wanted labels (GitHub's `labels` filter) and offers them as drafts; `issues` imports work,
 * refreshes linked items and offers help-wanted issues it meets (labels compared without regard to
 * case, whatever GitHub's filter does); `comments` imports comments.
 */
async function syncStep(
  client: Client,
  repo: string,
  step: (typeof SYNC_STEPS)[number],
  tag: { id: string; slug: string },
  perPage: number,
  drafts: { count: number },
): Promise<number> {
  const base = client.apiBase;
  const labels = (await helpWantedLabelsFor([repo])).get(repo.toLowerCase())!;
  const offer = async (snaps: IssueSnapshot[]) => {
    drafts.count += await offerDrafts(tag, snaps, labels, await now());
  };
  if (step === "help-wanted") {
    let imported = 0;
    for (const label of labels) {
      imported += await syncList(client, repo, {
        key: `help-wanted:${label}`,
        url: (since) => listUrl(base, repo, "issues", { state: "open", labels: label }, since, perPage),
        page: async (items) => {
          const snaps = issueSnapshots(repo, items);
          await offer(snaps);
          await refreshLinkedItems(snaps, await now());
          return 0;
        },
      });
    }
    return imported;
  }
  if (step === "issues") {
    const linked = await linkedItemsOf(repo);
    return syncList(client, repo, {
      key: "issues",
      url: (since) => listUrl(base, repo, "issues", { state: "all" }, since, perPage),
      page: async (items) => {
        const snaps = issueSnapshots(repo, items);
        const work = await workOfPage(client, repo, "issues", items);
        await offer(snaps);
        await refreshLinkedItems(snaps, await now(), linked);
        return ingestGithubWork(work, tag.id);
      },
    });
  }
  return syncList(client, repo, {
    key: "comments",
    url: (since) => listUrl(base, repo, "issues/comments", {}, since, perPage),
    page: async (items) => ingestGithubWork(await workOfPage(client, repo, "comments", items), tag.id),
  });
}

/** Runs (or resumes) one SyncRun. The worker calls this; tests pass the stand-in's URL. */
export async function runSync(runId: string, opts: SyncOptions): Promise<SyncResult> {
  const run = await db.syncRun.findUnique({
    where: { id: runId },
    select: { id: true, tagId: true, status: true, imported: true },
  });
  if (!run) return { status: "failed", imported: 0 };
  if (run.status === "succeeded" || run.status === "failed") return { status: run.status, imported: 0 };
  const tag = await db.tag.findUniqueOrThrow({
    where: { id: run.tagId },
    select: { id: true, slug: true, repositories: true },
  });
  const repos = tag.repositories;
  const client = createGithubClient(opts);
  const perPage = opts.perPage ?? 100;
  await db.syncRun.update({
    where: { id: runId },
    data: {
      status: "running",
      startedAt: await now(),
      total: repos.length * SYNC_STEPS.length,
      done: 0,
      resumeAt: null,
      error: null,
    },
  });
  const errors: string[] = [];
  let imported = 0;
  const drafts = { count: 0 };
  try {
    for (const repo of repos) {
      for (const step of SYNC_STEPS) {
        try {
          imported += await syncStep(client, repo, step, tag, perPage, drafts);
        } catch (e) {
          if (e instanceof RateLimited) throw e;
          errors.push(`${repo} ${step}: ${e instanceof Error ? e.message : String(e)}`);
        }
        await db.syncRun.update({
          where: { id: runId },
          data: { done: { increment: 1 }, imported: run.imported + imported },
        });
      }
    }
  } catch (e) {
    if (!(e instanceof RateLimited)) {
      await db.syncRun.update({
        where: { id: runId },
        data: {
          status: "failed",
          finishedAt: await now(),
          imported: run.imported + imported,
          error: (e instanceof Error ? e.message : String(e)).slice(0, 4000),
        },
      });
      throw e;
    }
    await notifyDraftsOffered(tag, drafts.count, await now());
    await db.syncRun.update({
      where: { id: runId },
      data: {
        status: "queued",
        resumeAt: e.resumeAt,
        imported: run.imported + imported,
        error: `GitHub's rate limit ran out; the sync resumes at ${e.resumeAt.toISOString()}.`,
      },
    });
    return { status: "paused", resumeAt: e.resumeAt, imported, drafts: drafts.count };
  }
  await notifyDraftsOffered(tag, drafts.count, await now());
  const status = errors.length ? "failed" : "succeeded";
  await db.syncRun.update({
    where: { id: runId },
    data: {
      status,
      finishedAt: await now(),
      imported: run.imported + imported,
      error: errors.length ? errors.join("\n").slice(0, 4000) : null,
    },
  });
  return { status, imported, drafts: drafts.count };
}
