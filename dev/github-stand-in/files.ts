/**
 * Repository files as GitHub's REST API serves them, for what the portal reads from a repository
 * (the TOC's tags.yaml in cncf/toc): `GET /repos/{owner}/{repo}/commits?path=&per_page=1` (the
 * latest commit touching a file) and `GET /repos/{owner}/{repo}/contents/{path}?ref=` (base64
 * content at a commit), `GET /repos/{owner}/{repo}/git/ref/heads/main` (the repository's newest
 * commit: contents at it are every file as of then; a repository nobody committed to has a root
 * commit with no files). Test control: `POST /_stand-in/files {repo, path, text}` commits a new
 * version of a file; a file nobody committed answers 404, as GitHub does.
 */
import { createHash } from "node:crypto";
import type http from "node:http";

interface Version {
  sha: string;
  text: string;
  at: string;
  /** Commits in the order they were made, across repositories. */
  seq: number;
}

export function createRepoFiles() {
  /** `owner/repo:path` -> versions, oldest first. */
  const files = new Map<string, Version[]>();
  const json = (res: http.ServerResponse, status: number, body: unknown) => {
    res.writeHead(status, { "content-type": "application/json" });
    res.end(JSON.stringify(body));
  };

  /** Commit sha -> its place in the order; a repository -> its newest commit. */
  const commitSeq = new Map<string, number>();
  const heads = new Map<string, string>();
  let seq = 0;
  const rootOf = (repo: string) => createHash("sha1").update(`${repo}\nroot`).digest("hex");

  function commit(repo: string, path: string, text: string): Version {
    const key = `${repo}:${path}`;
    const versions = files.get(key) ?? [];
    const sha = createHash("sha1").update(`${key}\n${versions.length}\n${text}`).digest("hex");
    const v = { sha, text, at: new Date().toISOString(), seq: ++seq };
    files.set(key, [...versions, v]);
    commitSeq.set(sha, v.seq);
    heads.set(repo, sha);
    return v;
  }

  /** The file as of commit `ref` (any commit of the repository, not only one that touched it). */
  function versionAt(versions: Version[], repo: string, ref: string): Version | undefined {
    const at = ref === rootOf(repo) ? 0 : commitSeq.get(ref);
    return at === undefined ? undefined : versions.filter((v) => v.seq <= at).at(-1);
  }

  /** Answers the request when it is one of this module's; false otherwise. */
  function handle(req: http.IncomingMessage, res: http.ServerResponse, url: URL): boolean {
    if (req.method !== "GET") return false;
    const commits = /^\/api\/repos\/([^/]+\/[^/]+)\/commits$/.exec(url.pathname);
    if (commits && url.searchParams.get("path")) {
      const repo = commits[1]!;
      const path = url.searchParams.get("path")!;
      const versions = files.get(`${repo}:${path}`) ?? [];
      json(
        res,
        200,
        versions
          .slice()
          .reverse()
          .map((v) => ({
            sha: v.sha,
            html_url: `https://github.com/${repo}/commit/${v.sha}`,
            commit: { message: `Update ${path}`, committer: { date: v.at } },
          })),
      );
      return true;
    }
    const head = /^\/api\/repos\/([^/]+\/[^/]+)\/git\/ref\/heads(?:\/|%2F)main$/i.exec(url.pathname);
    if (head) {
      const sha = heads.get(head[1]!) ?? rootOf(head[1]!);
      json(res, 200, { ref: "refs/heads/main", object: { sha, type: "commit" } });
      return true;
    }
    const contents = /^\/api\/repos\/([^/]+\/[^/]+)\/contents\/(.+)$/.exec(url.pathname);
    if (contents) {
      const [, repo, path] = contents;
      const versions = files.get(`${repo}:${decodeURIComponent(path!)}`) ?? [];
      const ref = url.searchParams.get("ref");
      const v = ref ? versionAt(versions, repo!, ref) : versions.at(-1);
      if (!v) json(res, 404, { message: "Not Found" });
      else
        json(res, 200, {
          type: "file",
          path,
          sha: createHash("sha1")
            .update(`blob ${Buffer.byteLength(v.text)}\0${v.text}`)
            .digest("hex"),
          encoding: "base64",
          content: Buffer.from(v.text, "utf8").toString("base64"),
          html_url: `https://github.com/${repo}/blob/${v.sha}/${path}`,
        });
      return true;
    }
    return false;
  }

  return { handle, commit };
}
