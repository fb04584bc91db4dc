import "server-only";
import { db, type Tx } from "@/lib/db";
import { now as clockNow } from "@/lib/clock";
import { AppError, isUniqueViolation } from "@/lib/errors";
import { createAudited, recordAudit } from "@/lib/audit/record";
import { notifyTagChannel } from "@/lib/slack/notify";
import { refuseByGuard, requirePermission } from "@/lib/auth/actor";
import type { Actor } from "@/lib/auth/permissions";
import { notify } from "@/lib/notify/send";
import { consumeRateLimit } from "@/lib/rate-limit";
import { HELD_CLAIM_STATUSES, LIVE_CLAIM_STATUSES } from "@/lib/vocabulary";
import type { AuditAction } from "@/lib/audit/actions";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { ClaimStatus } from "@/lib/generated/prisma/enums";
import { PROGRESS_EDIT_HOURS, progressEditable } from "./schemas";
import {
  givePlaceBack,
  itemLink,
  loadItem,
  noItemChangeSink,
  POST_LIMIT,
  requireItemPermission,
  settingsOf,
  takePlace,
  type ItemChangeSink,
  type ItemContext,
} from "./items";
import { notifyLeads } from "./notify-leads";

/**
 * Operations on claims, one person's part in one item: volunteer, a lead's decision, withdraw,
 * release, progress, follow-up, done and its confirmation. Invitations are in ./invitations.ts.
 */

/** Per-person limit on volunteering (docs/security.md, "Rate limits"). */
export const VOLUNTEER_LIMIT = { limit: 10, windowMs: 60_000 };

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
export async function volunteerForItem(
  actor: Actor | null,
  input: { itemId: string; message: string },
  onChange: ItemChangeSink = noItemChangeSink,
) {
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
      const c = await createAudited(
        tx,
        tx.claim.create({
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
        }),
        {
          at,
          actorId: a.id,
          action: autoAccept ? "claim.accept" : "claim.request",
          subjectType: "Claim",
          tagId: item.tagIds[0],
          after: { itemId: item.id, status, auto: autoAccept },
        },
      );
      if (autoAccept) await notifyTagChannel(tx, item.tagIds, { kind: "volunteer.accepted", claimId: c.id }, at);
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
    } else await onChange({ kind: "claim-accepted", claimId: claim.id });
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

type LoadedClaim = NonNullable<Awaited<ReturnType<typeof loadClaim>>> & { item: ItemContext };

/**
 * Moves a claim on if it is still in one of the states `from` (compare-and-swap: when someone
 * else changed it first, this move is refused with `conflict`), and audits the move in the same
 * transaction: its state before and after, plus `after`.
 */
export async function moveClaim(
  tx: Tx,
  claim: { id: string; status: ClaimStatus; item: { tagIds: readonly string[] } },
  move: {
    from: ClaimStatus | readonly ClaimStatus[];
    data: Prisma.ClaimUpdateManyMutationInput & { status: ClaimStatus };
    conflict: string;
  },
  audit: { at: Date; actorId: string; action: AuditAction; after?: Record<string, unknown> },
) {
  const from = typeof move.from === "string" ? move.from : { in: [...move.from] };
  const { count } = await tx.claim.updateMany({ where: { id: claim.id, status: from }, data: move.data });
  if (count === 0) throw new AppError("CONFLICT", move.conflict);
  await recordAudit(tx, {
    at: audit.at,
    actorId: audit.actorId,
    action: audit.action,
    subjectType: "Claim",
    subjectId: claim.id,
    tagId: claim.item.tagIds[0],
    before: { status: claim.status },
    after: { status: move.data.status, ...audit.after },
  });
}

/** The volunteer acts on their own claim; anyone else is refused (audited) and told it does not exist. */
async function requireOwnClaim(actor: Actor | null, claimId: string, refusal: string) {
  const claim = await loadClaim(claimId);
  const subject = { subjectType: "Claim", subjectId: claimId, tagId: claim?.item?.tagIds[0] ?? null };
  const a = await requirePermission(actor, "help-wanted.volunteer", subject);
  if (!claim || claim.userId !== a.id) {
    if (claim) await refuseByGuard(a, "help-wanted.volunteer", subject, refusal);
    throw new AppError("NOT_FOUND", "That claim does not exist.");
  }
  return { a, claim: claim as LoadedClaim };
}

/** A lead of one of the claim's item's TAGs acts on it (checked against the item as stored). */
async function requireLeadOfClaim(actor: Actor | null, claimId: string, notFound = "That claim does not exist.") {
  const claim = await loadClaim(claimId);
  const a = await requireItemPermission(actor, "help-wanted.decide", claim?.item ?? null, claim?.itemId ?? claimId);
  if (!claim) throw new AppError("NOT_FOUND", notFound);
  return { a, claim: claim as LoadedClaim };
}

/** A lead accepts (taking a place, race-safe) or declines a request. */
export async function decideClaim(
  actor: Actor | null,
  input: { claimId: string; decision: "accept" | "decline" },
  onChange: ItemChangeSink = noItemChangeSink,
) {
  const { a, claim } = await requireLeadOfClaim(actor, input.claimId, "That request does not exist.");
  const item = claim.item;
  const at = await clockNow();
  const accept = input.decision === "accept";
  await db.$transaction(async (tx) => {
    // The limit is checked before this claim counts as held: a person below the limit may reach it.
    if (accept) {
      await assertUnderClaimLimit(tx, claim.userId, item).catch(() => {
        throw new AppError("CONFLICT", "This person already holds the TAG's maximum of active claims.");
      });
    }
    await moveClaim(
      tx,
      claim,
      {
        from: "requested",
        data: { status: accept ? "accepted" : "declined", decidedAt: at, decidedById: a.id, lastActivityAt: at },
        conflict: "This request was already decided or withdrawn.",
      },
      { at, actorId: a.id, action: accept ? "claim.accept" : "claim.decline" },
    );
    if (accept && !(await takePlace(tx, item.id, at)))
      throw new AppError("CONFLICT", "No place is left on this item: another request was accepted first.");
    if (accept) await notifyTagChannel(tx, item.tagIds, { kind: "volunteer.accepted", claimId: claim.id }, at);
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
  if (accept) await onChange({ kind: "claim-accepted", claimId: claim.id });
  return { id: claim.id, status: accept ? "accepted" : "declined" };
}

/** The volunteer withdraws a request or a held claim (giving the place back). */
export async function withdrawClaim(
  actor: Actor | null,
  input: { claimId: string },
  onChange: ItemChangeSink = noItemChangeSink,
) {
  const { a, claim } = await requireOwnClaim(actor, input.claimId, "Only the volunteer can withdraw their claim.");
  const at = await clockNow();
  await db.$transaction(async (tx) => {
    await moveClaim(
      tx,
      claim,
      {
        from: ["invited", "requested", "accepted"],
        data: { status: "withdrawn", decidedAt: at },
        conflict: "This claim can no longer be withdrawn.",
      },
      { at, actorId: a.id, action: "claim.withdraw" },
    );
    if (claim.status === "accepted") await givePlaceBack(tx, claim.itemId, at);
  });
  if (claim.status === "accepted") {
    const title = `A volunteer withdrew from "${claim.item.title}"`;
    await tellLeadsOfOwnChange(claim, { kind: "claim.withdrawn", title }, at, a.id, onChange);
  }
  return { id: claim.id };
}

/** A volunteer changed their own claim in a way its leads act on: they are told, and the item's state passed on. */
async function tellLeadsOfOwnChange(
  claim: { itemId: string; item: { tagIds: string[] } },
  n: { kind: string; title: string },
  at: Date,
  volunteerId: string,
  onChange: ItemChangeSink,
) {
  await notifyLeads(db, claim.item.tagIds, { ...n, link: itemLink(claim.itemId) }, at, volunteerId);
  await onChange({ kind: "item-state", itemId: claim.itemId });
}

/** A lead releases a volunteer from an accepted claim; the place opens again. */
export async function releaseClaim(
  actor: Actor | null,
  input: { claimId: string },
  onChange: ItemChangeSink = noItemChangeSink,
) {
  const { a, claim } = await requireLeadOfClaim(actor, input.claimId);
  const at = await clockNow();
  await db.$transaction(async (tx) => {
    await moveClaim(
      tx,
      claim,
      {
        from: HELD_CLAIM_STATUSES,
        data: { status: "released", decidedAt: at, decidedById: a.id },
        conflict: "Only a held claim can be released.",
      },
      { at, actorId: a.id, action: "claim.release" },
    );
    await givePlaceBack(tx, claim.itemId, at);
  });
  await notify(
    {
      userId: claim.userId,
      kind: "claim.released",
      title: `You were released from "${claim.item.title}"`,
      link: itemLink(claim.itemId),
    },
    at,
  );
  await onChange({ kind: "item-state", itemId: claim.itemId });
  return { id: claim.id };
}

/** The volunteer reports progress; this clears the stale flag. `alsoGithub`: posted on the linked issue too. */
export async function postProgress(
  actor: Actor | null,
  input: { claimId: string; body: string; link?: string; alsoGithub?: boolean },
  onChange: ItemChangeSink = noItemChangeSink,
) {
  const { a, claim } = await requireOwnClaim(actor, input.claimId, "Only the volunteer posts progress on their claim.");
  if (claim.status !== "accepted") throw new AppError("CONFLICT", "Progress goes on an accepted claim.");
  const at = await clockNow();
  await consumeRateLimit(`post:${a.id}`, POST_LIMIT.limit, POST_LIMIT.windowMs, at);
  const update = await db.$transaction(async (tx) => {
    const u = await tx.claimUpdate.create({
      data: {
        claimId: claim.id,
        authorId: a.id,
        kind: "progress",
        body: input.body,
        link: input.link ?? null,
        createdAt: at,
      },
      select: { id: true },
    });
    await tx.claim.update({ where: { id: claim.id }, data: { lastActivityAt: at, staleNotifiedAt: null } });
    await recordAudit(tx, {
      at,
      actorId: a.id,
      action: "claim.progress",
      subjectType: "Claim",
      subjectId: claim.id,
      tagId: claim.item.tagIds[0],
      after: { alsoGithub: input.alsoGithub ?? false },
    });
    return u;
  });
  // Always told (the project board shows progress); the issue gets a comment only when asked.
  await onChange({ kind: "progress", updateId: update.id, comment: input.alsoGithub ?? false });
  return { id: claim.id, alsoGithub: input.alsoGithub ?? false };
}

/**
 * The author edits their own progress update, within {@link PROGRESS_EDIT_HOURS} hours of posting
 * it by the portal clock (a typo or a wrong link; later the record stands). Audited with the text
 * before and after; the update shows it was edited.
 */
export async function editProgress(actor: Actor | null, input: { updateId: string; body: string; link?: string }) {
  const update = await db.claimUpdate.findUnique({
    where: { id: input.updateId },
    select: { id: true, claimId: true, authorId: true, kind: true, body: true, link: true, createdAt: true },
  });
  if (!update || update.kind !== "progress") throw new AppError("NOT_FOUND", "That update does not exist.");
  const { a, claim } = await requireOwnClaim(actor, update.claimId, "Only its author edits a progress update.");
  if (update.authorId !== a.id) throw new AppError("FORBIDDEN", "Only its author edits a progress update.");
  const at = await clockNow();
  if (!progressEditable(update.createdAt, at))
    throw new AppError(
      "CONFLICT",
      `A progress update can be edited for ${PROGRESS_EDIT_HOURS} hours after posting it.`,
    );
  const link = input.link ?? null;
  await db.$transaction(async (tx) => {
    await tx.claimUpdate.update({ where: { id: update.id }, data: { body: input.body, link, editedAt: at } });
    await recordAudit(tx, {
      at,
      actorId: a.id,
      action: "claim.progress-edit",
      subjectType: "Claim",
      subjectId: claim.id,
      tagId: claim.item.tagIds[0],
      before: { updateId: update.id, body: update.body, link: update.link },
      after: { updateId: update.id, body: input.body, link },
    });
  });
  return { id: update.id };
}

/** A lead follows up on a claim; the volunteer is notified. */
export async function sendFollowUp(actor: Actor | null, input: { claimId: string; body: string }) {
  const { a, claim } = await requireLeadOfClaim(actor, input.claimId);
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
      tagId: claim.item.tagIds[0],
    });
  });
  await notify(
    {
      userId: claim.userId,
      kind: "claim.follow-up",
      title: `Follow-up on "${claim.item.title}"`,
      body: input.body,
      link: itemLink(claim.itemId),
    },
    at,
  );
  return { id: claim.id };
}

/** The volunteer marks the work done with evidence; a lead then confirms. */
export async function markClaimDone(
  actor: Actor | null,
  input: { claimId: string; evidenceUrl: string },
  onChange: ItemChangeSink = noItemChangeSink,
) {
  const { a, claim } = await requireOwnClaim(actor, input.claimId, "Only the volunteer marks their claim done.");
  const at = await clockNow();
  await db.$transaction(async (tx) => {
    await moveClaim(
      tx,
      claim,
      {
        from: "accepted",
        data: { status: "done", doneAt: at, evidenceUrl: input.evidenceUrl, lastActivityAt: at },
        conflict: "Only an accepted claim can be marked done.",
      },
      { at, actorId: a.id, action: "claim.done", after: { evidenceUrl: input.evidenceUrl } },
    );
  });
  const title = `Work on "${claim.item.title}" is ready for your confirmation`;
  await tellLeadsOfOwnChange(claim, { kind: "claim.done", title }, at, a.id, onChange);
  return { id: claim.id };
}

/**
 * A lead confirms a completion: the claim completes, a `help-wanted` contribution record is
 * written, and the item closes once every place is completed.
 */
export async function confirmCompletion(
  actor: Actor | null,
  input: { claimId: string },
  onChange: ItemChangeSink = noItemChangeSink,
) {
  const { a, claim } = await requireLeadOfClaim(actor, input.claimId);
  if (claim.userId === a.id)
    await refuseByGuard(
      a,
      "help-wanted.decide",
      { subjectType: "Claim", subjectId: claim.id, tagId: claim.item.tagIds[0] },
      "Nobody confirms their own work.",
    );
  const item = claim.item;
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
    await notifyTagChannel(tx, item.tagIds, { kind: "item.done", claimId: claim.id }, at);
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
  await onChange({ kind: "item-state", itemId: item.id });
  return { id: claim.id, itemClosed: closed };
}

/**
 * A person deleting their account gives up every live claim inside `tx`: held ones are released
 * (their places open again), requests and invitations withdrawn, each audited. Returns the items
 * whose place opened, so that their leads can be told once the deletion commits.
 */
export async function releaseClaimsOfLeaver(
  tx: Tx,
  userId: string,
  at: Date,
): Promise<{ itemId: string; title: string; tagIds: string[] }[]> {
  const live = await tx.claim.findMany({
    where: { userId, status: { in: [...LIVE_CLAIM_STATUSES] } },
    select: {
      id: true,
      status: true,
      itemId: true,
      item: { select: { title: true, tags: { select: { tagId: true } } } },
    },
  });
  const freed: { itemId: string; title: string; tagIds: string[] }[] = [];
  for (const c of live) {
    const held = (HELD_CLAIM_STATUSES as readonly string[]).includes(c.status);
    const status = held ? "released" : "withdrawn";
    await tx.claim.update({ where: { id: c.id }, data: { status, decidedAt: at } });
    const tagIds = c.item.tags.map((t) => t.tagId);
    if (held) {
      await givePlaceBack(tx, c.itemId, at);
      freed.push({ itemId: c.itemId, title: c.item.title, tagIds });
    }
    await recordAudit(tx, {
      at,
      actorId: userId,
      action: held ? "claim.release" : "claim.withdraw",
      subjectType: "Claim",
      subjectId: c.id,
      tagId: tagIds[0] ?? null,
      before: { status: c.status },
      after: { status, reason: "account deleted" },
    });
  }
  return freed;
}

/** Tells the leads of each freed item that a place opened because its volunteer left the portal. */
export async function notifyFreedPlaces(freed: { itemId: string; title: string; tagIds: string[] }[], at: Date) {
  for (const f of freed)
    await notifyLeads(
      db,
      f.tagIds,
      {
        kind: "claim.released",
        title: `A place opened on "${f.title}"`,
        body: "The volunteer deleted their account; the place is open again.",
        link: itemLink(f.itemId),
      },
      at,
    );
}
