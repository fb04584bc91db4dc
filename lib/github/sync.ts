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
import {
  createGithubClient,
  RateLimited,
  resumeAtOf,
  TransientError,
  type ClientOptions,
  type GithubClient,
} from "./client";
import { githubTokenFor } from "@/lib/github-access/tokens";

/**
 * Imports a TAG's GitHub work (issues and PRs, their reviews, issue comments) for portal users,
 * offers open issues carrying the repository's help-wanted labels to the TAG's leads as drafts, and
 * refreshes the state and assignees of issues that items link. Pages with Link headers, asks with
 * If-None-Match (the stored ETag) and an incremental `since`, and stops when the rate limit runs
 * out: the run records when it may resume, and the next page URL is kept per repository and list
 * so a later run continues there. Records upsert by external id, so
 * re-running imports nothing twice. Loaded by the job worker: no auth or Next modules here.
 */
export interface SyncOptions extends ClientOptions {
  perPage?: number;
}

export interface SyncResult {
  /** `paused`: the run waits until `resumeAt` (a rate limit, or a retry after a failure that may pass). */
  status: "succeeded" | "failed" | "paused";
  resumeAt?: Date;
  imported: number;
  /** Help-wanted drafts offered by this run (or this part of it). */
  drafts?: number;
}

/** Per repository, in this order: help-wanted issues (one list per label), then all issues and PRs, then comments. */
export const SYNC_STEPS = ["help-wanted", "issues", "comments"] as const;

/** Attempts of a run that fails in a way that may pass (5xx, timeouts); then it stays failed. */
export const SYNC_ATTEMPTS = 4;
/** Wait before the next attempt of a failed run: 5 minutes, then 20, then 80. */
export const retryDelayMs = (attempt: number) => 5 * 60_000 * 4 ** (attempt - 1);

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

type Client = GithubClient;
/** What a run has done so far: records created and drafts offered. */
interface Tally {
  imported: number;
  drafts: number;
}

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

const reviewWork = (
  repo: string,
  n: number,
  title: string,
  id: string | number,
  authorId: number,
  at: string,
  link: string,
): GithubWork => ({
  kind: "review",
  externalId: `gh:review:${id}`,
  authorId,
  repo,
  occurredAt: new Date(at),
  title: `Review of #${n} ${title}`,
  link,
});

/** All reviews of one pull request over REST: only for the rare pull request with more than 100 reviews. */
async function reviewsOf(client: Client, repo: string, n: number, title: string): Promise<GithubWork[]> {
  const out: GithubWork[] = [];
  let url: string | null = `${client.apiBase}/repos/${repo}/pulls/${n}/reviews?per_page=100`;
  while (url) {
    const res = await client.get(url);
    for (const r of (await res.json()) as ReviewJson[])
      if (r.user && r.submitted_at) out.push(reviewWork(repo, n, title, r.id, r.user.id, r.submitted_at, r.html_url));
    url = nextLink(res.headers.get("link"));
  }
  return out;
}

interface ReviewsJson {
  pageInfo: { hasNextPage: boolean };
  nodes: {
    fullDatabaseId: string | null;
    submittedAt: string | null;
    url: string;
    author: { databaseId?: number } | null;
  }[];
}

/**
 * The reviews of a page's pull requests in one GraphQL request (one alias per pull request), where
 * REST needs one request per pull request: that was most of a sync's requests (issue 19).
 */
async function reviewsOfPullRequests(client: Client, repo: string, prs: { number: number; title: string }[]) {
  if (prs.length === 0) return [];
  const [owner, name] = repo.split("/");
  const fields = prs
    .map(
      (p) =>
        `pr${p.number}: pullRequest(number: ${p.number}) { reviews(first: 100) { pageInfo { hasNextPage } nodes { fullDatabaseId submittedAt url author { ... on User { databaseId } } } } }`,
    )
    .join(" ");
  const data = await client.graphql<{ repository: Record<string, { reviews: ReviewsJson } | null> | null }>(
    `query PortalReviews($owner: String!, $name: String!) { repository(owner: $owner, name: $name) { ${fields} } }`,
    { owner, name },
  );
  const out: GithubWork[] = [];
  for (const p of prs) {
    const reviews = data.repository?.[`pr${p.number}`]?.reviews;
    if (!reviews) continue;
    if (reviews.pageInfo.hasNextPage) {
      out.push(...(await reviewsOf(client, repo, p.number, p.title)));
      continue;
    }
    for (const r of reviews.nodes)
      if (r.author?.databaseId && r.submittedAt && r.fullDatabaseId)
        out.push(reviewWork(repo, p.number, p.title, r.fullDatabaseId, r.author.databaseId, r.submittedAt, r.url));
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
    }
    const prs = (items as IssueJson[]).filter((i) => i.user && i.pull_request);
    out.push(...(await reviewsOfPullRequests(client, repo, prs)));
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

/** Syncs one list of one repository from where it stopped, counting records created in `tally`. Throws RateLimited to pause, TransientError to retry later. */
async function syncList(client: Client, repo: string, spec: ListSpec, tally: Tally): Promise<void> {
  const key = { repo_endpoint: { repo: repo.toLowerCase(), endpoint: spec.key } };
  const state = await db.repoSyncState.findUnique({ where: key });
  let url: string | null = state?.nextPageUrl ?? spec.url(state?.since ?? null);
  const firstPage = !state?.nextPageUrl;
  let watermark = state?.since ?? null;
  let etag = state?.etag ?? null;
  let page = 0;
  while (url) {
    const res = await client.get(url, firstPage && page === 0 ? state?.etag : null);
    if (res.status === 304) break;
    const items = (await res.json()) as { updated_at?: string }[];
    try {
      // Counted as each page is stored, so a run paused after it still reports it.
      tally.imported += await spec.page(items);
    } catch (e) {
      // Out of requests (or GitHub failing) in the middle of a page: the run's next attempt reads this
      // page again (upserts make that harmless).
      if (e instanceof RateLimited || e instanceof TransientError)
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
    if (pause && next)
      throw new RateLimited(pause, `GitHub's rate limit ran out; the sync resumes at ${pause.toISOString()}.`);
    url = next;
  }
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
  tally: Tally,
): Promise<void> {
  const base = client.apiBase;
  const labels = (await helpWantedLabelsFor([repo])).get(repo.toLowerCase())!;
  const offer = async (snaps: IssueSnapshot[]) => {
    tally.drafts += await offerDrafts(tag, snaps, labels, await now());
  };
  if (step === "help-wanted") {
    for (const label of labels) {
      await syncList(
        client,
        repo,
        {
          key: `help-wanted:${label}`,
          url: (since) => listUrl(base, repo, "issues", { state: "open", labels: label }, since, perPage),
          page: async (items) => {
            const snaps = issueSnapshots(repo, items);
            await offer(snaps);
            await refreshLinkedItems(snaps, await now());
            return 0;
          },
        },
        tally,
      );
    }
    return;
  }
  if (step === "issues") {
    const linked = await linkedItemsOf(repo);
    return syncList(
      client,
      repo,
      {
        key: "issues",
        url: (since) => listUrl(base, repo, "issues", { state: "all" }, since, perPage),
        page: async (items) => {
          const snaps = issueSnapshots(repo, items);
          const work = await workOfPage(client, repo, "issues", items);
          await offer(snaps);
          await refreshLinkedItems(snaps, await now(), linked);
          return ingestGithubWork(work, tag.id);
        },
      },
      tally,
    );
  }
  return syncList(
    client,
    repo,
    {
      key: "comments",
      url: (since) => listUrl(base, repo, "issues/comments", {}, since, perPage),
      page: async (items) => ingestGithubWork(await workOfPage(client, repo, "comments", items), tag.id),
    },
    tally,
  );
}

/**
 * Runs (or resumes) one SyncRun. The worker calls this; tests pass the stand-in's URL. A run paused
 * by a rate limit, or by a failure that may pass (5xx, timeouts; retried SYNC_ATTEMPTS times with a
 * growing delay), goes back to `queued` with `resumeAt` and the reason in `error`; resuming skips
 * the steps already done, so progress and counts continue where they stopped.
 */
export async function runSync(runId: string, opts: SyncOptions): Promise<SyncResult> {
  const run = await db.syncRun.findUnique({
    where: { id: runId },
    select: { id: true, tagId: true, status: true, imported: true, done: true, attempts: true, startedAt: true },
  });
  if (!run) return { status: "failed", imported: 0 };
  if (run.status === "succeeded" || run.status === "failed") return { status: run.status, imported: 0 };
  const tag = await db.tag.findUniqueOrThrow({
    where: { id: run.tagId },
    select: { id: true, slug: true, repositories: true },
  });
  const steps = tag.repositories.flatMap((repo) => SYNC_STEPS.map((step) => ({ repo, step })));
  // One client per repository: its credential is the App installation's token or token mode's (auth.ts).
  const clients = new Map<string, Client>();
  const clientFor = async (repo: string) =>
    clients.get(repo) ??
    clients.set(repo, createGithubClient({ ...opts, token: opts.token ?? (await githubTokenFor(repo)) })).get(repo)!;
  const perPage = opts.perPage ?? 100;
  const attempt = run.attempts + 1;
  const startedAt = await now();
  await db.syncRun.update({
    where: { id: runId },
    data: {
      status: "running",
      startedAt: run.startedAt ?? startedAt,
      total: steps.length,
      resumeAt: null,
    },
  });
  // Steps that failed for good (a missing repository) are reported; the rest of the run goes on.
  const errors: string[] = [];
  let done = run.done;
  const tally: Tally = { imported: 0, drafts: 0 };
  const save = (data: Parameters<typeof db.syncRun.update>[0]["data"]) =>
    db.syncRun.update({ where: { id: runId }, data: { imported: run.imported + tally.imported, done, ...data } });
  try {
    for (const { repo, step } of steps.slice(run.done)) {
      try {
        await syncStep(await clientFor(repo), repo, step, tag, perPage, tally);
      } catch (e) {
        if (e instanceof RateLimited || e instanceof TransientError) throw e;
        errors.push(`${repo} ${step}: ${e instanceof Error ? e.message : String(e)}`);
      }
      done++;
      await save({});
    }
  } catch (e) {
    await notifyDraftsOffered(tag, tally.drafts, await now());
    const at = await now();
    if (e instanceof RateLimited) {
      // A rate limit is not a failed attempt: the same attempt goes on when GitHub allows.
      await save({ status: "queued", resumeAt: e.resumeAt, error: e.reason });
      return { status: "paused", resumeAt: e.resumeAt, imported: tally.imported, drafts: tally.drafts };
    }
    const reason = (e instanceof Error ? e.message : String(e)).slice(0, 3000);
    if (e instanceof TransientError && attempt < SYNC_ATTEMPTS) {
      // Real time, as GitHub's reset times: the queue delays the job by the wall clock, not the demo's.
      const resumeAt = new Date(Date.now() + retryDelayMs(attempt));
      await save({
        status: "queued",
        resumeAt,
        attempts: attempt,
        error: `Attempt ${attempt} of ${SYNC_ATTEMPTS} failed: ${reason}. Retrying at ${resumeAt.toISOString()}.`,
      });
      return { status: "paused", resumeAt, imported: tally.imported, drafts: tally.drafts };
    }
    await save({
      status: "failed",
      attempts: attempt,
      finishedAt: at,
      error: [...errors, `Failed after ${attempt} attempts: ${reason}`].join("\n").slice(0, 4000),
    });
    return { status: "failed", imported: tally.imported, drafts: tally.drafts };
  }
  await notifyDraftsOffered(tag, tally.drafts, await now());
  const status = errors.length ? "failed" : "succeeded";
  await save({ status, finishedAt: await now(), error: errors.length ? errors.join("\n").slice(0, 4000) : null });
  return { status, imported: tally.imported, drafts: tally.drafts };
}
