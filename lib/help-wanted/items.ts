import "server-only";
import { db, type Tx } from "@/lib/db";
import { now as clockNow } from "@/lib/clock";
import { AppError } from "@/lib/errors";
import { createAudited, recordAudit } from "@/lib/audit/record";
import { notifyTagChannel } from "@/lib/slack/notify";
import { requirePermission } from "@/lib/auth/actor";
import { can, type Action, type Actor } from "@/lib/auth/permissions";
import { notify } from "@/lib/notify/send";
import { consumeRateLimit } from "@/lib/rate-limit";
import { HELD_CLAIM_STATUSES, PENDING_CLAIM_STATUSES } from "@/lib/vocabulary";
import type { ItemInput, LinkedIssue } from "./schemas";
import { finishBoardReviews } from "./board-reviews";
import { shadowFieldsOf } from "@/lib/pathways/shadowing";

/**
 * Operations on help-wanted items: post, edit, publish or discard a draft, close; and the places
 * an item offers (taken and given back by the claim operations in ./claims.ts).
 */

/** Per-person limit on posting (items and progress updates; docs/security.md, "Rate limits"). */
export const POST_LIMIT = { limit: 30, windowMs: 60 * 60_000 };

/**
 * Reads a linked GitHub issue (title, state, assignees), or null when GitHub does not answer.
 * The actions pass lib/github's reader; without one the link is stored and the sync fills it in.
 */
export type IssueReader = (url: string) => Promise<LinkedIssue | null>;
const noIssueReader: IssueReader = async () => null;

/**
 * A change the item's linked GitHub issue should hear of (issue 19 point 2): the actions pass
 * lib/github's sink, which records and queues the writes; without one GitHub hears nothing.
 * Called after the change committed; it never fails the change.
 */
export type ItemChange =
  | { kind: "claim-accepted"; claimId: string }
  | { kind: "progress"; updateId: string; comment?: boolean }
  | { kind: "item-state"; itemId: string };
export type ItemChangeSink = (change: ItemChange) => Promise<void>;
export const noItemChangeSink: ItemChangeSink = async () => undefined;

export interface ItemContext {
  id: string;
  title: string;
  status: string;
  places: number;
  placesTaken: number;
  tagIds: string[];
  tags: {
    id: string;
    slug: string;
    name: string;
    autoAccept: boolean;
    maxActiveClaims: number;
    staleAfterDays: number;
  }[];
}

export async function loadItem(itemId: string, tx: Tx = db): Promise<ItemContext | null> {
  const item = await tx.helpWantedItem.findUnique({
    where: { id: itemId },
    include: {
      tags: {
        select: {
          tag: {
            select: { id: true, slug: true, name: true, autoAccept: true, maxActiveClaims: true, staleAfterDays: true },
          },
        },
      },
    },
  });
  if (!item) return null;
  const tags = item.tags.map((t) => t.tag);
  return { ...item, tags, tagIds: tags.map((t) => t.id) };
}

/**
 * Leads act on an item through any of its TAGs. The check is on the item as stored, so a forged
 * item id from another TAG matches nothing the actor leads.
 */
export async function requireItemPermission(
  actor: Actor | null,
  action: Action,
  item: ItemContext | null,
  itemId: string,
): Promise<Actor> {
  const tagId = item?.tagIds.find((t) => can(actor, action, t)) ?? item?.tagIds[0] ?? null;
  const a = await requirePermission(actor, action, { subjectType: "HelpWantedItem", subjectId: itemId, tagId });
  if (!item) throw new AppError("NOT_FOUND", "That item does not exist.");
  return a;
}

/** Settings that apply to an item shared by several TAGs: the strictest of them. */
export function settingsOf(item: ItemContext) {
  return {
    autoAccept: item.tags.length > 0 && item.tags.every((t) => t.autoAccept),
    maxActiveClaims: Math.min(...item.tags.map((t) => t.maxActiveClaims)),
  };
}

export const itemLink = (id: string) => `/help-wanted/${id}`;

/** A lead posts an item to one or more of the TAGs they lead (an admin to any). */
export async function createItem(
  actor: Actor | null,
  input: ItemInput,
  readIssue: IssueReader = noIssueReader,
  onChange: ItemChangeSink = noItemChangeSink,
) {
  const tags = await db.tag.findMany({ where: { slug: { in: input.tags } }, select: { id: true, slug: true } });
  const missing = input.tags.filter((s) => !tags.some((t) => t.slug === s));
  if (missing.length)
    throw new AppError("INVALID", `Unknown TAG: ${missing.join(", ")}`, {
      tags: [`Unknown TAG: ${missing.join(", ")}`],
    });
  let a: Actor | null = actor;
  for (const t of tags)
    a = await requirePermission(a, "help-wanted.create", { subjectType: "HelpWantedItem", tagId: t.id });
  const at = await clockNow();
  await consumeRateLimit(`post:${a!.id}`, POST_LIMIT.limit, POST_LIMIT.windowMs, at);
  const shadow = await shadowFieldsOf(input, tags);
  const issue = input.githubIssueUrl ? await readIssue(input.githubIssueUrl) : null;
  const { tags: _slugs, mentor: _mentor, step: _step, ...fields } = input;
  const created = await db.$transaction(async (tx) => {
    const item = await createAudited(
      tx,
      tx.helpWantedItem.create({
        data: {
          ...fields,
          ...shadow,
          status: "open",
          ...linkedIssueFields(issue, at),
          createdById: a!.id,
          createdAt: at,
          updatedAt: at,
          reviewedAt: at,
          tags: { create: tags.map((t) => ({ tagId: t.id })) },
        },
        select: { id: true },
      }),
      {
        at,
        actorId: a!.id,
        action: "help-wanted.create",
        subjectType: "HelpWantedItem",
        tagId: tags[0]!.id,
        after: { ...input },
      },
    );
    await notifyTagChannel(
      tx,
      tags.map((t) => t.id),
      { kind: "help-wanted.new", itemId: item.id },
      at,
    );
    return item;
  });
  // Also without a linked issue: the TAG's project board shows every item (lib/github/projects.ts).
  await onChange({ kind: "item-state", itemId: created.id });
  return created;
}

/** What an item keeps of its linked issue, as last read from GitHub. */
function linkedIssueFields(issue: LinkedIssue | null, at: Date) {
  return {
    githubIssueTitle: issue?.title ?? null,
    githubIssueState: issue?.state ?? null,
    githubIssueAssignees: issue?.assignees ?? [],
    githubIssueCheckedAt: issue ? at : null,
  };
}

/** A lead edits an item; people holding it hear about the change. Places never drop below those taken. A draft stays a draft. */
export async function updateItem(
  actor: Actor | null,
  itemId: string,
  input: ItemInput,
  readIssue: IssueReader = noIssueReader,
) {
  const { a, at } = await saveItem(actor, itemId, input, "edit", readIssue);
  await notifyHolders(
    itemId,
    { kind: "help-wanted.changed", title: `"${input.title}" was changed`, link: itemLink(itemId) },
    at,
    a.id,
  );
  return { id: itemId };
}

/**
 * A lead publishes a draft offered from GitHub, with their edits: it opens on the board. Only a
 * draft can be published (a second lead publishing at the same moment gets CONFLICT).
 */
export async function publishDraft(
  actor: Actor | null,
  itemId: string,
  input: ItemInput,
  readIssue: IssueReader = noIssueReader,
) {
  await saveItem(actor, itemId, input, "publish", readIssue);
  return { id: itemId };
}

async function saveItem(
  actor: Actor | null,
  itemId: string,
  input: ItemInput,
  mode: "edit" | "publish",
  readIssue: IssueReader,
) {
  const item = await loadItem(itemId);
  const a = await requireItemPermission(actor, "help-wanted.create", item, itemId);
  const tags = await db.tag.findMany({ where: { slug: { in: input.tags } }, select: { id: true, slug: true } });
  for (const t of tags)
    if (!item!.tagIds.includes(t.id))
      await requirePermission(a, "help-wanted.create", {
        subjectType: "HelpWantedItem",
        subjectId: itemId,
        tagId: t.id,
      });
  if (mode === "publish" && item!.status !== "draft")
    throw new AppError("CONFLICT", "This item is not a draft: it was already published or discarded.");
  if (input.places < item!.placesTaken)
    throw new AppError("INVALID", `${item!.placesTaken} places are taken: places cannot be fewer.`, {
      places: [`At least ${item!.placesTaken} (already taken)`],
    });
  const shadow = await shadowFieldsOf(input, tags);
  const at = await clockNow();
  const issue = input.githubIssueUrl ? await readIssue(input.githubIssueUrl) : null;
  const { tags: _slugs, mentor: _mentor, step: _step, ...fields } = input;
  await db.$transaction(async (tx) => {
    const before = await tx.helpWantedItem.findUniqueOrThrow({ where: { id: itemId } });
    if (mode === "publish") {
      // Compare-and-swap: of two leads publishing at once, one wins.
      const { count } = await tx.helpWantedItem.updateMany({
        where: { id: itemId, status: "draft" },
        data: { status: "open", reviewedAt: at },
      });
      if (count === 0)
        throw new AppError("CONFLICT", "This item is not a draft: it was already published or discarded.");
    }
    const status =
      mode === "publish"
        ? "open"
        : before.status === "closed" || before.status === "draft"
          ? before.status
          : input.places > before.placesTaken
            ? "open"
            : "filled";
    // A link GitHub did not answer for keeps what the sync last read, if it is the same issue.
    const keepIssue = !issue && input.githubIssueUrl && input.githubIssueUrl === before.githubIssueUrl;
    await tx.helpWantedItem.update({
      where: { id: itemId },
      data: {
        ...fields,
        ...shadow,
        status,
        ...(keepIssue ? {} : linkedIssueFields(issue, at)),
        updatedAt: at,
        tags: { deleteMany: {}, create: tags.map((t) => ({ tagId: t.id })) },
      },
    });
    await recordAudit(tx, {
      at,
      actorId: a.id,
      action: mode === "publish" ? "help-wanted.publish" : "help-wanted.update",
      subjectType: "HelpWantedItem",
      subjectId: itemId,
      tagId: item!.tagIds[0],
      before: {
        title: before.title,
        places: before.places,
        dueAt: before.dueAt?.toISOString() ?? null,
        status: before.status,
      },
      after: { title: input.title, places: input.places, dueAt: input.dueAt?.toISOString() ?? null, status },
    });
    if (mode === "publish")
      await notifyTagChannel(
        tx,
        tags.map((t) => t.id),
        { kind: "help-wanted.new", itemId },
        at,
      );
  });
  return { a, at };
}

/** A lead discards a draft offered from GitHub, with a reason: it closes and is never offered again. */
export async function discardDraft(actor: Actor | null, itemId: string, reason: string) {
  const item = await loadItem(itemId);
  const a = await requireItemPermission(actor, "help-wanted.create", item, itemId);
  const at = await clockNow();
  await db.$transaction(async (tx) => {
    const { count } = await tx.helpWantedItem.updateMany({
      where: { id: itemId, status: "draft" },
      data: { status: "closed", closedAt: at, closedReason: reason, updatedAt: at },
    });
    if (count === 0) throw new AppError("CONFLICT", "This item is not a draft: it was already published or discarded.");
    await recordAudit(tx, {
      at,
      actorId: a.id,
      action: "help-wanted.discard",
      subjectType: "HelpWantedItem",
      subjectId: itemId,
      tagId: item!.tagIds[0],
      before: { status: "draft" },
      after: { status: "closed", reason },
    });
  });
  return { id: itemId };
}

async function notifyHolders(
  itemId: string,
  n: { kind: string; title: string; body?: string; link: string },
  at: Date,
  exceptUserId?: string,
) {
  const holders = await db.claim.findMany({
    where: { itemId, status: { in: [...HELD_CLAIM_STATUSES] } },
    select: { userId: true },
  });
  for (const h of holders) if (h.userId !== exceptUserId) await notify({ userId: h.userId, ...n }, at);
}

/** A lead closes an item with a reason; open requests are declined, holders are told. */
export async function closeItem(
  actor: Actor | null,
  itemId: string,
  reason: string,
  onChange: ItemChangeSink = noItemChangeSink,
) {
  const item = await loadItem(itemId);
  const a = await requireItemPermission(actor, "help-wanted.create", item, itemId);
  if (item!.status === "closed") throw new AppError("CONFLICT", "The item is already closed.");
  const at = await clockNow();
  await db.$transaction(async (tx) => {
    const { count } = await tx.helpWantedItem.updateMany({
      where: { id: itemId, status: { not: "closed" } },
      data: { status: "closed", closedAt: at, closedReason: reason, updatedAt: at },
    });
    if (count === 0) throw new AppError("CONFLICT", "The item is already closed.");
    await tx.claim.updateMany({
      where: { itemId, status: { in: [...PENDING_CLAIM_STATUSES] } },
      data: { status: "declined", decidedAt: at, decidedById: a.id },
    });
    await recordAudit(tx, {
      at,
      actorId: a.id,
      action: "help-wanted.close",
      subjectType: "HelpWantedItem",
      subjectId: itemId,
      tagId: item!.tagIds[0],
      before: { status: item!.status },
      after: { status: "closed", reason },
    });
    // Closing is the other answer in a board review: the last due item closed finishes it.
    await finishBoardReviews(tx, item!.tagIds, at, a.id);
  });
  await notifyHolders(
    itemId,
    { kind: "help-wanted.closed", title: `"${item!.title}" was closed`, body: reason, link: itemLink(itemId) },
    at,
    a.id,
  );
  await onChange({ kind: "item-state", itemId });
  return { id: itemId };
}

/**
 * Takes one place on the item inside `tx`: a compare-and-swap on the row, so concurrent
 * acceptances can never take more places than there are. Returns false when none is left.
 */
export async function takePlace(tx: Tx, itemId: string, at: Date): Promise<boolean> {
  const n = await tx.$executeRaw`
    UPDATE "HelpWantedItem"
       SET "placesTaken" = "placesTaken" + 1,
           "status" = CASE WHEN "placesTaken" + 1 >= "places" THEN 'filled'::"ItemStatus" ELSE "status" END,
           "updatedAt" = ${at}
     WHERE "id" = ${itemId}::uuid AND "status" = 'open' AND "placesTaken" < "places"`;
  return n === 1;
}

export async function givePlaceBack(tx: Tx, itemId: string, at: Date): Promise<void> {
  await tx.$executeRaw`
    UPDATE "HelpWantedItem"
       SET "placesTaken" = "placesTaken" - 1,
           "status" = CASE WHEN "status" = 'filled' THEN 'open'::"ItemStatus" ELSE "status" END,
           "updatedAt" = ${at}
     WHERE "id" = ${itemId}::uuid AND "placesTaken" > 0`;
}
