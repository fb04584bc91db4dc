import { createHmac, timingSafeEqual } from "node:crypto";
import { z } from "zod";
import type { GithubIssueJson } from "./drafts";
import { issueExternalId, type GithubWork } from "./ingest";
import { MARKER_RE } from "./write-marker";

export const WEBHOOK_MAX_BYTES = 1024 * 1024;

/** Reads a request body up to `max` bytes; null when it is larger (the rest is never buffered). */
export async function readCappedBody(req: Request, max = WEBHOOK_MAX_BYTES): Promise<Buffer | null> {
  const declared = Number(req.headers.get("content-length") ?? "0");
  if (declared > max) return null;
  if (!req.body) return Buffer.alloc(0);
  const reader = req.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > max) {
      await reader.cancel().catch(() => undefined);
      return null;
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks);
}

export function signBody(secret: string, body: Buffer | string): string {
  return `sha256=${createHmac("sha256", secret).update(body).digest("hex")}`;
}

/** `X-Hub-Signature-256` check in constant time. */
export function verifySignature(secret: string, body: Buffer, header: string | null): boolean {
  if (!header || !/^sha256=[0-9a-f]{64}$/.test(header)) return false;
  const expected = Buffer.from(signBody(secret, body));
  const given = Buffer.from(header);
  return expected.length === given.length && timingSafeEqual(expected, given);
}

const Account = z.object({ id: z.number().int().positive() });
const Repo = z.object({ full_name: z.string().regex(/^[\w.-]+\/[\w.-]+$/) });
const Base = z.object({ action: z.string().optional(), repository: Repo.optional(), sender: Account.optional() });

const Login = z.object({ login: z.string() });
const IssueEvent = Base.extend({
  action: z.string(),
  repository: Repo,
  issue: z.object({
    number: z.number().int(),
    title: z.string(),
    html_url: z.string(),
    created_at: z.string(),
    user: Account,
    body: z.string().nullish(),
    state: z.string().optional(),
    labels: z.array(z.union([z.string(), z.object({ name: z.string().nullish() })])).optional(),
    assignees: z.array(Login.nullable()).nullish(),
    assignee: Login.nullish(),
    pull_request: z.unknown().optional(),
  }),
});

/**
 * The issue an `issues` delivery describes (any action: opened, closed, reopened, assigned,
 * labeled, edited...), for refreshing items that link it and offering help-wanted drafts.
 */
export function issueOfEvent(
  event: string,
  payload: unknown,
): { repo: string; action: string; issue: GithubIssueJson } | null {
  if (event !== "issues") return null;
  const p = IssueEvent.safeParse(payload);
  if (!p.success || !/^https:\/\/github\.com\//.test(p.data.issue.html_url)) return null;
  return { repo: p.data.repository.full_name, action: p.data.action, issue: p.data.issue as GithubIssueJson };
}
const PullEvent = Base.extend({
  action: z.string(),
  repository: Repo,
  pull_request: z.object({
    number: z.number().int(),
    title: z.string(),
    html_url: z.string(),
    created_at: z.string(),
    merged: z.boolean().nullish(),
    merged_at: z.string().nullish(),
    user: Account,
  }),
});
const ReviewEvent = Base.extend({
  action: z.string(),
  repository: Repo,
  review: z.object({ id: z.number().int(), html_url: z.string(), submitted_at: z.string().nullish(), user: Account }),
  pull_request: z.object({ number: z.number().int(), title: z.string() }),
});
const CommentEvent = Base.extend({
  action: z.string(),
  repository: Repo,
  comment: z.object({
    id: z.number().int(),
    html_url: z.string(),
    created_at: z.string(),
    user: Account,
    body: z.string().nullish(),
  }),
  issue: z.object({ number: z.number().int(), title: z.string() }),
});

/** What marks a delivery as possibly one of the portal's own writes (lib/github/issue-sync.ts decides). */
export type OwnWriteSignal =
  { kind: "marker"; writeId: string } | { kind: "label" | "assign"; repo: string; number: number; value: string };

const OwnWriteExtras = z.object({
  label: z.object({ name: z.string() }).nullish(),
  assignee: Login.nullish(),
});

/**
 * The portal's writes come back as webhooks (issue 19 point 2): a comment or an issue it posted
 * carries its marker; a label or an assignment it set names the label or login. The caller checks
 * these against the writes it recorded, and skips the delivery when they match.
 */
export function ownWriteSignal(event: string, payload: unknown): OwnWriteSignal | null {
  const text =
    event === "issue_comment"
      ? CommentEvent.safeParse(payload).data?.comment.body
      : event === "issues"
        ? IssueEvent.safeParse(payload).data?.issue.body
        : null;
  const marked = text ? MARKER_RE.exec(text) : null;
  const action = (payload as { action?: unknown } | null)?.action;
  if (marked && (event === "issue_comment" || action === "opened")) return { kind: "marker", writeId: marked[1]! };
  if (event !== "issues") return null;
  const p = IssueEvent.safeParse(payload);
  const x = OwnWriteExtras.safeParse(payload);
  if (!p.success || !x.success) return null;
  const at = { repo: p.data.repository.full_name, number: p.data.issue.number };
  if ((action === "labeled" || action === "unlabeled") && x.data.label)
    return { kind: "label", ...at, value: x.data.label.name };
  if (action === "assigned" && x.data.assignee) return { kind: "assign", ...at, value: x.data.assignee.login };
  return null;
}

export type Interpretation =
  { kind: "ignored"; reason: string; repo?: string } | { kind: "work"; repo: string; work: GithubWork };

const date = (s: string | null | undefined) => {
  const d = s ? new Date(s) : new Date(NaN);
  return Number.isNaN(d.getTime()) ? null : d;
};

/**
 * What a webhook delivery means for contributions: one piece of work, or nothing. The author is
 * the object's `user.id` (GitHub's numeric id), never a login.
 */
export function interpretEvent(event: string, payload: unknown): Interpretation {
  if (event === "issues") {
    const p = IssueEvent.safeParse(payload);
    if (!p.success) return { kind: "ignored", reason: "malformed issues event" };
    const { issue, repository } = p.data;
    if (p.data.action !== "opened")
      return { kind: "ignored", reason: `issues.${p.data.action}`, repo: repository.full_name };
    const at = date(issue.created_at);
    if (!at) return { kind: "ignored", reason: "bad date" };
    return {
      kind: "work",
      repo: repository.full_name,
      work: {
        kind: "issue",
        externalId: issueExternalId("issue", repository.full_name, issue.number),
        authorId: issue.user.id,
        repo: repository.full_name,
        occurredAt: at,
        title: issue.title,
        link: issue.html_url,
      },
    };
  }
  if (event === "pull_request") {
    const p = PullEvent.safeParse(payload);
    if (!p.success) return { kind: "ignored", reason: "malformed pull_request event" };
    const { pull_request: pr, repository } = p.data;
    const merged = p.data.action === "closed" && !!pr.merged;
    if (p.data.action !== "opened" && !merged)
      return { kind: "ignored", reason: `pull_request.${p.data.action}`, repo: repository.full_name };
    const at = date(pr.created_at);
    if (!at) return { kind: "ignored", reason: "bad date" };
    return {
      kind: "work",
      repo: repository.full_name,
      work: {
        kind: "pr",
        externalId: issueExternalId("pr", repository.full_name, pr.number),
        authorId: pr.user.id,
        repo: repository.full_name,
        occurredAt: at,
        title: pr.title,
        link: pr.html_url,
      },
    };
  }
  if (event === "pull_request_review") {
    const p = ReviewEvent.safeParse(payload);
    if (!p.success) return { kind: "ignored", reason: "malformed pull_request_review event" };
    const { review, repository } = p.data;
    if (p.data.action !== "submitted")
      return { kind: "ignored", reason: `pull_request_review.${p.data.action}`, repo: repository.full_name };
    const at = date(review.submitted_at);
    if (!at) return { kind: "ignored", reason: "bad date" };
    return {
      kind: "work",
      repo: repository.full_name,
      work: {
        kind: "review",
        externalId: `gh:review:${review.id}`,
        authorId: review.user.id,
        repo: repository.full_name,
        occurredAt: at,
        title: `Review of #${p.data.pull_request.number} ${p.data.pull_request.title}`,
        link: review.html_url,
      },
    };
  }
  if (event === "issue_comment") {
    const p = CommentEvent.safeParse(payload);
    if (!p.success) return { kind: "ignored", reason: "malformed issue_comment event" };
    const { comment, repository } = p.data;
    if (p.data.action !== "created")
      return { kind: "ignored", reason: `issue_comment.${p.data.action}`, repo: repository.full_name };
    const at = date(comment.created_at);
    if (!at) return { kind: "ignored", reason: "bad date" };
    return {
      kind: "work",
      repo: repository.full_name,
      work: {
        kind: "comment",
        externalId: `gh:comment:${comment.id}`,
        authorId: comment.user.id,
        repo: repository.full_name,
        occurredAt: at,
        title: `Comment on #${p.data.issue.number} ${p.data.issue.title}`,
        link: comment.html_url,
      },
    };
  }
  return { kind: "ignored", reason: `unknown event ${event}` };
}
