import "server-only";
import { db } from "@/lib/db";
import { now } from "@/lib/clock";
import { AppError } from "@/lib/errors";
import { createAudited, recordAudit } from "@/lib/audit/record";
import { refuseByGuard, requirePermission } from "@/lib/auth/actor";
import { can, type Actor } from "@/lib/auth/permissions";
import { findPersonByLogin } from "@/lib/people/resolve";
import { notify } from "@/lib/notify/send";
import type { EndPairingInput, PairMentorInput } from "./schemas";

const SELF = "A person cannot mentor themselves: choose another mentor.";

/** A lead pairs a mentor with a mentee in their TAG; both hear of it. One open pairing per pair. */
export async function pairMentor(actor: Actor | null, input: PairMentorInput) {
  const tag = await db.tag.findUnique({ where: { id: input.tagId }, select: { id: true, slug: true, name: true } });
  const a = await requirePermission(actor, "pathway.pair", { subjectType: "MentorPairing", tagId: tag?.id ?? null });
  if (!tag) throw new AppError("NOT_FOUND", "That TAG does not exist.");
  if (input.mentor.toLowerCase() === input.mentee.toLowerCase())
    throw new AppError("INVALID", SELF, { mentor: [SELF] });
  const mentor = await findPersonByLogin(input.mentor, "mentor");
  const mentee = await findPersonByLogin(input.mentee, "mentee");
  // Two logins can still be one person (a renamed account): identity is the id.
  if (mentor.id === mentee.id) throw new AppError("INVALID", SELF, { mentor: [SELF] });
  const at = await now();
  const pairing = await db.$transaction(async (tx) => {
    const open = await tx.mentorPairing.findFirst({
      where: { tagId: tag.id, mentorId: mentor.id, menteeId: mentee.id, endedAt: null },
      select: { id: true },
    });
    if (open) throw new AppError("CONFLICT", `@${mentor.login} already mentors @${mentee.login} in ${tag.name}.`);
    return createAudited(
      tx,
      tx.mentorPairing.create({
        data: { tagId: tag.id, mentorId: mentor.id, menteeId: mentee.id, startedAt: at, startedById: a.id },
        select: { id: true },
      }),
      {
        at,
        actorId: a.id,
        action: "pathway.pair",
        subjectType: "MentorPairing",
        tagId: tag.id,
        after: { mentor: mentor.login, mentee: mentee.login },
      },
    );
  });
  const link = "/pathways";
  await notify(
    { userId: mentee.id, kind: "pathway.pair", title: `@${mentor.login} is now your mentor in ${tag.name}`, link },
    at,
  );
  await notify(
    { userId: mentor.id, kind: "pathway.pair", title: `You now mentor @${mentee.login} in ${tag.name}`, link },
    at,
  );
  return { id: pairing.id, mentor: mentor.login, mentee: mentee.login, slug: tag.slug };
}

/** Either the mentor or the mentee ends a pairing (a lead may too); it stays in the record as ended. */
export async function endPairing(actor: Actor | null, input: EndPairingInput) {
  const p = await db.mentorPairing.findUnique({
    where: { id: input.pairingId },
    select: { id: true, tagId: true, mentorId: true, menteeId: true, endedAt: true, tag: { select: { slug: true } } },
  });
  const subject = { subjectType: "MentorPairing", subjectId: input.pairingId, tagId: p?.tagId ?? null };
  const a = await requirePermission(actor, "pathway.mentor", subject);
  if (!p) throw new AppError("NOT_FOUND", "That mentor pairing does not exist.");
  if (a.id !== p.mentorId && a.id !== p.menteeId && !can(a, "pathway.pair", p.tagId))
    await refuseByGuard(
      a,
      "pathway.mentor",
      subject,
      "Only the mentor, the mentee or a lead of the TAG ends a pairing.",
    );
  const at = await now();
  await db.$transaction(async (tx) => {
    const ended = await tx.mentorPairing.updateMany({
      where: { id: p.id, endedAt: null },
      data: { endedAt: at, endedById: a.id },
    });
    if (ended.count === 0) throw new AppError("CONFLICT", "That pairing has already ended.");
    await recordAudit(tx, {
      at,
      actorId: a.id,
      action: "pathway.pair-end",
      subjectType: "MentorPairing",
      subjectId: p.id,
      tagId: p.tagId,
      before: { endedAt: null },
      after: { endedAt: at.toISOString() },
    });
  });
  const other = a.id === p.mentorId ? p.menteeId : a.id === p.menteeId ? p.mentorId : null;
  if (other)
    await notify(
      {
        userId: other,
        kind: "pathway.pair-end",
        title: "A mentor pairing has ended",
        link: "/pathways",
      },
      at,
    );
  return { id: p.id, slug: p.tag.slug };
}
