import "server-only";
import type { Tx } from "@/lib/db";
import { now } from "@/lib/clock";
import { AppError } from "@/lib/errors";
import { recordAudit } from "@/lib/audit/record";
import type { DecisionKind as DbDecisionKind } from "@/lib/generated/prisma/enums";
import { DAY, isoDay, roleName } from "@/lib/vocabulary";
import { currentRule, ruleFor } from "./rules";

/**
 * Opening TOC decisions. This file depends on nothing but the database and the audit log, so that
 * the domains whose changes need the TOC (roles, elections) can open one inside their own
 * transaction; what a decision does when it closes lives in ./effects, closing in ./closing.
 */
export type DecisionKind = "appointment" | "election-result" | "removal" | "role-change" | "seat-end" | "renewal";

export const DB_KIND: Record<DecisionKind, DbDecisionKind> = {
  appointment: "appointment",
  "election-result": "election_result",
  removal: "removal",
  "role-change": "role_change",
  "seat-end": "seat_end",
  renewal: "renewal",
};

export interface OpenDecisionInput {
  kind: DecisionKind;
  tagId: string;
  /** The RoleAssignment id (seats, removals) or the Election id (results). */
  subjectId: string;
  /** Recused: they may not vote and are not counted. */
  subjectUserIds: string[];
  title: string;
  openedById: string | null;
  /** Where it was discussed (meeting notes, an issue). */
  link?: string | null;
  /** Why (a removal's reason); shown on the decision page. */
  body?: string;
}

/** Serializes decisions about one subject: at most one is open at a time. */
async function lockSubject(tx: Tx, subjectId: string): Promise<void> {
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${`decision:${subjectId}`}::text, 0))`;
}

/**
 * Opens a TOC vote inside the caller's transaction. The electorate is every TOC member now; the
 * subjects are recused. The rule in force (threshold, base, quorum, period) is copied onto the
 * decision. One open decision per subject: a second is refused. TOC members are told by the
 * decisions sweep (lib/jobs), after the caller's transaction has committed.
 */
export async function openDecision(tx: Tx, input: OpenDecisionInput): Promise<{ id: string }> {
  await lockSubject(tx, input.subjectId);
  const open = await tx.decision.findFirst({
    where: { subjectId: input.subjectId, status: "open" },
    select: { title: true },
  });
  if (open) throw new AppError("CONFLICT", `A TOC vote on this is already open: ${open.title}.`);
  const at = await now();
  // One statement at a time: a transaction has one connection.
  const rule = await currentRule(tx);
  const tag = await tx.tag.findUnique({ where: { id: input.tagId }, select: { removalSupermajority: true } });
  const toc = await tx.user.findMany({ where: { isTocMember: true }, select: { id: true } });
  if (!tag) throw new AppError("NOT_FOUND", "That TAG does not exist.");
  const r = ruleFor(input.kind === "removal" ? "removal" : "other", rule, tag.removalSupermajority);
  const subjects = new Set(input.subjectUserIds);
  const decision = await tx.decision.create({
    data: {
      kind: DB_KIND[input.kind],
      tagId: input.tagId,
      subjectId: input.subjectId,
      title: input.title,
      body: input.body ?? "",
      link: input.link ?? null,
      thresholdShare: r.threshold.share,
      thresholdMoreThan: r.threshold.moreThan,
      thresholdBase: r.base,
      quorumShare: r.quorum?.share ?? null,
      quorumMoreThan: r.quorum?.moreThan ?? true,
      openedById: input.openedById,
      openedAt: at,
      closesAt: new Date(at.getTime() + rule.periodDays * DAY),
      electorate: {
        create: toc.map((u) =>
          subjects.has(u.id)
            ? { userId: u.id, recusal: "subject", recusalNote: "The decision is about them.", recusedAt: at }
            : { userId: u.id },
        ),
      },
    },
    select: { id: true, closesAt: true },
  });
  await recordAudit(tx, {
    at,
    actorId: input.openedById,
    action: "decision.open",
    subjectType: "Decision",
    subjectId: decision.id,
    tagId: input.tagId,
    after: {
      kind: input.kind,
      subjectId: input.subjectId,
      title: input.title,
      electorate: toc.length,
      recused: toc.filter((u) => subjects.has(u.id)).length,
      rule: {
        version: rule.version,
        threshold: { share: r.threshold.share, moreThan: r.threshold.moreThan },
        base: r.base,
        quorum: r.quorum ? { share: r.quorum.share, moreThan: r.quorum.moreThan } : null,
      },
      closesAt: decision.closesAt.toISOString(),
    },
  });
  return { id: decision.id };
}

/**
 * The subject went away before the TOC decided (a lead cancelled a pending appointment): its open
 * decision is withdrawn, inside the caller's transaction. Returns how many were withdrawn.
 */
export async function withdrawDecisions(
  tx: Tx,
  subjectId: string,
  by: { actorId: string | null; reason: string },
): Promise<number> {
  await lockSubject(tx, subjectId);
  const open = await tx.decision.findMany({ where: { subjectId, status: "open" }, select: { id: true, tagId: true } });
  const at = await now();
  for (const d of open) {
    await tx.decision.update({
      where: { id: d.id },
      data: { status: "withdrawn", closedAt: at, outcome: `Withdrawn: ${by.reason}` },
    });
    await recordAudit(tx, {
      at,
      actorId: by.actorId,
      action: "decision.withdraw",
      subjectType: "Decision",
      subjectId: d.id,
      tagId: d.tagId,
      after: { reason: by.reason },
    });
  }
  return open.length;
}

/**
 * Opens the decision a seat change needs (an appointment, an end, a renewal, or a change of a role
 * marked as needing the TOC), titled from the seat; the holder is recused.
 */
export async function openSeatDecision(
  tx: Tx,
  input: {
    kind: Extract<DecisionKind, "appointment" | "seat-end" | "renewal" | "role-change">;
    assignmentId: string;
    openedById: string | null;
    link?: string | null;
    body?: string;
  },
): Promise<{ id: string }> {
  const seat = await tx.roleAssignment.findUnique({
    where: { id: input.assignmentId },
    select: {
      tagId: true,
      userId: true,
      kind: true,
      renewTermEndAt: true,
      roleDefinition: { select: { name: true } },
      user: { select: { login: true } },
      tag: { select: { name: true } },
    },
  });
  if (!seat) throw new AppError("NOT_FOUND", "That seat does not exist.");
  const who = `@${seat.user.login} as ${roleName(seat.kind, seat.roleDefinition?.name)} of ${seat.tag.name}`;
  const title = {
    appointment: `Appoint ${who}`,
    "seat-end": `End the seat of ${who}`,
    renewal: `Renew ${who}${seat.renewTermEndAt ? ` until ${isoDay(seat.renewTermEndAt)}` : ""}`,
    "role-change": `Change the seat of ${who}`,
  }[input.kind];
  return openDecision(tx, {
    kind: input.kind,
    tagId: seat.tagId,
    subjectId: input.assignmentId,
    subjectUserIds: [seat.userId],
    title,
    openedById: input.openedById,
    link: input.link ?? null,
    body: input.body,
  });
}

/** The page of a decision (relative: notifications add the portal's address). */
export const decisionLink = (id: string) => `/toc/decisions/${id}`;
