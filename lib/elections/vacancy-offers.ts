import "server-only";
import { db, type Tx } from "@/lib/db";
import { now } from "@/lib/clock";
import { AppError } from "@/lib/errors";
import { recordAudit } from "@/lib/audit/record";
import type { Actor } from "@/lib/auth/permissions";
import { notify, type NotificationInput } from "@/lib/notify/send";
import { giveSeatForDecision } from "@/lib/roles/seat-decisions";
import { lockAssignment, lockRole } from "@/lib/roles/seats";
import { DAY, isoDay, SEAT_TAKEN_STATUSES } from "@/lib/vocabulary";
import { electionLink, loadElection, requireOfficer, requireSignedIn, type ElectionRow } from "./context";
import { AnswerOfferSchema, OfferVacancySchema, type AnswerOfferInput, type OfferVacancyInput } from "./schemas";

export const offerLink = (electionId: string, offerId: string) => `${electionLink(electionId)}/offers/${offerId}`;
const vacancyLink = (electionId: string, vacatedId: string) => `${electionLink(electionId)}#vacancy-${vacatedId}`;

type Notice = Omit<NotificationInput, "dedupeKey"> & { dedupeKey: string };
type OfferElection = Pick<ElectionRow, "id" | "title" | "tagId" | "roleKey" | "runnersUp">;

/** What officers hear about a vacancy's chain (the `election` group of notification settings). */
export const OFFICER_OFFER_KINDS = {
  accepted: "election.offer-accepted",
  declined: "election.offer-declined",
  expired: "election.offer-expired",
  unfilled: "election.vacancy-unfilled",
} as const;

/**
 * One notice per officer of the election: an answer, a passed deadline, or the end of the
 * runner-up list. The officers' page of offers is the link; the event names nobody the officers
 * cannot already see there.
 */
async function officerNotices(
  tx: Tx,
  e: Pick<OfferElection, "id" | "title">,
  event: keyof typeof OFFICER_OFFER_KINDS,
  subjectId: string,
  body: string,
): Promise<Notice[]> {
  const officers = await tx.electionOfficer.findMany({ where: { electionId: e.id }, select: { userId: true } });
  const title = {
    accepted: `A vacancy offer was accepted (${e.title})`,
    declined: `A vacancy offer was declined (${e.title})`,
    expired: `A vacancy offer expired unanswered (${e.title})`,
    unfilled: `A vacancy is unfilled: no runner-up is left (${e.title})`,
  }[event];
  return officers.map((o) => ({
    userId: o.userId,
    kind: OFFICER_OFFER_KINDS[event],
    title,
    body,
    link: `${electionLink(e.id)}/offers`,
    dedupeKey: `${OFFICER_OFFER_KINDS[event]}:${subjectId}:${o.userId}`,
  }));
}

/**
 * Asks the next runner-up, in the election's order, who has not been asked for this vacancy and
 * does not hold or await a seat of the role. The answer period is `respondMs` from now. Returns
 * the notice to send after commit, or null when nobody is left (audited: the seat waits for the
 * next election).
 */
async function offerToNext(
  tx: Tx,
  e: OfferElection,
  vacatedId: string,
  by: { actorId: string | null; at: Date; respondMs: number },
  officersHear: Notice[] = [],
): Promise<{ offerId: string; userId: string; notice: Notice } | null> {
  const asked = await tx.vacancyOffer.findMany({ where: { vacatedId }, select: { userId: true } });
  const taken = await tx.roleAssignment.findMany({
    where: {
      OR: [
        { electionId: e.id, status: { in: [...SEAT_TAKEN_STATUSES] } },
        { roleDefinition: { roleKey: e.roleKey }, status: { in: [...SEAT_TAKEN_STATUSES] } },
      ],
    },
    select: { userId: true },
  });
  const skip = new Set([...asked, ...taken].map((t) => t.userId));
  const rank = e.runnersUp.findIndex((u) => !skip.has(u));
  if (rank < 0) {
    await recordAudit(tx, {
      at: by.at,
      actorId: by.actorId,
      action: "election.vacancy-unfilled",
      subjectType: "Election",
      subjectId: e.id,
      tagId: e.tagId,
      after: { vacated: vacatedId, reason: "no runner-up left" },
    });
    officersHear.push(
      ...(await officerNotices(
        tx,
        e,
        "unfilled",
        vacatedId,
        "Every runner-up was asked: the seat waits for the next election.",
      )),
    );
    return null;
  }
  const userId = e.runnersUp[rank]!;
  const respondBy = new Date(by.at.getTime() + by.respondMs);
  const offer = await tx.vacancyOffer.create({
    data: { electionId: e.id, vacatedId, userId, rank, offeredAt: by.at, respondBy },
  });
  const user = await tx.user.findUniqueOrThrow({ where: { id: userId }, select: { login: true } });
  await recordAudit(tx, {
    at: by.at,
    actorId: by.actorId,
    action: "election.offer-vacancy",
    subjectType: "VacancyOffer",
    subjectId: offer.id,
    tagId: e.tagId,
    after: { electionId: e.id, vacated: vacatedId, offeredTo: user.login, rank, respondBy: respondBy.toISOString() },
  });
  return {
    offerId: offer.id,
    userId,
    notice: {
      userId,
      kind: "election.vacancy",
      title: `You are offered a seat from ${e.title}`,
      body: `As the next runner-up, you are offered a vacated seat. Accept or decline by ${respondBy.toISOString()}.`,
      link: offerLink(e.id, offer.id),
      dedupeKey: `election-vacancy:${offer.id}`,
    },
  };
}

function invalid(error: { issues: { path: PropertyKey[]; message: string }[] }) {
  const fields: Record<string, string[]> = {};
  for (const i of error.issues) (fields[String(i.path[0] ?? "")] ??= []).push(i.message);
  return new AppError("INVALID", error.issues[0]?.message ?? "Some fields need attention.", fields);
}

async function send(notices: (Notice | null | undefined)[], at: Date) {
  for (const n of notices) if (n) await notify(n, at);
}

/**
 * An officer offers a vacated elected seat (one this election filled that ended before its term)
 * to the first runner-up not yet asked; each later runner-up is asked in turn when one declines or
 * lets the deadline pass (`expireVacancyOffers`).
 */
export async function offerVacancy(actor: Actor | null, input: OfferVacancyInput) {
  const parsed = OfferVacancySchema.safeParse(input);
  if (!parsed.success) throw invalid(parsed.error);
  const { electionId, assignmentId, respondDays } = parsed.data;
  const { actor: a, election } = await requireOfficer(actor, electionId);
  const at = await now();
  if (!["approved", "published"].includes(election.phase))
    throw new AppError("CONFLICT", "Vacancies are offered once the result is approved.");
  const made = await db.$transaction(async (tx) => {
    await lockRole(tx, election.roleKey);
    await lockAssignment(tx, assignmentId);
    const seat = await tx.roleAssignment.findUnique({ where: { id: assignmentId } });
    if (!seat || seat.electionId !== election.id)
      throw new AppError("NOT_FOUND", "That seat was not filled by this election.");
    if (!vacatedBeforeTerm(seat)) throw new AppError("CONFLICT", "That seat is not vacant before the end of its term.");
    if (await tx.vacancyOffer.count({ where: { vacatedId: seat.id, status: { in: ["open", "accepted"] } } }))
      throw new AppError("CONFLICT", "This vacancy was already offered.");
    const next = await offerToNext(tx, election, seat.id, { actorId: a.id, at, respondMs: respondDays * DAY });
    if (!next) throw new AppError("CONFLICT", "No runner-up is left: the seat waits for the next election.");
    return next;
  });
  await send([made.notice], at);
  return { offerId: made.offerId, userId: made.userId };
}

function vacatedBeforeTerm(seat: { status: string; termEndAt: Date | null; endedAt: Date | null }): boolean {
  return (
    ["ended", "emeritus"].includes(seat.status) && !!seat.termEndAt && !(seat.endedAt && seat.endedAt >= seat.termEndAt)
  );
}

async function lockOffer(tx: Tx, offerId: string) {
  await tx.$queryRaw`SELECT id FROM "VacancyOffer" WHERE id = ${offerId}::uuid FOR UPDATE`;
  return tx.vacancyOffer.findUnique({ where: { id: offerId } });
}

/**
 * The offered person accepts or declines, before the deadline. Accepting gives the seat for the
 * rest of the vacated term through the role's own step (pending while the TOC votes when the role
 * asks for that, held at once otherwise); declining, which must be confirmed, asks the next runner-up.
 */
export async function answerVacancyOffer(actor: Actor | null, input: AnswerOfferInput) {
  const me = requireSignedIn(actor);
  const parsed = AnswerOfferSchema.safeParse(input);
  if (!parsed.success) throw invalid(parsed.error);
  const { offerId, answer, confirm } = parsed.data;
  if (answer === "decline" && !confirm)
    throw new AppError("INVALID", "Confirm that you decline: the seat is then offered to the next runner-up.", {
      confirm: ["Tick to confirm you decline"],
    });
  const at = await now();
  const done = await db.$transaction(async (tx) => {
    const offer = await lockOffer(tx, offerId);
    // Someone else's offer is not found: nobody learns who was offered a seat.
    if (!offer || offer.userId !== me.id) throw new AppError("NOT_FOUND", "That offer does not exist.");
    if (offer.status !== "open") throw new AppError("CONFLICT", `This offer was already ${offer.status}.`);
    if (at >= offer.respondBy)
      throw new AppError("CONFLICT", `The deadline to answer passed (${offer.respondBy.toISOString()}).`);
    const e = await tx.election.findUniqueOrThrow({ where: { id: offer.electionId } });
    const vacated = await tx.roleAssignment.findUniqueOrThrow({ where: { id: offer.vacatedId } });
    if (answer === "accept") {
      const person = await tx.user.findUniqueOrThrow({
        where: { id: me.id },
        select: { id: true, region: true, login: true, employer: true },
      });
      const seat = await giveSeatForDecision(tx, {
        roleKey: e.roleKey,
        tagId: e.tagId,
        person,
        by: me.id,
        at,
        obtainedBy: "elected",
        termEndAt: vacated.termEndAt,
        decisionLink: vacancyLink(e.id, vacated.id),
        electionId: e.id,
        audit: { after: { electionId: e.id, vacated: vacated.id, offerId } },
      });
      await tx.vacancyOffer.update({
        where: { id: offerId },
        data: { status: "accepted", respondedAt: at, seatId: seat.id },
      });
      await recordAudit(tx, {
        at,
        actorId: me.id,
        action: "election.vacancy-accept",
        subjectType: "VacancyOffer",
        subjectId: offerId,
        tagId: e.tagId,
        before: { status: "open" },
        after: { status: "accepted", seatId: seat.id, seatStatus: seat.status },
      });
      const officers = await officerNotices(
        tx,
        e,
        "accepted",
        offerId,
        `@${person.login} accepted the vacated seat${seat.status === "pending" ? "; it waits for the TOC's approval" : ""}.`,
      );
      return { status: "accepted" as const, seatId: seat.id, seatStatus: seat.status, notices: officers };
    }
    await tx.vacancyOffer.update({ where: { id: offerId }, data: { status: "declined", respondedAt: at } });
    await recordAudit(tx, {
      at,
      actorId: me.id,
      action: "election.vacancy-decline",
      subjectType: "VacancyOffer",
      subjectId: offerId,
      tagId: e.tagId,
      before: { status: "open" },
      after: { status: "declined" },
    });
    const officers = await officerNotices(
      tx,
      e,
      "declined",
      offerId,
      "The runner-up declined the vacated seat; the next runner-up, if any, is asked.",
    );
    const next = await offerToNext(
      tx,
      e,
      vacated.id,
      { actorId: me.id, at, respondMs: offer.respondBy.getTime() - offer.offeredAt.getTime() },
      officers,
    );
    return { status: "declined" as const, seatId: null, seatStatus: null, notices: [next?.notice, ...officers] };
  });
  await send(done.notices, at);
  return { status: done.status, seatId: done.seatId, seatStatus: done.seatStatus };
}

/**
 * Clock sweep: an open offer whose deadline passed expires and the next runner-up is asked, with
 * the same time to answer. Audited with no actor (the clock acted). Returns offers expired.
 */
export async function expireVacancyOffers(at: Date): Promise<number> {
  const due = await db.vacancyOffer.findMany({
    where: { status: "open", respondBy: { lte: at } },
    select: { id: true },
    take: 500,
  });
  let expired = 0;
  for (const { id } of due) {
    const notice = await db.$transaction(async (tx) => {
      const offer = await lockOffer(tx, id);
      if (!offer || offer.status !== "open" || offer.respondBy > at) return undefined;
      const e = await tx.election.findUniqueOrThrow({ where: { id: offer.electionId } });
      await tx.vacancyOffer.update({ where: { id }, data: { status: "expired", respondedAt: at } });
      await recordAudit(tx, {
        at,
        actorId: null,
        action: "election.vacancy-expire",
        subjectType: "VacancyOffer",
        subjectId: id,
        tagId: e.tagId,
        before: { status: "open", respondBy: offer.respondBy.toISOString() },
        after: { status: "expired" },
      });
      expired++;
      const officers = await officerNotices(
        tx,
        e,
        "expired",
        id,
        "The runner-up did not answer by the deadline; the next runner-up, if any, is asked.",
      );
      const next = await offerToNext(
        tx,
        e,
        offer.vacatedId,
        { actorId: null, at, respondMs: offer.respondBy.getTime() - offer.offeredAt.getTime() },
        officers,
      );
      return [next?.notice, ...officers];
    });
    await send(notice ?? [], at);
  }
  return expired;
}

/** The offer as its offered person sees it; null for anyone else (the page answers 404). */
export async function getOfferForViewer(offerId: string, actor: Actor | null) {
  if (!actor) return null;
  const offer = await db.vacancyOffer.findUnique({ where: { id: offerId } });
  if (!offer || offer.userId !== actor.id) return null;
  const e = await loadElection(offer.electionId);
  const vacated = await db.roleAssignment.findUnique({
    where: { id: offer.vacatedId },
    select: { termEndAt: true, roleDefinition: { select: { name: true } } },
  });
  if (!e || !vacated) return null;
  return {
    ...offer,
    election: { id: e.id, title: e.title, tagName: e.tag.name },
    roleName: vacated.roleDefinition?.name ?? "seat",
    termEnd: vacated.termEndAt ? isoDay(vacated.termEndAt) : null,
  };
}

/**
 * For the election's officers: every seat it filled that fell vacant before its term, each with
 * its offers in order (who, status, deadline) and whether another offer can be made now.
 */
export async function getOfferChains(electionId: string, actor: Actor | null) {
  const { election } = await requireOfficer(actor, electionId);
  const seats = await db.roleAssignment.findMany({
    where: { electionId, status: { in: ["ended", "emeritus"] }, termEndAt: { not: null } },
    select: { id: true, status: true, termEndAt: true, endedAt: true, user: { select: { login: true } } },
    orderBy: { endedAt: "asc" },
  });
  const vacated = seats.filter(vacatedBeforeTerm);
  const offers = await db.vacancyOffer.findMany({
    where: { electionId, vacatedId: { in: vacated.map((s) => s.id) } },
    orderBy: { offeredAt: "asc" },
  });
  const users = await db.user.findMany({
    where: { id: { in: [...new Set([...offers.map((o) => o.userId), ...election.runnersUp])] } },
    select: { id: true, login: true },
  });
  const login = new Map(users.map((u) => [u.id, u.login]));
  return {
    election: { id: election.id, title: election.title, phase: election.phase },
    runnersUp: election.runnersUp.map((id) => login.get(id) ?? "unknown"),
    vacancies: vacated.map((s) => {
      const chain = offers.filter((o) => o.vacatedId === s.id);
      return {
        id: s.id,
        holder: s.user.login,
        endedAt: s.endedAt,
        termEndAt: s.termEndAt!,
        offers: chain.map((o) => ({
          id: o.id,
          login: login.get(o.userId) ?? "unknown",
          rank: o.rank + 1,
          status: o.status,
          offeredAt: o.offeredAt,
          respondBy: o.respondBy,
          respondedAt: o.respondedAt,
        })),
        canOffer:
          ["approved", "published"].includes(election.phase) &&
          !chain.some((o) => o.status === "open" || o.status === "accepted"),
      };
    }),
  };
}
