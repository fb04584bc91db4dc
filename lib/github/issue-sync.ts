import "server-only";
import { db } from "@/lib/db";
import { now as clockNow } from "@/lib/clock";
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { recordAudit } from "@/lib/audit/record";
import type { Actor } from "@/lib/auth/permissions";
import { itemLink, loadItem, requireItemPermission, type ItemChangeSink } from "@/lib/help-wanted/items";
import { notifyLeads } from "@/lib/help-wanted/notify-leads";
import { GITHUB_ISSUE_RE } from "@/lib/help-wanted/schemas";
import { issueKey } from "./labels";
import type { IssueSnapshot } from "./drafts";
import type { CreateIssueInput } from "./schemas";
import type { OwnWriteSignal } from "./webhook";
import { recordProjectStatus } from "./projects";
import { commentMarker } from "./write-marker";
import { helpWantedLabelOf, queueEnqueue, recordWrite, type AcceptPayload, type Enqueue } from "./writes";

/**
 * Items and their GitHub issues, both ways (issue 19 point 2; docs/decisions/014-two-way-issues.md).
 * Portal to GitHub: an accepted volunteer is assigned (or mentioned) and the issue links the item;
 * progress may be posted as a comment; the help-wanted label follows the item's state; a lead may
 * create the issue. GitHub to portal: closing the issue proposes the work done, reopening reopens
 * the item; the portal's own writes coming back as webhooks are recognised and skipped.
 * Only issues of a repository one of the item's TAGs lists are written to.
 */

const absolute = (path: string) => new URL(path, env().NEXTAUTH_URL).toString();

/** The item's linked issue as repository and number, when one of the item's TAGs lists the repository. */
async function writableIssue(itemId: string) {
  const item = await db.helpWantedItem.findUnique({
    where: { id: itemId },
    select: { status: true, githubIssueUrl: true, tags: { select: { tag: { select: { repositories: true } } } } },
  });
  const m = item?.githubIssueUrl ? GITHUB_ISSUE_RE.exec(item.githubIssueUrl) : null;
  if (!item || !m) return null;
  const repo = `${m[1]}/${m[2]}`;
  const mapped = item.tags.some((t) => t.tag.repositories.some((r) => r.toLowerCase() === repo.toLowerCase()));
  return mapped ? { repo, issueNumber: Number(m[3]), itemStatus: item.status } : null;
}

async function recordLabel(itemId: string, at: Date, enqueue: Enqueue) {
  const issue = await writableIssue(itemId);
  // A draft is an issue someone labelled on GitHub: the portal does not touch its labels.
  if (!issue || issue.itemStatus === "draft") return;
  await recordWrite(
    {
      key: `label:${itemId}`,
      itemId,
      kind: "label",
      repo: issue.repo,
      issueNumber: issue.issueNumber,
      payload: { label: await helpWantedLabelOf(issue.repo) },
    },
    at,
    enqueue,
  );
}

/** The sink the help-wanted actions pass: records the writes a change asks for and queues them. */
export function githubIssueSync(enqueue: Enqueue = queueEnqueue): ItemChangeSink {
  return async (change) => {
    try {
      const at = await clockNow();
      await recordProjectStatus(change, at, enqueue);
      if (change.kind === "item-state") return await recordLabel(change.itemId, at, enqueue);
      if (change.kind === "claim-accepted") {
        const claim = await db.claim.findUnique({
          where: { id: change.claimId },
          select: { itemId: true, user: { select: { login: true, githubAssignOptIn: true } } },
        });
        if (!claim) return;
        const issue = await writableIssue(claim.itemId);
        if (issue) {
          const payload: AcceptPayload = {
            login: claim.user.login,
            assign: claim.user.githubAssignOptIn,
            itemUrl: absolute(itemLink(claim.itemId)),
          };
          await recordWrite(
            {
              key: `accept:${change.claimId}`,
              itemId: claim.itemId,
              kind: "accept",
              repo: issue.repo,
              issueNumber: issue.issueNumber,
              payload,
            },
            at,
            enqueue,
          );
        }
        return await recordLabel(claim.itemId, at, enqueue);
      }
      if (change.comment === false) return;
      const update = await db.claimUpdate.findUnique({
        where: { id: change.updateId },
        select: { body: true, link: true, claim: { select: { itemId: true, user: { select: { login: true } } } } },
      });
      if (!update) return;
      const issue = await writableIssue(update.claim.itemId);
      if (!issue) return;
      const body = [
        `Progress from ${update.claim.user.login} on the TAG Portal:`,
        "",
        update.body.replace(/<!--/g, "&lt;!--"),
        ...(update.link ? ["", update.link] : []),
        "",
        absolute(itemLink(update.claim.itemId)),
      ].join("\n");
      await recordWrite(
        {
          key: `progress:${change.updateId}`,
          itemId: update.claim.itemId,
          kind: "progress",
          repo: issue.repo,
          issueNumber: issue.issueNumber,
          payload: { body },
        },
        at,
        enqueue,
      );
    } catch (e) {
      // The change itself committed; the sweep cannot recreate a write never recorded, so say so loudly.
      console.error("[github-issue-sync] recording a GitHub write failed", change, e);
    }
  };
}

/**
 * A lead creates the GitHub issue of an item in one of its TAGs' repositories; the issue is created
 * by the job queue and the item links it then. Audited.
 */
export async function createIssueForItem(actor: Actor | null, input: CreateIssueInput, enqueue = queueEnqueue) {
  const item = await loadItem(input.itemId);
  const a = await requireItemPermission(actor, "help-wanted.create", item, input.itemId);
  const full = await db.helpWantedItem.findUniqueOrThrow({
    where: { id: input.itemId },
    include: { tags: { select: { tag: { select: { repositories: true } } } } },
  });
  if (full.githubIssueUrl) throw new AppError("CONFLICT", "This item already links a GitHub issue.");
  if (item!.status === "draft" || item!.status === "closed")
    throw new AppError("CONFLICT", "Only an item on the board gets a GitHub issue.");
  const repo = full.tags.flatMap((t) => t.tag.repositories).find((r) => r.toLowerCase() === input.repo.toLowerCase());
  if (!repo)
    throw new AppError("INVALID", "Choose one of the TAG's repositories.", {
      repo: ["Choose one of the TAG's repositories."],
    });
  const at = await clockNow();
  const pending = await db.githubWrite.findUnique({ where: { key: `create-issue:${input.itemId}` } });
  if (pending && pending.status !== "failed")
    throw new AppError("CONFLICT", "The GitHub issue of this item is already being created.");
  // A failed attempt is replaced: the lead asked again.
  if (pending) await db.githubWrite.delete({ where: { id: pending.id } });
  const body = `${full.body}\n\nPosted from the TAG Portal, where volunteers offer to help: ${absolute(itemLink(input.itemId))}`;
  const writeId = await db.$transaction(async (tx) => {
    const w = await tx.githubWrite.create({
      data: {
        key: `create-issue:${input.itemId}`,
        itemId: input.itemId,
        kind: "create-issue",
        repo,
        payload: { title: full.title, body },
        createdAt: at,
        nextAttemptAt: at,
      },
      select: { id: true },
    });
    // The marker lets the `opened` webhook of our own issue be recognised (no draft offered for it).
    await tx.githubWrite.update({
      where: { id: w.id },
      data: { payload: { title: full.title, body: `${body}\n\n${commentMarker(w.id)}` } },
    });
    await recordAudit(tx, {
      at,
      actorId: a.id,
      action: "github.issue-create",
      subjectType: "HelpWantedItem",
      subjectId: input.itemId,
      tagId: item!.tagIds[0],
      after: { repo },
    });
    return w.id;
  });
  await enqueue(writeId).catch((e) => console.error("[github-issue-sync] enqueue failed; the sweep sends it", e));
  return { id: input.itemId, repo };
}

/** Whether a webhook delivery is one of the portal's own writes coming back (then nothing is done with it). */
export async function isOwnWrite(signal: OwnWriteSignal | null): Promise<boolean> {
  if (!signal) return false;
  if (signal.kind === "marker") return (await db.githubWrite.count({ where: { id: signal.writeId } })) > 0;
  const rows = await db.githubWrite.findMany({
    where: {
      repo: { equals: signal.repo, mode: "insensitive" },
      issueNumber: signal.number,
      kind: signal.kind === "label" ? "label" : "accept",
    },
    select: { payload: true },
  });
  const field = signal.kind === "label" ? "label" : "login";
  return rows.some(
    (r) => String((r.payload as Record<string, unknown>)[field]).toLowerCase() === signal.value.toLowerCase(),
  );
}

/**
 * The issue was closed or reopened on GitHub. Closed: each accepted claim on the items that link
 * it is marked done with the issue as evidence, for a lead to confirm (the usual confirmation);
 * the leads are told. Reopened: claims the close marked done are accepted again and a closed item
 * opens again (a discarded draft stays discarded). Returns the items changed.
 */
export async function applyIssueState(
  issue: IssueSnapshot,
  action: "closed" | "reopened",
  at: Date,
  sink: ItemChangeSink,
): Promise<number> {
  const items = await db.$queryRaw<{ id: string }[]>`
    SELECT "id" FROM "HelpWantedItem" WHERE lower("githubIssueUrl") = ${issueKey(issue.url)} AND "status" <> 'draft'`;
  let changed = 0;
  for (const { id } of items)
    if (await applyWorkState(id, { evidenceUrl: issue.url, via: "issue" }, action, at, sink)) changed++;
  return changed;
}

/**
 * Work declared done, or taken back, outside the portal: by the linked issue (closed, reopened) or
 * on the TAG's project board (docs/decisions/024-project-board.md). Done: accepted claims are marked
 * done with `evidenceUrl` for a lead to confirm, and the leads are told. Reopened: the claims marked
 * done with that evidence are accepted again and an item closed after review opens again. Returns
 * whether anything changed.
 */
export async function applyWorkState(
  id: string,
  source: { evidenceUrl: string; via: "issue" | "board" },
  action: "closed" | "reopened",
  at: Date,
  sink: ItemChangeSink,
): Promise<boolean> {
  const { evidenceUrl } = source;
  const item = (await loadItem(id))!;
  const done = await db.$transaction(async (tx) => {
    if (action === "closed") {
      const held = await tx.claim.findMany({ where: { itemId: id, status: "accepted" }, select: { id: true } });
      for (const c of held) {
        const { count } = await tx.claim.updateMany({
          where: { id: c.id, status: "accepted" },
          data: { status: "done", doneAt: at, evidenceUrl, lastActivityAt: at },
        });
        if (count)
          await recordAudit(tx, {
            at,
            actorId: null,
            action: "claim.done",
            subjectType: "Claim",
            subjectId: c.id,
            tagId: item.tagIds[0],
            before: { status: "accepted" },
            after: {
              status: "done",
              evidenceUrl,
              via: source.via === "issue" ? "github issue closed" : "github project board",
            },
          });
      }
      return held.length;
    }
    const reopened = await tx.claim.updateMany({
      where: { itemId: id, status: "done", evidenceUrl },
      data: { status: "accepted", doneAt: null, evidenceUrl: null, lastActivityAt: at },
    });
    const row = await tx.helpWantedItem.findUniqueOrThrow({
      where: { id },
      select: { status: true, reviewedAt: true, places: true, placesTaken: true },
    });
    const reopen = source.via === "issue" && row.status === "closed" && row.reviewedAt !== null;
    if (reopen)
      await tx.helpWantedItem.update({
        where: { id },
        data: {
          status: row.placesTaken < row.places ? "open" : "filled",
          closedAt: null,
          closedReason: null,
          updatedAt: at,
        },
      });
    if (reopened.count || reopen)
      await recordAudit(tx, {
        at,
        actorId: null,
        action: source.via === "issue" ? "github.issue-reopened" : "github.project-move",
        subjectType: "HelpWantedItem",
        subjectId: id,
        tagId: item.tagIds[0],
        before: { status: row.status },
        after: { itemReopened: reopen, claimsReopened: reopened.count, evidence: evidenceUrl },
      });
    return reopened.count + (reopen ? 1 : 0);
  });
  if (action === "closed" && item.status !== "closed")
    await notifyLeads(
      db,
      item.tagIds,
      {
        kind: "claim.done",
        title:
          source.via === "issue"
            ? `The GitHub issue of "${item.title}" was closed`
            : `"${item.title}" was moved to Done on the project board`,
        body: done
          ? "Its volunteers' work is marked done: confirm it on the item."
          : "Nobody holds the item: close it if the work is done.",
        link: itemLink(id),
        dedupeKey: `github-${source.via === "issue" ? "closed" : "board-done"}:${id}:${at.getTime()}`,
      },
      at,
    );
  // The label and the project board follow the item's new state.
  if (done) await sink({ kind: "item-state", itemId: id });
  return done > 0;
}
