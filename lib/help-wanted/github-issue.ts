import "server-only";
import { z } from "zod";
import { githubUrls } from "@/lib/auth/github";
import { env } from "@/lib/env";
import { GITHUB_ISSUE_RE } from "./schemas";

const IssueSchema = z.object({
  title: z.string(),
  state: z.enum(["open", "closed"]),
  assignees: z
    .array(z.object({ login: z.string() }).nullable())
    .nullish()
    .transform((a) => (a ?? []).flatMap((x) => (x ? [x.login] : []))),
});

export type LinkedIssue = z.infer<typeof IssueSchema>;

/**
 * Title, state and assignees of a linked GitHub issue through GITHUB_API_URL (the stand-in in demo
 * and tests). Null when GitHub does not answer: the link is kept; the sync and `issues` webhooks
 * refresh the details later.
 */
export async function fetchLinkedIssue(url: string): Promise<LinkedIssue | null> {
  const m = GITHUB_ISSUE_RE.exec(url);
  if (!m) return null;
  const token = env().GITHUB_API_TOKEN;
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
    const parsed = IssueSchema.safeParse(await res.json());
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}
