/** Builders for tests that need the TOC to decide: a TOC of known size, and everyone voting. */
import { db } from "@/lib/db";
import { loadActor } from "@/lib/auth/actor";
import type { Actor } from "@/lib/auth/permissions";
import { castVote } from "@/lib/decision-outcomes/votes";
import { now } from "@/lib/clock";
import { appointLeader } from "@/lib/roles/leadership";
import { createTag, createUser } from "./factories";

/**
 * Makes the TOC exactly `n` new members (earlier tests' TOC members of this file's database step
 * down), so that thresholds like "a majority of all TOC members" have a known size.
 */
export async function freshToc(n: number): Promise<Actor[]> {
  await db.user.updateMany({ where: { isTocMember: true }, data: { isTocMember: false } });
  return Promise.all(
    Array.from({ length: n }, async () => (await loadActor((await createUser({ isTocMember: true })).id))!),
  );
}

/** The open decision about `subjectId` (a seat or an election). */
export async function openDecisionAbout(subjectId: string) {
  return db.decision.findFirstOrThrow({ where: { subjectId, status: "open" } });
}

/**
 * Every counted elector who is still a TOC member votes `choice` on the open decision about
 * `subjectId`, until it closes. Returns the closed decision.
 */
export async function everyoneVotes(subjectId: string, choice: "yes" | "no" = "yes") {
  const d = await openDecisionAbout(subjectId);
  const electors = await db.decisionElector.findMany({
    where: { decisionId: d.id, recusal: null },
    select: { userId: true },
  });
  for (const e of electors) {
    const actor = await loadActor(e.userId);
    if (!actor?.isTocMember) continue;
    const r = await castVote(actor, { decisionId: d.id, choice });
    if (r.state !== "open") break;
  }
  return db.decision.findUniqueOrThrow({ where: { id: d.id } });
}

/** `byId` appoints `login` to a `kind` seat of the TAG for 24 months, through the appointment rules. */
export async function appoint(byId: string, tagId: string, login: string, kind: "chair" | "tech_lead" = "tech_lead") {
  return appointLeader(await loadActor(byId), { tagId, login, kind, termMonths: 24 });
}

/** A TAG (a new one, or `tagSlug`'s) whose chair appoints a new tech lead: a pending seat and its open decision. */
export async function pendingAppointment(tagSlug?: string) {
  const tag =
    (tagSlug && (await db.tag.findUnique({ where: { slug: tagSlug } }))) || (await createTag({ slug: tagSlug }));
  const chair = await createUser();
  const at = await now();
  await db.roleAssignment.create({
    data: { tagId: tag.id, userId: chair.id, kind: "chair", status: "active", requestedAt: at, startAt: at },
  });
  const appointee = await createUser();
  const seat = await appoint(chair.id, tag.id, appointee.login);
  const decision = await db.decision.findFirstOrThrow({ where: { subjectId: seat.id } });
  return { tag, chair, appointee, seat, decision };
}
