import "server-only";
import { db } from "@/lib/db";
import { communityLabelsFrom, DEFAULT_HELP_WANTED_LABELS, isHelpWanted, issueKey, kindFromIssue } from "./labels";
import { notifyLeads } from "@/lib/help-wanted/notify-leads";
import { recordAudit } from "@/lib/audit/record";

/**
 * GitHub issues as help-wanted drafts (issue 8, part 3), and linked issues kept fresh. Used by the
 * sync (the job worker) and the webhook route: no auth or Next modules here.
 *
 * A draft is a `HelpWantedItem` with status `draft` and source `github`, offered to the leads of
 * the TAG whose repository holds the issue. The partial unique index on `githubIssueUrl` where
 * source is `github` means one draft per issue, ever: a discarded draft (closed) is never offered
 * again, and re-running a sync inserts nothing twice. An issue a lead already linked by hand to an
 * item is not offered either. A github item that was never published has `reviewedAt` null
 * (publishing sets it), which is how a discarded draft differs from a published item closed later.
 */

/** What the portal keeps of a GitHub issue. */
export interface IssueSnapshot {
  /** GitHub's html_url: https://github.com/<owner>/<repo>/issues/<n>. */
  url: string;
  repo: string;
  number: number;
  title: string;
  body: string;
  state: "open" | "closed";
  labels: string[];
  /** Logins of the assignees (for display; identity is never decided by login). */
  assignees: string[];
  isPr: boolean;
}

/** The raw issue as GitHub's REST API and webhooks send it (the parts we read). */
export interface GithubIssueJson {
  number: number;
  title: string;
  html_url: string;
  body?: string | null;
  state?: string;
  labels?: (string | { name?: string | null })[];
  assignees?: ({ login?: string } | null)[] | null;
  assignee?: { login?: string } | null;
  pull_request?: unknown;
}

export function snapshotOf(repo: string, i: GithubIssueJson): IssueSnapshot {
  const assignees = (i.assignees ?? (i.assignee ? [i.assignee] : [])).flatMap((a) => (a?.login ? [a.login] : []));
  return {
    url: i.html_url,
    repo,
    number: i.number,
    title: i.title,
    body: i.body ?? "",
    state: i.state === "closed" ? "closed" : "open",
    labels: (i.labels ?? []).flatMap((l) => (typeof l === "string" ? [l] : l?.name ? [l.name] : [])),
    assignees: [...new Set(assignees)],
    isPr: Boolean(i.pull_request),
  };
}

/** Each repository's help-wanted labels (RepositorySettings, keyed by lower-cased "owner/name"), the defaults where none are set. */
export async function helpWantedLabelsFor(repos: readonly string[]): Promise<Map<string, string[]>> {
  const keys = repos.map((r) => r.toLowerCase());
  const rows = await db.repositorySettings.findMany({
    where: { repo: { in: keys } },
    select: { repo: true, helpWantedLabels: true },
  });
  const set = new Map(rows.map((r) => [r.repo, r.helpWantedLabels]));
  return new Map(keys.map((k) => [k, set.get(k) ?? [...DEFAULT_HELP_WANTED_LABELS]]));
}

const TITLE_MAX = 140;
const BODY_MAX = 20_000;

/**
 * Offers open, help-wanted-labelled issues (not pull requests) of one TAG's repository as drafts.
 * Returns how many drafts were created; the caller tells the leads once ({@link notifyDraftsOffered}).
 */
export async function offerDrafts(
  tag: { id: string; slug: string },
  issues: IssueSnapshot[],
  helpWantedLabels: readonly string[],
  at: Date,
): Promise<number> {
  const offered = issues.filter((i) => !i.isPr && i.state === "open" && isHelpWanted(i.labels, helpWantedLabels));
  if (offered.length === 0) return 0;
  const rows = offered.map((i) => ({
    url: i.url,
    key: issueKey(i.url),
    title: i.title.trim().slice(0, TITLE_MAX) || `${i.repo}#${i.number}`,
    issueTitle: i.title,
    body: i.body.slice(0, BODY_MAX),
    kind: kindFromIssue(i.labels, i.title),
    labels: communityLabelsFrom(i.labels),
    state: i.state,
    assignees: i.assignees,
  }));
  const created = await db.$transaction(async (tx) => {
    // Not for an issue any item already links (a lead's own post); the partial unique index
    // settles a race between a sync and a webhook offering the same issue.
    const inserted = await tx.$queryRaw<{ id: string; githubIssueUrl: string }[]>`
      INSERT INTO "HelpWantedItem" ("id", "title", "body", "kind", "status", "labels", "githubIssueUrl", "githubIssueTitle",
        "githubIssueState", "githubIssueAssignees", "githubIssueCheckedAt", "source", "createdAt", "updatedAt")
      SELECT gen_random_uuid(), x."title", x."body", x."kind"::"HelpWantedKind", 'draft', x."labels", x."url", x."issueTitle",
        x."state", x."assignees", ${at}, 'github', ${at}, ${at}
      FROM jsonb_to_recordset(${JSON.stringify(rows)}::jsonb)
        AS x("url" text, "key" text, "title" text, "issueTitle" text, "body" text, "kind" text, "labels" text[], "state" text, "assignees" text[])
      WHERE NOT EXISTS (SELECT 1 FROM "HelpWantedItem" h WHERE lower(h."githubIssueUrl") = x."key")
      ON CONFLICT ("githubIssueUrl") WHERE "source" = 'github' DO NOTHING
      RETURNING "id", "githubIssueUrl"`;
    if (inserted.length === 0) return inserted;
    await tx.helpWantedItemTag.createMany({ data: inserted.map((r) => ({ itemId: r.id, tagId: tag.id })) });
    await recordAudit(
      tx,
      inserted.map((r) => ({
        at,
        actorId: null,
        action: "help-wanted.draft",
        subjectType: "HelpWantedItem",
        subjectId: r.id,
        tagId: tag.id,
        after: { githubIssueUrl: r.githubIssueUrl },
      })),
    );
    return inserted;
  });
  return created.length;
}

/** Tells the TAG's leads that `n` new drafts wait in their lead console (once per sync run or webhook delivery). */
export async function notifyDraftsOffered(tag: { id: string; slug: string }, n: number, at: Date): Promise<void> {
  if (n <= 0) return;
  const title =
    n === 1
      ? "A GitHub issue is waiting as a help-wanted draft"
      : `${n} GitHub issues are waiting as help-wanted drafts`;
  await notifyLeads(
    db,
    [tag.id],
    {
      kind: "help-wanted.drafts",
      title,
      body: "Publish them to the board (after editing) or discard them.",
      link: `/manage/${tag.slug}`,
    },
    at,
  );
}

/** Items linked to issues of one repository, by lower-cased issue URL (one scan per repository and sync). */
export async function linkedItemsOf(repo: string): Promise<Map<string, string[]>> {
  // LIKE with the wildcards escaped, so the index on lower("githubIssueUrl") answers it.
  const prefix = `https://github.com/${repo.toLowerCase()}/issues/`.replace(/[\\%_]/g, "\\$&");
  const rows = await db.$queryRaw<{ id: string; key: string }[]>`
    SELECT "id", lower("githubIssueUrl") AS "key" FROM "HelpWantedItem"
    WHERE "githubIssueUrl" IS NOT NULL AND lower("githubIssueUrl") LIKE ${prefix + "%"}`;
  return byKey(rows);
}

function byKey(rows: { id: string; key: string }[]): Map<string, string[]> {
  const map = new Map<string, string[]>();
  for (const r of rows) map.set(r.key, [...(map.get(r.key) ?? []), r.id]);
  return map;
}

/**
 * Writes the issue's current title, state and assignees onto the items linked to it (drafts and
 * items leads linked by hand), so their pages and cards show a closed or assigned issue.
 * `linked` comes from {@link linkedItemsOf}; without it the items are looked up by URL. Returns
 * the number of items updated.
 */
export async function refreshLinkedItems(
  issues: IssueSnapshot[],
  at: Date,
  linked?: Map<string, string[]>,
): Promise<number> {
  const plain = issues.filter((i) => !i.isPr);
  if (plain.length === 0) return 0;
  const map = linked ?? (await linkedByUrl(plain.map((i) => issueKey(i.url))));
  const rows = plain.flatMap((i) =>
    (map.get(issueKey(i.url)) ?? []).map((id) => ({ id, title: i.title, state: i.state, assignees: i.assignees })),
  );
  if (rows.length === 0) return 0;
  return db.$executeRaw`
    UPDATE "HelpWantedItem" h
       SET "githubIssueTitle" = x."title", "githubIssueState" = x."state", "githubIssueAssignees" = x."assignees", "githubIssueCheckedAt" = ${at}
      FROM jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) AS x("id" uuid, "title" text, "state" text, "assignees" text[])
     WHERE h."id" = x."id"`;
}

async function linkedByUrl(keys: string[]): Promise<Map<string, string[]>> {
  const rows = await db.$queryRaw<{ id: string; key: string }[]>`
    SELECT "id", lower("githubIssueUrl") AS "key" FROM "HelpWantedItem" WHERE lower("githubIssueUrl") = ANY(${keys}::text[])`;
  return byKey(rows);
}
