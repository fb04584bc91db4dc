import "server-only";
import { db } from "@/lib/db";
import { now } from "@/lib/clock";
import { AppError } from "@/lib/errors";
import { createAudited } from "@/lib/audit/record";
import { refuseByGuard, requirePermission } from "@/lib/auth/actor";
import type { Actor } from "@/lib/auth/permissions";
import { notify } from "@/lib/notify/send";
import { loadLadder } from "./load-standing";
import type { SignOffInput } from "./schemas";

/**
 * A mentor signs off their mentee (through an open pairing) for a ladder step that asks for it.
 * The counts of the step are not checked here: `pathwayStanding` reads both, so a sign-off given
 * early takes effect once the counts are met.
 */
export async function signOffStep(actor: Actor | null, input: SignOffInput) {
  const p = await db.mentorPairing.findUnique({
    where: { id: input.pairingId },
    select: {
      id: true,
      tagId: true,
      mentorId: true,
      menteeId: true,
      endedAt: true,
      mentee: { select: { login: true } },
      tag: { select: { slug: true, name: true } },
    },
  });
  const subject = { subjectType: "PathwaySignOff", subjectId: input.pairingId, tagId: p?.tagId ?? null };
  const a = await requirePermission(actor, "pathway.mentor", subject);
  if (!p) throw new AppError("NOT_FOUND", "That mentor pairing does not exist.");
  if (a.id !== p.mentorId)
    await refuseByGuard(a, "pathway.mentor", subject, "Only the mentee's mentor signs off a step.");
  if (p.endedAt) throw new AppError("CONFLICT", "That pairing has ended: a sign-off needs a current mentor.");
  const step = (await loadLadder(p.tagId))?.ladder.find((s) => s.name === input.step);
  if (!step) throw new AppError("INVALID", "That step is not on the TAG's ladder.", { step: ["Choose a step"] });
  if (!step.mentorSignOff)
    throw new AppError("INVALID", `"${step.name}" needs no mentor sign-off.`, { step: ["Choose a step"] });
  const at = await now();
  const already = await db.pathwaySignOff.findUnique({
    where: { tagId_userId_stepName: { tagId: p.tagId, userId: p.menteeId, stepName: step.name } },
    select: { id: true },
  });
  if (already) throw new AppError("CONFLICT", `@${p.mentee.login} is already signed off for "${step.name}".`);
  const created = await db.$transaction((tx) =>
    createAudited(
      tx,
      tx.pathwaySignOff.create({
        data: { tagId: p.tagId, userId: p.menteeId, stepName: step.name, mentorId: a.id, at },
        select: { id: true },
      }),
      {
        at,
        actorId: a.id,
        action: "pathway.sign-off",
        subjectType: "PathwaySignOff",
        tagId: p.tagId,
        after: { mentee: p.mentee.login, step: step.name },
      },
    ),
  );
  await notify(
    {
      userId: p.menteeId,
      kind: "pathway.sign-off",
      title: `Your mentor signed you off for "${step.name}" in ${p.tag.name}`,
      link: "/pathways",
    },
    at,
  );
  return { id: created.id, step: step.name, mentee: p.mentee.login, slug: p.tag.slug };
}
