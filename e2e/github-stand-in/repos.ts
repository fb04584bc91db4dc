/**
 * The stand-in's repository activity: issues and pull requests (one numbering, as on GitHub),
 * reviews and issue comments, served the way GitHub's REST API pages, caches and rate limits them.
 */
import { createHash } from "node:crypto";
import type http from "node:http";
import type { StandInIdentity } from "./identities.ts";

interface Author {
  id: number;
  login: string;
}
interface IssueRow {
  number: number;
  title: string;
  user: Author;
  created_at: string;
  updated_at: string;
  state: "open" | "closed";
  isPr: boolean;
}
interface ReviewRow {
  id: number;
  user: Author;
  submitted_at: string;
  state: string;
}
interface CommentRow {
  id: number;
  issueNumber: number;
  user: Author;
  created_at: string;
  updated_at: string;
  body: string;
}
interface Repo {
  issues: IssueRow[];
  reviews: Map<number, ReviewRow[]>;
  comments: CommentRow[];
}

const DAY = 86_400_000;

export function createRepoActivity(identities: readonly StandInIdentity[], base: () => string) {
  const repos = new Map<string, Repo>();
  let nextId = 5_000_001;
  const rate = { limit: 5000, remaining: 5000, resetAt: Math.floor(Date.now() / 1000) + 3600 };

  const repoOf = (name: string, create: boolean): Repo | undefined => {
    const key = name.toLowerCase();
    let r = repos.get(key);
    if (!r && create) repos.set(key, (r = { issues: [], reviews: new Map(), comments: [] }));
    return r;
  };
  const author = (id: number): Author => ({ id, login: identities.find((i) => i.id === id)?.login ?? `user-${id}` });

  function addEvent(repoName: string, e: { type: "issue" | "pr" | "review" | "comment"; authorId: number; title?: string; number?: number; at?: string }) {
    const r = repoOf(repoName, true)!;
    const at = e.at ? new Date(e.at).toISOString() : new Date().toISOString();
    if (e.type === "issue" || e.type === "pr") {
      const number = r.issues.length + 1;
      r.issues.push({ number, title: e.title ?? `${e.type === "pr" ? "Change" : "Question"} ${number}`, user: author(e.authorId), created_at: at, updated_at: at, state: "open", isPr: e.type === "pr" });
      return { number };
    }
    const target = r.issues.find((i) => i.number === e.number && (e.type === "comment" || i.isPr));
    if (!target) throw new Error(`no ${e.type === "review" ? "pull request" : "issue"} #${e.number}`);
    target.updated_at = at > target.updated_at ? at : target.updated_at;
    const id = nextId++;
    if (e.type === "review") r.reviews.set(target.number, [...(r.reviews.get(target.number) ?? []), { id, user: author(e.authorId), submitted_at: at, state: "APPROVED" }]);
    else r.comments.push({ id, issueNumber: target.number, user: author(e.authorId), created_at: at, updated_at: at, body: e.title ?? "Looks good" });
    return { id };
  }

  // Work in cncf/tag-security by the demo identities over the last months.
  const t0 = Date.now() - 120 * DAY;
  const ids = identities.map((i) => i.id);
  for (let k = 0; k < 24; k++) {
    const who = ids[(k * 7) % ids.length]!;
    const at = new Date(t0 + k * 4 * DAY).toISOString();
    const { number } = addEvent("cncf/tag-security", { type: k % 3 === 0 ? "issue" : "pr", authorId: who, at, title: k % 3 === 0 ? `Security question ${k}` : `Improve the security guide, part ${k}` }) as { number: number };
    if (k % 3 !== 0) addEvent("cncf/tag-security", { type: "review", authorId: ids[(k * 7 + 2) % ids.length]!, number, at: new Date(t0 + k * 4 * DAY + DAY).toISOString() });
    addEvent("cncf/tag-security", { type: "comment", authorId: ids[(k * 7 + 3) % ids.length]!, number, at: new Date(t0 + k * 4 * DAY + 2 * DAY).toISOString() });
  }

  const issueJson = (repo: string, i: IssueRow) => ({
    id: 7_000_000 + i.number,
    node_id: `I_${Buffer.from(`${repo}#${i.number}`).toString("base64url")}`,
    number: i.number,
    title: i.title,
    state: i.state,
    user: { ...i.user, type: "User" },
    created_at: i.created_at,
    updated_at: i.updated_at,
    html_url: `https://github.com/${repo}/${i.isPr ? "pull" : "issues"}/${i.number}`,
    ...(i.isPr ? { pull_request: { url: `${base()}/api/repos/${repo}/pulls/${i.number}`, html_url: `https://github.com/${repo}/pull/${i.number}` } } : {}),
  });

  function send(res: http.ServerResponse, req: http.IncomingMessage, url: URL, all: unknown[]) {
    const perPage = Math.min(100, Math.max(1, Number(url.searchParams.get("per_page") ?? 30) || 30));
    const page = Math.max(1, Number(url.searchParams.get("page") ?? 1) || 1);
    const last = Math.max(1, Math.ceil(all.length / perPage));
    const body = JSON.stringify(all.slice((page - 1) * perPage, page * perPage));
    const etag = `W/"${createHash("sha256").update(body).digest("hex").slice(0, 32)}"`;
    const rateHeaders = () => ({ "x-ratelimit-limit": String(rate.limit), "x-ratelimit-remaining": String(rate.remaining), "x-ratelimit-reset": String(rate.resetAt) });
    // As on GitHub, a 304 does not count against the rate limit.
    if (req.headers["if-none-match"] === etag) {
      res.writeHead(304, { etag, ...rateHeaders() });
      return res.end();
    }
    const links: string[] = [];
    const at = (p: number) => {
      const u = new URL(url.toString());
      u.searchParams.set("page", String(p));
      u.searchParams.set("per_page", String(perPage));
      return `<${base()}${u.pathname}${u.search}>`;
    };
    if (page < last) links.push(`${at(page + 1)}; rel="next"`, `${at(last)}; rel="last"`);
    if (page > 1) links.push(`${at(1)}; rel="first"`, `${at(page - 1)}; rel="prev"`);
    rate.remaining -= 1;
    res.writeHead(200, { "content-type": "application/json; charset=utf-8", etag, ...rateHeaders(), ...(links.length ? { link: links.join(", ") } : {}) });
    res.end(body);
  }

  /** Answers the repository routes and their test controls; false when the request is not one of them. */
  async function handle(req: http.IncomingMessage, res: http.ServerResponse, url: URL, readBody: () => Promise<Record<string, unknown>>): Promise<boolean> {
    const json = (status: number, body: unknown, headers: Record<string, string> = {}) => {
      res.writeHead(status, { "content-type": "application/json; charset=utf-8", ...headers });
      res.end(JSON.stringify(body));
      return true;
    };
    if (req.method === "POST" && url.pathname === "/_stand-in/events") {
      const b = await readBody();
      if (typeof b.repo !== "string" || !["issue", "pr", "review", "comment"].includes(String(b.type)) || typeof b.authorId !== "number") return json(400, { error: "repo, type and authorId required" });
      try {
        return json(200, addEvent(b.repo, b as unknown as Parameters<typeof addEvent>[1]));
      } catch (e) {
        return json(400, { error: (e as Error).message });
      }
    }
    if (req.method === "POST" && url.pathname === "/_stand-in/rate-limit") {
      const b = await readBody();
      rate.remaining = Number(b.remaining ?? rate.limit);
      rate.resetAt = Math.floor(Date.now() / 1000) + Number(b.resetInSeconds ?? 3600);
      return json(200, { ok: true });
    }
    if (req.method !== "GET") return false;
    const m = /^\/api\/repos\/([^/]+)\/([^/]+)\/(issues|issues\/comments|pulls\/(\d+)\/reviews)$/.exec(url.pathname);
    if (!m) return false;
    const repoName = `${decodeURIComponent(m[1]!)}/${decodeURIComponent(m[2]!)}`;
    const repo = repoOf(repoName, false);
    if (!repo) return json(404, { message: "Not Found" });
    if (rate.remaining <= 0 && Date.now() / 1000 < rate.resetAt) {
      return json(403, { message: "API rate limit exceeded" }, { "x-ratelimit-limit": String(rate.limit), "x-ratelimit-remaining": "0", "x-ratelimit-reset": String(rate.resetAt) });
    }
    if (rate.remaining <= 0) rate.remaining = rate.limit;
    const since = url.searchParams.get("since");
    const sinceIso = since && !Number.isNaN(Date.parse(since)) ? new Date(since).toISOString() : null;
    const byUpdated = <T extends { updated_at: string }>(a: T, b: T) => a.updated_at.localeCompare(b.updated_at);
    let all: unknown[];
    if (m[3] === "issues") {
      const state = url.searchParams.get("state") ?? "open";
      all = repo.issues
        .filter((i) => (state === "all" || i.state === state) && (!sinceIso || i.updated_at >= sinceIso))
        .sort(byUpdated)
        .map((i) => issueJson(repoName, i));
    } else if (m[3] === "issues/comments") {
      all = repo.comments
        .filter((c) => !sinceIso || c.updated_at >= sinceIso)
        .sort(byUpdated)
        .map((c) => ({
          id: c.id,
          node_id: `IC_${c.id}`,
          user: { ...c.user, type: "User" },
          body: c.body,
          created_at: c.created_at,
          updated_at: c.updated_at,
          html_url: `https://github.com/${repoName}/issues/${c.issueNumber}#issuecomment-${c.id}`,
          issue_url: `${base()}/api/repos/${repoName}/issues/${c.issueNumber}`,
        }));
    } else {
      const n = Number(m[4]);
      if (!repo.issues.some((i) => i.number === n && i.isPr)) return json(404, { message: "Not Found" });
      all = (repo.reviews.get(n) ?? []).map((r) => ({ id: r.id, node_id: `PRR_${r.id}`, user: { ...r.user, type: "User" }, state: r.state, submitted_at: r.submitted_at, html_url: `https://github.com/${repoName}/pull/${n}#pullrequestreview-${r.id}` }));
    }
    send(res, req, url, all);
    return true;
  }

  return { handle, addEvent, rate };
}
