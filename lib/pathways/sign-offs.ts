import "server-only";
import { db } from "@/lib/db";
import { now } from "@/lib/clock";
import { AppError } from "@/lib/errors";
import { createAudited } from "@/lib/audit/record";
import { refuseByGuard, requirePermission } from "@/lib/auth/actor";
import type { Actor } from "@/lib/auth/permissions";
import { notify } from "@/lib/notify/send";
import type { LadderStep } from "./ladder";
import { loadLadder } from "./load-standing";
import type { ShadowSignOffInput, SignOffInput } from "./schemas";

/** The step of the TAG's ladder named `name`, when it asks for a mentor's sign-off. */
export async function stepNeedingSignOff(tagId: string, name: string, field = "step"): Promise<LadderStep> {
  const step = (await loadLadder(tagId))?.ladder.find((s) => s.name === name);
  const problem = !step
    ? `"${name}" is not a step of the TAG's ladder.`
    : !step.mentorSignOff
      ? `"${step.name}" needs no mentor sign-off.`
      : null;
  if (problem) throw new AppError("INVALID", problem, { [field]: [problem] });
  return step!;
}

/**
 * A mentor signs off their mentee (through an open pairing) for a ladder step that asks for it.
 * The counts of the step are not checked here: `pathwayStanding` reads both, so a sign-off given
 * early takes effect once the counts are met.
 */
export async function signOffStep(actor: Actor | null, input: SignOffInput) {
  const p = await db.mentorPairing.findUnique({
    where: { id: input.pairingId },
    include: { mentee: { select: { login: true } }, tag: { select: { slug: true, name: true } } },
  });
  const subject = { subjectType: "PathwaySignOff", subjectId: input.pairingId, tagId: p?.tagId ?? null };
  const a = await requirePermission(actor, "pathway.mentor", subject);
  if (!p) throw new AppError("NOT_FOUND", "That mentor pairing does not exist.");
  if (a.id !== p.mentorId)
    await refuseByGuard(a, "pathway.mentor", subject, "Only the mentee's mentor signs off a step.");
  if (p.endedAt) throw new AppError("CONFLICT", "That pairing has ended: a sign-off needs a current mentor.");
  const step = await stepNeedingSignOff(p.tagId, input.step);
  return recordSignOff(a, { tagId: p.tagId, tag: p.tag, menteeId: p.menteeId, mentee: p.mentee, step, itemId: null });
}

/**
 * The mentor a shadowing item names signs off one of its accepted volunteers for the item's step
 * (issue 21): the same sign-off as through a pairing, so it counts toward the ladder the same way.
 */
export async function signOffFromItem(actor: Actor | null, input: ShadowSignOffInput) {
  const c = await db.claim.findUnique({
    where: { id: input.claimId },
    select: {
      status: true,
      userId: true,
      user: { select: { login: true } },
      item: {
        select: {
          id: true,
          kind: true,
          shadowMentorId: true,
          shadowStep: true,
          tags: { select: { tag: { select: { id: true, slug: true, name: true } } } },
        },
      },
    },
  });
  const tag = c?.item.tags[0]?.tag;
  const subject = { subjectType: "PathwaySignOff", subjectId: c?.item.id, tagId: tag?.id ?? null };
  const a = await requirePermission(actor, "pathway.mentor", subject);
  if (!c || !tag) throw new AppError("NOT_FOUND", "That volunteer does not exist.");
  if (c.item.kind !== "shadow" || !c.item.shadowStep)
    throw new AppError("INVALID", "Only a shadowing item's mentor signs off from an item.");
  if (a.id !== c.item.shadowMentorId)
    await refuseByGuard(a, "pathway.mentor", subject, "Only the mentor this item names signs off its volunteers.");
  if (!["accepted", "done", "completed"].includes(c.status))
    throw new AppError("CONFLICT", `@${c.user.login} is not an accepted volunteer of this item.`);
  const step = await stepNeedingSignOff(tag.id, c.item.shadowStep);
  return recordSignOff(a, { tagId: tag.id, tag, menteeId: c.userId, mentee: c.user, step, itemId: c.item.id });
}

async function recordSignOff(
  a: Actor,
  s: {
    tagId: string;
    tag: { slug: string; name: string };
    menteeId: string;
    mentee: { login: string };
    step: LadderStep;
    itemId: string | null;
  },
) {
  const at = await now();
  const already = await db.pathwaySignOff.findUnique({
    where: { tagId_userId_stepName: { tagId: s.tagId, userId: s.menteeId, stepName: s.step.name } },
    select: { id: true },
  });
  if (already) throw new AppError("CONFLICT", `@${s.mentee.login} is already signed off for "${s.step.name}".`);
  const created = await db.$transaction((tx) =>
    createAudited(
      tx,
      tx.pathwaySignOff.create({
        data: { tagId: s.tagId, userId: s.menteeId, stepName: s.step.name, mentorId: a.id, itemId: s.itemId, at },
        select: { id: true },
      }),
      {
        at,
        actorId: a.id,
        action: "pathway.sign-off",
        subjectType: "PathwaySignOff",
        tagId: s.tagId,
        after: { mentee: s.mentee.login, step: s.step.name, ...(s.itemId ? { item: s.itemId } : {}) },
      },
    ),
  );
  await notify(
    {
      userId: s.menteeId,
      kind: "pathway.sign-off",
      title: `Your mentor signed you off for "${s.step.name}" in ${s.tag.name}`,
      link: "/pathways",
    },
    at,
  );
  return { id: created.id, step: s.step.name, mentee: s.mentee.login, slug: s.tag.slug };
}
