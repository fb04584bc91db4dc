import { describe, expect, it } from "vitest";
import { randomUUID } from "node:crypto";
import { db } from "@/lib/db";
import { loadActor } from "@/lib/auth/actor";
import { confirmCompletion, decideClaim, postProgress, volunteerForItem } from "@/lib/help-wanted/claims";
import { closeItem } from "@/lib/help-wanted/items";
import { createUser } from "@/tests/factories";
import { postItem, tagWithLead } from "@/tests/fixtures";
import { githubWritesForFile } from "@/tests/github-writes";
import { standInForFile } from "@/tests/stand-in";
import { createIssueForItem, githubIssueSync } from "./issue-sync";
import { now as clockNow } from "@/lib/clock";
import {
  enqueueGithubWrite,
  getBoss,
  GITHUB_WRITE_QUEUE,
  GITHUB_WRITE_WORK,
  writeIdsInQueueOrder,
} from "@/lib/jobs/queue";
import { performWrite, performWriteBatch, recordWrite, WRITE_ATTEMPTS } from "./writes";

/**
 * Two-way items and issues (issue 19 point 2) against the GitHub stand-in: writes go through the
 * GithubWrite rows and their sender exactly as the job worker runs them (`writeQueue` stands for the
 * queue), and the stand-in's webhooks come back through processWebhookDelivery.
 */
const { standIn, api, control, url } = standInForFile();
const { enqueue, drain, sink, queued: enqueued } = githubWritesForFile({ api, control }, githubIssueSync);

interface IssueView {
  state: string;
  assignees: string[];
  labels: string[];
  comments: { id: number; user: string; body: string }[];
}
const issueOnGithub = async (repo: string, n: number) =>
  (await (await fetch(`${url()}/_stand-in/issues/${repo}/${n}`)).json()) as IssueView;

/** A TAG listing a stand-in repository, an open `help wanted` issue there and an item of one place linking it. */
async function world(opts: { places?: number } = {}) {
  const { tag, lead, leadActor } = await tagWithLead();
  const repo = `cncf/two-way-${randomUUID().slice(0, 8)}`;
  await db.tag.update({ where: { id: tag.id }, data: { repositories: [repo] } });
  const { number } = await control("events", {
    repo,
    type: "issue",
    authorId: 1001,
    title: "Write the threat model",
    labels: ["help wanted"],
  });
  const item = await postItem(tag.slug, lead.id, {
    githubIssueUrl: `https://github.com/${repo}/issues/${number}`,
    places: opts.places ?? 1,
  });
  const volunteer = await createUser();
  return { tag, lead, leadActor, repo, n: number!, item, volunteer, volunteerActor: (await loadActor(volunteer.id))! };
}

async function acceptVolunteer(w: Awaited<ReturnType<typeof world>>) {
  const claim = await volunteerForItem(w.volunteerActor, { itemId: w.item.id, message: "me" }, sink);
  await decideClaim(w.leadActor, { claimId: claim.id, decision: "accept" }, sink);
  return claim;
}

const itemUrl = (id: string) => `http://localhost:3000/help-wanted/${id}`;

describe("a volunteer accepted on the portal", () => {
  it("a collaborator is assigned to the issue, which links the item in a comment; the label leaves the filled item", async () => {
    const w = await world();
    await control("collaborators", { repo: w.repo, logins: [w.volunteer.login] });
    await acceptVolunteer(w);
    expect(await drain()).toEqual(["done", "done"]);
    const issue = await issueOnGithub(w.repo, w.n);
    expect(issue.assignees).toEqual([w.volunteer.login]);
    expect(issue.comments).toHaveLength(1);
    expect(issue.comments[0]!.body).toContain(itemUrl(w.item.id));
    expect(issue.comments[0]!.body).not.toContain(`@${w.volunteer.login}`);
    // One place, taken: the item is not open for volunteers any more.
    expect(issue.labels).not.toContain("help wanted");
  });

  it("a person who is not a collaborator is mentioned, not assigned (GitHub would drop the assignee)", async () => {
    const w = await world();
    await acceptVolunteer(w);
    await drain();
    const issue = await issueOnGithub(w.repo, w.n);
    expect(issue.assignees).toEqual([]);
    expect(issue.comments).toHaveLength(1);
    expect(issue.comments[0]!.body).toContain(`@${w.volunteer.login}`);
    expect(issue.comments[0]!.body).toContain(itemUrl(w.item.id));
  });

  it("a collaborator whose profile says no is mentioned, not assigned", async () => {
    const w = await world();
    await control("collaborators", { repo: w.repo, logins: [w.volunteer.login] });
    await db.user.update({ where: { id: w.volunteer.id }, data: { githubAssignOptIn: false } });
    await acceptVolunteer(w);
    await drain();
    const issue = await issueOnGithub(w.repo, w.n);
    expect(issue.assignees).toEqual([]);
    expect(issue.comments[0]!.body).toContain(`@${w.volunteer.login}`);
  });

  it("GitHub answering 5xx: the write is tried again with backoff and the comment is posted once", async () => {
    const w = await world();
    await control("collaborators", { repo: w.repo, logins: [w.volunteer.login] });
    await acceptVolunteer(w);
    await control("faults", { status: 502, count: 3 });
    const outcomes = await drain();
    expect(outcomes.filter((o) => o === "retry").length).toBeGreaterThan(0);
    expect(outcomes.filter((o) => o === "done")).toHaveLength(2);
    const issue = await issueOnGithub(w.repo, w.n);
    expect(issue.comments).toHaveLength(1);
    expect(issue.assignees).toEqual([w.volunteer.login]);
    // The same acceptance recorded again (a retried action) posts nothing new.
    const claim = await db.claim.findFirstOrThrow({ where: { itemId: w.item.id } });
    await sink({ kind: "claim-accepted", claimId: claim.id });
    await drain();
    expect((await issueOnGithub(w.repo, w.n)).comments).toHaveLength(1);
  });

  it("GitHub failing every attempt: the write ends failed and the TAG's leads are told", async () => {
    const w = await world();
    await acceptVolunteer(w);
    await control("faults", { status: 500, count: 1000 });
    try {
      await drain();
    } finally {
      await control("faults", { status: 500, count: 0 });
    }
    const failed = await db.githubWrite.findMany({ where: { itemId: w.item.id, status: "failed" } });
    expect(failed.length).toBeGreaterThan(0);
    expect(failed.every((f) => f.attempts === WRITE_ATTEMPTS && f.lastError?.includes("500"))).toBe(true);
    expect(await db.notification.count({ where: { userId: w.lead.id, kind: "help-wanted.github-write-failed" } })).toBe(
      failed.length,
    );
    expect((await issueOnGithub(w.repo, w.n)).comments).toHaveLength(0);
  });

  it("the portal's own assignment, comment and label change come back as webhooks and are skipped", async () => {
    const w = await world();
    await control("collaborators", { repo: w.repo, logins: [w.volunteer.login] });
    const before = standIn.webhooks.deliveries().length;
    await acceptVolunteer(w);
    await drain();
    const ours = standIn.webhooks.deliveries().slice(before);
    expect(ours.map((d) => d.event).sort()).toEqual(["issue_comment", "issues", "issues"]);
    const stored = await db.webhookDelivery.findMany({ where: { deliveryId: { in: ours.map((d) => d.id) } } });
    expect(stored.map((s) => s.outcome)).toEqual(["own write", "own write", "own write"]);
    // Nothing new came of them: no contribution record, no draft, the claim as it was.
    expect(await db.contributionRecord.count({ where: { link: { contains: w.repo } } })).toBe(0);
    expect(await db.claim.findFirstOrThrow({ where: { itemId: w.item.id } })).toMatchObject({ status: "accepted" });
  });
});

describe("repositories the portal writes to", () => {
  it("only a repository one of the item's TAGs lists: an issue elsewhere is never written to", async () => {
    const w = await world();
    await db.tag.update({ where: { id: w.tag.id }, data: { repositories: ["cncf/another-repo"] } });
    await acceptVolunteer(w);
    expect(await db.githubWrite.count({ where: { itemId: w.item.id } })).toBe(0);
    expect(await drain()).toEqual([]);
    expect((await issueOnGithub(w.repo, w.n)).comments).toHaveLength(0);
  });
});

describe("progress as an issue comment", () => {
  it("is posted only when the volunteer ticks 'also comment on GitHub'", async () => {
    const w = await world();
    const claim = await acceptVolunteer(w);
    await drain();
    await postProgress(w.volunteerActor, { claimId: claim.id, body: "Draft outline is up" }, sink);
    await postProgress(
      w.volunteerActor,
      { claimId: claim.id, body: "First section reviewed", link: "https://example.test/pr/1", alsoGithub: true },
      sink,
    );
    await drain();
    const bodies = (await issueOnGithub(w.repo, w.n)).comments.map((c) => c.body);
    expect(bodies).toHaveLength(2);
    expect(bodies.some((b) => b.includes("Draft outline"))).toBe(false);
    expect(bodies[1]).toContain("First section reviewed");
    expect(bodies[1]).toContain("https://example.test/pr/1");
  });
});

describe("the issue closed or reopened on GitHub", () => {
  it("closing proposes the work done for a lead to confirm; reopening accepts it again", async () => {
    const w = await world();
    const claim = await acceptVolunteer(w);
    await drain();
    await control(`issues/${w.repo}/${w.n}/state`, { state: "closed" });
    expect(await db.claim.findUniqueOrThrow({ where: { id: claim.id } })).toMatchObject({
      status: "done",
      evidenceUrl: `https://github.com/${w.repo}/issues/${w.n}`,
    });
    expect(await db.notification.count({ where: { userId: w.lead.id, kind: "claim.done" } })).toBe(1);
    await control(`issues/${w.repo}/${w.n}/state`, { state: "open" });
    expect(await db.claim.findUniqueOrThrow({ where: { id: claim.id } })).toMatchObject({
      status: "accepted",
      evidenceUrl: null,
    });
    // Closed again, the lead confirms through the usual confirmation: the item closes.
    await control(`issues/${w.repo}/${w.n}/state`, { state: "closed" });
    expect(await confirmCompletion(w.leadActor, { claimId: claim.id }, sink)).toMatchObject({ itemClosed: true });
  });

  it("the help-wanted label follows the item: removed when it closes, back when the reopened issue reopens it", async () => {
    const w = await world();
    await drain();
    expect((await issueOnGithub(w.repo, w.n)).labels).toContain("help wanted");
    await closeItem(w.leadActor, w.item.id, "Done elsewhere", sink);
    await drain();
    expect((await issueOnGithub(w.repo, w.n)).labels).not.toContain("help wanted");
    // Closing it on GitHub too changes nothing more; reopening it there reopens the item.
    await control(`issues/${w.repo}/${w.n}/state`, { state: "closed" });
    await control(`issues/${w.repo}/${w.n}/state`, { state: "open" });
    expect(await db.helpWantedItem.findUniqueOrThrow({ where: { id: w.item.id } })).toMatchObject({
      status: "open",
      closedAt: null,
    });
    await drain();
    expect((await issueOnGithub(w.repo, w.n)).labels).toContain("help wanted");
  });
});

describe("a lead creates the GitHub issue of an item", () => {
  it("in one of the TAG's repositories: the item links it, labelled, and its `opened` webhook offers no draft", async () => {
    const w = await world();
    const item = await postItem(w.tag.slug, w.lead.id, { title: "Translate the glossary" });
    await expect(
      createIssueForItem(w.leadActor, { itemId: item.id, repo: "cncf/elsewhere" }, enqueue),
    ).rejects.toMatchObject({
      code: "INVALID",
    });
    const stranger = (await loadActor((await createUser()).id))!;
    await expect(createIssueForItem(stranger, { itemId: item.id, repo: w.repo }, enqueue)).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
    await createIssueForItem(w.leadActor, { itemId: item.id, repo: w.repo }, enqueue);
    await expect(createIssueForItem(w.leadActor, { itemId: item.id, repo: w.repo }, enqueue)).rejects.toMatchObject({
      code: "CONFLICT",
    });
    expect(await drain()).toEqual(["done"]);
    const linked = await db.helpWantedItem.findUniqueOrThrow({ where: { id: item.id } });
    const m = /\/issues\/(\d+)$/.exec(linked.githubIssueUrl ?? "");
    expect(linked.githubIssueUrl).toMatch(new RegExp(`^https://github.com/${w.repo}/issues/\\d+$`));
    const issue = await issueOnGithub(w.repo, Number(m![1]));
    expect(issue.labels).toEqual(["help wanted"]);
    expect(await db.helpWantedItem.count({ where: { githubIssueUrl: linked.githubIssueUrl, source: "github" } })).toBe(
      0,
    );
    expect(await db.auditEvent.count({ where: { action: "github.issue-create", subjectId: item.id } })).toBe(1);
    expect(
      await db.webhookDelivery.findFirst({
        where: { outcome: "own write", event: "issues" },
        orderBy: { receivedAt: "desc" },
      }),
    ).not.toBeNull();
  });

  it("GitHub created it but its answer was lost: the retry links that issue instead of opening a second", async () => {
    const w = await world();
    const item = await postItem(w.tag.slug, w.lead.id, { title: "Review the audit checklist" });
    await createIssueForItem(w.leadActor, { itemId: item.id, repo: w.repo }, enqueue);
    const writeId = enqueued.at(-1)!;
    enqueued.length = 0;
    // The request reaches GitHub, which creates the issue; the connection drops before its answer arrives.
    const answerLost: typeof fetch = async (input, init) => {
      const res = await fetch(input, init);
      if (init?.method === "POST") throw new Error("socket hang up");
      return res;
    };
    expect((await performWrite(writeId, { backoffMs: 1, fetch: answerLost })).status).toBe("retry");
    await new Promise((r) => setTimeout(r, 5));
    expect((await performWrite(writeId, { backoffMs: 1 })).status).toBe("done");
    const onGithub = (await (await fetch(`${api()}/repos/${w.repo}/issues?state=all&per_page=100`)).json()) as {
      number: number;
      title: string;
    }[];
    const created = onGithub.filter((i) => i.title === "Review the audit checklist");
    expect(created).toHaveLength(1);
    const linked = await db.helpWantedItem.findUniqueOrThrow({ where: { id: item.id } });
    expect(linked.githubIssueUrl).toBe(`https://github.com/${w.repo}/issues/${created[0]!.number}`);
  });
});

/** Progress comments for the world's issue, recorded as the portal records them, in this order. */
async function progressComments(
  w: Awaited<ReturnType<typeof world>>,
  bodies: string[],
  enqueue: (id: string) => Promise<void>,
) {
  const at = await clockNow();
  const ids: string[] = [];
  for (const body of bodies) {
    const write = { key: `progress:${randomUUID()}`, itemId: w.item.id, kind: "progress" as const, payload: { body } };
    ids.push((await recordWrite({ ...write, repo: w.repo, issueNumber: w.n }, at, enqueue))!);
  }
  return ids;
}

describe("the worker's GitHub writes", () => {
  it("several due writes go out in one poll, in the order they were queued", async () => {
    const w = await world();
    const bodies = ["First", "Second", "Third", "Fourth", "Fifth", "Sixth"];
    await progressComments(w, bodies, enqueueGithubWrite);
    const boss = await getBoss();
    const polls: number[] = [];
    try {
      // The worker's own settings and handler, on the real queue.
      await boss.work<{ writeId: string }>(GITHUB_WRITE_QUEUE, GITHUB_WRITE_WORK, async (jobs) => {
        polls.push(jobs.length);
        return performWriteBatch(writeIdsInQueueOrder(jobs), enqueueGithubWrite);
      });
      await expect
        .poll(async () => db.githubWrite.count({ where: { itemId: w.item.id, status: "done" } }), { timeout: 20_000 })
        .toBe(bodies.length);
    } finally {
      await boss.stop({ graceful: false, wait: true });
    }
    expect(polls[0]).toBe(bodies.length);
    const comments = (await issueOnGithub(w.repo, w.n)).comments.map((c) => c.body.split("\n")[0]);
    expect(comments).toEqual(bodies);
  });

  it("when GitHub's rate limit refuses one, the rest of the poll waits for it to lift without asking", async () => {
    const w = await world();
    const ids = await progressComments(w, ["One", "Two", "Three"], async () => undefined);
    await control("faults", { status: 403, count: 1, retryAfter: 600 });
    const requeued: { id: string; at: Date }[] = [];
    const outcomes = await performWriteBatch(
      ids,
      async (id, startAfter) => void requeued.push({ id, at: startAfter! }),
    );
    expect(outcomes.map((o) => [o.status, o.rateLimited])).toEqual([
      ["retry", true],
      ["retry", true],
      ["retry", true],
    ]);
    expect(requeued.map((r) => r.id)).toEqual(ids);
    for (const r of requeued) expect(r.at.getTime()).toBeGreaterThan(Date.now() + 500_000);
    // Only the first asked GitHub; the others are untouched, with no attempt spent.
    const rows = await db.githubWrite.findMany({ where: { id: { in: ids } }, select: { id: true, attempts: true } });
    expect(Object.fromEntries(rows.map((r) => [r.id, r.attempts]))).toEqual({
      [ids[0]!]: 1,
      [ids[1]!]: 0,
      [ids[2]!]: 0,
    });
    expect((await issueOnGithub(w.repo, w.n)).comments).toEqual([]);
  });
});
