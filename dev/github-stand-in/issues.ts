/**
 * The stand-in's issue write API, as GitHub answers it (issue 19 point 2): create an issue,
 * assign it (a login that is not a collaborator of the repository is silently ignored, exactly as
 * GitHub does), comment, add and remove labels; the collaborator check and list. Every change is
 * delivered to the portal as GitHub's webhook (`issues` assigned/labeled/unlabeled/opened/closed/
 * reopened, `issue_comment` created) through deliver.ts, so the portal sees its own writes come back.
 * Writes need an `Authorization` header (any token; one from the stand-in's OAuth flow acts as that
 * person, any other as the `tag-portal[bot]` App).
 *
 * Test control:
 * POST /_stand-in/collaborators {repo, logins} sets a repository's collaborators (none by default,
 * but cncf/tag-security has a few demo identities);
 * POST /_stand-in/issues/{owner}/{repo}/{n}/state {state} closes or reopens an issue as a person on
 * GitHub would, and delivers the `issues` webhook;
 * GET /_stand-in/issues/{owner}/{repo}/{n} answers {state, assignees, labels, comments} of an issue.
 */
import type http from "node:http";
import type { WebhookDeliverer } from "./deliver.ts";
import type { createRepoActivity } from "./repos.ts";

type Activity = ReturnType<typeof createRepoActivity>;
interface Sender {
  id: number;
  login: string;
}

/** GitHub's App bot account as the sender of writes made with a token the stand-in did not issue. */
export const STAND_IN_BOT: Sender = { id: 41_000_001, login: "tag-portal[bot]" };

export function createIssueWrites(deps: {
  activity: Activity;
  webhooks: WebhookDeliverer;
  /** The person a token from the OAuth flow belongs to; null for any other token. */
  personOf: (req: http.IncomingMessage) => Sender | null;
  /** An issue server.ts answers for without holding it: its title and state; null when it is missing. */
  unheldIssue: (repo: string, n: number) => { title: string; state: "open" | "closed" } | null;
}) {
  const { activity, webhooks } = deps;
  // The demo's cncf/tag-security: its TAG's leads and the ambassadors its seeded issues are assigned
  // to, plus amy-ambassador, so the demo shows one volunteer assigned and others mentioned.
  const collaborators = new Map<string, Set<string>>([
    [
      "cncf/tag-security",
      new Set([
        "chia-chair",
        "ines-lead",
        "yara-lead",
        "amy-ambassador",
        "dev-ambassador",
        "bea-ambassador",
        "fay-ambassador",
      ]),
    ],
  ]);
  const isCollaborator = (repo: string, login: string) =>
    collaborators.get(repo.toLowerCase())?.has(login.toLowerCase()) ?? false;

  const deliverIssue = (repo: string, n: number, action: string, sender: Sender, extra: Record<string, unknown> = {}) =>
    webhooks.deliver("issues", {
      action,
      issue: activity.issueJson(repo, activity.findIssue(repo, n)!),
      repository: { full_name: repo },
      sender: { ...sender, type: "User" },
      ...extra,
    });

  // The same shape as the repository routes' handler: server.ts calls both alike.
  const handle: Activity["handle"] = async (req, res, url, readBody) => {
    const json = (status: number, body: unknown) => {
      res.writeHead(status, { "content-type": "application/json; charset=utf-8" });
      if (status === 204) res.end();
      else res.end(JSON.stringify(body));
      return true;
    };
    const path = url.pathname;
    if (req.method === "POST" && path === "/_stand-in/collaborators") {
      const b = await readBody();
      if (typeof b.repo !== "string" || !Array.isArray(b.logins))
        return json(400, { error: "repo and logins required" });
      collaborators.set(b.repo.toLowerCase(), new Set(b.logins.map((l) => String(l).toLowerCase())));
      return json(200, { ok: true });
    }
    const control = /^\/_stand-in\/issues\/([^/]+)\/([^/]+)\/(\d+)(\/state)?$/.exec(path);
    if (control) {
      const repo = `${decodeURIComponent(control[1]!)}/${decodeURIComponent(control[2]!)}`;
      const n = Number(control[3]);
      const unheld = deps.unheldIssue(repo, n);
      const issue = activity.findIssue(repo, n) ?? (unheld && activity.ensureIssue(repo, n, unheld));
      if (!issue) return json(404, { error: "no such issue" });
      if (req.method === "GET" && !control[4])
        return json(200, {
          state: issue.state,
          assignees: issue.assignees.map((a) => a.login),
          labels: issue.labels,
          comments: activity.commentsOf(repo, n).map((c) => ({ id: c.id, user: c.user.login, body: c.body })),
        });
      if (req.method === "POST" && control[4]) {
        const b = await readBody();
        if (b.state !== "open" && b.state !== "closed") return json(400, { error: "state open or closed required" });
        if (issue.state !== b.state) {
          activity.updateIssue(repo, n, { state: b.state });
          const delivery = await deliverIssue(repo, n, b.state === "closed" ? "closed" : "reopened", {
            id: issue.user.id,
            login: issue.user.login,
          });
          return json(200, { ok: true, delivery });
        }
        return json(200, { ok: true, delivery: null });
      }
      return false;
    }
    const m =
      /^\/api\/repos\/([^/]+)\/([^/]+)\/(collaborators(?:\/([^/]+))?|issues(?:\/(\d+)\/(assignees|comments|labels(?:\/([^/]+))?))?)$/.exec(
        path,
      );
    if (!m) return false;
    const repo = `${decodeURIComponent(m[1]!)}/${decodeURIComponent(m[2]!)}`;
    if (m[3]!.startsWith("collaborators")) {
      if (req.method !== "GET") return false;
      if (m[4]) return json(isCollaborator(repo, decodeURIComponent(m[4])) ? 204 : 404, { message: "Not Found" });
      return json(
        200,
        [...(collaborators.get(repo.toLowerCase()) ?? [])].map((login) => ({
          ...activity.byLogin(login),
          type: "User",
        })),
      );
    }
    const n = m[5] ? Number(m[5]) : null;
    const unheld = n === null ? null : deps.unheldIssue(repo, n);
    const issue =
      n === null ? null : (activity.findIssue(repo, n) ?? (unheld && activity.ensureIssue(repo, n, unheld)));
    if (n !== null && !issue) return json(404, { message: "Not Found" });
    if (req.method === "GET") {
      if (m[6] === "comments")
        return json(
          200,
          activity.commentsOf(repo, n!).map((c) => ({ id: c.id, body: c.body, user: { ...c.user, type: "User" } })),
        );
      if (m[6] === "labels")
        return json(
          200,
          issue!.labels.map((name) => ({ name })),
        );
      return false;
    }
    if (req.method !== "POST" && req.method !== "DELETE") return false;
    if (!req.headers.authorization) return json(401, { message: "Requires authentication" });
    const sender = deps.personOf(req) ?? STAND_IN_BOT;
    const b = req.method === "POST" ? await readBody() : {};
    const strings = (v: unknown) => (Array.isArray(v) ? v.filter((x): x is string => typeof x === "string") : []);
    if (req.method === "POST" && n === null) {
      if (typeof b.title !== "string" || !b.title.trim()) return json(422, { message: "Validation Failed" });
      const { number } = activity.addEvent(repo, {
        type: "issue",
        authorId: sender.id,
        title: b.title,
        body: typeof b.body === "string" ? b.body : "",
        labels: strings(b.labels),
      }) as { number: number };
      activity.findIssue(repo, number)!.user = sender;
      await deliverIssue(repo, number, "opened", sender);
      return json(201, activity.issueJson(repo, activity.findIssue(repo, number)!));
    }
    if (req.method === "POST" && m[6] === "assignees") {
      // GitHub adds only collaborators and answers 201 either way: the caller must check.
      const added = strings(b.assignees).filter(
        (l) => isCollaborator(repo, l) && !issue!.assignees.some((a) => a.login.toLowerCase() === l.toLowerCase()),
      );
      for (const login of added) {
        issue!.assignees.push(activity.byLogin(login));
        await deliverIssue(repo, n!, "assigned", sender, { assignee: { ...activity.byLogin(login), type: "User" } });
      }
      return json(201, activity.issueJson(repo, issue!));
    }
    if (req.method === "POST" && m[6] === "comments") {
      if (typeof b.body !== "string" || !b.body.trim()) return json(422, { message: "Validation Failed" });
      const c = activity.addComment(repo, n!, sender, b.body);
      const comment = {
        id: c.id,
        body: c.body,
        user: { ...sender, type: "User" },
        created_at: c.created_at,
        html_url: `https://github.com/${repo}/issues/${n}#issuecomment-${c.id}`,
      };
      await webhooks.deliver("issue_comment", {
        action: "created",
        comment,
        issue: { number: n, title: issue!.title },
        repository: { full_name: repo },
        sender: { ...sender, type: "User" },
      });
      return json(201, comment);
    }
    if (req.method === "POST" && m[6] === "labels") {
      for (const name of strings(b.labels)) {
        if (issue!.labels.some((l) => l.toLowerCase() === name.toLowerCase())) continue;
        issue!.labels.push(name);
        await deliverIssue(repo, n!, "labeled", sender, { label: { name } });
      }
      return json(
        200,
        issue!.labels.map((name) => ({ name })),
      );
    }
    if (req.method === "DELETE" && m[6]?.startsWith("labels") && m[7]) {
      const name = decodeURIComponent(m[7]);
      const k = issue!.labels.findIndex((l) => l.toLowerCase() === name.toLowerCase());
      if (k < 0) return json(404, { message: "Label does not exist" });
      issue!.labels.splice(k, 1);
      await deliverIssue(repo, n!, "unlabeled", sender, { label: { name } });
      return json(
        200,
        issue!.labels.map((l) => ({ name: l })),
      );
    }
    return false;
  };

  return { handle, isCollaborator };
}
