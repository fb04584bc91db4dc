/**
 * A local stand-in for GitHub: the OAuth web flow and the REST endpoints the portal reads.
 * The demo and the end-to-end tests sign in through it, so next-auth's real GitHub code path runs.
 * It exists only with DEMO set (scripts/demo.ts) or under the tests; it is never part of the app.
 *
 * OAuth: GET /login/oauth/authorize shows a page to pick an identity; POST /login/oauth/access_token
 * checks client id and secret, the code, the redirect URI and the PKCE verifier, and refuses a
 * code used twice. REST under /api: /user, /user/emails, /users/{login},
 * /repos/{owner}/{repo}/issues/{n}.
 * Repository activity (what the portal's GitHub sync reads), paged like GitHub (per_page, page,
 * Link headers), conditional (ETag / If-None-Match answers 304) and rate limited
 * (X-RateLimit-Remaining / X-RateLimit-Reset; 403 when none remain):
 * /repos/{owner}/{repo}/issues?state=&labels=&since= (issues and PRs, with labels and assignees),
 * /repos/{owner}/{repo}/issues/comments, /repos/{owner}/{repo}/pulls/{n}/reviews, and POST /graphql for
 * the reviews of many pull requests at once (the one query the sync sends). `cncf/tag-security`
 * starts with work by the demo identities and help-wanted issues (see repos.ts).
 * Test control: POST /_stand-in/identities upserts an identity (e.g. a renamed login);
 * POST /_stand-in/issues changes an issue of a repository (state, title, labels, assignees) or, for
 * one the repository does not have, sets its title and state (or makes it missing);
 * POST /_stand-in/events adds an issue (with labels, assignees, state), PR, review or comment;
 * POST /_stand-in/synthetic {repo, events, authorIds} generates a large repository for benchmarks;
 * POST /_stand-in/rate-limit sets the remaining requests (and when they reset);
 * POST /_stand-in/faults {status, count, after?, retryAfter?} makes `count` API requests (after `after` more) answer
 * `status` (5xx; 403/429 as GitHub's secondary rate limit, with `Retry-After` when given; 200: GraphQL's
 * rate limit, on GraphQL requests only);
 * POST /_stand-in/files {repo, path, text} commits a file (files.ts: contents and commits).
 * Issue writes (create, assign, comment, label; collaborators) and their controls: issues.ts.
 * Webhooks (deliver.ts): the stand-in delivers signed events to `webhookUrl`;
 * POST /_stand-in/webhook-target {url, secret} changes the target, GET /_stand-in/deliveries lists them.
 * The GitHub App (app.ts, with `app`): App JWTs, installations and installation tokens. Pull requests
 * (pulls.ts): branches, commits and pull requests, merged or closed by tests with a webhook.
 * Projects v2 (projects.ts): the GraphQL operations of the project board and its webhook.
 */
import { createHash, randomBytes } from "node:crypto";
import { createRepoActivity } from "./repos.ts";
import { createRepoFiles } from "./files.ts";
import { createWebhookDeliverer } from "./deliver.ts";
import { createStandInApp, type StandInAppOptions } from "./app.ts";
import { createPulls } from "./pulls.ts";
import { createIssueWrites } from "./issues.ts";
import { createProjects } from "./projects.ts";
import http from "node:http";
import { identities as defaultIdentities, type StandInIdentity } from "./identities.ts";

export interface StandInOptions {
  port: number;
  clientId: string;
  clientSecret: string;
  host?: string;
  /** Where the stand-in delivers signed webhooks (the portal's POST /api/webhooks/github). */
  webhookUrl?: string;
  webhookSecret?: string;
  /** A GitHub App (its id, public key and installations); its deliveries are signed with `webhookSecret` here. */
  app?: StandInAppOptions & { webhookSecret?: string };
}

interface PendingCode {
  identityId: number;
  clientId: string;
  redirectUri: string;
  codeChallenge: string | null;
  used: boolean;
  expiresAt: number;
}

export const escapeHtml = (s: string) =>
  s.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!);

function avatarSvg(login: string): string {
  const hue = [...login].reduce((h, c) => (h * 31 + c.charCodeAt(0)) % 360, 7);
  const initials = escapeHtml(login.slice(0, 2).toUpperCase());
  return `<svg xmlns="http://www.w3.org/2000/svg" width="96" height="96" viewBox="0 0 96 96"><rect width="96" height="96" fill="hsl(${hue} 45% 40%)"/><text x="48" y="58" font-family="sans-serif" font-size="34" fill="#fff" text-anchor="middle">${initials}</text></svg>`;
}

export function createStandIn(opts: StandInOptions) {
  const people = new Map<number, StandInIdentity>(defaultIdentities.map((i) => [i.id, { ...i }]));
  const codes = new Map<string, PendingCode>();
  const tokens = new Map<string, number>();
  /** Issues a test configured; any other issue exists, open, with a generated title. `null`: 404. */
  const issues = new Map<string, { title: string; state: "open" | "closed" } | null>();
  // The port actually bound (port 0 lets the OS choose one).
  const base = () => {
    const a = server.address();
    return `http://${opts.host ?? "127.0.0.1"}:${typeof a === "object" && a ? a.port : opts.port}`;
  };
  const activity = createRepoActivity(defaultIdentities, base);
  const files = createRepoFiles();
  const webhooks = createWebhookDeliverer({ url: opts.webhookUrl, secret: opts.webhookSecret });
  const app = createStandInApp(opts.app);
  const pulls = createPulls({ files, webhooks, app, appWebhookSecret: opts.app?.webhookSecret });
  const projects = createProjects({
    webhooks,
    issueTitle: (repo, n) => activity.findIssue(repo, n)?.title ?? null,
  });
  const issueWrites = createIssueWrites({
    activity,
    webhooks,
    personOf: (req) => {
      const p = authUser(req);
      return p ? { id: p.id, login: p.login } : null;
    },
    unheldIssue: (repo, n) => {
      const known = issues.get(`${repo}#${n}`);
      if (known === null) return null;
      return known ?? { title: `Help wanted: ${repo.split("/")[1]} task ${n}`, state: "open" };
    },
  });

  const publicUser = (p: StandInIdentity) => ({
    id: p.id,
    login: p.login,
    name: p.name,
    email: p.email,
    avatar_url: `${base()}/avatars/${encodeURIComponent(p.login)}.svg`,
    html_url: `${base()}/${p.login}`,
    type: "User",
  });

  const json = (res: http.ServerResponse, status: number, body: unknown) => {
    res.writeHead(status, { "content-type": "application/json; charset=utf-8" });
    res.end(JSON.stringify(body));
  };

  const readBody = (req: http.IncomingMessage) =>
    new Promise<Record<string, string>>((resolve, reject) => {
      let data = "";
      req.on("data", (c: Buffer) => {
        data += c.toString();
        if (data.length > 100_000) reject(new Error("body too large"));
      });
      req.on("end", () => {
        if ((req.headers["content-type"] ?? "").includes("application/json")) {
          try {
            resolve(JSON.parse(data || "{}") as Record<string, string>);
          } catch {
            resolve({});
          }
        } else resolve(Object.fromEntries(new URLSearchParams(data)));
      });
      req.on("error", reject);
    });

  const authUser = (req: http.IncomingMessage): StandInIdentity | null => {
    const m = /^(?:token|bearer)\s+(\S+)$/i.exec(req.headers.authorization ?? "");
    const id = m ? tokens.get(m[1]!) : undefined;
    return id ? (people.get(id) ?? null) : null;
  };

  function authorizePage(url: URL): string {
    const params = ["client_id", "redirect_uri", "state", "code_challenge", "code_challenge_method", "scope"]
      .map((k) => `<input type="hidden" name="${k}" value="${escapeHtml(url.searchParams.get(k) ?? "")}">`)
      .join("");
    const buttons = [...people.values()]
      .map(
        (p) =>
          `<li><button type="submit" name="identity" value="${p.id}"><img src="/avatars/${encodeURIComponent(p.login)}.svg" alt="" width="32" height="32"><span><strong>${escapeHtml(p.name)}</strong> @${escapeHtml(p.login)}<br><small>${escapeHtml(p.blurb)}</small></span></button></li>`,
      )
      .join("");
    return `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>Sign in to GitHub (local stand-in)</title>
<style>body{font-family:system-ui,sans-serif;max-width:32rem;margin:2rem auto;padding:0 1rem;color:#1f2328}ul{list-style:none;padding:0}li{margin:.5rem 0}button{display:flex;gap:.75rem;align-items:center;width:100%;text-align:left;padding:.6rem;border:1px solid #d0d7de;border-radius:8px;background:#f6f8fa;font:inherit;cursor:pointer}button:focus-visible{outline:3px solid #0969da}img{border-radius:50%}</style></head>
<body><main><h1>GitHub stand-in</h1><p>This is a local stand-in for GitHub used by the TAG Portal demo and tests. Choose who you are:</p>
<form method="post" action="/login/oauth/authorize">${params}<ul>${buttons}</ul></form></main></body></html>`;
  }

  const server = http.createServer(async (req, res) => {
    try {
      const url = new URL(req.url ?? "/", base());
      const path = url.pathname;
      // Read once: projects.ts reads a GraphQL body and hands the reviews query on to repos.ts.
      let read: Promise<Record<string, unknown>> | undefined;
      const body = () => (read ??= readBody(req) as Promise<unknown> as Promise<Record<string, unknown>>);
      if (
        (await app.handle(req, res, url, body)) ||
        (await pulls.handle(req, res, url, body)) ||
        (await projects.handle(req, res, url, body))
      )
        return;
      if (req.method === "GET" && path === "/login/oauth/authorize") {
        if (url.searchParams.get("client_id") !== opts.clientId) return json(res, 400, { error: "unknown client_id" });
        res.writeHead(200, { "content-type": "text/html; charset=utf-8" });
        return res.end(authorizePage(url));
      }
      if (req.method === "POST" && path === "/login/oauth/authorize") {
        const b = await readBody(req);
        const person = people.get(Number(b.identity));
        if (!person || b.client_id !== opts.clientId || !b.redirect_uri)
          return json(res, 400, { error: "bad request" });
        if (b.code_challenge && b.code_challenge_method !== "S256") return json(res, 400, { error: "only S256 PKCE" });
        const code = randomBytes(16).toString("hex");
        codes.set(code, {
          identityId: person.id,
          clientId: b.client_id,
          redirectUri: b.redirect_uri,
          codeChallenge: b.code_challenge || null,
          used: false,
          expiresAt: Date.now() + 10 * 60_000,
        });
        const target = new URL(b.redirect_uri);
        target.searchParams.set("code", code);
        if (b.state) target.searchParams.set("state", b.state);
        res.writeHead(302, { location: target.toString() });
        return res.end();
      }
      if (req.method === "POST" && path === "/login/oauth/access_token") {
        const b = await readBody(req);
        // openid-client may send client credentials as HTTP Basic instead of in the body.
        const basic = /^Basic (.+)$/i.exec(req.headers.authorization ?? "");
        if (basic) {
          const [id, secret] = Buffer.from(basic[1]!, "base64").toString().split(":").map(decodeURIComponent);
          b.client_id ??= id!;
          b.client_secret ??= secret!;
        }
        if (b.client_id !== opts.clientId || b.client_secret !== opts.clientSecret) {
          return json(res, 200, { error: "incorrect_client_credentials" });
        }
        const pending = b.code ? codes.get(b.code) : undefined;
        if (!pending || pending.used || pending.expiresAt < Date.now() || pending.clientId !== b.client_id) {
          if (pending) pending.used = true;
          return json(res, 200, {
            error: "bad_verification_code",
            error_description: "The code passed is incorrect or expired.",
          });
        }
        pending.used = true;
        if (b.redirect_uri && b.redirect_uri !== pending.redirectUri) {
          return json(res, 200, { error: "redirect_uri_mismatch" });
        }
        if (pending.codeChallenge) {
          const digest = createHash("sha256")
            .update(b.code_verifier ?? "")
            .digest("base64url");
          if (digest !== pending.codeChallenge)
            return json(res, 200, { error: "bad_verification_code", error_description: "PKCE verification failed." });
        }
        const token = `gho_${randomBytes(18).toString("hex")}`;
        tokens.set(token, pending.identityId);
        return json(res, 200, { access_token: token, token_type: "bearer", scope: "read:user,user:email" });
      }
      if (req.method === "GET" && path === "/api/user") {
        const p = authUser(req);
        return p ? json(res, 200, publicUser(p)) : json(res, 401, { message: "Requires authentication" });
      }
      if (req.method === "GET" && path === "/api/user/emails") {
        const p = authUser(req);
        if (!p) return json(res, 401, { message: "Requires authentication" });
        if (p.emails === "refused") return json(res, 404, { message: "Not Found" });
        return json(res, 200, [
          {
            email: p.email ?? `${p.id}+${p.login}@users.noreply.example.test`,
            primary: true,
            verified: p.emails !== "unverified",
            visibility: p.email ? "public" : null,
          },
        ]);
      }
      const userMatch = /^\/api\/users\/([^/]+)$/.exec(path);
      if (req.method === "GET" && userMatch) {
        const login = decodeURIComponent(userMatch[1]!).toLowerCase();
        const p = [...people.values()].find((x) => x.login.toLowerCase() === login);
        return p ? json(res, 200, publicUser(p)) : json(res, 404, { message: "Not Found" });
      }
      if (files.handle(req, res, url)) return;
      if (req.method === "POST" && path === "/_stand-in/files") {
        const b = (await readBody(req)) as { repo?: unknown; path?: unknown; text?: unknown };
        if (typeof b.repo !== "string" || typeof b.path !== "string" || typeof b.text !== "string")
          return json(res, 400, { error: "repo, path and text required" });
        return json(res, 200, files.commit(b.repo, b.path, b.text));
      }
      if (
        path.startsWith("/api/repos/") ||
        path === "/_stand-in/events" ||
        path === "/_stand-in/rate-limit" ||
        path === "/_stand-in/synthetic" ||
        path === "/_stand-in/faults" ||
        path === "/api/graphql"
      ) {
        const handled = await activity.handle(req, res, url, body);
        if (handled) return;
      }
      // Issue writes (assign, comment, label, create) and their test controls: issues.ts.
      if (
        (path.startsWith("/api/repos/") ||
          path.startsWith("/_stand-in/issues/") ||
          path === "/_stand-in/collaborators") &&
        (await issueWrites.handle(
          req,
          res,
          url,
          () => readBody(req) as Promise<unknown> as Promise<Record<string, unknown>>,
        ))
      )
        return;
      const issue = /^\/api\/repos\/([^/]+)\/([^/]+)\/issues\/(\d+)$/.exec(path);
      if (req.method === "GET" && issue) {
        const [, owner, repo, num] = issue;
        const key = `${owner}/${repo}#${num}`;
        const known = issues.get(key);
        if (known === null) return json(res, 404, { message: "Not Found" });
        return json(res, 200, {
          number: Number(num),
          title: known?.title ?? `Help wanted: ${repo} task ${num}`,
          state: known?.state ?? "open",
          html_url: `https://github.com/${owner}/${repo}/issues/${num}`,
          labels: [{ name: "help wanted" }],
        });
      }
      if (req.method === "POST" && path === "/_stand-in/issues") {
        const b = (await readBody(req)) as unknown as {
          repo?: string;
          number?: number;
          title?: string;
          state?: "open" | "closed";
          missing?: boolean;
          labels?: string[];
          assignees?: string[];
        };
        if (!b.repo || !b.number) return json(res, 400, { error: "repo and number required" });
        if (!b.missing && activity.updateIssue(b.repo, Number(b.number), b)) return json(res, 200, { ok: true });
        issues.set(
          `${b.repo}#${b.number}`,
          b.missing ? null : { title: b.title ?? "Untitled", state: b.state ?? "open" },
        );
        return json(res, 200, { ok: true });
      }
      const avatar = /^\/avatars\/([^/]+)\.svg$/.exec(path);
      if (req.method === "GET" && avatar) {
        res.writeHead(200, { "content-type": "image/svg+xml", "cache-control": "public, max-age=3600" });
        return res.end(avatarSvg(decodeURIComponent(avatar[1]!)));
      }
      if (req.method === "POST" && path === "/_stand-in/identities") {
        const b = (await readBody(req)) as unknown as Partial<StandInIdentity>;
        if (typeof b.id !== "number" || typeof b.login !== "string")
          return json(res, 400, { error: "id and login required" });
        const prev = people.get(b.id);
        people.set(b.id, {
          role: "member",
          blurb: "Added by a test",
          name: b.login,
          email: null,
          ...prev,
          ...b,
        } as StandInIdentity);
        return json(res, 200, publicUser(people.get(b.id)!));
      }
      if (req.method === "POST" && path === "/_stand-in/webhook-target") {
        const b = (await readBody(req)) as unknown as { url?: string | null; secret?: string | null };
        webhooks.setTarget(b.url ?? null, b.secret ?? null);
        return json(res, 200, { ok: true });
      }
      if (req.method === "GET" && path === "/_stand-in/deliveries") return json(res, 200, webhooks.deliveries());
      if (req.method === "GET" && path === "/_stand-in/health") return json(res, 200, { ok: true });
      json(res, 404, { message: "Not Found" });
    } catch (e) {
      json(res, 500, { message: e instanceof Error ? e.message : "error" });
    }
  });

  return {
    server,
    /** The stand-in's base URL, with the port actually bound (after `listen`). */
    url: base,
    /** Signed webhook delivery to the portal (modules that change an issue or a pull request call it). */
    webhooks,
    /** The GitHub App's installations (which one holds a repository). */
    app,
    /** Repository files (a test or the demo commits the TOC's tags.yaml). */
    files,
    listen: () => new Promise<void>((resolve) => server.listen(opts.port, opts.host ?? "127.0.0.1", () => resolve())),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
