import { createHash, randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { now } from "@/lib/clock";
import { resetEnvForTests } from "@/lib/env";
import { loadActor } from "@/lib/auth/actor";
import { standInForFile } from "@/tests/stand-in";
import { createUser } from "@/tests/factories";
import { code, tagWithLead } from "@/tests/fixtures";
import { runSync } from "./sync";
import { setHelpWantedLabels } from "./repository-settings";
import { processWebhookDelivery } from "./webhook-deliveries";
import { fetchLinkedIssue } from "./issue-links";
import { parseBoardQuery } from "@/lib/help-wanted/board-query";
import { searchBoard } from "@/lib/help-wanted/board";
import { volunteerForItem } from "@/lib/help-wanted/claims";
import { createItem, discardDraft, publishDraft, updateItem } from "@/lib/help-wanted/items";
import { getLeadConsole } from "@/lib/help-wanted/queries";
import { itemSchema } from "@/lib/help-wanted/schemas";

/** A delivery as the route hands it on: its id and the SHA-256 of the body GitHub signed. */
const deliver = (deliveryId: string, event: string, payload: unknown) =>
  processWebhookDelivery(
    { deliveryId, bodySha256: createHash("sha256").update(JSON.stringify(payload)).digest("hex") },
    event,
    payload,
  );

const { control, api } = standInForFile();
const savedApiUrl = process.env.GITHUB_API_URL;
beforeAll(() => {
  // Items read their linked issue through GITHUB_API_URL: the stand-in here.
  process.env.GITHUB_API_URL = api();
  resetEnvForTests();
});
afterAll(() => {
  process.env.GITHUB_API_URL = savedApiUrl;
  resetEnvForTests();
});

const sync = async (tagId: string) =>
  runSync((await db.syncRun.create({ data: { tagId, createdAt: new Date() } })).id, {
    apiUrl: api(),
    perPage: 2,
  });
const issueUrl = (repo: string, n: number) => `https://github.com/${repo}/issues/${n}`;

/** A TAG with a chair and a repository holding help-wanted issues in GitHub's variety of spellings. */
async function setup() {
  const [{ tag, lead, leadActor }, author] = await Promise.all([tagWithLead(), createUser()]);
  const repo = `cncf/hw-${randomUUID().slice(0, 8)}`;
  await db.tag.update({ where: { id: tag.id }, data: { repositories: [repo] } });
  const add = async (e: Record<string, unknown>) =>
    (await control("events", { repo, type: "issue", authorId: Number(author.githubId), ...e })).number!;
  const n = {
    docs: await add({
      title: "Write the threat model for the guide",
      labels: ["help wanted", "documentation"],
      body: "Details **here**.",
    }),
    booth: await add({ title: "Staff the booth at KubeCon", labels: ["Help-Wanted", "event"] }),
    assigned: await add({
      title: "Security self-assessment of a sandbox project",
      labels: ["community/help wanted", "good-first-issue"],
      assignees: ["dev-ambassador"],
    }),
    closed: await add({ title: "Closed help wanted issue", labels: ["help wanted"], state: "closed" }),
    plain: await add({ title: "A bug nobody asked help for", labels: ["bug"] }),
    custom: await add({ title: "Needs a volunteer, in this repo's words", labels: ["needs volunteer"] }),
  };
  await control("events", {
    repo,
    type: "pr",
    authorId: Number(author.githubId),
    title: "A pull request labelled help wanted",
    labels: ["help wanted"],
  });
  return { tag, lead, leadActor, repo, n };
}

const draftsOf = (tagId: string) =>
  db.helpWantedItem.findMany({
    where: { source: "github", tags: { some: { tagId } } },
    orderBy: { githubIssueUrl: "asc" },
    include: { tags: true },
  });

describe("help-wanted drafts from GitHub", () => {
  it("the sync offers open issues with any help-wanted label (any case) as drafts to the TAG's leads, once", async () => {
    const { tag, lead, repo, n } = await setup();
    expect(await sync(tag.id)).toMatchObject({ status: "succeeded", drafts: 3 });
    const drafts = await draftsOf(tag.id);
    expect(drafts.map((d) => d.githubIssueUrl).sort()).toEqual(
      [n.docs, n.booth, n.assigned].map((x) => issueUrl(repo, x)).sort(),
    );
    const byTitle = new Map(drafts.map((d) => [d.githubIssueTitle, d]));
    expect(byTitle.get("Write the threat model for the guide")).toMatchObject({
      status: "draft",
      source: "github",
      kind: "content",
      body: "Details **here**.",
      githubIssueState: "open",
      githubIssueAssignees: [],
      reviewedAt: null,
    });
    expect(byTitle.get("Staff the booth at KubeCon")).toMatchObject({ kind: "event" });
    expect(byTitle.get("Security self-assessment of a sandbox project")).toMatchObject({
      kind: "review",
      labels: ["good first issue"],
      githubIssueAssignees: ["dev-ambassador"],
    });
    for (const d of drafts) expect(d.tags.map((t) => t.tagId)).toEqual([tag.id]);
    expect(
      await db.auditEvent.count({ where: { action: "help-wanted.draft", subjectId: { in: drafts.map((d) => d.id) } } }),
    ).toBe(3);
    expect(await db.notification.count({ where: { userId: lead.id, kind: "help-wanted.drafts" } })).toBe(1);
    // The lead console lists them; the board does not.
    expect((await getLeadConsole(tag.id, 6, await now())).drafts).toHaveLength(3);
    const board = await searchBoard(
      parseBoardQuery(new URLSearchParams({ tag: tag.slug, status: "all" })).query,
      new Date(),
    );
    expect(board.items).toHaveLength(0);

    // Again, and once more after an issue changes: nothing is offered twice.
    await control("issues", { repo, number: n.docs, title: "Write the threat model for the guide (v2)" });
    expect(await sync(tag.id)).toMatchObject({ status: "succeeded", drafts: 0 });
    expect(await sync(tag.id)).toMatchObject({ status: "succeeded", drafts: 0 });
    expect(await draftsOf(tag.id)).toHaveLength(3);
    expect(await db.notification.count({ where: { userId: lead.id, kind: "help-wanted.drafts" } })).toBe(1);
    // ...but the draft shows the issue as it is now.
    expect(
      (await db.helpWantedItem.findFirstOrThrow({ where: { githubIssueUrl: issueUrl(repo, n.docs) } }))
        .githubIssueTitle,
    ).toBe("Write the threat model for the guide (v2)");
  });

  it("a lead publishes a draft with edits (it opens on the board); a second publish, another TAG's lead and volunteering on a draft are refused", async () => {
    const { tag, leadActor, repo, n } = await setup();
    await sync(tag.id);
    const draft = await db.helpWantedItem.findFirstOrThrow({ where: { githubIssueUrl: issueUrl(repo, n.docs) } });
    const member = await loadActor((await createUser()).id);
    expect(await code(volunteerForItem(member, { itemId: draft.id, message: "" }))).toBe("CONFLICT");

    const input = itemSchema(await now()).parse({
      title: "Threat model for the admission controller guide",
      body: draft.body,
      tags: tag.slug,
      kind: "content",
      skills: "Security",
      effortHours: "8",
      places: 2,
      githubIssueUrl: draft.githubIssueUrl,
    });
    const { lead: otherLead } = await tagWithLead();
    expect(await code(publishDraft(await loadActor(otherLead.id), draft.id, input))).toBe("FORBIDDEN");
    expect(
      await db.auditEvent.count({ where: { actorId: otherLead.id, outcome: "refused", subjectId: draft.id } }),
    ).toBe(1);

    // Editing first keeps it a draft.
    await updateItem(leadActor, draft.id, { ...input, title: "Threat model (edited, still a draft)" });
    expect(await db.helpWantedItem.findUniqueOrThrow({ where: { id: draft.id } })).toMatchObject({
      status: "draft",
      title: "Threat model (edited, still a draft)",
    });

    expect(await code(publishDraft(leadActor, draft.id, input))).toBe("ok");
    const published = await db.helpWantedItem.findUniqueOrThrow({ where: { id: draft.id } });
    expect(published).toMatchObject({
      status: "open",
      source: "github",
      title: "Threat model for the admission controller guide",
      places: 2,
      effortHours: 8,
      githubIssueState: "open",
    });
    expect(published.reviewedAt).not.toBeNull();
    expect(await code(publishDraft(leadActor, draft.id, input))).toBe("CONFLICT");
    expect(
      await db.auditEvent.count({ where: { action: "help-wanted.publish", subjectId: draft.id, outcome: "ok" } }),
    ).toBe(1);
    const board = await searchBoard(parseBoardQuery(new URLSearchParams({ tag: tag.slug })).query, new Date());
    expect(board.items.map((i) => i.id)).toEqual([draft.id]);
    expect(board.items[0]!.githubIssue).toEqual({ url: draft.githubIssueUrl, state: "open", assignees: [] });
    expect(await code(volunteerForItem(member, { itemId: draft.id, message: "" }))).toBe("ok");
    // Published, it is no longer offered, and the next sync adds no other draft for the issue.
    expect((await getLeadConsole(tag.id, 6, await now())).drafts.map((d) => d.id)).not.toContain(draft.id);
    await sync(tag.id);
    expect(await db.helpWantedItem.count({ where: { githubIssueUrl: draft.githubIssueUrl } })).toBe(1);
  });

  it("a discarded draft closes with its reason, never shows on the board and is never offered again", async () => {
    const { tag, leadActor, repo, n } = await setup();
    await sync(tag.id);
    const draft = await db.helpWantedItem.findFirstOrThrow({ where: { githubIssueUrl: issueUrl(repo, n.booth) } });
    const stranger = await loadActor((await createUser()).id);
    expect(await code(discardDraft(stranger, draft.id, "not ours"))).toBe("FORBIDDEN");
    expect(await code(discardDraft(leadActor, draft.id, "The booth is staffed by the foundation"))).toBe("ok");
    expect(await db.helpWantedItem.findUniqueOrThrow({ where: { id: draft.id } })).toMatchObject({
      status: "closed",
      closedReason: "The booth is staffed by the foundation",
      reviewedAt: null,
    });
    expect(await code(discardDraft(leadActor, draft.id, "again"))).toBe("CONFLICT");
    expect(
      await code(
        publishDraft(
          leadActor,
          draft.id,
          itemSchema(await now()).parse({ title: "Staff the booth", tags: tag.slug, kind: "event" }),
        ),
      ),
    ).toBe("CONFLICT");
    for (const status of ["closed", "all"]) {
      const board = await searchBoard(
        parseBoardQuery(new URLSearchParams({ tag: tag.slug, status })).query,
        new Date(),
      );
      expect(board.items.map((i) => i.id)).not.toContain(draft.id);
    }
    // The issue changes on GitHub (relabelled, so it is read again): still not offered.
    await control("issues", { repo, number: n.booth, labels: ["help wanted", "event", "kubecon"] });
    expect(await sync(tag.id)).toMatchObject({ drafts: 0 });
    expect(await db.helpWantedItem.count({ where: { githubIssueUrl: issueUrl(repo, n.booth) } })).toBe(1);
  });

  it("a repository's own help-wanted labels, set by a lead of its TAG, decide what the next sync offers", async () => {
    const { tag, leadActor, repo, n } = await setup();
    const { lead: otherLead } = await tagWithLead();
    expect(await code(setHelpWantedLabels(await loadActor(otherLead.id), { repo, labels: "needs volunteer" }))).toBe(
      "FORBIDDEN",
    );
    expect(await code(setHelpWantedLabels(leadActor, { repo, labels: " , \n" }))).toBe("INVALID");
    expect(await code(setHelpWantedLabels(leadActor, { repo: "nobody/unlisted", labels: "x" }))).toBe("FORBIDDEN");
    expect(
      await setHelpWantedLabels(leadActor, {
        repo: repo.toUpperCase(),
        labels: "Needs Volunteer\nhelp wanted, needs volunteer",
      }),
    ).toEqual({ repo, labels: ["needs volunteer", "help wanted"] });
    expect(await db.auditEvent.count({ where: { action: "github.labels", subjectId: repo, outcome: "ok" } })).toBe(1);
    await sync(tag.id);
    const offered = (await draftsOf(tag.id)).map((d) => d.githubIssueUrl);
    expect(offered.sort()).toEqual([issueUrl(repo, n.docs), issueUrl(repo, n.custom)].sort());
  });

  it("items linked to an issue (by hand or as drafts) show it closed or assigned, from the sync and from `issues` webhooks; an issue a lead already linked is not offered", async () => {
    const { tag, leadActor, repo, n } = await setup();
    const posted = await createItem(
      leadActor,
      itemSchema(await now()).parse({
        title: "Threat model, posted by hand",
        tags: tag.slug,
        kind: "content",
        githubIssueUrl: issueUrl(repo, n.docs),
      }),
      fetchLinkedIssue,
    );
    expect(await db.helpWantedItem.findUniqueOrThrow({ where: { id: posted.id } })).toMatchObject({
      githubIssueTitle: "Write the threat model for the guide",
      githubIssueState: "open",
    });
    await sync(tag.id);
    expect(await db.helpWantedItem.count({ where: { githubIssueUrl: issueUrl(repo, n.docs) } })).toBe(1);

    await control("issues", { repo, number: n.docs, assignees: ["milo-member"] });
    await control("issues", { repo, number: n.assigned, state: "closed" });
    await sync(tag.id);
    expect(await db.helpWantedItem.findUniqueOrThrow({ where: { id: posted.id } })).toMatchObject({
      githubIssueState: "open",
      githubIssueAssignees: ["milo-member"],
    });
    expect(
      await db.helpWantedItem.findFirstOrThrow({ where: { githubIssueUrl: issueUrl(repo, n.assigned) } }),
    ).toMatchObject({ status: "draft", githubIssueState: "closed" });

    // A webhook closes the hand-posted item's issue: the item shows it at once; a replay changes nothing.
    const payload = {
      action: "closed",
      repository: { full_name: repo },
      issue: {
        number: n.docs,
        title: "Write the threat model for the guide",
        html_url: issueUrl(repo, n.docs),
        created_at: "2026-01-01T00:00:00Z",
        state: "closed",
        user: { id: 1 },
        labels: [{ name: "help wanted" }],
        assignees: [{ login: "milo-member" }, { login: "noor-member" }],
      },
    };
    const delivery = randomUUID();
    expect(await deliver(delivery, "issues", payload)).toMatchObject({
      status: 200,
      outcome: "updated",
      linkedUpdated: 1,
      drafts: 0,
    });
    expect(await db.helpWantedItem.findUniqueOrThrow({ where: { id: posted.id } })).toMatchObject({
      githubIssueState: "closed",
      githubIssueAssignees: ["milo-member", "noor-member"],
    });
    expect(await deliver(delivery, "issues", payload)).toMatchObject({
      status: 200,
      outcome: "already processed",
    });
    const board = await searchBoard(parseBoardQuery(new URLSearchParams({ tag: tag.slug })).query, new Date());
    expect(board.items.find((i) => i.id === posted.id)?.githubIssue).toMatchObject({
      state: "closed",
      assignees: ["milo-member", "noor-member"],
    });
  });

  it("an `issues` webhook for a newly labelled open issue offers a draft; one for an unknown repository stores nothing", async () => {
    const { tag, repo } = await setup();
    const issue = (labels: string[], state = "open") => ({
      action: "labeled",
      repository: { full_name: repo },
      issue: {
        number: 4242,
        title: "Translate the glossary",
        html_url: issueUrl(repo, 4242),
        created_at: "2026-01-01T00:00:00Z",
        state,
        user: { id: 1 },
        labels: labels.map((name) => ({ name })),
        assignees: [],
      },
    });
    expect(await deliver(randomUUID(), "issues", issue(["translation"]))).toMatchObject({
      status: 200,
      drafts: 0,
    });
    expect(await deliver(randomUUID(), "issues", issue(["translation", "HELP WANTED"]))).toMatchObject({
      status: 200,
      outcome: "updated",
      drafts: 1,
    });
    expect(await deliver(randomUUID(), "issues", issue(["help wanted"]))).toMatchObject({
      status: 200,
      drafts: 0,
    });
    expect(
      await db.helpWantedItem.findFirstOrThrow({
        where: { githubIssueUrl: issueUrl(repo, 4242) },
        include: { tags: { select: { tagId: true } } },
      }),
    ).toMatchObject({ status: "draft", kind: "content", tags: [{ tagId: tag.id }] });
    const unknown = { ...issue(["help wanted"]), repository: { full_name: `nobody/none-${randomUUID().slice(0, 6)}` } };
    expect(await deliver(randomUUID(), "issues", unknown)).toMatchObject({
      status: 202,
      outcome: "unknown repository",
    });
  });
});
