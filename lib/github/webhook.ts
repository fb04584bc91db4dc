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

type Delivery = { action: string; repository: { full_name: string } };

/**
 * How one event reads as work: which actions count, and the work's fields with the date it
 * happened (checked here, so a bad date never becomes work).
 */
function readingOf<T extends Delivery>(
  schema: z.ZodType<T>,
  counts: (p: T) => boolean,
  toWork: (p: T, repo: string) => Omit<GithubWork, "repo" | "occurredAt"> & { at: string | null | undefined },
) {
  return (event: string, payload: unknown): Interpretation => {
    const p = schema.safeParse(payload);
    if (!p.success) return { kind: "ignored", reason: `malformed ${event} event` };
    const repo = p.data.repository.full_name;
    if (!counts(p.data)) return { kind: "ignored", reason: `${event}.${p.data.action}`, repo };
    const { at, ...work } = toWork(p.data, repo);
    const occurredAt = date(at);
    if (!occurredAt) return { kind: "ignored", reason: "bad date" };
    return { kind: "work", repo, work: { ...work, repo, occurredAt } };
  };
}

const READINGS: Record<string, (event: string, payload: unknown) => Interpretation> = {
  issues: readingOf(
    IssueEvent,
    (p) => p.action === "opened",
    ({ issue }, repo) => ({
      kind: "issue",
      externalId: issueExternalId("issue", repo, issue.number),
      authorId: issue.user.id,
      at: issue.created_at,
      title: issue.title,
      link: issue.html_url,
    }),
  ),
  // A pull request counts when opened and again when merged (a closed one that was not merged does not).
  pull_request: readingOf(
    PullEvent,
    (p) => p.action === "opened" || (p.action === "closed" && !!p.pull_request.merged),
    ({ pull_request: pr }, repo) => ({
      kind: "pr",
      externalId: issueExternalId("pr", repo, pr.number),
      authorId: pr.user.id,
      at: pr.created_at,
      title: pr.title,
      link: pr.html_url,
    }),
  ),
  pull_request_review: readingOf(
    ReviewEvent,
    (p) => p.action === "submitted",
    ({ review, pull_request }) => ({
      kind: "review",
      externalId: `gh:review:${review.id}`,
      authorId: review.user.id,
      at: review.submitted_at,
      title: `Review of #${pull_request.number} ${pull_request.title}`,
      link: review.html_url,
    }),
  ),
  issue_comment: readingOf(
    CommentEvent,
    (p) => p.action === "created",
    ({ comment, issue }) => ({
      kind: "comment",
      externalId: `gh:comment:${comment.id}`,
      authorId: comment.user.id,
      at: comment.created_at,
      title: `Comment on #${issue.number} ${issue.title}`,
      link: comment.html_url,
    }),
  ),
};

/**
 * What a webhook delivery means for contributions: one piece of work, or nothing. The author is
 * the object's `user.id` (GitHub's numeric id), never a login.
 */
export function interpretEvent(event: string, payload: unknown): Interpretation {
  const reading = Object.hasOwn(READINGS, event) ? READINGS[event] : undefined;
  return reading ? reading(event, payload) : { kind: "ignored", reason: `unknown event ${event}` };
}
