/**
 * Branches, commits through the contents API and pull requests, as GitHub's REST API serves what
 * the portal uses to propose a roster change (lib/github/roster-pulls.ts):
 * `POST /repos/{o}/{r}/git/refs {ref, sha}` (a branch; 422 when it exists),
 * `PATCH /repos/{o}/{r}/git/refs/heads/{branch} {sha, force}` (moved back to `sha`),
 * `PUT /repos/{o}/{r}/contents/{path} {message, content, sha, branch}` (a commit on that branch;
 * 409 when `sha` is not the file's current blob), `POST /repos/{o}/{r}/pulls {title, head, base, body}`,
 * `GET /repos/{o}/{r}/pulls?head=owner:branch&state=open|closed|all`, `GET /repos/{o}/{r}/pulls/{n}`
 * (with `files`: the changed file's text on the branch, for tests and the demo).
 * Test control: `POST /_stand-in/pulls-refuse {count}` makes the next `count` pull requests answer 422;
 * `POST /_stand-in/pulls/{owner}/{repo}/{n}/merge` commits the branch's files to the
 * repository (files.ts) and `/close` closes it unmerged; each delivers the `pull_request` closed
 * webhook (deliver.ts), signed with the App's secret when an App installation holds the repository.
 */
import { createHash } from "node:crypto";
import type { createRepoFiles } from "./files.ts";
import type { WebhookDeliverer } from "./deliver.ts";
import { sendJson, type StandInApp, type StandInHandler } from "./app.ts";

interface Pull {
  number: number;
  repo: string;
  title: string;
  body: string;
  head: string;
  base: string;
  state: "open" | "closed";
  merged: boolean;
}

const blobSha = (text: string) =>
  createHash("sha1")
    .update(`blob ${Buffer.byteLength(text)}\0${text}`)
    .digest("hex");

export function createPulls(deps: {
  files: ReturnType<typeof createRepoFiles>;
  webhooks: WebhookDeliverer;
  app: StandInApp;
  appWebhookSecret?: string;
}) {
  /** `owner/repo:branch` -> the branch's changed files (path -> text). */
  const branches = new Map<string, Map<string, string>>();
  const pulls = new Map<string, Pull>();
  const json = sendJson;
  const pullJson = (p: Pull) => ({
    number: p.number,
    title: p.title,
    body: p.body,
    state: p.state,
    merged: p.merged,
    html_url: `https://github.com/${p.repo}/pull/${p.number}`,
    head: { ref: p.head },
    base: { ref: p.base },
    files: Object.fromEntries(branches.get(`${p.repo}:${p.head}`) ?? []),
  });

  async function closeAndDeliver(p: Pull, merged: boolean) {
    if (p.state === "closed") return;
    if (merged)
      for (const [path, text] of branches.get(`${p.repo}:${p.head}`) ?? []) deps.files.commit(p.repo, path, text);
    p.state = "closed";
    p.merged = merged;
    const installation = deps.app.installationFor(p.repo);
    const [owner, name] = p.repo.split("/");
    const payload = {
      action: "closed",
      number: p.number,
      pull_request: { ...pullJson(p), merged_at: merged ? new Date().toISOString() : null },
      repository: { full_name: p.repo, name, owner: { login: owner } },
      ...(installation ? { installation: { id: installation.id } } : {}),
    };
    await deps.webhooks.deliver("pull_request", payload, installation ? deps.appWebhookSecret : undefined);
  }

  /** How many more `POST /pulls` GitHub refuses (test control `POST /_stand-in/pulls-refuse {count}`). */
  let refusePulls = 0;

  const handle: StandInHandler = async (req, res, url, body) => {
    const path = url.pathname;
    if (req.method === "POST" && path === "/_stand-in/pulls-refuse") {
      refusePulls = Math.max(0, Number(((await body()) as { count?: unknown }).count) || 0);
      return (json(res, 200, { ok: true }), true);
    }
    const control = /^\/_stand-in\/pulls\/([^/]+\/[^/]+)\/(\d+)\/(merge|close)$/.exec(path);
    if (req.method === "POST" && control) {
      const p = pulls.get(`${control[1]}#${control[2]}`);
      if (!p) return (json(res, 404, { message: "Not Found" }), true);
      await closeAndDeliver(p, control[3] === "merge");
      return (json(res, 200, pullJson(p)), true);
    }
    const refs = /^\/api\/repos\/([^/]+\/[^/]+)\/git\/refs$/.exec(path);
    if (req.method === "POST" && refs) {
      const b = (await body()) as { ref?: string; sha?: string };
      const branch = /^refs\/heads\/(.+)$/.exec(b.ref ?? "")?.[1];
      if (!branch || !b.sha) return (json(res, 422, { message: "ref and sha required" }), true);
      const key = `${refs[1]}:${branch}`;
      if (branches.has(key)) return (json(res, 422, { message: "Reference already exists" }), true);
      branches.set(key, new Map());
      return (json(res, 201, { ref: b.ref, object: { sha: b.sha, type: "commit" } }), true);
    }
    // The ref may come encoded (`heads%2Fname`), as clients send a path parameter.
    const reset = /^heads\/(.+)$/.exec(
      decodeURIComponent(/^\/api\/repos\/[^/]+\/[^/]+\/git\/refs\/(.+)$/.exec(path)?.[1] ?? ""),
    );
    const resetRepo = /^\/api\/repos\/([^/]+\/[^/]+)\//.exec(path)?.[1];
    if (req.method === "PATCH" && reset && resetRepo) {
      const b = (await body()) as { sha?: string; force?: boolean };
      const key = `${resetRepo}:${reset[1]}`;
      if (!branches.has(key)) return (json(res, 422, { message: "Reference does not exist" }), true);
      if (!b.sha || !b.force) return (json(res, 422, { message: "Update is not a fast forward" }), true);
      // Moved back to the base: the branch's own changes are gone.
      branches.set(key, new Map());
      return (json(res, 200, { ref: `refs/heads/${reset[1]}`, object: { sha: b.sha } }), true);
    }
    const put = /^\/api\/repos\/([^/]+\/[^/]+)\/contents\/(.+)$/.exec(path);
    if (req.method === "PUT" && put) {
      const [, repo, file] = put as unknown as [string, string, string];
      const b = (await body()) as { content?: string; sha?: string; branch?: string; message?: string };
      if (!b.content || !b.message) return (json(res, 422, { message: "message and content required" }), true);
      const text = Buffer.from(b.content, "base64").toString("utf8");
      const changed = b.branch ? branches.get(`${repo}:${b.branch}`) : undefined;
      if (b.branch && !changed) return (json(res, 404, { message: `Branch ${b.branch} not found` }), true);
      const current = changed?.get(decodeURIComponent(file));
      if (current !== undefined && b.sha !== blobSha(current))
        return (json(res, 409, { message: `${file} does not match ${b.sha}` }), true);
      if (changed) changed.set(decodeURIComponent(file), text);
      else deps.files.commit(repo, decodeURIComponent(file), text);
      return (json(res, 200, { content: { path: file, sha: blobSha(text) }, commit: { message: b.message } }), true);
    }
    const list = /^\/api\/repos\/([^/]+\/[^/]+)\/pulls$/.exec(path);
    if (req.method === "POST" && list) {
      const repo = list[1]!;
      const b = (await body()) as { title?: string; head?: string; base?: string; body?: string };
      if (!b.title || !b.head || !b.base) return (json(res, 422, { message: "title, head and base required" }), true);
      if (!branches.has(`${repo}:${b.head}`)) return (json(res, 422, { message: `No branch ${b.head}` }), true);
      if (refusePulls > 0 && refusePulls--) return (json(res, 422, { message: "Validation Failed" }), true);
      // As GitHub: one open pull request per head branch.
      if ([...pulls.values()].some((p) => p.repo === repo && p.head === b.head && p.state === "open"))
        return (json(res, 422, { message: `A pull request already exists for ${b.head}.` }), true);
      const number = 1 + [...pulls.values()].filter((p) => p.repo === repo).length;
      const p: Pull = {
        number,
        repo,
        title: b.title,
        body: b.body ?? "",
        head: b.head,
        base: b.base,
        state: "open",
        merged: false,
      };
      pulls.set(`${repo}#${number}`, p);
      return (json(res, 201, pullJson(p)), true);
    }
    if (req.method === "GET" && list) {
      // GitHub's `head` filter is `owner:branch`; `state` open (the default), closed or all.
      const head = url.searchParams.get("head");
      const state = url.searchParams.get("state") ?? "open";
      const rows = [...pulls.values()].filter(
        (p) =>
          p.repo === list[1] &&
          (state === "all" || p.state === state) &&
          (!head || head === `${p.repo.split("/")[0]}:${p.head}`),
      );
      return (json(res, 200, rows.map(pullJson)), true);
    }
    const one = /^\/api\/repos\/([^/]+\/[^/]+)\/pulls\/(\d+)$/.exec(path);
    if (req.method === "GET" && one) {
      const p = pulls.get(`${one[1]}#${one[2]}`);
      if (p) return (json(res, 200, pullJson(p)), true);
    }
    return false;
  };

  return { handle };
}
