/**
 * The TOC's own tags.yaml, as published in cncf/toc, read through GitHub's REST API: the latest
 * commit that touched the file, then the file at that commit (so text and commit agree). The
 * commit is the import's decision link: the TOC's record of who holds which seat. Async I/O only.
 */
import { z } from "zod";
import { TOC_REPOSITORY, TOC_TAGS_FILE } from "../github-access/toc-repository.ts";

const Commits = z.array(z.object({ sha: z.string().regex(/^[0-9a-f]{40}$/) }));
const Contents = z.object({ encoding: z.literal("base64"), content: z.string() });

export interface TocTagsYaml {
  text: string;
  commit: string;
  /** Where a reader sees this version of the file: the decision link of the seats it records. */
  url: string;
}

export async function fetchTocTagsYaml(opts: { apiUrl: string; token?: string | null }): Promise<TocTagsYaml> {
  const api = opts.apiUrl.replace(/\/$/, "");
  const headers: Record<string, string> = { Accept: "application/vnd.github+json", "User-Agent": "tag-portal" };
  if (opts.token) headers.Authorization = `Bearer ${opts.token}`;
  const get = async (path: string) => {
    const res = await fetch(`${api}${path}`, { headers, signal: AbortSignal.timeout(20_000) });
    if (!res.ok) throw new Error(`GitHub answered HTTP ${res.status} for ${path}`);
    return res.json();
  };
  const commits = Commits.parse(
    await get(`/repos/${TOC_REPOSITORY}/commits?path=${encodeURIComponent(TOC_TAGS_FILE)}&per_page=1`),
  );
  const commit = commits[0]?.sha;
  if (!commit) throw new Error(`${TOC_REPOSITORY} has no ${TOC_TAGS_FILE}`);
  const file = Contents.parse(await get(`/repos/${TOC_REPOSITORY}/contents/${TOC_TAGS_FILE}?ref=${commit}`));
  return {
    text: Buffer.from(file.content, "base64").toString("utf8"),
    commit,
    url: `https://github.com/${TOC_REPOSITORY}/blob/${commit}/${TOC_TAGS_FILE}`,
  };
}
