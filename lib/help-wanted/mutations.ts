import "server-only";
import { db, type Tx } from "@/lib/db";
import { now as clockNow } from "@/lib/clock";
import { AppError, isUniqueViolation } from "@/lib/errors";
import { recordAudit } from "@/lib/audit/record";
import { refuseByGuard, requirePermission } from "@/lib/auth/actor";
import { can, type Action, type Actor } from "@/lib/auth/permissions";
import { notify } from "@/lib/notify/send";
import { consumeRateLimit } from "@/lib/rate-limit";
import { fetchLinkedIssue, type LinkedIssue } from "./github-issue";
import { notifyLeads } from "./notify-leads";
import type { ItemInput } from "./schemas";
import { HELD_CLAIM_STATUSES, isoDay, PENDING_CLAIM_STATUSES } from "@/lib/vocabulary";

/** Per-person limits: volunteering and posting (SECURITY.md, rate limit). */
export const VOLUNTEER_LIMIT = { limit: 10, windowMs: 60_000 };
export const POST_LIMIT = { limit: 30, windowMs: 60 * 60_000 };

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
    select: {
      id: true,
      title: true,
      status: true,
      places: true,
      placesTaken: true,
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
function settingsOf(item: ItemContext) {
  return {
    autoAccept: item.tags.length > 0 && item.tags.every((t) => t.autoAccept),
    maxActiveClaims: Math.min(...item.tags.map((t) => t.maxActiveClaims)),
  };
}

export const itemLink = (id: string) => `/help-wanted/${id}`;

/** A lead posts an item to one or more of the TAGs they lead (an admin to any). */
export async function createItem(actor: Actor | null, input: ItemInput) {
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
  const issue = input.githubIssueUrl ? await fetchLinkedIssue(input.githubIssueUrl) : null;
  const { tags: _slugs, ...fields } = input;
  return db.$transaction(async (tx) => {
    const item = await tx.helpWantedItem.create({
      data: {
        ...fields,
        status: "open",
        ...linkedIssueFields(issue, at),
        createdById: a!.id,
        createdAt: at,
        updatedAt: at,
        reviewedAt: at,
        tags: { create: tags.map((t) => ({ tagId: t.id })) },
      },
      select: { id: true },
    });
    await recordAudit(tx, {
      at,
      actorId: a!.id,
      action: "help-wanted.create",
      subjectType: "HelpWantedItem",
      subjectId: item.id,
      tagId: tags[0]!.id,
      after: { ...input },
    });
    return item;
  });
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
export async function updateItem(actor: Actor | null, itemId: string, input: ItemInput) {
  const { a, at } = await saveItem(actor, itemId, input, "edit");
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
export async function publishDraft(actor: Actor | null, itemId: string, input: ItemInput) {
  await saveItem(actor, itemId, input, "publish");
  return { id: itemId };
}

async function saveItem(actor: Actor | null, itemId: string, input: ItemInput, mode: "edit" | "publish") {
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
  const at = await clockNow();
  const issue = input.githubIssueUrl ? await fetchLinkedIssue(input.githubIssueUrl) : null;
  const { tags: _slugs, ...fields } = input;
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
export async function closeItem(actor: Actor | null, itemId: string, reason: string) {
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
  });
  await notifyHolders(
    itemId,
    { kind: "help-wanted.closed", title: `"${item!.title}" was closed`, body: reason, link: itemLink(itemId) },
    at,
    a.id,
  );
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

async function givePlaceBack(tx: Tx, itemId: string, at: Date): Promise<void> {
  await tx.$executeRaw`
    UPDATE "HelpWantedItem"
       SET "placesTaken" = "placesTaken" - 1,
           "status" = CASE WHEN "status" = 'filled' THEN 'open'::"ItemStatus" ELSE "status" END,
           "updatedAt" = ${at}
     WHERE "id" = ${itemId}::uuid AND "placesTaken" > 0`;
}

export async function assertUnderClaimLimit(tx: Tx, userId: string, item: ItemContext) {
  const { maxActiveClaims } = settingsOf(item);
  const active = await tx.claim.count({
    where: {
      userId,
      status: { in: [...HELD_CLAIM_STATUSES] },
      item: { tags: { some: { tagId: { in: item.tagIds } } } },
    },
  });
  if (active >= maxActiveClaims) {
    throw new AppError(
      "CONFLICT",
      `You already hold ${active} active claims in this TAG, its limit. Finish or withdraw one first.`,
    );
  }
}

/**
 * A signed-in person volunteers. With the TAG's auto-accept on, the place is taken at once (or
 * the attempt fails cleanly when someone else got the last one); otherwise a lead decides.
 */
export async function volunteerForItem(actor: Actor | null, input: { itemId: string; message: string }) {
  const item = await loadItem(input.itemId);
  const a = await requirePermission(actor, "help-wanted.volunteer", {
    subjectType: "HelpWantedItem",
    subjectId: input.itemId,
    tagId: item?.tagIds[0] ?? null,
  });
  if (!item) throw new AppError("NOT_FOUND", "That item does not exist.");
  const at = await clockNow();
  await consumeRateLimit(`volunteer:${a.id}`, VOLUNTEER_LIMIT.limit, VOLUNTEER_LIMIT.windowMs, at);
  if (item.status !== "open")
    throw new AppError(
      "CONFLICT",
      item.status === "filled" ? "All places on this item are taken." : "This item is not open for volunteers.",
    );
  const { autoAccept } = settingsOf(item);
  try {
    const claim = await db.$transaction(async (tx) => {
      const status = autoAccept ? "accepted" : "requested";
      if (autoAccept) {
        await assertUnderClaimLimit(tx, a.id, item);
        if (!(await takePlace(tx, item.id, at)))
          throw new AppError("CONFLICT", "Someone else just took the last place on this item.");
      }
      const c = await tx.claim.create({
        data: {
          itemId: item.id,
          userId: a.id,
          status,
          message: input.message,
          createdAt: at,
          lastActivityAt: at,
          ...(autoAccept ? { decidedAt: at } : {}),
        },
        select: { id: true, status: true },
      });
      await recordAudit(tx, {
        at,
        actorId: a.id,
        action: autoAccept ? "claim.accept" : "claim.request",
        subjectType: "Claim",
        subjectId: c.id,
        tagId: item.tagIds[0],
        after: { itemId: item.id, status, auto: autoAccept },
      });
      return c;
    });
    if (claim.status === "requested") {
      await notifyLeads(
        db,
        item.tagIds,
        {
          kind: "claim.requested",
          title: `New volunteer for "${item.title}"`,
          body: input.message,
          link: itemLink(item.id),
        },
        at,
        a.id,
      );
    }
    return claim;
  } catch (e) {
    if (isUniqueViolation(e) || (e as { code?: string }).code === "23505")
      throw new AppError("CONFLICT", "You already volunteered for this item.");
    throw e;
  }
}

async function loadClaim(claimId: string) {
  const c = await db.claim.findUnique({
    where: { id: claimId },
    select: { id: true, itemId: true, userId: true, status: true },
  });
  return c ? { ...c, item: await loadItem(c.itemId) } : null;
}

/** A lead accepts (taking a place, race-safe) or declines a request. */
export async function decideClaim(actor: Actor | null, input: { claimId: string; decision: "accept" | "decline" }) {
  const claim = await loadClaim(input.claimId);
  const a = await requireItemPermission(
    actor,
    "help-wanted.decide",
    claim?.item ?? null,
    claim?.itemId ?? input.claimId,
  );
  if (!claim) throw new AppError("NOT_FOUND", "That request does not exist.");
  const item = claim.item!;
  const at = await clockNow();
  const accept = input.decision === "accept";
  await db.$transaction(async (tx) => {
    // The limit is checked before this claim counts as held: a person below the limit may reach it.
    if (accept) {
      await assertUnderClaimLimit(tx, claim.userId, item).catch(() => {
        throw new AppError("CONFLICT", "This person already holds the TAG's maximum of active claims.");
      });
    }
    const { count } = await tx.claim.updateMany({
      where: { id: claim.id, status: "requested" },
      data: { status: accept ? "accepted" : "declined", decidedAt: at, decidedById: a.id, lastActivityAt: at },
    });
    if (count === 0) throw new AppError("CONFLICT", "This request was already decided or withdrawn.");
    if (accept && !(await takePlace(tx, item.id, at)))
      throw new AppError("CONFLICT", "No place is left on this item: another request was accepted first.");
    await recordAudit(tx, {
      at,
      actorId: a.id,
      action: accept ? "claim.accept" : "claim.decline",
      subjectType: "Claim",
      subjectId: claim.id,
      tagId: item.tagIds[0],
      before: { status: "requested" },
      after: { status: accept ? "accepted" : "declined" },
    });
  });
  await notify(
    {
      userId: claim.userId,
      kind: accept ? "claim.accepted" : "claim.declined",
      title: accept ? `You're on "${item.title}"` : `Your offer for "${item.title}" was declined`,
      link: itemLink(item.id),
    },
    at,
  );
  return { id: claim.id, status: accept ? "accepted" : "declined" };
}

/** The volunteer withdraws a request or a held claim (giving the place back). */
export async function withdrawClaim(actor: Actor | null, input: { claimId: string }) {
  const claim = await loadClaim(input.claimId);
  const subject = { subjectType: "Claim", subjectId: input.claimId, tagId: claim?.item?.tagIds[0] ?? null };
  const a = await requirePermission(actor, "help-wanted.volunteer", subject);
  if (!claim || claim.userId !== a.id) {
    if (claim) await refuseByGuard(a, "help-wanted.volunteer", subject, "Only the volunteer can withdraw their claim.");
    throw new AppError("NOT_FOUND", "That claim does not exist.");
  }
  const at = await clockNow();
  await db.$transaction(async (tx) => {
    const { count } = await tx.claim.updateMany({
      where: { id: claim.id, status: { in: ["invited", "requested", "accepted"] } },
      data: { status: "withdrawn", decidedAt: at },
    });
    if (count === 0) throw new AppError("CONFLICT", "This claim can no longer be withdrawn.");
    if (claim.status === "accepted") await givePlaceBack(tx, claim.itemId, at);
    await recordAudit(tx, {
      at,
      actorId: a.id,
      action: "claim.withdraw",
      subjectType: "Claim",
      subjectId: claim.id,
      tagId: claim.item?.tagIds[0],
      before: { status: claim.status },
      after: { status: "withdrawn" },
    });
  });
  if (claim.status === "accepted" && claim.item) {
    await notifyLeads(
      db,
      claim.item.tagIds,
      {
        kind: "claim.withdrawn",
        title: `A volunteer withdrew from "${claim.item.title}"`,
        link: itemLink(claim.itemId),
      },
      at,
      a.id,
    );
  }
  return { id: claim.id };
}

/** A lead releases a volunteer from an accepted claim; the place opens again. */
export async function releaseClaim(actor: Actor | null, input: { claimId: string }) {
  const claim = await loadClaim(input.claimId);
  const a = await requireItemPermission(
    actor,
    "help-wanted.decide",
    claim?.item ?? null,
    claim?.itemId ?? input.claimId,
  );
  if (!claim) throw new AppError("NOT_FOUND", "That claim does not exist.");
  const at = await clockNow();
  await db.$transaction(async (tx) => {
    const { count } = await tx.claim.updateMany({
      where: { id: claim.id, status: { in: [...HELD_CLAIM_STATUSES] } },
      data: { status: "released", decidedAt: at, decidedById: a.id },
    });
    if (count === 0) throw new AppError("CONFLICT", "Only a held claim can be released.");
    await givePlaceBack(tx, claim.itemId, at);
    await recordAudit(tx, {
      at,
      actorId: a.id,
      action: "claim.release",
      subjectType: "Claim",
      subjectId: claim.id,
      tagId: claim.item!.tagIds[0],
      before: { status: claim.status },
      after: { status: "released" },
    });
  });
  await notify(
    {
      userId: claim.userId,
      kind: "claim.released",
      title: `You were released from "${claim.item!.title}"`,
      link: itemLink(claim.itemId),
    },
    at,
  );
  return { id: claim.id };
}

/** The volunteer reports progress; this clears the stale flag. */
export async function postProgress(actor: Actor | null, input: { claimId: string; body: string; link?: string }) {
  const claim = await loadClaim(input.claimId);
  const subject = { subjectType: "Claim", subjectId: input.claimId, tagId: claim?.item?.tagIds[0] ?? null };
  const a = await requirePermission(actor, "help-wanted.volunteer", subject);
  if (!claim || claim.userId !== a.id) {
    if (claim)
      await refuseByGuard(a, "help-wanted.volunteer", subject, "Only the volunteer posts progress on their claim.");
    throw new AppError("NOT_FOUND", "That claim does not exist.");
  }
  if (claim.status !== "accepted") throw new AppError("CONFLICT", "Progress goes on an accepted claim.");
  const at = await clockNow();
  await consumeRateLimit(`post:${a.id}`, POST_LIMIT.limit, POST_LIMIT.windowMs, at);
  await db.$transaction(async (tx) => {
    await tx.claimUpdate.create({
      data: {
        claimId: claim.id,
        authorId: a.id,
        kind: "progress",
        body: input.body,
        link: input.link ?? null,
        createdAt: at,
      },
    });
    await tx.claim.update({ where: { id: claim.id }, data: { lastActivityAt: at, staleNotifiedAt: null } });
    await recordAudit(tx, {
      at,
      actorId: a.id,
      action: "claim.progress",
      subjectType: "Claim",
      subjectId: claim.id,
      tagId: claim.item!.tagIds[0],
    });
  });
  return { id: claim.id };
}

/** A lead follows up on a claim; the volunteer is notified. */
export async function sendFollowUp(actor: Actor | null, input: { claimId: string; body: string }) {
  const claim = await loadClaim(input.claimId);
  const a = await requireItemPermission(
    actor,
    "help-wanted.decide",
    claim?.item ?? null,
    claim?.itemId ?? input.claimId,
  );
  if (!claim) throw new AppError("NOT_FOUND", "That claim does not exist.");
  if (claim.status !== "accepted" && claim.status !== "done")
    throw new AppError("CONFLICT", "Follow-ups go to a held claim.");
  const at = await clockNow();
  await db.$transaction(async (tx) => {
    await tx.claimUpdate.create({
      data: { claimId: claim.id, authorId: a.id, kind: "follow_up", body: input.body, createdAt: at },
    });
    await recordAudit(tx, {
      at,
      actorId: a.id,
      action: "claim.follow-up",
      subjectType: "Claim",
      subjectId: claim.id,
      tagId: claim.item!.tagIds[0],
    });
  });
  await notify(
    {
      userId: claim.userId,
      kind: "claim.follow-up",
      title: `Follow-up on "${claim.item!.title}"`,
      body: input.body,
      link: itemLink(claim.itemId),
    },
    at,
  );
  return { id: claim.id };
}

/** The volunteer marks the work done with evidence; a lead then confirms. */
export async function markClaimDone(actor: Actor | null, input: { claimId: string; evidenceUrl: string }) {
  const claim = await loadClaim(input.claimId);
  const subject = { subjectType: "Claim", subjectId: input.claimId, tagId: claim?.item?.tagIds[0] ?? null };
  const a = await requirePermission(actor, "help-wanted.volunteer", subject);
  if (!claim || claim.userId !== a.id) {
    if (claim) await refuseByGuard(a, "help-wanted.volunteer", subject, "Only the volunteer marks their claim done.");
    throw new AppError("NOT_FOUND", "That claim does not exist.");
  }
  const at = await clockNow();
  await db.$transaction(async (tx) => {
    const { count } = await tx.claim.updateMany({
      where: { id: claim.id, status: "accepted" },
      data: { status: "done", doneAt: at, evidenceUrl: input.evidenceUrl, lastActivityAt: at },
    });
    if (count === 0) throw new AppError("CONFLICT", "Only an accepted claim can be marked done.");
    await recordAudit(tx, {
      at,
      actorId: a.id,
      action: "claim.done",
      subjectType: "Claim",
      subjectId: claim.id,
      tagId: claim.item!.tagIds[0],
      after: { evidenceUrl: input.evidenceUrl },
    });
  });
  await notifyLeads(
    db,
    claim.item!.tagIds,
    {
      kind: "claim.done",
      title: `Work on "${claim.item!.title}" is ready for your confirmation`,
      link: itemLink(claim.itemId),
    },
    at,
    a.id,
  );
  return { id: claim.id };
}

/**
 * A lead confirms a completion: the claim completes, a `help-wanted` contribution record is
 * written, and the item closes once every place is completed.
 */
export async function confirmCompletion(actor: Actor | null, input: { claimId: string }) {
  const claim = await loadClaim(input.claimId);
  const a = await requireItemPermission(
    actor,
    "help-wanted.decide",
    claim?.item ?? null,
    claim?.itemId ?? input.claimId,
  );
  if (!claim) throw new AppError("NOT_FOUND", "That claim does not exist.");
  if (claim.userId === a.id)
    await refuseByGuard(
      a,
      "help-wanted.decide",
      { subjectType: "Claim", subjectId: claim.id, tagId: claim.item!.tagIds[0] },
      "Nobody confirms their own work.",
    );
  const item = claim.item!;
  const at = await clockNow();
  const closed = await db.$transaction(async (tx) => {
    const { count } = await tx.claim.updateMany({
      where: { id: claim.id, status: "done" },
      data: { status: "completed", completedAt: at, decidedById: a.id },
    });
    if (count === 0) throw new AppError("CONFLICT", "Only work marked done can be confirmed.");
    const full = await tx.claim.findUniqueOrThrow({ where: { id: claim.id }, select: { evidenceUrl: true } });
    await tx.contributionRecord.create({
      data: {
        userId: claim.userId,
        tagId: item.tagIds[0] ?? null,
        kind: "help_wanted",
        source: "help_wanted",
        occurredAt: at,
        title: item.title,
        link: full.evidenceUrl,
        externalId: `claim:${claim.id}`,
      },
    });
    const completed = await tx.claim.count({ where: { itemId: item.id, status: "completed" } });
    let closedNow = false;
    if (completed >= item.places) {
      const r = await tx.helpWantedItem.updateMany({
        where: { id: item.id, status: { not: "closed" } },
        data: { status: "closed", closedAt: at, closedReason: "done", updatedAt: at },
      });
      closedNow = r.count === 1;
    }
    await recordAudit(tx, {
      at,
      actorId: a.id,
      action: "claim.complete",
      subjectType: "Claim",
      subjectId: claim.id,
      tagId: item.tagIds[0],
      before: { status: "done" },
      after: { status: "completed", itemClosed: closedNow },
    });
    return closedNow;
  });
  await notify(
    {
      userId: claim.userId,
      kind: "claim.completed",
      title: `Thank you: your work on "${item.title}" is confirmed`,
      link: itemLink(item.id),
    },
    at,
  );
  return { id: claim.id, itemClosed: closed };
}

/**
 * Sweep: accepted claims with no activity for their TAG's stale-after days are flagged once:
 * the volunteer and the item's leads are notified. Progress clears the flag.
 */
export async function flagStaleClaims(now: Date): Promise<number> {
  const stale = await db.$queryRaw<{ id: string; itemId: string; userId: string; title: string }[]>`
    SELECT c."id", c."itemId", c."userId", i."title"
      FROM "Claim" c JOIN "HelpWantedItem" i ON i."id" = c."itemId"
     WHERE c."status" = 'accepted' AND c."staleNotifiedAt" IS NULL
       AND c."lastActivityAt" < ${now}::timestamptz - make_interval(days => (
             SELECT COALESCE(MIN(t."staleAfterDays"), 21) FROM "HelpWantedItemTag" it JOIN "Tag" t ON t."id" = it."tagId" WHERE it."itemId" = i."id"))
     LIMIT 1000`;
  for (const c of stale) {
    const { count } = await db.claim.updateMany({
      where: { id: c.id, staleNotifiedAt: null },
      data: { staleNotifiedAt: now },
    });
    if (count === 0) continue;
    const link = itemLink(c.itemId);
    await notify(
      {
        userId: c.userId,
        kind: "claim.stale",
        title: `How is "${c.title}" going?`,
        body: "No update for a while: post progress, or withdraw if you can't continue.",
        link,
        dedupeKey: `stale:${c.id}:${isoDay(now)}`,
      },
      now,
    );
    const tagIds = (await db.helpWantedItemTag.findMany({ where: { itemId: c.itemId }, select: { tagId: true } })).map(
      (t) => t.tagId,
    );
    await notifyLeads(
      db,
      tagIds,
      { kind: "claim.stale", title: `A claim on "${c.title}" went stale`, link },
      now,
      c.userId,
    );
  }
  return stale.length;
}
