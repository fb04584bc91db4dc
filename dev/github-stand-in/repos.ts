/**
 * The stand-in's repository activity: issues and pull requests (one numbering, as on GitHub) with
 * labels and assignees, reviews and issue comments, served the way GitHub's REST API pages,
 * filters (`state`, `labels`, `since`), orders (`sort`, `direction`), caches and rate limits them. `cncf/tag-security` starts
 * with work by the demo identities and a handful of help-wanted issues (labelled `help wanted`,
 * `help-wanted` or `community/help wanted`, some assigned, one closed). A large synthetic
 * repository for benchmarks: POST /_stand-in/synthetic, or STAND_IN_SYNTHETIC=owner/name:events.
 */
import { createHash } from "node:crypto";
import type http from "node:http";
import type { StandInIdentity } from "./identities.ts";
import { DAY } from "../../lib/vocabulary/index.ts";
import { z } from "zod";
import helpWantedJson from "./help-wanted-issues.json" with { type: "json" };

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
  body: string;
  labels: string[];
  assignees: Author[];
  closed_at: string | null;
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

export interface NewEvent {
  type: "issue" | "pr" | "review" | "comment";
  authorId: number;
  title?: string;
  /** The issue or pull request a review or comment belongs to. */
  number?: number;
  at?: string;
  body?: string;
  labels?: string[];
  /** Logins. */
  assignees?: string[];
  state?: "open" | "closed";
}

/** An issue of cncf/tag-security's starting activity: labelled help wanted (or not), some assigned (logins) or closed. */
const HelpWantedIssue = z.object({
  title: z.string(),
  labels: z.array(z.string()),
  body: z.string(),
  assignees: z.array(z.string()).optional(),
  state: z.enum(["open", "closed"]).optional(),
});

export function createRepoActivity(identities: readonly StandInIdentity[], base: () => string) {
  const repos = new Map<string, Repo>();
  let nextId = 5_000_001;
  const rate = { limit: 5000, remaining: 5000, resetAt: Math.floor(Date.now() / 1000) + 3600 };
  /** The answer `count` API requests get, after `after` more pass (POST /_stand-in/faults): 5xx, a secondary limit. */
  const faults = { status: 0, count: 0, after: 0, retryAfter: undefined as number | undefined };

  const repoOf = (name: string, create: boolean): Repo | undefined => {
    const key = name.toLowerCase();
    let r = repos.get(key);
    if (!r && create) repos.set(key, (r = { issues: [], reviews: new Map(), comments: [] }));
    return r;
  };
  const author = (id: number): Author => ({ id, login: identities.find((i) => i.id === id)?.login ?? `user-${id}` });

  const byLogin = (login: string): Author => ({ id: identities.find((i) => i.login === login)?.id ?? 0, login });

  function addEvent(repoName: string, e: NewEvent) {
    const r = repoOf(repoName, true)!;
    const at = e.at ? new Date(e.at).toISOString() : new Date().toISOString();
    if (e.type === "issue" || e.type === "pr") {
      let number = r.issues.length + 1;
      // A number an issue made real by ensureIssue holds is skipped.
      while (r.issues.some((i) => i.number === number)) number++;
      const state = e.state === "closed" ? "closed" : "open";
      r.issues.push({
        number,
        title: e.title ?? `${e.type === "pr" ? "Change" : "Question"} ${number}`,
        user: author(e.authorId),
        created_at: at,
        updated_at: at,
        state,
        isPr: e.type === "pr",
        body: e.body ?? "",
        labels: e.labels ?? [],
        assignees: (e.assignees ?? []).map(byLogin),
        closed_at: state === "closed" ? at : null,
      });
      return { number };
    }
    const target = r.issues.find((i) => i.number === e.number && (e.type === "comment" || i.isPr));
    if (!target) throw new Error(`no ${e.type === "review" ? "pull request" : "issue"} #${e.number}`);
    target.updated_at = at > target.updated_at ? at : target.updated_at;
    const id = nextId++;
    if (e.type === "review")
      r.reviews.set(target.number, [
        ...(r.reviews.get(target.number) ?? []),
        { id, user: author(e.authorId), submitted_at: at, state: "APPROVED" },
      ]);
    else
      r.comments.push({
        id,
        issueNumber: target.number,
        user: author(e.authorId),
        created_at: at,
        updated_at: at,
        body: e.title ?? "Looks good",
      });
    return { id };
  }

  /** Changes an issue as GitHub would on close, reopen, (un)assign, (un)label or edit: `updated_at` moves. Null when it does not exist. */
  function updateIssue(
    repoName: string,
    number: number,
    c: { state?: "open" | "closed"; title?: string; labels?: string[]; assignees?: string[] },
  ) {
    const i = repoOf(repoName, false)?.issues.find((x) => x.number === number);
    if (!i) return null;
    const at = new Date().toISOString();
    if (c.state && c.state !== i.state) i.closed_at = c.state === "closed" ? at : null;
    if (c.state) i.state = c.state;
    if (c.title) i.title = c.title;
    if (c.labels) i.labels = c.labels;
    if (c.assignees) i.assignees = c.assignees.map(byLogin);
    i.updated_at = at > i.updated_at ? at : i.updated_at;
    return i;
  }

  /** An issue or pull request of a repository, as stored (issues.ts changes it as GitHub's write API would). */
  const findIssue = (repoName: string, number: number) =>
    repoOf(repoName, false)?.issues.find((x) => x.number === number) ?? null;

  /**
   * An issue the stand-in answers for without holding it (server.ts: "any other issue exists, open")
   * becomes a real one when something writes to it, with that number, title and state.
   */
  function ensureIssue(repoName: string, number: number, seed: { title: string; state: "open" | "closed" }) {
    const found = findIssue(repoName, number);
    if (found) return found;
    const at = new Date().toISOString();
    const row: IssueRow = {
      number,
      title: seed.title,
      user: { id: 0, login: "ghost" },
      created_at: at,
      updated_at: at,
      state: seed.state,
      isPr: false,
      body: "",
      labels: ["help wanted"],
      assignees: [],
      closed_at: seed.state === "closed" ? at : null,
    };
    repoOf(repoName, true)!.issues.push(row);
    return row;
  }

  /** A comment by `user` with its own body (addEvent's comments take the title as body). */
  function addComment(repoName: string, number: number, user: Author, body: string) {
    const r = repoOf(repoName, false)!;
    const at = new Date().toISOString();
    const c: CommentRow = { id: nextId++, issueNumber: number, user, created_at: at, updated_at: at, body };
    r.comments.push(c);
    return c;
  }
  const commentsOf = (repoName: string, number: number) =>
    (repoOf(repoName, false)?.comments ?? []).filter((c) => c.issueNumber === number);

  /**
   * A large repository for benchmarks: `events` pieces of work by `authorIds` in rotation, about a
   * fifth issues and pull requests, a fifth reviews (two per pull request), the rest comments.
   */
  function addSynthetic(repoName: string, events: number, authorIds: number[]) {
    const r = repoOf(repoName, true)!;
    if (r.issues.length) return { issues: r.issues.length, skipped: true };
    const authors = authorIds.map(author);
    const t0 = Date.now() - 365 * DAY;
    const threads = Math.max(2, Math.round(events / 5));
    const prs = Math.floor(threads / 2);
    const step = (365 * DAY) / events;
    let made = 0;
    const iso = (k: number) => new Date(t0 + k * step).toISOString();
    for (let n = 1; n <= threads && made < events; n++, made++) {
      const isPr = n % 2 === 0;
      r.issues.push({
        number: n,
        title: `${isPr ? "Change" : "Question"} ${n}`,
        user: authors[n % authors.length]!,
        created_at: iso(made),
        updated_at: iso(made),
        state: "open",
        isPr,
        body: "",
        labels: [],
        assignees: [],
        closed_at: null,
      });
    }
    for (let k = 0; made < events; k++, made++) {
      const at = iso(made);
      if (k < prs * 2) {
        const n = 2 * ((k % prs) + 1);
        r.reviews.set(n, [
          ...(r.reviews.get(n) ?? []),
          { id: nextId++, user: authors[(k + 1) % authors.length]!, submitted_at: at, state: "APPROVED" },
        ]);
      } else {
        const n = 1 + (k % threads);
        r.comments.push({
          id: nextId++,
          issueNumber: n,
          user: authors[(k + 2) % authors.length]!,
          created_at: at,
          updated_at: at,
          body: "Looks good",
        });
      }
    }
    return { issues: r.issues.length, skipped: false };
  }

  // Work in cncf/tag-security by the demo identities over the last months.
  const t0 = Date.now() - 120 * DAY;
  const ids = identities.map((i) => i.id);
  for (let k = 0; k < 24; k++) {
    const who = ids[(k * 7) % ids.length]!;
    const at = new Date(t0 + k * 4 * DAY).toISOString();
    const { number } = addEvent("cncf/tag-security", {
      type: k % 3 === 0 ? "issue" : "pr",
      authorId: who,
      at,
      title: k % 3 === 0 ? `Security question ${k}` : `Improve the security guide, part ${k}`,
    }) as { number: number };
    if (k % 3 !== 0)
      addEvent("cncf/tag-security", {
        type: "review",
        authorId: ids[(k * 7 + 2) % ids.length]!,
        number,
        at: new Date(t0 + k * 4 * DAY + DAY).toISOString(),
      });
    addEvent("cncf/tag-security", {
      type: "comment",
      authorId: ids[(k * 7 + 3) % ids.length]!,
      number,
      at: new Date(t0 + k * 4 * DAY + 2 * DAY).toISOString(),
    });
  }
  // Help-wanted issues as TAG repositories label them (the label's spelling varies): help-wanted-issues.json.
  const helpWanted = z.array(HelpWantedIssue).parse(helpWantedJson);
  helpWanted.forEach((h, k) =>
    addEvent("cncf/tag-security", {
      type: "issue",
      authorId: ids[(k * 5 + 1) % ids.length]!,
      at: new Date(Date.now() - (20 - k) * DAY).toISOString(),
      ...h,
    }),
  );
  const synthetic = /^([\w.-]+\/[\w.-]+):(\d+)$/.exec(process.env.STAND_IN_SYNTHETIC ?? "");
  if (synthetic) addSynthetic(synthetic[1]!, Number(synthetic[2]), ids);

  const userJson = (a: Author) => ({ ...a, type: "User" });
  const issueJson = (repo: string, i: IssueRow) => ({
    id: 7_000_000 + i.number,
    node_id: `I_${Buffer.from(`${repo}#${i.number}`).toString("base64url")}`,
    number: i.number,
    title: i.title,
    body: i.body,
    state: i.state,
    user: userJson(i.user),
    labels: i.labels.map((name, k) => ({ id: 8_000_000 + k, name, color: "008672", default: false })),
    assignee: i.assignees[0] ? userJson(i.assignees[0]) : null,
    assignees: i.assignees.map(userJson),
    created_at: i.created_at,
    updated_at: i.updated_at,
    closed_at: i.closed_at,
    html_url: `https://github.com/${repo}/${i.isPr ? "pull" : "issues"}/${i.number}`,
    ...(i.isPr
      ? {
          pull_request: {
            url: `${base()}/api/repos/${repo}/pulls/${i.number}`,
            html_url: `https://github.com/${repo}/pull/${i.number}`,
          },
        }
      : {}),
  });

  /** One page of `all`, each row shaped by `toJson` (only the rows of the page are). */
  function send<T>(
    res: http.ServerResponse,
    req: http.IncomingMessage,
    url: URL,
    all: T[],
    toJson: (row: T) => unknown,
  ) {
    const perPage = Math.min(100, Math.max(1, Number(url.searchParams.get("per_page") ?? 30) || 30));
    const page = Math.max(1, Number(url.searchParams.get("page") ?? 1) || 1);
    const last = Math.max(1, Math.ceil(all.length / perPage));
    const body = JSON.stringify(all.slice((page - 1) * perPage, page * perPage).map(toJson));
    const etag = `W/"${createHash("sha256").update(body).digest("hex").slice(0, 32)}"`;
    const rateHeaders = () => ({
      "x-ratelimit-limit": String(rate.limit),
      "x-ratelimit-remaining": String(rate.remaining),
      "x-ratelimit-reset": String(rate.resetAt),
    });
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
    res.writeHead(200, {
      "content-type": "application/json; charset=utf-8",
      etag,
      ...rateHeaders(),
      ...(links.length ? { link: links.join(", ") } : {}),
    });
    res.end(body);
  }

  /** Answers the repository routes and their test controls; false when the request is not one of them. */
  async function handle(
    req: http.IncomingMessage,
    res: http.ServerResponse,
    url: URL,
    readBody: () => Promise<Record<string, unknown>>,
  ): Promise<boolean> {
    const json = (status: number, body: unknown, headers: Record<string, string> = {}) => {
      res.writeHead(status, { "content-type": "application/json; charset=utf-8", ...headers });
      res.end(JSON.stringify(body));
      return true;
    };
    /**
     * The one GraphQL query the portal sends: reviews of pull requests by number, one alias each
     * (`prN: pullRequest(number: N) { reviews(first: K) ... }`), in `repository(owner:, name:)`.
     * Anything else is refused, as GitHub refuses a query it cannot parse.
     */
    const graphql = (b: Record<string, unknown>) => {
      const query = typeof b.query === "string" ? b.query : "";
      const v = (b.variables ?? {}) as { owner?: string; name?: string };
      const repo = repoOf(`${v.owner}/${v.name}`, false);
      if (!/repository\(owner: \$owner, name: \$name\)/.test(query) || !repo)
        return json(200, {
          data: null,
          errors: [{ message: "Could not resolve to a Repository or parse the query." }],
        });
      // GraphQL has its own hourly budget on GitHub; the stand-in does not limit it.
      const data: Record<string, unknown> = {};
      for (const [, alias, n, first] of query.matchAll(
        /(\w+): pullRequest\(number: (\d+)\) \{ reviews\(first: (\d+)\)/g,
      )) {
        const pr = repo.issues.find((i) => i.number === Number(n) && i.isPr);
        const all = pr ? (repo.reviews.get(pr.number) ?? []) : [];
        data[alias!] = pr
          ? {
              reviews: {
                pageInfo: { hasNextPage: all.length > Number(first) },
                nodes: all.slice(0, Number(first)).map((r) => ({
                  fullDatabaseId: String(r.id),
                  submittedAt: r.submitted_at,
                  url: `https://github.com/${v.owner}/${v.name}/pull/${pr.number}#pullrequestreview-${r.id}`,
                  author: { databaseId: r.user.id },
                })),
              },
            }
          : null;
      }
      return json(200, { data: { repository: data } });
    };
    if (req.method === "POST" && url.pathname === "/_stand-in/events") {
      const b = await readBody();
      if (
        typeof b.repo !== "string" ||
        !["issue", "pr", "review", "comment"].includes(String(b.type)) ||
        typeof b.authorId !== "number"
      )
        return json(400, { error: "repo, type and authorId required" });
      try {
        return json(200, addEvent(b.repo, b as unknown as Parameters<typeof addEvent>[1]));
      } catch (e) {
        return json(400, { error: (e as Error).message });
      }
    }
    if (req.method === "POST" && url.pathname === "/_stand-in/synthetic") {
      const b = await readBody();
      const events = Number(b.events);
      const authorIds = Array.isArray(b.authorIds)
        ? b.authorIds.map(Number).filter((n) => Number.isInteger(n) && n > 0)
        : [];
      if (
        typeof b.repo !== "string" ||
        !Number.isInteger(events) ||
        events < 1 ||
        events > 2_000_000 ||
        authorIds.length === 0
      )
        return json(400, { error: "repo, events (1..2,000,000) and authorIds required" });
      return json(200, addSynthetic(b.repo, events, authorIds));
    }
    if (req.method === "POST" && url.pathname === "/_stand-in/rate-limit") {
      const b = await readBody();
      rate.remaining = Number(b.remaining ?? rate.limit);
      rate.resetAt = Math.floor(Date.now() / 1000) + Number(b.resetInSeconds ?? 3600);
      return json(200, { ok: true });
    }
    if (req.method === "POST" && url.pathname === "/_stand-in/faults") {
      const b = await readBody();
      const count = Number(b.count ?? 1);
      const status = Number(b.status);
      if (!Number.isInteger(count) || count < 0 || count > 1000 || ![200, 403, 429, 500, 502, 503].includes(status))
        return json(400, { error: "status (200, 403, 429, 500, 502, 503) and count (0..1000) required" });
      Object.assign(faults, {
        status,
        count,
        after: Math.max(0, Number(b.after ?? 0) || 0),
        retryAfter: b.retryAfter === undefined ? undefined : Number(b.retryAfter),
      });
      return json(200, { ok: true });
    }
    const isApi = url.pathname.startsWith("/api/repos/") || url.pathname === "/api/graphql";
    // Status 200 is GraphQL's own rate limit (GitHub answers it 200 with an error): it hits GraphQL only.
    const target = isApi && (faults.status !== 200 || url.pathname === "/api/graphql");
    const fault = target && faults.count > 0 && faults.after-- <= 0 && faults.count-- > 0 ? faults : null;
    if (fault?.status === 200)
      return json(
        200,
        { errors: [{ type: "RATE_LIMITED", message: "API rate limit exceeded for installation." }] },
        { "x-ratelimit-remaining": "0", "x-ratelimit-reset": String(Math.floor(Date.now() / 1000) + 900) },
      );
    if (fault) {
      if (fault.status >= 500) return json(fault.status, { message: "Server Error" });
      // GitHub's secondary limit: 403 or 429, requests remain, `Retry-After` when it says how long.
      return json(
        fault.status,
        {
          message: "You have exceeded a secondary rate limit. Please wait a few minutes before you try again.",
          documentation_url: "https://docs.github.com/rest/overview/rate-limits-for-the-rest-api",
        },
        {
          "x-ratelimit-remaining": String(Math.max(1, rate.remaining)),
          ...(fault.retryAfter !== undefined ? { "retry-after": String(fault.retryAfter) } : {}),
        },
      );
    }
    if (req.method === "POST" && url.pathname === "/api/graphql") return graphql(await readBody());
    if (req.method !== "GET") return false;
    const m = /^\/api\/repos\/([^/]+)\/([^/]+)\/(issues|issues\/comments|pulls\/(\d+)\/reviews|issues\/(\d+))$/.exec(
      url.pathname,
    );
    if (!m) return false;
    if (m[5]) {
      // One issue: served from the repository when it has it; otherwise the caller's fallback answers.
      const one = repoOf(`${decodeURIComponent(m[1]!)}/${decodeURIComponent(m[2]!)}`, false)?.issues.find(
        (i) => i.number === Number(m[5]),
      );
      return one ? json(200, issueJson(`${decodeURIComponent(m[1]!)}/${decodeURIComponent(m[2]!)}`, one)) : false;
    }
    const repoName = `${decodeURIComponent(m[1]!)}/${decodeURIComponent(m[2]!)}`;
    const repo = repoOf(repoName, false);
    if (!repo) return json(404, { message: "Not Found" });
    if (rate.remaining <= 0 && Date.now() / 1000 < rate.resetAt) {
      return json(
        403,
        { message: "API rate limit exceeded" },
        {
          "x-ratelimit-limit": String(rate.limit),
          "x-ratelimit-remaining": "0",
          "x-ratelimit-reset": String(rate.resetAt),
        },
      );
    }
    if (rate.remaining <= 0) rate.remaining = rate.limit;
    const since = url.searchParams.get("since");
    const sinceIso = since && !Number.isNaN(Date.parse(since)) ? new Date(since).toISOString() : null;
    const byUpdated = <T extends { updated_at: string }>(a: T, b: T) => a.updated_at.localeCompare(b.updated_at);
    if (m[3] === "issues") {
      const state = url.searchParams.get("state") ?? "open";
      // As on GitHub: a comma-separated list, every label must be on the issue, names compared case-insensitively.
      const wanted = (url.searchParams.get("labels") ?? "")
        .split(",")
        .map((l) => l.trim().toLowerCase())
        .filter(Boolean);
      // `sort=created` and `direction=desc` as GitHub reads them (the newest issues, where a lost creation is looked for).
      const order =
        url.searchParams.get("sort") === "created"
          ? (a: IssueRow, b: IssueRow) => a.created_at.localeCompare(b.created_at) || a.number - b.number
          : byUpdated;
      const rows = repo.issues
        .filter((i) => (state === "all" || i.state === state) && (!sinceIso || i.updated_at >= sinceIso))
        .filter((i) => wanted.every((w) => i.labels.some((l) => l.toLowerCase() === w)))
        .sort(url.searchParams.get("direction") === "desc" ? (a, b) => order(b, a) : order);
      send(res, req, url, rows, (i) => issueJson(repoName, i));
    } else if (m[3] === "issues/comments") {
      const rows = repo.comments.filter((c) => !sinceIso || c.updated_at >= sinceIso).sort(byUpdated);
      send(res, req, url, rows, (c) => ({
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
      send(res, req, url, repo.reviews.get(n) ?? [], (r) => ({
        id: r.id,
        node_id: `PRR_${r.id}`,
        user: userJson(r.user),
        state: r.state,
        submitted_at: r.submitted_at,
        html_url: `https://github.com/${repoName}/pull/${n}#pullrequestreview-${r.id}`,
      }));
    }
    return true;
  }

  return {
    handle,
    addEvent,
    updateIssue,
    addSynthetic,
    rate,
    findIssue,
    ensureIssue,
    addComment,
    commentsOf,
    issueJson,
    byLogin,
  };
}
