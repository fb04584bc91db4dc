import "server-only";
import { notifyTagChannel } from "@/lib/slack/notify";
import { db } from "@/lib/db";
import { now as clockNow } from "@/lib/clock";
import { AppError, isUniqueViolation } from "@/lib/errors";
import { createAudited } from "@/lib/audit/record";
import { refuseByGuard, requirePermission } from "@/lib/auth/actor";
import type { Actor } from "@/lib/auth/permissions";
import { notify } from "@/lib/notify/send";
import { consumeRateLimit } from "@/lib/rate-limit";
import { assertUnderClaimLimit, moveClaim } from "./claims";
import { itemLink, loadItem, noItemChangeSink, requireItemPermission, takePlace, type ItemChangeSink } from "./items";
import { notifyLeads } from "./notify-leads";
import type { AnswerInvitationInput, InviteInput } from "./schemas";

/** Per-lead limit on invitations (docs/security.md, "Rate limits"): suggestions are a nudge, not a mailing list. */
export const INVITE_LIMIT = { limit: 30, windowMs: 60 * 60_000 };

/**
 * A lead invites a person to an item (issue 9, reverse match): a claim in state `invited`,
 * audited, the person notified. The person must have signed in and not opted out of being
 * suggested; an existing live claim on the item is a conflict (one live claim per person).
 * No place is taken until the person accepts.
 */
export async function inviteToItem(actor: Actor | null, input: InviteInput) {
  const item = await loadItem(input.itemId);
  const a = await requireItemPermission(actor, "help-wanted.invite", item, input.itemId);
  if (item!.status !== "open")
    throw new AppError(
      "CONFLICT",
      item!.status === "filled" ? "All places on this item are taken." : "This item is not open.",
    );
  const person = await db.user.findUnique({
    where: { id: input.userId },
    select: { id: true, login: true, claimedAt: true, matchOptOut: true },
  });
  if (!person) throw new AppError("NOT_FOUND", "That person does not exist.");
  if (person.id === a.id) throw new AppError("INVALID", "Volunteer for the item instead of inviting yourself.");
  if (!person.claimedAt) throw new AppError("INVALID", `@${person.login} has not signed in to the portal yet.`);
  if (person.matchOptOut) throw new AppError("INVALID", `@${person.login} asked not to be suggested for items.`);
  const at = await clockNow();
  await consumeRateLimit(`invite:${a.id}`, INVITE_LIMIT.limit, INVITE_LIMIT.windowMs, at);
  let claim: { id: string };
  try {
    claim = await db.$transaction(async (tx) => {
      const c = await createAudited(
        tx,
        tx.claim.create({
          data: {
            itemId: item!.id,
            userId: person.id,
            status: "invited",
            invitedById: a.id,
            message: input.message,
            createdAt: at,
            lastActivityAt: at,
          },
          select: { id: true },
        }),
        {
          at,
          actorId: a.id,
          action: "claim.invite",
          subjectType: "Claim",
          tagId: item!.tagIds[0],
          after: { itemId: item!.id, userId: person.id, status: "invited" },
        },
      );
      return c;
    });
  } catch (e) {
    if (isUniqueViolation(e) || (e as { code?: string }).code === "23505")
      throw new AppError("CONFLICT", `@${person.login} already has a claim on this item.`);
    throw e;
  }
  await notify(
    {
      userId: person.id,
      kind: "claim.invited",
      title: `You're invited to help with "${item!.title}"`,
      body: input.message || "A TAG lead thinks this item suits you. Accept or decline on the item's page.",
      link: itemLink(item!.id),
    },
    at,
  );
  return { id: claim.id, login: person.login };
}

/**
 * The invited person answers. Accepting takes a place exactly as a lead's acceptance does: the
 * TAG's max active claims is checked first, then the compare-and-swap on the item's places, all
 * in one transaction (nothing half-written when the last place went meanwhile).
 */
export async function answerInvitation(
  actor: Actor | null,
  input: AnswerInvitationInput,
  onChange: ItemChangeSink = noItemChangeSink,
) {
  const claim = await db.claim.findUnique({
    where: { id: input.claimId },
    select: { id: true, itemId: true, userId: true, status: true, invitedById: true },
  });
  const item = claim ? await loadItem(claim.itemId) : null;
  const subject = { subjectType: "Claim", subjectId: input.claimId, tagId: item?.tagIds[0] ?? null };
  const a = await requirePermission(actor, "help-wanted.volunteer", subject);
  if (!claim || !item || claim.userId !== a.id) {
    if (claim)
      await refuseByGuard(a, "help-wanted.volunteer", subject, "Only the invited person answers an invitation.");
    throw new AppError("NOT_FOUND", "That invitation does not exist.");
  }
  if (claim.status !== "invited") throw new AppError("CONFLICT", "This invitation was already answered or withdrawn.");
  const accept = input.decision === "accept";
  const at = await clockNow();
  const status = accept ? "accepted" : "declined";
  await db.$transaction(async (tx) => {
    if (accept) await assertUnderClaimLimit(tx, a.id, item);
    await moveClaim(
      tx,
      { ...claim, item },
      {
        from: "invited",
        data: { status, decidedAt: at, lastActivityAt: at },
        conflict: "This invitation was already answered or withdrawn.",
      },
      { at, actorId: a.id, action: accept ? "claim.accept-invitation" : "claim.decline-invitation" },
    );
    if (accept && !(await takePlace(tx, item.id, at)))
      throw new AppError("CONFLICT", "No place is left on this item: someone else took the last one.");
    if (accept) await notifyTagChannel(tx, item.tagIds, { kind: "volunteer.accepted", claimId: claim.id }, at);
  });
  const person = await db.user.findUnique({ where: { id: a.id }, select: { login: true } });
  const n = {
    kind: accept ? "claim.invitation-accepted" : "claim.invitation-declined",
    title: `@${person?.login ?? "someone"} ${accept ? "accepted" : "declined"} the invitation to "${item.title}"`,
    link: itemLink(item.id),
  };
  if (claim.invitedById) await notify({ userId: claim.invitedById, ...n }, at);
  else await notifyLeads(db, item.tagIds, n, at, a.id);
  if (accept) await onChange({ kind: "claim-accepted", claimId: claim.id });
  return { id: claim.id, status };
}
