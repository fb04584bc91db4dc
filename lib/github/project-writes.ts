import "server-only";
import { db } from "@/lib/db";
import { GITHUB_ISSUE_RE } from "@/lib/help-wanted/schemas";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { GithubClient } from "./client";
import { PROJECT_STATUSES, projectStatusOf, type ProjectStatus } from "./project-status";
import { commentMarker } from "./write-marker";
import { recordWrite, type Enqueue } from "./writes";

/**
 * The GraphQL side of the project board (issue 22 point 2; docs/decisions/024-project-board.md):
 * resolving a project, adding an item (the linked issue, or a draft issue that carries the write's
 * marker), and setting its Status. A `project-status` GithubWrite (lib/github/writes.ts) runs
 * {@link sendProjectStatus}; every step may be repeated after a failure without doing anything twice.
 * Loaded by the job worker: no auth or Next modules here.
 */

const PROJECT = `query PortalProject($owner: String!, $number: Int!) {
  repositoryOwner(login: $owner) { ... on ProjectV2Owner { projectV2(number: $number) {
    id title url
    field(name: "Status") { ... on ProjectV2SingleSelectField { id name options { id name } } }
  } } }
}`;
const ISSUE_NODE = `query PortalIssueNode($owner: String!, $name: String!, $number: Int!) {
  repository(owner: $owner, name: $name) { issue(number: $number) { id } }
}`;
const DRAFTS = `query PortalProjectDrafts($projectId: ID!, $after: String) {
  node(id: $projectId) { ... on ProjectV2 { items(first: 100, after: $after) {
    pageInfo { hasNextPage endCursor }
    nodes { id content { ... on DraftIssue { body } } }
  } } }
}`;
const ADD_DRAFT = `mutation PortalAddDraft($projectId: ID!, $title: String!, $body: String!) {
  addProjectV2DraftIssue(input: { projectId: $projectId, title: $title, body: $body }) { projectItem { id } }
}`;
const ADD_ITEM = `mutation PortalAddItem($projectId: ID!, $contentId: ID!) {
  addProjectV2ItemById(input: { projectId: $projectId, contentId: $contentId }) { item { id } }
}`;
const DELETE_ITEM = `mutation PortalDeleteItem($projectId: ID!, $itemId: ID!) {
  deleteProjectV2Item(input: { projectId: $projectId, itemId: $itemId }) { deletedItemId }
}`;
const SET_STATUS = `mutation PortalSetStatus($projectId: ID!, $itemId: ID!, $fieldId: ID!, $optionId: String!) {
  updateProjectV2ItemFieldValue(
    input: { projectId: $projectId, itemId: $itemId, fieldId: $fieldId, value: { singleSelectOptionId: $optionId } }
  ) { projectV2Item { id } }
}`;
const ITEM_STATUS = `query PortalItemStatus($itemId: ID!) {
  node(id: $itemId) { ... on ProjectV2Item {
    fieldValueByName(name: "Status") { ... on ProjectV2ItemFieldSingleSelectValue { name optionId } }
  } }
}`;

export interface ResolvedProject {
  projectId: string;
  title: string;
  url: string;
  statusFieldId: string;
  /** Option ids by Status name. */
  statusOptions: Record<ProjectStatus, string>;
}

/** The project `owner`/`number` names, with its Status field; an Error in words a lead can act on. */
export async function resolveProject(client: GithubClient, owner: string, number: number): Promise<ResolvedProject> {
  type Answer = {
    repositoryOwner: {
      projectV2: {
        id: string;
        title: string;
        url: string;
        field: { id: string; options?: { id: string; name: string }[] } | null;
      } | null;
    } | null;
  };
  let data: Answer;
  try {
    data = await client.graphql<Answer>(PROJECT, { owner, number });
  } catch (e) {
    throw new Error(`GitHub did not find project ${number} of ${owner}: ${(e as Error).message}`);
  }
  const p = data.repositoryOwner?.projectV2;
  if (!p) throw new Error(`GitHub did not find project ${number} of ${owner}.`);
  const options = p.field?.options ?? [];
  const missing = PROJECT_STATUSES.filter((s) => !options.some((o) => o.name.toLowerCase() === s.toLowerCase()));
  if (!p.field || missing.length)
    throw new Error(
      `The project needs a single-select field named Status with the options ${PROJECT_STATUSES.join(", ")}; missing: ${missing.join(", ") || "the field"}.`,
    );
  const statusOptions = Object.fromEntries(
    PROJECT_STATUSES.map((s) => [s, options.find((o) => o.name.toLowerCase() === s.toLowerCase())!.id]),
  ) as Record<ProjectStatus, string>;
  return { projectId: p.id, title: p.title, url: p.url, statusFieldId: p.field.id, statusOptions };
}

/** The Status an item has on the board now (GitHub's answer), when a webhook did not say. */
export async function readItemStatus(client: GithubClient, projectItemId: string): Promise<string | null> {
  const data = await client.graphql<{ node: { fieldValueByName: { name?: string } | null } | null }>(ITEM_STATUS, {
    itemId: projectItemId,
  });
  return data.node?.fieldValueByName?.name ?? null;
}

/** The portal's Status of an item, from its state and its volunteers' claims. */
export async function portalStatusOf(itemId: string): Promise<ProjectStatus | null> {
  const item = await db.helpWantedItem.findUnique({
    where: { id: itemId },
    select: {
      status: true,
      claims: {
        where: { status: { in: ["accepted", "done"] } },
        select: { status: true, _count: { select: { updates: { where: { kind: "progress" } } } } },
      },
    },
  });
  if (!item || item.status === "draft") return null;
  return projectStatusOf({
    status: item.status,
    held: item.claims.map((c) => ({ status: c.status, progressed: c._count.updates > 0 })),
  });
}

/** Records the Status writes of `itemIds` on the TAG's project and queues them. */
export async function recordStatusWrites(
  project: { tagId: string; owner: string; number: number },
  itemIds: readonly string[],
  at: Date,
  enqueue: Enqueue,
) {
  for (const itemId of itemIds)
    await recordWrite(
      {
        key: `project:${project.tagId}:${itemId}`,
        itemId,
        kind: "project-status",
        // The GithubWrite's `repo` names whose credential sends it: here the project's owner.
        repo: project.owner,
        issueNumber: project.number,
        payload: { tagId: project.tagId },
      },
      at,
      enqueue,
    );
}

/** Queues the item's Status on each of its TAGs' projects (after any change to it, or once it links an issue). */
export async function recordItemOnProjects(itemId: string, at: Date, enqueue: Enqueue): Promise<void> {
  const projects = await db.tagProject.findMany({
    where: { tag: { items: { some: { itemId } } } },
    select: { tagId: true, owner: true, number: true },
  });
  if (!projects.length || !(await portalStatusOf(itemId))) return;
  for (const p of projects) await recordStatusWrites(p, [itemId], at, enqueue);
}

/** Where a write goes, in words for leads: a project write names its board, not the board's owner. */
export async function writeTarget(w: { kind: string; key: string; repo: string }): Promise<string> {
  if (w.kind !== "project-status") return w.repo;
  const project = await db.tagProject.findUnique({
    where: { tagId: w.key.split(":")[1] ?? "" },
    select: { title: true },
  });
  return project ? `the project board “${project.title}”` : `a project board of ${w.repo}`;
}

export interface ProjectStatusPayload {
  tagId: string;
}

/**
 * One `project-status` write: adds the item to the TAG's project when it is not there yet, then
 * sets its Status to what the portal says now (read at sending time, so a write queued for an older
 * change sends the latest state). The Status is remembered before it is sent, so the webhook of
 * this very change is recognised as the portal's own. A draft card whose item has since linked an
 * issue becomes the issue's card ({@link replaceDraft}).
 */
export async function sendProjectStatus(
  client: GithubClient,
  w: { id: string; itemId: string; payload: Prisma.JsonValue },
): Promise<Prisma.GithubWriteUpdateInput> {
  const { tagId } = w.payload as unknown as ProjectStatusPayload;
  const project = await db.tagProject.findUnique({ where: { tagId } });
  const status = await portalStatusOf(w.itemId);
  // Unlinked since, or the item went back to a draft: nothing to show.
  if (!project || !status) return {};
  const item = await db.helpWantedItem.findUniqueOrThrow({
    where: { id: w.itemId },
    select: { title: true, body: true, githubIssueUrl: true },
  });
  const issueUrl = item.githubIssueUrl && GITHUB_ISSUE_RE.test(item.githubIssueUrl) ? item.githubIssueUrl : null;
  const row = await db.projectItem.upsert({
    where: { tagId_itemId: { tagId, itemId: w.itemId } },
    create: { tagId, itemId: w.itemId },
    update: {},
  });
  await db.projectItem.update({ where: { id: row.id }, data: { sentStatus: status } });
  const setStatus = (itemId: string) =>
    client.graphql(SET_STATUS, {
      projectId: project.projectId,
      itemId,
      fieldId: project.statusFieldId,
      optionId: (project.statusOptions as Record<ProjectStatus, string>)[status],
    });
  let projectItemId = row.projectItemId;
  if (projectItemId && issueUrl && row.issueUrl !== issueUrl) {
    projectItemId = await replaceDraft(client, project.projectId, projectItemId, issueUrl, setStatus);
    await db.projectItem.update({ where: { id: row.id }, data: { projectItemId, issueUrl } });
    return { remoteId: projectItemId, payload: { tagId, status } };
  }
  if (!projectItemId) {
    const added = issueUrl ? await addIssue(client, project.projectId, issueUrl) : null;
    projectItemId = added ?? (await addDraft(client, project.projectId, w.id, item));
    await db.projectItem.update({ where: { id: row.id }, data: { projectItemId, issueUrl: added ? issueUrl : null } });
  }
  await setStatus(projectItemId);
  return { remoteId: projectItemId, payload: { tagId, status } };
}

/**
 * The item linked an issue after its card was made as a draft: the issue is added to the project,
 * given the Status, and the draft deleted, in that order, so that a retry after any step (or a lost
 * answer) finds the issue's card again (GitHub answers the existing one) and the draft already gone.
 * A card that already showed the issue (rows from before the column) is simply remembered.
 */
async function replaceDraft(
  client: GithubClient,
  projectId: string,
  draftId: string,
  issueUrl: string,
  setStatus: (itemId: string) => Promise<unknown>,
): Promise<string> {
  const added = await addIssue(client, projectId, issueUrl);
  // The issue is gone from GitHub (deleted, or out of reach): the draft stays the item's card.
  if (!added) {
    await setStatus(draftId);
    return draftId;
  }
  await setStatus(added);
  if (added !== draftId)
    await client.graphql(DELETE_ITEM, { projectId, itemId: draftId }).catch((e: Error) => {
      // Deleted by an earlier attempt whose answer was lost, or by someone on the board.
      if (!/could not resolve/i.test(e.message)) throw e;
    });
  return added;
}

/** The issue added to the project (GitHub answers the existing project item when it is there already). */
async function addIssue(client: GithubClient, projectId: string, issueUrl: string): Promise<string | null> {
  const issue = GITHUB_ISSUE_RE.exec(issueUrl)!;
  const node = await client.graphql<{ repository: { issue: { id: string } | null } | null }>(ISSUE_NODE, {
    owner: issue[1],
    name: issue[2],
    number: Number(issue[3]),
  });
  const contentId = node.repository?.issue?.id;
  if (!contentId) return null;
  const added = await client.graphql<{ addProjectV2ItemById: { item: { id: string } } }>(ADD_ITEM, {
    projectId,
    contentId,
  });
  return added.addProjectV2ItemById.item.id;
}

/**
 * A draft issue carrying the write's marker, looked for before it is added again (an earlier
 * attempt GitHub took but whose answer was lost).
 */
async function addDraft(
  client: GithubClient,
  projectId: string,
  writeId: string,
  item: { title: string; body: string },
): Promise<string> {
  const marker = commentMarker(writeId);
  for (let after: string | null = null; ;) {
    type Page = {
      node: {
        items: {
          pageInfo: { hasNextPage: boolean; endCursor: string | null };
          nodes: { id: string; content: { body?: string } | null }[];
        };
      } | null;
    };
    const page: Page = await client.graphql<Page>(DRAFTS, { projectId, after });
    const found = page.node?.items.nodes.find((n) => n.content?.body?.includes(marker));
    if (found) return found.id;
    if (!page.node?.items.pageInfo.hasNextPage) break;
    after = page.node.items.pageInfo.endCursor;
  }
  const body = `${item.body.slice(0, 4000)}\n\n${marker}`;
  const added = await client.graphql<{ addProjectV2DraftIssue: { projectItem: { id: string } } }>(ADD_DRAFT, {
    projectId,
    title: item.title,
    body,
  });
  return added.addProjectV2DraftIssue.projectItem.id;
}
