import "server-only";
import { z } from "zod";
import { db } from "@/lib/db";
import { now as clockNow } from "@/lib/clock";
import { env } from "@/lib/env";
import { AppError, isUniqueViolation } from "@/lib/errors";
import { recordAudit } from "@/lib/audit/record";
import { openTagIntegration } from "@/lib/integrations/tag-integration";
import type { Actor } from "@/lib/auth/permissions";
import type { ItemChange, ItemChangeSink } from "@/lib/help-wanted/items";
import { githubTokenForOwner } from "@/lib/github-access/tokens";
import { createGithubClient } from "./client";
import { applyWorkState } from "./issue-sync";
import { boardMove, parseProjectUrl, PROJECT_STATUSES } from "./project-status";
import {
  portalStatusOf,
  readItemStatus,
  recordItemOnProjects,
  recordStatusWrites,
  resolveProject,
  type ResolvedProject,
} from "./project-writes";
import type { ProjectLinkInput } from "./schemas";
import type { WebhookOutcome, DeliveryKey } from "./webhook-deliveries";
import { queueEnqueue, type Enqueue } from "./writes";

/**
 * A TAG's GitHub project board (issue 22 point 2; docs/decisions/024-project-board.md). A lead links
 * a Projects v2 board; each of the TAG's items gets a project item whose Status (Open, Claimed, In
 * progress, Done) follows the item, written through the GithubWrite outbox (`project-status`). A
 * Status changed on the board comes back as a `projects_v2_item` webhook and moves the item where
 * the portal can follow (Done proposes the work done for a lead to confirm, as closing the issue
 * does); any other change is recorded and the board set back to the portal's Status.
 */

export type ProjectResolver = (owner: string, number: number) => Promise<ResolvedProject>;

/** Asks GitHub (with the App's installation on the owner, else the configured token). */
export const resolveOnGithub: ProjectResolver = async (owner, number) =>
  resolveProject(
    createGithubClient({ apiUrl: env().GITHUB_API_URL, token: await githubTokenForOwner(owner), attempts: 2 }),
    owner,
    number,
  );

/**
 * A lead links the TAG's project (by its address, or owner and number), resolved to its node id
 * and its Status field through GraphQL; every item of the TAG on the board (not drafts, not closed)
 * is then added. Linking another project replaces the first (its items are not removed there). Audited.
 */
export async function linkTagProject(
  actor: Actor | null,
  input: ProjectLinkInput,
  resolve: ProjectResolver = resolveOnGithub,
  enqueue: Enqueue = queueEnqueue,
) {
  const t = await openTagIntegration(actor, "github.sync", input.tagId);
  const ref = input.projectUrl ? parseProjectUrl(input.projectUrl) : { owner: input.owner!, number: input.number! };
  if (!ref)
    throw new AppError("INVALID", "That is not a project's address.", { projectUrl: ["Not a project address"] });
  let project: ResolvedProject;
  try {
    project = await resolve(ref.owner, ref.number);
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e);
    throw new AppError("INVALID", message, { projectUrl: [message] });
  }
  const data = { owner: ref.owner, number: ref.number, ...project, linkedAt: t.at, linkedById: t.actorId };
  const itemIds = await t.change("github.project-link", async (tx) => {
    const before = await tx.tagProject.findUnique({ where: { tagId: input.tagId } });
    // Another project: the items of the first one are not on this one.
    if (before && before.projectId !== project.projectId)
      await tx.projectItem.deleteMany({ where: { tagId: input.tagId } });
    await tx.tagProject.upsert({
      where: { tagId: input.tagId },
      create: { tagId: input.tagId, ...data },
      update: data,
    });
    const items = await tx.helpWantedItem.findMany({
      where: { tags: { some: { tagId: input.tagId } }, status: { in: ["open", "filled"] } },
      select: { id: true },
      orderBy: { createdAt: "asc" },
    });
    return {
      before: before ? { project: before.url } : undefined,
      after: { project: project.url, title: project.title },
      result: items.map((i) => i.id),
    };
  });
  await recordStatusWrites({ tagId: input.tagId, ...ref }, itemIds, t.at, enqueue);
  return { slug: t.slug, title: project.title, url: project.url, items: itemIds.length };
}

/** A lead unlinks the project: the portal stops writing to it (what is on the board stays). Audited. */
export async function unlinkTagProject(actor: Actor | null, input: { tagId: string }) {
  const t = await openTagIntegration(actor, "github.sync", input.tagId);
  await t.change("github.project-unlink", async (tx) => {
    const before = await tx.tagProject.findUnique({ where: { tagId: input.tagId } });
    if (!before) throw new AppError("NOT_FOUND", "This TAG links no project.");
    await tx.tagProject.delete({ where: { tagId: input.tagId } });
    return { before: { project: before.url }, result: null };
  });
  return { slug: t.slug };
}

/** The item a change is about. */
async function itemOfChange(change: ItemChange): Promise<string | null> {
  if (change.kind === "item-state") return change.itemId;
  if (change.kind === "claim-accepted")
    return (await db.claim.findUnique({ where: { id: change.claimId }, select: { itemId: true } }))?.itemId ?? null;
  const u = await db.claimUpdate.findUnique({
    where: { id: change.updateId },
    select: { claim: { select: { itemId: true } } },
  });
  return u?.claim.itemId ?? null;
}

/** Part of the GitHub sink (lib/github/issue-sync.ts): the item's Status on each of its TAGs' projects. */
export async function recordProjectStatus(change: ItemChange, at: Date, enqueue: Enqueue): Promise<void> {
  const itemId = await itemOfChange(change);
  if (itemId) await recordItemOnProjects(itemId, at, enqueue);
}

const ProjectItemEvent = z.object({
  action: z.string(),
  projects_v2_item: z.object({ node_id: z.string().max(200), project_node_id: z.string().max(200) }),
  changes: z
    .object({
      field_value: z
        .object({
          field_node_id: z.string().max(200),
          to: z.object({ name: z.string().max(200) }).nullish(),
        })
        .optional(),
    })
    .optional(),
});

/**
 * A `projects_v2_item` delivery. An `edited` Status of an item the portal put on a TAG's board:
 * the portal's own write coming back (the Status it last sent) changes nothing; Done proposes the
 * volunteers' work done for a lead to confirm; taking back a Done the board proposed reopens that
 * work; any other change is recorded (audited) and the board is set back to the portal's Status.
 * Recorded once per delivery (the same id or body again changes nothing).
 */
export async function applyProjectItemEvent(
  key: DeliveryKey,
  payload: unknown,
  sink: ItemChangeSink,
): Promise<WebhookOutcome> {
  const p = ProjectItemEvent.safeParse(payload);
  if (!p.success) return { status: 202, outcome: "malformed projects_v2_item event" };
  const { projects_v2_item: node, changes } = p.data;
  if (p.data.action !== "edited" || !changes?.field_value)
    return { status: 202, outcome: `projects_v2_item.${p.data.action}` };
  const row = await db.projectItem.findUnique({
    where: { projectItemId: node.node_id },
    select: { id: true, itemId: true, sentStatus: true, project: true },
  });
  if (!row || row.project.projectId !== node.project_node_id) return { status: 202, outcome: "unknown project item" };
  const project = row.project;
  if (changes.field_value.field_node_id !== project.statusFieldId) return { status: 202, outcome: "another field" };
  const at = await clockNow();
  try {
    await db.webhookDelivery.create({
      data: { ...key, event: "projects_v2_item", receivedAt: at, outcome: "pending" },
    });
  } catch (e) {
    if (isUniqueViolation(e)) return { status: 200, outcome: "already processed" };
    throw e;
  }
  const finish = async (outcome: string, itemsChanged = 0): Promise<WebhookOutcome> => {
    await db.webhookDelivery.update({ where: { deliveryId: key.deliveryId }, data: { outcome } });
    return { status: 200, outcome, itemsChanged };
  };
  // GitHub names the new option in the payload; when it does not, ask.
  const named =
    changes.field_value.to?.name ??
    (await readItemStatus(
      createGithubClient({ apiUrl: env().GITHUB_API_URL, token: await githubTokenForOwner(project.owner) }),
      node.node_id,
    ).catch(() => null));
  const board = PROJECT_STATUSES.find((s) => s.toLowerCase() === named?.toLowerCase());
  if (!board) return finish("status not followed");
  if (board === row.sentStatus) return finish("own write");
  const portal = await portalStatusOf(row.itemId);
  if (!portal) return finish("item not on the board");
  const proposedByBoard =
    (await db.claim.count({ where: { itemId: row.itemId, status: "done", evidenceUrl: project.url } })) > 0;
  const move = boardMove(portal, board, proposedByBoard);
  if (move === "none") {
    await db.projectItem.update({ where: { id: row.id }, data: { sentStatus: board } });
    return finish("nothing new");
  }
  if (move === "done" || move === "reopen") {
    const source = { evidenceUrl: project.url, via: "board" as const };
    const changed = await applyWorkState(row.itemId, source, move === "done" ? "closed" : "reopened", at, sink);
    return finish(`board: ${move}`, changed ? 1 : 0);
  }
  await recordAudit(db, {
    at,
    actorId: null,
    action: "github.project-move-ignored",
    subjectType: "HelpWantedItem",
    subjectId: row.itemId,
    tagId: project.tagId,
    before: { status: portal },
    after: { board, project: project.url },
  });
  // The board shows the portal's Status again (through the sink: the same queue as every write).
  await sink({ kind: "item-state", itemId: row.itemId });
  return finish(`board: ${portal} cannot become ${board} (ignored)`);
}

export interface ProjectConsole {
  project: { title: string; url: string; linkedAt: Date; items: number } | null;
  failed: { id: string; itemId: string; title: string; lastError: string | null; attempts: number }[];
  pending: number;
}

/** The lead console's project section: the linked board and the Status writes that failed. */
export async function getProjectConsole(tagId: string): Promise<ProjectConsole> {
  const [project, failed, pending] = await Promise.all([
    db.tagProject.findUnique({ where: { tagId }, include: { _count: { select: { items: true } } } }),
    db.githubWrite.findMany({
      where: { kind: "project-status", status: "failed", key: { startsWith: `project:${tagId}:` } },
      select: { id: true, itemId: true, lastError: true, attempts: true, item: { select: { title: true } } },
      orderBy: { createdAt: "desc" },
      take: 20,
    }),
    db.githubWrite.count({
      where: { kind: "project-status", status: "pending", key: { startsWith: `project:${tagId}:` } },
    }),
  ]);
  return {
    project: project
      ? { title: project.title, url: project.url, linkedAt: project.linkedAt, items: project._count.items }
      : null,
    failed: failed.map((f) => ({
      id: f.id,
      itemId: f.itemId,
      title: f.item.title,
      lastError: f.lastError,
      attempts: f.attempts,
    })),
    pending,
  };
}
