import "server-only";
import { db } from "@/lib/db";
import { now as clockNow } from "@/lib/clock";
import { env } from "@/lib/env";
import { notifyLeads } from "@/lib/help-wanted/notify-leads";
import type { Prisma } from "@/lib/generated/prisma/client";
import { githubTokenFor, githubTokenForOwner } from "@/lib/github-access/tokens";
import { createGithubClient, RateLimited } from "./client";
import { helpWantedLabelsFor } from "./drafts";
import { recordItemOnProjects, sendProjectStatus, writeTarget } from "./project-writes";
import { commentMarker, describeWrite } from "./write-marker";

/**
 * Writes to GitHub (issue 19 point 2, docs/decisions/014-two-way-issues.md): every write is a
 * GithubWrite row keyed by what it is for (`accept:<claimId>`, `progress:<updateId>`,
 * `label:<itemId>`, `create-issue:<itemId>`), sent by the job queue at least once. A write that
 * fails waits with a doubling backoff and is tried again, up to {@link WRITE_ATTEMPTS} times; then it
 * is `failed` and the item's leads are told. Each step is idempotent: a comment carries a marker
 * and is looked for before it is posted again, assignment and labels are states GitHub keeps.
 * Loaded by the job worker: no auth or Next modules here.
 */

export const WRITE_ATTEMPTS = 5;
/** The first wait after a failed attempt, doubled per attempt (30 s, 1, 2, 4 minutes). */
export const WRITE_BACKOFF_MS = 30_000;
/** How long one attempt holds a write: another worker does not send it meanwhile. */
const LEASE_MS = 2 * 60_000;

/** `project-status`: an item's Status on its TAG's project board (lib/github/project-writes.ts). */
export type WriteKind = "accept" | "progress" | "label" | "create-issue" | "project-status";

export interface AcceptPayload {
  login: string;
  /** The person's profile allows assignment (else the comment mentions them). */
  assign: boolean;
  itemUrl: string;
  /** Set once sent: whether GitHub took the assignment. */
  assigned?: boolean;
}
export interface CommentPayload {
  body: string;
}
export interface CreateIssuePayload {
  title: string;
  body: string;
}
export interface LabelPayload {
  label: string;
  /** What the last attempt left on the issue. */
  applied?: "present" | "absent";
}

export type Enqueue = (writeId: string, startAfter?: Date) => Promise<void>;

/** The worker's queue (loaded on first use, so this module stays importable without pg-boss running). */
export const queueEnqueue: Enqueue = async (id, startAfter) =>
  (await import("@/lib/jobs/queue")).enqueueGithubWrite(id, startAfter);

/**
 * Records a write for `key` and queues it. A key already recorded is left alone (the same step
 * again posts nothing twice), except `label` and `project-status`, whose row is set pending again:
 * they follow the item's latest state, read when it is sent.
 */
export async function recordWrite(
  w: { key: string; itemId: string; kind: WriteKind; repo: string; issueNumber: number | null; payload: object },
  at: Date,
  enqueue: Enqueue,
): Promise<string | null> {
  const data = {
    ...w,
    payload: w.payload as Prisma.InputJsonValue,
    createdAt: at,
    nextAttemptAt: at,
  };
  const row =
    w.kind === "label" || w.kind === "project-status"
      ? await db.githubWrite.upsert({
          where: { key: w.key },
          create: data,
          update: { status: "pending", attempts: 0, lastError: null, nextAttemptAt: at, issueNumber: w.issueNumber },
          select: { id: true },
        })
      : (await db.githubWrite.createManyAndReturn({ data: [data], skipDuplicates: true, select: { id: true } }))[0];
  if (!row) return null;
  await enqueue(row.id).catch((e) => console.error("[github-writes] enqueue failed; the sweep sends it", e));
  return row.id;
}

/** The repository's first help-wanted label (lib/github/repository-settings.ts): the one the portal sets. */
export async function helpWantedLabelOf(repo: string): Promise<string> {
  return (await helpWantedLabelsFor([repo])).get(repo.toLowerCase())![0]!;
}

type Row = NonNullable<Awaited<ReturnType<typeof loadWrite>>>;
const loadWrite = (id: string) => db.githubWrite.findUnique({ where: { id } });

export interface WriteOutcome {
  status: "done" | "retry" | "failed" | "skipped";
  error?: string;
  /** After a failed attempt that will be tried again: how long it waits. */
  retryInMs?: number;
  /** GitHub's rate limit refused it: other writes wait as long. */
  rateLimited?: boolean;
}

/**
 * Sends one write (the job's body). Takes a lease on the row first (compare-and-swap), so two
 * workers, or a retry and the sweep, never send it at once.
 */
export async function performWrite(
  id: string,
  opts: { apiUrl?: string; backoffMs?: number; fetch?: typeof fetch; enqueue?: Enqueue } = {},
): Promise<WriteOutcome> {
  const at = await clockNow();
  const { count } = await db.githubWrite.updateMany({
    where: { id, status: "pending", nextAttemptAt: { lte: at } },
    data: { nextAttemptAt: new Date(at.getTime() + LEASE_MS) },
  });
  if (count === 0) return { status: "skipped" };
  const w = (await loadWrite(id))!;
  const client = createGithubClient({
    apiUrl: opts.apiUrl ?? env().GITHUB_API_URL,
    // A project write's `repo` is the project's owner (an organisation or user), not a repository.
    token: w.kind === "project-status" ? await githubTokenForOwner(w.repo) : await githubTokenFor(w.repo),
    fetch: opts.fetch,
    attempts: 1,
  });
  try {
    const update = await send(client, w, at);
    await db.githubWrite.update({
      where: { id },
      data: { ...update, status: "done", doneAt: at, lastError: null, attempts: { increment: 1 } },
    });
    // A draft card on the TAG's project board becomes the new issue's card.
    if (w.kind === "create-issue") await recordItemOnProjects(w.itemId, at, opts.enqueue ?? queueEnqueue);
    return { status: "done" };
  } catch (e) {
    const error = e instanceof Error ? e.message : String(e);
    const attempts = w.attempts + 1;
    if (attempts >= WRITE_ATTEMPTS) {
      await db.githubWrite.update({ where: { id }, data: { status: "failed", attempts, lastError: error } });
      const item = await db.helpWantedItem.findUnique({
        where: { id: w.itemId },
        select: { title: true, tags: { select: { tagId: true } } },
      });
      if (item)
        await notifyLeads(
          db,
          item.tags.map((t) => t.tagId),
          {
            kind: "help-wanted.github-write-failed",
            title: `GitHub did not take an update for "${item.title}"`,
            body: `${describeWrite(w.kind)} on ${await writeTarget(w)} failed ${attempts} times: ${error}`,
            link: `/help-wanted/${w.itemId}`,
            dedupeKey: `github-write-failed:${id}`,
          },
          at,
        );
      return { status: "failed", error };
    }
    const wait =
      e instanceof RateLimited
        ? Math.max(e.resumeAt.getTime() - Date.now(), 1000)
        : (opts.backoffMs ?? WRITE_BACKOFF_MS) * 2 ** (attempts - 1);
    const nextAttemptAt = new Date(at.getTime() + wait);
    await db.githubWrite.update({ where: { id }, data: { attempts, lastError: error, nextAttemptAt } });
    return { status: "retry", error, retryInMs: wait, rateLimited: e instanceof RateLimited };
  }
}

/**
 * One poll's writes, in queue order (the worker's handler): each is sent on its own, and one that
 * failed is queued again for after its backoff. Once GitHub's rate limit refuses one, the rest of
 * the batch is queued for when it lifts instead of spending requests on refusals.
 */
export async function performWriteBatch(
  ids: readonly string[],
  requeue: Enqueue,
  opts: Parameters<typeof performWrite>[1] = {},
): Promise<WriteOutcome[]> {
  const outcomes: WriteOutcome[] = [];
  let limitedUntil: Date | null = null;
  for (const id of ids) {
    if (limitedUntil) {
      await requeue(id, limitedUntil);
      outcomes.push({ status: "retry", retryInMs: limitedUntil.getTime() - Date.now(), rateLimited: true });
      continue;
    }
    const r = await performWrite(id, opts);
    if (r.status === "retry") {
      const at = new Date(Date.now() + r.retryInMs!);
      await requeue(id, at);
      if (r.rateLimited) limitedUntil = at;
    }
    outcomes.push(r);
  }
  return outcomes;
}

type Client = ReturnType<typeof createGithubClient>;

/** The steps of one write; each may be repeated after a failure without doing anything twice. */
async function send(client: Client, w: Row, at: Date): Promise<Prisma.GithubWriteUpdateInput> {
  if (w.kind === "project-status") return sendProjectStatus(client, w);
  const repoUrl = `${client.apiBase}/repos/${w.repo}`;
  const issueUrl = `${repoUrl}/issues/${w.issueNumber}`;
  if (w.kind === "create-issue") {
    const p = w.payload as unknown as CreateIssuePayload;
    const item = await db.helpWantedItem.findUniqueOrThrow({ where: { id: w.itemId }, select: { status: true } });
    const labels = item.status === "open" ? [await helpWantedLabelOf(w.repo)] : [];
    // An earlier attempt GitHub took but whose answer was lost left an issue with this write's marker: link it.
    const issue =
      (await issueWithMarker(client, repoUrl, commentMarker(w.id))) ??
      ((await (await client.post(`${repoUrl}/issues`, { title: p.title, body: p.body, labels })).json()) as NewIssue);
    // The item links its new issue; the label is already as the item's state wants it.
    await db.$transaction([
      db.helpWantedItem.update({
        where: { id: w.itemId },
        data: {
          githubIssueUrl: issue.html_url,
          githubIssueTitle: issue.title,
          githubIssueState: issue.state,
          githubIssueAssignees: [],
        },
      }),
      db.githubWrite.upsert({
        where: { key: `label:${w.itemId}` },
        create: {
          key: `label:${w.itemId}`,
          itemId: w.itemId,
          kind: "label",
          repo: w.repo,
          issueNumber: issue.number,
          payload: {
            label: labels[0] ?? (await helpWantedLabelOf(w.repo)),
            applied: labels.length ? "present" : "absent",
          },
          status: "done",
          createdAt: at,
          nextAttemptAt: at,
          doneAt: at,
        },
        update: {},
      }),
    ]);
    return { issueNumber: issue.number, remoteId: String(issue.number) };
  }
  if (w.kind === "label") {
    const p = w.payload as unknown as LabelPayload;
    const item = await db.helpWantedItem.findUniqueOrThrow({ where: { id: w.itemId }, select: { status: true } });
    const want = item.status === "open" ? "present" : "absent";
    const have = ((await (await client.get(`${issueUrl}/labels?per_page=100`)).json()) as { name: string }[]).some(
      (l) => l.name.toLowerCase() === p.label.toLowerCase(),
    );
    if (want === "present" && !have) await client.post(`${issueUrl}/labels`, { labels: [p.label] });
    if (want === "absent" && have) await client.del(`${issueUrl}/labels/${encodeURIComponent(p.label)}`);
    return { payload: { ...p, applied: want } };
  }
  if (w.kind === "accept") {
    const p = w.payload as unknown as AcceptPayload;
    let assigned = p.assigned ?? false;
    if (p.assign && !assigned) {
      // GitHub answers 201 and silently drops an assignee who is not a collaborator: check first.
      const collaborator = await client.check(`${repoUrl}/collaborators/${encodeURIComponent(p.login)}`);
      if (collaborator) {
        const res = await client.post(`${issueUrl}/assignees`, { assignees: [p.login] });
        const issue = (await res.json()) as { assignees?: { login: string }[] };
        assigned = (issue.assignees ?? []).some((a) => a.login.toLowerCase() === p.login.toLowerCase());
      }
      // Remembered at once: a retry of the comment does not ask again.
      await db.githubWrite.update({ where: { id: w.id }, data: { payload: { ...p, assigned } } });
    }
    const body = assigned
      ? `Assigned to ${p.login}, accepted as a volunteer on the TAG Portal: ${p.itemUrl}`
      : `@${p.login} was accepted as a volunteer for this issue on the TAG Portal: ${p.itemUrl}`;
    const commentId = await commentOnce(client, issueUrl, w.id, body);
    return { payload: { ...p, assigned }, remoteId: commentId };
  }
  const p = w.payload as unknown as CommentPayload;
  return { remoteId: await commentOnce(client, issueUrl, w.id, p.body) };
}

interface NewIssue {
  number: number;
  html_url: string;
  title: string;
  state: string;
  body?: string | null;
}
/** Pages of the newest issues read for a lost creation: it is among the repository's newest, retried within minutes. */
const NEWEST_ISSUE_PAGES = 3;

/** The repository's issue carrying `marker` among its newest (GitHub's search index lags; the list does not). */
async function issueWithMarker(client: Client, repoUrl: string, marker: string): Promise<NewIssue | null> {
  let url: string | null = `${repoUrl}/issues?state=all&sort=created&direction=desc&per_page=100`;
  for (let page = 0; url && page < NEWEST_ISSUE_PAGES; page++) {
    const res = await client.getOrNotFound(url);
    if (res.status === 404) return null;
    const found = ((await res.json()) as NewIssue[]).find((i) => i.body?.includes(marker));
    if (found) return found;
    url = nextPageOf(res);
  }
  return null;
}

const nextPageOf = (res: Response) => /<([^>]+)>;\s*rel="next"/.exec(res.headers.get("link") ?? "")?.[1] ?? null;

/**
 * Posts a comment unless one with this write's marker is there already (an earlier attempt that
 * GitHub took but whose answer was lost). Returns the comment id.
 */
async function commentOnce(client: Client, issueUrl: string, writeId: string, body: string): Promise<string> {
  const marker = commentMarker(writeId);
  for (let url: string | null = `${issueUrl}/comments?per_page=100`; url;) {
    const res = await client.get(url);
    const found = ((await res.json()) as { id: number; body?: string }[]).find((c) => c.body?.includes(marker));
    if (found) return String(found.id);
    url = nextPageOf(res);
  }
  const res = await client.post(`${issueUrl}/comments`, { body: `${body}\n\n${marker}` });
  return String(((await res.json()) as { id: number }).id);
}

/** Sends every write whose time came (the sweep): a lost job or a crashed worker delays a write, never drops it. */
export async function sendDueWrites(at: Date, enqueue: Enqueue = queueEnqueue): Promise<number> {
  const due = await db.githubWrite.findMany({
    where: { status: "pending", nextAttemptAt: { lte: at } },
    select: { id: true },
    orderBy: { nextAttemptAt: "asc" },
    take: 200,
  });
  for (const w of due) await enqueue(w.id);
  return due.length;
}
