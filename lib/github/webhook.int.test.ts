import { beforeAll, describe, expect, it } from "vitest";
import { randomUUID } from "node:crypto";
import { db } from "@/lib/db";
import { resetEnvForTests } from "@/lib/env";
import { createTag, createUser } from "@/tests/factories";
import { signBody } from "./webhook";

const SECRET = "test-webhook-secret";
let POST: (req: Request) => Promise<Response>;

beforeAll(async () => {
  process.env.GITHUB_WEBHOOK_SECRET = SECRET;
  resetEnvForTests();
  ({ POST } = await import("@/app/api/webhooks/github/route"));
});

function delivery(
  event: string,
  payload: unknown,
  over: { id?: string; signature?: string | null; raw?: string } = {},
) {
  const body = over.raw ?? JSON.stringify(payload);
  const headers: Record<string, string> = {
    "content-type": "application/json",
    "x-github-event": event,
    "x-github-delivery": over.id ?? randomUUID(),
  };
  const sig = over.signature === undefined ? signBody(SECRET, body) : over.signature;
  if (sig !== null) headers["x-hub-signature-256"] = sig;
  return new Request("http://localhost/api/webhooks/github", { method: "POST", headers, body });
}

async function setup() {
  const [user, stranger, tag] = await Promise.all([createUser(), createUser(), createTag()]);
  const repo = `cncf/repo-${randomUUID().slice(0, 8)}`;
  await db.tag.update({ where: { id: tag.id }, data: { repositories: [repo] } });
  return { user, stranger, tag, repo };
}

const prOpened = (repo: string, authorId: number, n = 7, action = "opened", merged = false) => ({
  action,
  repository: { full_name: repo },
  sender: { id: authorId, login: "whoever" },
  pull_request: {
    number: n,
    title: "Add threat model",
    html_url: `https://github.com/${repo}/pull/${n}`,
    created_at: "2026-02-01T10:00:00Z",
    merged,
    user: { id: authorId, login: "renamed-login" },
  },
});

describe("POST /api/webhooks/github", () => {
  it("records a PR for the author matched by numeric GitHub id; the same delivery again changes nothing", async () => {
    const { user, tag, repo } = await setup();
    const id = randomUUID();
    const first = await POST(delivery("pull_request", prOpened(repo, Number(user.githubId)), { id }));
    expect(first.status).toBe(200);
    expect(await first.json()).toMatchObject({ imported: 1 });
    const again = await POST(delivery("pull_request", prOpened(repo, Number(user.githubId)), { id }));
    expect(again.status).toBe(200);
    expect(await again.json()).toMatchObject({ outcome: "already processed" });
    // A merge of the same PR (another delivery) is the same record.
    const merged = await POST(delivery("pull_request", prOpened(repo, Number(user.githubId), 7, "closed", true)));
    expect(merged.status).toBe(200);
    const records = await db.contributionRecord.findMany({ where: { userId: user.id } });
    expect(records).toHaveLength(1);
    expect(records[0]).toMatchObject({
      tagId: tag.id,
      kind: "pr",
      source: "github",
      verification: "verified",
      externalId: `gh:pr:${repo}#7`,
    });
  });

  it("a signed body replayed under a new X-GitHub-Delivery id is recognised and changes nothing", async () => {
    const { tag, repo } = await setup();
    const url = `https://github.com/${repo}/issues/12`;
    const item = await db.helpWantedItem.create({
      data: {
        title: "Linked to issue 12",
        kind: "content",
        githubIssueUrl: url,
        githubIssueState: "open",
        createdAt: new Date(),
        updatedAt: new Date(),
        tags: { create: { tagId: tag.id } },
      },
    });
    const issueEvent = (action: "closed" | "reopened") => ({
      action,
      repository: { full_name: repo },
      issue: {
        number: 12,
        title: "Linked to issue 12",
        html_url: url,
        created_at: "2026-01-01T00:00:00Z",
        state: action === "closed" ? "closed" : "open",
        user: { id: 1 },
        labels: [],
        assignees: [],
      },
    });
    const state = async () => (await db.helpWantedItem.findUniqueOrThrow({ where: { id: item.id } })).githubIssueState;
    expect((await POST(delivery("issues", issueEvent("closed")))).status).toBe(200);
    expect(await state()).toBe("closed");
    expect((await POST(delivery("issues", issueEvent("reopened")))).status).toBe(200);
    expect(await state()).toBe("open");
    const rows = await db.webhookDelivery.count();
    // Someone who captured the first delivery sends it again with a fresh id: the signature still
    // holds (it covers the body, not the id), and the stale "closed" must not come back.
    const replay = await POST(delivery("issues", issueEvent("closed"), { id: randomUUID() }));
    expect(replay.status).toBe(200);
    expect(await replay.json()).toMatchObject({ outcome: "already processed", linkedUpdated: 0 });
    expect(await state()).toBe("open");
    expect(await db.webhookDelivery.count()).toBe(rows);
  });

  it("records issues, reviews and comments", async () => {
    const { user: author, repo } = await setup();
    const repository = { full_name: repo };
    const user = { id: Number(author.githubId) };
    const issue = {
      action: "opened",
      repository,
      issue: {
        number: 3,
        title: "Bug",
        html_url: "https://github.com/x/y/issues/3",
        created_at: "2026-02-02T00:00:00Z",
        user,
      },
    };
    const review = {
      action: "submitted",
      repository,
      review: { id: 991, html_url: "https://github.com/x/y/pull/7#r", submitted_at: "2026-02-03T00:00:00Z", user },
      pull_request: { number: 7, title: "PR" },
    };
    const comment = {
      action: "created",
      repository,
      comment: { id: 551, html_url: "https://github.com/x/y/issues/3#c", created_at: "2026-02-04T00:00:00Z", user },
      issue: { number: 3, title: "Bug" },
    };
    for (const [e, p] of [
      ["issues", issue],
      ["pull_request_review", review],
      ["issue_comment", comment],
    ] as const)
      expect((await POST(delivery(e, p))).status).toBe(200);
    const kinds = (await db.contributionRecord.findMany({ where: { userId: author.id } })).map((r) => r.kind).sort();
    expect(kinds).toEqual(["comment", "issue", "review"]);
  });

  it("refuses bad signatures (401), malformed JSON (400), bodies over 1 MB (413)", async () => {
    const { user, repo } = await setup();
    const p = prOpened(repo, Number(user.githubId));
    expect((await POST(delivery("pull_request", p, { signature: null }))).status).toBe(401);
    expect(
      (await POST(delivery("pull_request", p, { signature: signBody("wrong-secret", JSON.stringify(p)) }))).status,
    ).toBe(401);
    expect((await POST(delivery("pull_request", p, { signature: "sha256=zz" }))).status).toBe(401);
    expect((await POST(delivery("pull_request", null, { raw: "{not json" }))).status).toBe(400);
    const big = JSON.stringify({ pad: "x".repeat(1024 * 1024 + 10) });
    expect((await POST(delivery("pull_request", null, { raw: big }))).status).toBe(413);
    expect(await db.contributionRecord.count({ where: { userId: user.id } })).toBe(0);
  });

  it("answers 202 and stores nothing for unknown repositories and events; 200 for ping", async () => {
    const { user } = await setup();
    const id = randomUUID();
    const r = await POST(delivery("pull_request", prOpened("someone/else", Number(user.githubId)), { id }));
    expect(r.status).toBe(202);
    expect((await POST(delivery("star", { action: "created" }))).status).toBe(202);
    expect((await POST(delivery("ping", { zen: "Keep it simple." }))).status).toBe(200);
    expect(await db.contributionRecord.count({ where: { userId: user.id } })).toBe(0);
    expect(await db.webhookDelivery.findUnique({ where: { deliveryId: id } })).toBeNull();
  });

  it("ignores authors who are not portal users", async () => {
    const { repo } = await setup();
    const r = await POST(delivery("pull_request", prOpened(repo, 987_654_321_0)));
    expect(r.status).toBe(200);
    expect(await db.contributionRecord.count({ where: { externalId: `gh:pr:${repo}#7` } })).toBe(0);
  });
});
