import { describe, expect, it } from "vitest";
import { randomUUID } from "node:crypto";
import { db } from "@/lib/db";
import { loadActor } from "@/lib/auth/actor";
import {
  confirmCompletion,
  decideClaim,
  markClaimDone,
  postProgress,
  volunteerForItem,
} from "@/lib/help-wanted/claims";
import { createUser } from "@/tests/factories";
import { postItem, tagWithLead } from "@/tests/fixtures";
import { githubWritesForFile } from "@/tests/github-writes";
import { standInForFile } from "@/tests/stand-in";
import { createIssueForItem, githubIssueSync } from "./issue-sync";
import { linkTagProject, unlinkTagProject } from "./projects";
import { itemGithubWrites } from "./queries";
import { describeWrite } from "./write-marker";
import { ProjectLinkSchema } from "./schemas";

/**
 * A TAG's project board (issue 22 point 2) against the GitHub stand-in's Projects v2: Status writes
 * go through GithubWrite rows sent as the job worker sends them (`writeQueue` stands for the queue), and
 * the stand-in's `projects_v2_item` webhooks come back through processWebhookDelivery.
 */
const { standIn, api, control, url } = standInForFile();
const { enqueue, drain, sink } = githubWritesForFile({ api, control }, githubIssueSync);

interface BoardItem {
  id: string;
  status: string | null;
  title: string;
  content: { type: string; issue?: string; body?: string };
}
const get = async <T>(path: string) => (await (await fetch(`${url()}${path}`)).json()) as T;

/** A TAG whose lead linked a fresh stand-in project (by its address), with an item of one place. */
async function world(opts: { issue?: boolean } = {}) {
  const { tag, lead, leadActor } = await tagWithLead();
  const owner = `org-${randomUUID().slice(0, 8)}`;
  const project = (await control("projects", { owner, title: "Help wanted" })) as unknown as {
    number: number;
    url: string;
  };
  const repo = `${owner}/work`;
  let githubIssueUrl: string | undefined;
  if (opts.issue) {
    await db.tag.update({ where: { id: tag.id }, data: { repositories: [repo] } });
    const { number } = await control("events", { repo, type: "issue", authorId: 1001, title: "Threat model" });
    githubIssueUrl = `https://github.com/${repo}/issues/${number}`;
  }
  const item = await postItem(tag.slug, lead.id, githubIssueUrl ? { githubIssueUrl } : {});
  const link = await linkTagProject(
    leadActor,
    ProjectLinkSchema.parse({ tagId: tag.id, projectUrl: project.url }),
    undefined,
    enqueue,
  );
  const volunteer = await createUser();
  const board = async () => (await get<{ items: BoardItem[] }>(`/_stand-in/projects/${owner}/${project.number}`)).items;
  const move = (itemId: string, status: string) =>
    control(`projects/${owner}/${project.number}/items/${encodeURIComponent(itemId)}/status`, { status });
  return {
    tag,
    lead,
    leadActor,
    owner,
    project,
    link,
    item,
    volunteer,
    volunteerActor: (await loadActor(volunteer.id))!,
    board,
    move,
  };
}
type World = Awaited<ReturnType<typeof world>>;

async function acceptVolunteer(w: World) {
  const claim = await volunteerForItem(w.volunteerActor, { itemId: w.item.id, message: "me" }, sink);
  await decideClaim(w.leadActor, { claimId: claim.id, decision: "accept" }, sink);
  return claim;
}

describe("linking a project", () => {
  it("resolves the project through GraphQL and adds the TAG's items with Status Open, once each", async () => {
    const w = await world();
    expect(w.link).toMatchObject({ title: "Help wanted", items: 1 });
    expect(await db.tagProject.findUniqueOrThrow({ where: { tagId: w.tag.id } })).toMatchObject({
      owner: w.owner,
      number: w.project.number,
      projectId: expect.stringMatching(/^PVT_/),
    });
    expect(await drain()).toEqual(["done"]);
    const items = await w.board();
    expect(items).toHaveLength(1);
    const { title } = await db.helpWantedItem.findUniqueOrThrow({ where: { id: w.item.id } });
    expect(items[0]).toMatchObject({ status: "Open", title, content: { type: "DraftIssue" } });
    // Linking again (the same project) sends the Status again, and adds nothing.
    await linkTagProject(
      w.leadActor,
      { tagId: w.tag.id, owner: w.owner, number: w.project.number },
      undefined,
      enqueue,
    );
    await drain();
    expect(await w.board()).toHaveLength(1);
    const audit = await db.auditEvent.findMany({ where: { subjectId: w.tag.id, action: "github.project-link" } });
    expect(audit).toHaveLength(2);
  });

  it("a project GitHub does not know, or without the four Status options, is refused with the reason", async () => {
    const { tag, leadActor } = await tagWithLead();
    await expect(
      linkTagProject(leadActor, { tagId: tag.id, owner: "nobody-here", number: 7 }, undefined, enqueue),
    ).rejects.toThrow(/did not find project 7 of nobody-here/);
    const owner = `org-${randomUUID().slice(0, 8)}`;
    const p = (await control("projects", { owner, statusOptions: ["Todo", "In progress", "Done"] })) as unknown as {
      number: number;
    };
    await expect(
      linkTagProject(leadActor, { tagId: tag.id, owner, number: p.number }, undefined, enqueue),
    ).rejects.toThrow(/missing: Open, Claimed/);
    expect(await db.tagProject.count({ where: { tagId: tag.id } })).toBe(0);
    expect(() => ProjectLinkSchema.parse({ tagId: tag.id, projectUrl: "https://github.com/cncf/toc" })).toThrow();
    expect(() => ProjectLinkSchema.parse({ tagId: tag.id })).toThrow();
  });

  it("only the TAG's leads (and admins) link or unlink its project", async () => {
    const w = await world();
    await expect(
      linkTagProject(
        w.volunteerActor,
        { tagId: w.tag.id, owner: w.owner, number: w.project.number },
        undefined,
        enqueue,
      ),
    ).rejects.toThrow();
    await expect(unlinkTagProject(w.volunteerActor, { tagId: w.tag.id })).rejects.toThrow();
    await unlinkTagProject(w.leadActor, { tagId: w.tag.id });
    expect(await db.tagProject.count({ where: { tagId: w.tag.id } })).toBe(0);
  });
});

describe("the Status follows the item", () => {
  it("a linked issue is added as itself; accept → Claimed, progress → In progress, done → Done, confirmed → Done", async () => {
    const w = await world({ issue: true });
    await drain();
    const [first] = await w.board();
    expect(first).toMatchObject({ status: "Open", content: { type: "Issue" } });
    const claim = await acceptVolunteer(w);
    await drain();
    expect((await w.board())[0]!.status).toBe("Claimed");
    await postProgress(w.volunteerActor, { claimId: claim.id, body: "Halfway" }, sink);
    await drain();
    expect((await w.board())[0]!.status).toBe("In progress");
    await markClaimDone(w.volunteerActor, { claimId: claim.id, evidenceUrl: "https://example.com/pr/1" }, sink);
    await drain();
    expect((await w.board())[0]!.status).toBe("Done");
    await confirmCompletion(w.leadActor, { claimId: claim.id }, sink);
    await drain();
    const after = await w.board();
    expect(after).toHaveLength(1);
    expect(after[0]!.status).toBe("Done");
    // The issue got no comment for the progress: "also comment on GitHub" was not asked.
    expect(await db.githubWrite.count({ where: { itemId: w.item.id, kind: "progress" } })).toBe(0);
  });

  it("the portal's own Status changes come back as webhooks and change nothing", async () => {
    const w = await world();
    await drain();
    const before = standIn.webhooks.deliveries().length;
    await acceptVolunteer(w);
    // One Status write; had its echo been taken for a change on the board, a second would follow.
    expect(await drain()).toEqual(["done"]);
    const ours = standIn.webhooks
      .deliveries()
      .slice(before)
      .filter((d) => d.event === "projects_v2_item");
    expect(ours).toHaveLength(1);
    const stored = await db.webhookDelivery.findMany({ where: { deliveryId: { in: ours.map((d) => d.id) } } });
    expect(stored.map((s) => s.outcome)).toEqual(["own write"]);
    expect(await db.claim.findFirstOrThrow({ where: { itemId: w.item.id } })).toMatchObject({ status: "accepted" });
    expect(
      await db.auditEvent.count({ where: { subjectId: w.item.id, action: { startsWith: "github.project-" } } }),
    ).toBe(0);
  });

  it("GitHub failing, or taking a draft but losing its answer: retried with backoff, one project item", async () => {
    const w = await world();
    // The item page names the board the write goes to (not its owner's login).
    const shown = (await itemGithubWrites(w.item.id)).writes.map((x) => `${describeWrite(x.kind)} on ${x.target}`);
    expect(shown).toEqual(["Setting the Status on the project board “Help wanted”"]);
    await control("projects/faults", { count: 1, afterWrite: true });
    let outcomes = await drain();
    expect(outcomes).toEqual(["retry", "done"]);
    await control("projects/faults", { status: 502, count: 2 });
    await acceptVolunteer(w);
    outcomes = await drain();
    expect(outcomes.filter((o) => o === "retry").length).toBeGreaterThan(0);
    const items = await w.board();
    expect(items).toHaveLength(1);
    expect(items[0]!.status).toBe("Claimed");
  });
});

describe("a draft card", () => {
  it("becomes the issue's card, with its Status, once the item's issue is created; a lost answer leaves one card", async () => {
    const w = await world();
    const repo = `${w.owner}/work`;
    await db.tag.update({ where: { id: w.tag.id }, data: { repositories: [repo] } });
    await drain();
    const claim = await acceptVolunteer(w);
    await drain();
    const [draft] = await w.board();
    expect(draft).toMatchObject({ status: "Claimed", content: { type: "DraftIssue" } });
    await createIssueForItem(w.leadActor, { itemId: w.item.id, repo }, enqueue);
    // GitHub deletes the draft but the answer is lost: the retry finds the issue's card and no draft.
    await control("projects/faults", { count: 1, afterWrite: true, operation: "PortalDeleteItem" });
    expect(await drain()).toEqual(["done", "retry", "done"]);
    const { githubIssueUrl } = await db.helpWantedItem.findUniqueOrThrow({ where: { id: w.item.id } });
    const n = /\/issues\/(\d+)$/.exec(githubIssueUrl ?? "")![1];
    const cards = await w.board();
    expect(cards).toEqual([
      expect.objectContaining({ status: "Claimed", content: { type: "Issue", issue: `${repo}#${n}` } }),
    ]);
    expect(cards[0]!.id).not.toBe(draft!.id);
    // Later changes reach the issue's card.
    await markClaimDone(w.volunteerActor, { claimId: claim.id, evidenceUrl: "https://example.com/pr/2" }, sink);
    await drain();
    expect(await w.board()).toEqual([expect.objectContaining({ id: cards[0]!.id, status: "Done" })]);
  });
});

describe("a Status changed on the board", () => {
  it("Done proposes the volunteer's work done for the lead; taking it back reopens it", async () => {
    const w = await world();
    await drain();
    const claim = await acceptVolunteer(w);
    await drain();
    const [boardItem] = await w.board();
    await w.move(boardItem!.id, "Done");
    expect(await db.claim.findUniqueOrThrow({ where: { id: claim.id } })).toMatchObject({
      status: "done",
      evidenceUrl: w.link.url,
    });
    expect(
      await db.notification.findFirst({ where: { userId: w.lead.id, title: { contains: "moved to Done" } } }),
    ).not.toBeNull();
    // The board's Done is now the portal's: sending it again is the portal's own write, nothing moves back.
    await drain();
    expect((await w.board())[0]!.status).toBe("Done");
    await w.move(boardItem!.id, "In progress");
    expect(await db.claim.findUniqueOrThrow({ where: { id: claim.id } })).toMatchObject({ status: "accepted" });
    await drain();
    expect((await w.board())[0]!.status).toBe("Claimed");
    // The lead confirms the work: Done, and the item closes.
    await w.move(boardItem!.id, "Done");
    await confirmCompletion(w.leadActor, { claimId: claim.id }, sink);
    await drain();
    expect((await w.board())[0]!.status).toBe("Done");
    expect(await db.helpWantedItem.findUniqueOrThrow({ where: { id: w.item.id } })).toMatchObject({ status: "closed" });
  });

  it("a move the portal cannot follow is recorded and the board is set back", async () => {
    const w = await world();
    await drain();
    const [boardItem] = await w.board();
    await w.move(boardItem!.id, "In progress");
    const ignored = await db.auditEvent.findMany({
      where: { subjectId: w.item.id, action: "github.project-move-ignored" },
    });
    expect(ignored).toHaveLength(1);
    expect(ignored[0]!.after).toMatchObject({ board: "In progress" });
    expect(await db.helpWantedItem.findUniqueOrThrow({ where: { id: w.item.id } })).toMatchObject({ status: "open" });
    await drain();
    expect((await w.board())[0]!.status).toBe("Open");
  });
});
