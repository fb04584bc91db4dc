import "server-only";
import { githubUrls } from "@/lib/auth/github";
import { githubTokenFor } from "@/lib/github-access/tokens";
import type { IssueReader } from "@/lib/help-wanted/items";
import { GITHUB_ISSUE_RE, LinkedIssueSchema } from "@/lib/help-wanted/schemas";

/**
 * Title, state and assignees of a linked GitHub issue through GITHUB_API_URL (the stand-in in demo
 * and tests). Null when GitHub does not answer: the link is kept; the sync and `issues` webhooks
 * refresh the details later.
 */
export const fetchLinkedIssue: IssueReader = async (url) => {
  const m = GITHUB_ISSUE_RE.exec(url);
  if (!m) return null;
  const token = await githubTokenFor(`${m[1]}/${m[2]}`);
  try {
    const res = await fetch(`${githubUrls().api}/repos/${m[1]}/${m[2]}/issues/${m[3]}`, {
      headers: {
        Accept: "application/vnd.github+json",
        "User-Agent": "tag-portal",
        ...(token ? { Authorization: `Bearer ${token}` } : {}),
      },
      cache: "no-store",
      signal: AbortSignal.timeout(5000),
    });
    if (!res.ok) return null;
    const parsed = LinkedIssueSchema.safeParse(await res.json());
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
};
