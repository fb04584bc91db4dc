/**
 * Demo data for TOC decisions (issue 15, point 10): one pending appointment with votes cast, so
 * that /toc, the TAG's card and a TOC member's home show a decision waiting, half-way. Idempotent:
 * a decision already seeded (open or closed) is left alone.
 */
import type { PrismaClient } from "../lib/generated/prisma/client.ts";
import { THRESHOLDS } from "../lib/decisions/outcome.ts";
import { giveSeat } from "../lib/roles/appointments.ts";

export const demoDecision = {
  appointee: "noor-member",
  tag: "operational-resilience",
  /** Two of the four TOC members voted yes: a majority of all of them is three. */
  votes: [
    { login: "toby-toc", choice: "yes" },
    { login: "tess-toc", choice: "yes" },
  ],
  link: "https://github.com/cncf/toc/issues",
} as const;

const DAY = 24 * 60 * 60 * 1000;

export async function seedDecisions(db: PrismaClient): Promise<void> {
  const [person, tag, toc] = await Promise.all([
    db.user.findFirst({ where: { login: demoDecision.appointee }, orderBy: { createdAt: "asc" } }),
    db.tag.findUnique({ where: { slug: demoDecision.tag }, select: { id: true, name: true } }),
    db.user.findMany({ where: { isTocMember: true }, select: { id: true, login: true } }),
  ]);
  if (!person || !tag) throw new Error("seedDecisions: run the main seed first");
  const title = `Appoint @${person.login} as Tech Lead of ${tag.name}`;
  if (await db.decision.findFirst({ where: { title }, select: { id: true } })) return;
  const at = new Date();
  const majority = THRESHOLDS["more-than-half"];
  await db.$transaction(async (tx) => {
    // The one appointment path, so the seat belongs to the TAG's Tech Lead role and its rules.
    const role = await tx.roleDefinition.findFirstOrThrow({
      where: { tagId: tag.id, kind: "tech_lead", supersededAt: null },
      select: { roleKey: true },
    });
    const seat = await giveSeat(tx, {
      roleKey: role.roleKey,
      tagId: tag.id,
      person,
      by: null,
      at,
      obtainedBy: "appointed",
      status: "pending",
      termEndAt: new Date(at.getTime() + 730 * DAY),
      decisionLink: demoDecision.link,
    });
    const decision = await tx.decision.create({
      data: {
        kind: "appointment",
        tagId: tag.id,
        subjectId: seat.id,
        title,
        link: demoDecision.link,
        thresholdShare: majority.share,
        thresholdMoreThan: majority.moreThan,
        thresholdBase: "members",
        openedAt: at,
        closesAt: new Date(at.getTime() + 7 * DAY),
        announcedAt: at,
        electorate: { create: toc.map((u) => ({ userId: u.id })) },
      },
    });
    for (const v of demoDecision.votes) {
      const voter = toc.find((u) => u.login === v.login);
      if (voter)
        await tx.decisionVote.create({
          data: { decisionId: decision.id, userId: voter.id, choice: v.choice, castAt: at },
        });
    }
  });
}
