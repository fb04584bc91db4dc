import "server-only";
import { db } from "@/lib/db";
import type { ContributionKind } from "@/lib/generated/prisma/enums";

/** One piece of GitHub work, from a webhook or a sync, before it is matched to a portal user. */
export interface GithubWork {
  kind: Extract<ContributionKind, "pr" | "issue" | "review" | "comment">;
  /** `gh:pr:owner/name#12`, `gh:issue:owner/name#3`, `gh:review:<id>`, `gh:comment:<id>`: the same for webhook and sync. */
  externalId: string;
  /** GitHub's numeric user id of the author (never the login: GitHub frees renamed logins). */
  authorId: number;
  repo: string;
  occurredAt: Date;
  title: string;
  link: string | null;
}

export const issueExternalId = (kind: "pr" | "issue", repo: string, n: number) =>
  `gh:${kind}:${repo.toLowerCase()}#${n}`;

/** The TAG a repository belongs to (the first by slug when several list it), by "owner/name", case-insensitively. */
export async function tagsForRepos(): Promise<Map<string, string>> {
  const tags = await db.tag.findMany({
    where: { repositories: { isEmpty: false } },
    select: { id: true, repositories: true },
    orderBy: { slug: "asc" },
  });
  const map = new Map<string, string>();
  for (const t of tags) for (const r of t.repositories) if (!map.has(r.toLowerCase())) map.set(r.toLowerCase(), t.id);
  return map;
}

export async function tagForRepo(repo: string): Promise<string | null> {
  return (await tagsForRepos()).get(repo.toLowerCase()) ?? null;
}

type Client = Pick<typeof db, "user" | "contributionRecord">;

/**
 * Stores GitHub work of portal users (matched by numeric GitHub id) for a TAG. Upserts by external
 * id, so a replayed webhook, a re-run sync, or a webhook and a sync of the same work never
 * double-count. Returns how many records were created.
 */
export async function ingestGithubWork(items: GithubWork[], tagId: string, client: Client = db): Promise<number> {
  if (items.length === 0) return 0;
  const ids = [...new Set(items.map((i) => BigInt(i.authorId)))];
  const users = await client.user.findMany({ where: { githubId: { in: ids } }, select: { id: true, githubId: true } });
  const byGithubId = new Map(users.map((u) => [u.githubId.toString(), u.id]));
  const rows = items
    .filter((i) => byGithubId.has(String(i.authorId)))
    .map((i) => ({
      userId: byGithubId.get(String(i.authorId))!,
      tagId,
      kind: i.kind,
      source: "github" as const,
      verification: "verified" as const,
      occurredAt: i.occurredAt,
      title: i.title.slice(0, 300),
      link: i.link,
      externalId: i.externalId,
    }));
  if (rows.length === 0) return 0;
  const created = await client.contributionRecord.createMany({ data: rows, skipDuplicates: true });
  return created.count;
}
