// Not server-only, relative imports: the tags.yaml import (a CLI script) opens and settles votes too.
import type { Tx } from "../db.ts";
import { AppError } from "../errors.ts";
import { recordAudit } from "../audit/record.ts";
import type { DecisionKind as DbDecisionKind } from "../generated/prisma/enums.ts";
import { DAY, isoDay, roleName } from "../vocabulary/index.ts";
import { currentRule, ruleFor } from "./rule-in-force.ts";

/**
 * Opening and settling TOC decisions at a given time. This file depends on nothing but the
 * database and the audit log, so that the domains whose changes need the TOC (roles, elections,
 * the tags.yaml import) can open one inside their own transaction; ./decisions gives the server's
 * clock, what a decision does when it closes lives in ./effects, closing in ./closing.
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
  at: Date;
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
export async function openDecisionAt(tx: Tx, input: OpenDecisionInput): Promise<{ id: string }> {
  await lockSubject(tx, input.subjectId);
  const open = await tx.decision.findFirst({
    where: { subjectId: input.subjectId, status: "open" },
    select: { title: true },
  });
  if (open) throw new AppError("CONFLICT", `A TOC vote on this is already open: ${open.title}.`);
  const at = input.at;
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
 * The subject's open decision ends without a vote, inside the caller's transaction: `withdrawn`
 * when the subject went away (a lead cancelled a pending appointment), `settled` when the TOC's
 * own record settled it (the tags.yaml import confirmed the seat). Returns how many ended.
 */
export async function endOpenDecisions(
  tx: Tx,
  subjectId: string,
  by: { actorId: string | null; reason: string; at: Date; as: "withdrawn" | "settled" },
): Promise<number> {
  await lockSubject(tx, subjectId);
  const open = await tx.decision.findMany({ where: { subjectId, status: "open" }, select: { id: true, tagId: true } });
  const words = by.as === "settled" ? "Settled by import" : "Withdrawn";
  for (const d of open) {
    await tx.decision.update({
      where: { id: d.id },
      data: { status: by.as, closedAt: by.at, outcome: `${words}: ${by.reason}` },
    });
    await recordAudit(tx, {
      at: by.at,
      actorId: by.actorId,
      action: by.as === "settled" ? "decision.settle" : "decision.withdraw",
      subjectType: "Decision",
      subjectId: d.id,
      tagId: d.tagId,
      after: { status: by.as, reason: by.reason },
    });
  }
  return open.length;
}

export interface SeatDecisionInput {
  kind: Extract<DecisionKind, "appointment" | "seat-end" | "renewal" | "role-change">;
  assignmentId: string;
  openedById: string | null;
  link?: string | null;
  body?: string;
}

/**
 * Opens the decision a seat change needs (an appointment, an end, a renewal, or a change of a role
 * marked as needing the TOC), titled from the seat; the holder is recused.
 */
export async function openSeatDecisionAt(tx: Tx, input: SeatDecisionInput & { at: Date }): Promise<{ id: string }> {
  const seat = await tx.roleAssignment.findUnique({
    where: { id: input.assignmentId },
    include: {
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
  return openDecisionAt(tx, {
    at: input.at,
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
