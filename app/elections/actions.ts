"use server";
/**
 * The election pages' form actions. Each turns the form's flat fields into the shape its
 * operation's schema takes (seats and caps per region, times in the chosen time zone, ranks),
 * then runs it through `defineAction`, which authenticates and validates; the operation in
 * lib/elections checks permission itself. The election pages refresh when something changed.
 */
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { defineAction, type ActionResult } from "@/lib/action";
import { formDataToObject } from "@/lib/form-data";
import { castBallot, checkReceipt, replaceBallot } from "@/lib/elections/ballots";
import { createElection, extendElectionWindow, publishVoterRoll, uploadVoterList } from "@/lib/elections/elections";
import { decideElectionException, requestElectionException } from "@/lib/elections/exceptions";
import { endorseNomination, selfNominate, withdrawNomination } from "@/lib/elections/nominations";
import { cancelElection, moveElectionPhase } from "@/lib/elections/phases";
import { publishElection } from "@/lib/elections/results";
import { answerVacancyOffer, offerVacancy } from "@/lib/elections/vacancy-offers";
import {
  AnswerOfferSchema,
  CancelElectionSchema,
  CastBallotSchema,
  CheckReceiptSchema,
  CreateElectionSchema,
  DecideExceptionSchema,
  ElectionRefSchema,
  ExtendWindowSchema,
  MovePhaseSchema,
  NominationRefSchema,
  OfferVacancySchema,
  PublishRollSchema,
  ReplaceBallotSchema,
  RequestExceptionSchema,
  SelfNominateSchema,
  UploadVotersSchema,
} from "@/lib/elections/schemas";
import { REGIONS, SEAT_REGIONS } from "@/lib/vocabulary";
import { zonedToIso } from "@/components/elections/zoned-time";

type Fields = Record<string, string | undefined>;

/** The form's fields (FormData from a page, or a plain object). */
const fieldsOf = (input: unknown): Fields =>
  (input instanceof FormData ? formDataToObject(input) : (input ?? {})) as Fields;

const create = defineAction(CreateElectionSchema, (i, a) => createElection(a, i), {
  successMessage: "Election created as a draft.",
});
const extend = defineAction(ExtendWindowSchema, (i, a) => extendElectionWindow(a, i), {
  successMessage: "Window extended.",
});
const move = defineAction(MovePhaseSchema, (i, a) => moveElectionPhase(a, i), {
  successMessage: (d) => `The election is now in ${d.phase}.`,
});
const cancel = defineAction(CancelElectionSchema, (i, a) => cancelElection(a, i), {
  successMessage: (d) =>
    `The election is cancelled${d.ballotsDestroyed ? `; ${d.ballotsDestroyed} ballots were destroyed` : ""}.`,
});
const publishRoll = defineAction(PublishRollSchema, (i, a) => publishVoterRoll(a, i), {
  successMessage: (d) => `The voter roll (${d.voters} people) is published for review until voting opens.`,
});
const upload = defineAction(UploadVotersSchema, (i, a) => uploadVoterList(a, i));
const nominate = defineAction(SelfNominateSchema, (i, a) => selfNominate(a, i), {
  successMessage: "You are standing in this election.",
});
const endorse = defineAction(NominationRefSchema, (i, a) => endorseNomination(a, i), {
  successMessage: "Endorsement recorded.",
});
const withdraw = defineAction(NominationRefSchema, (i, a) => withdrawNomination(a, i), {
  successMessage: "Your nomination was withdrawn.",
});
const requestException = defineAction(RequestExceptionSchema, (i, a) => requestElectionException(a, i), {
  successMessage: "Your request was sent to the officers.",
});
const decideException = defineAction(DecideExceptionSchema, (i, a) => decideElectionException(a, i), {
  successMessage: (d) => `Request ${d.status}.`,
});
const cast = defineAction(CastBallotSchema, (i, a) => castBallot(a, i), {
  successMessage: "Your ballot was cast. Keep your receipt: it is shown only once.",
});
const replace = defineAction(ReplaceBallotSchema, (i, a) => replaceBallot(a, i), {
  successMessage: "Your ballot was replaced.",
});
const check = defineAction(CheckReceiptSchema, (i, a) => checkReceipt(a, i));
const publish = defineAction(ElectionRefSchema, (i, a) => publishElection(a, i), {
  successMessage: "Result published.",
});

const offer = defineAction(OfferVacancySchema, (i, a) => offerVacancy(a, i), {
  successMessage: "The seat is offered to the next runner-up.",
});
const answerOffer = defineAction(AnswerOfferSchema, (i, a) => answerVacancyOffer(a, i), {
  successMessage: (d) =>
    d.status === "declined"
      ? "You declined the seat; it is offered to the next runner-up."
      : d.seatStatus === "pending"
        ? "You accepted the seat. The TOC now votes to confirm it."
        : "You accepted the seat.",
});

function refreshed<T>(r: ActionResult<T>): ActionResult<T> {
  // Election changes show on the TAG page (roster), the home page and the election pages.
  if (r.ok) revalidatePath("/", "layout");
  return r;
}

/** A checkbox group's values: one checked box arrives as a string, several as a list. */
const listOf = (v: unknown): unknown[] | undefined => (v === undefined ? undefined : Array.isArray(v) ? v : [v]);

const blank = (v: string | undefined) => (v === undefined || v.trim() === "" ? undefined : v.trim());

/** `rank-<nominationId>` fields -> preference levels (equal ranks share a level; gaps do not matter). */
function rankingOf(f: Fields): string[][] {
  const ranks = new Map<number, string[]>();
  for (const [k, v] of Object.entries(f)) {
    if (!k.startsWith("rank-") || !v || !/^\d+$/.test(v)) continue;
    const n = Number(v);
    ranks.set(n, [...(ranks.get(n) ?? []), k.slice(5)]);
  }
  return [...ranks.entries()].sort(([a], [b]) => a - b).map(([, ids]) => ids);
}

/** Field errors of nested inputs (`seatsByRegion.APAC`) are shown next to the flat field. */
function flattenErrors<T>(r: ActionResult<T>): ActionResult<T> {
  if (r.ok) return r;
  const out: Record<string, string[] | undefined> = { ...r.fieldErrors };
  if (r.fieldErrors.seatsByRegion) out.seatsAPAC = r.fieldErrors.seatsByRegion;
  if (r.fieldErrors.constraints) out.maxPerEmployer = r.fieldErrors.constraints;
  return { ...r, fieldErrors: out };
}

export async function createElectionAction(input: unknown) {
  const f = fieldsOf(input);
  const zone = blank(f.timeZone);
  const seats = Object.fromEntries(
    SEAT_REGIONS.map((r) => [r, blank(f[`seats${r}`])]).filter(([, v]) => v !== undefined),
  );
  const caps = (prefix: "max" | "min") => {
    const m = Object.fromEntries(REGIONS.map((r) => [r, blank(f[`${prefix}${r}`])]).filter(([, v]) => v !== undefined));
    return Object.keys(m).length ? m : undefined;
  };
  const constraints = { maxPerEmployer: blank(f.maxPerEmployer), maxPerRegion: caps("max"), minPerRegion: caps("min") };
  const r = await create({
    tagId: f.tagId,
    roleKey: f.roleKey,
    title: f.title,
    description: f.description,
    votingGuide: f.votingGuide,
    cycleDate: blank(f.cycleDate),
    seatsByRegion: Object.keys(seats).length ? seats : undefined,
    nominationsOpenAt: zonedToIso(f.nominationsOpenAt ?? "", zone),
    nominationsCloseAt: zonedToIso(f.nominationsCloseAt ?? "", zone),
    votingOpenAt: zonedToIso(f.votingOpenAt ?? "", zone),
    votingCloseAt: zonedToIso(f.votingCloseAt ?? "", zone),
    exceptionDueAt: blank(f.exceptionDueAt) && zonedToIso(f.exceptionDueAt ?? "", zone),
    method: f.method,
    candidateRule: f.candidateRule,
    candidateMinRecords: blank(f.candidateMinRecords),
    candidateWindowMonths: blank(f.candidateWindowMonths),
    endorsementsRequired: blank(f.endorsementsRequired),
    endorsementEmployers: blank(f.endorsementEmployers),
    votersIncludeLeaders: f.votersIncludeLeaders === "on" ? "true" : "false",
    voterMinRecords: blank(f.voterMinRecords),
    voterWindowMonths: blank(f.voterWindowMonths),
    constraints: Object.values(constraints).some((v) => v !== undefined)
      ? JSON.parse(JSON.stringify(constraints))
      : undefined,
    publishBallots: f.publishBallots === "on" ? "true" : "false",
    isTest: f.isTest === "on" ? "true" : "false",
    officerIds: listOf(f.officerIds),
  });
  if (r.ok && blank(f.voterLogins)) {
    const voters = await upload({ electionId: r.data.id, logins: f.voterLogins });
    if (!voters.ok)
      return refreshed({ ...r, message: `Election created, but the voter list was not saved: ${voters.message}` });
    const unresolved = voters.data.unresolved;
    return refreshed({
      ...r,
      message: `Election created; ${voters.data.added} voters added from the list${unresolved.length ? `; not found on GitHub: ${unresolved.map((l) => `@${l}`).join(", ")}` : ""}.`,
    });
  }
  // Straight to the new election: the filled form stays behind, so a second click cannot duplicate it.
  if (r.ok) {
    refreshed(r);
    redirect(`/elections/${r.data.id}`);
  }
  return refreshed(flattenErrors(r));
}

export async function moveElectionPhaseAction(input: unknown) {
  const f = fieldsOf(input);
  return refreshed(await move({ electionId: f.electionId, to: f.to, reason: f.reason }));
}

export async function cancelElectionAction(input: unknown) {
  const f = fieldsOf(input);
  return refreshed(await cancel({ electionId: f.electionId, reason: f.reason }));
}

export async function extendElectionWindowAction(input: unknown) {
  const f = fieldsOf(input);
  return refreshed(
    await extend({
      electionId: f.electionId,
      field: f.field,
      to: zonedToIso(f.to ?? "", blank(f.timeZone)),
      reason: f.reason,
    }),
  );
}

export async function publishVoterRollAction(input: unknown) {
  return refreshed(await publishRoll({ electionId: fieldsOf(input).electionId }));
}

export async function uploadVoterListAction(input: unknown) {
  const f = fieldsOf(input);
  const r = await upload({ electionId: f.electionId, logins: f.logins });
  if (!r.ok) return r;
  const { added, unresolved } = r.data;
  return refreshed({
    ...r,
    message: `${added} voters added.${unresolved.length ? ` Not found on GitHub (not added): ${unresolved.map((l) => `@${l}`).join(", ")}.` : ""}`,
  });
}

export async function selfNominateAction(input: unknown) {
  const f = fieldsOf(input);
  return refreshed(await nominate({ electionId: f.electionId, statement: f.statement }));
}

export async function endorseNominationAction(input: unknown) {
  return refreshed(await endorse({ nominationId: fieldsOf(input).nominationId }));
}

export async function withdrawNominationAction(input: unknown) {
  return refreshed(await withdraw({ nominationId: fieldsOf(input).nominationId }));
}

export async function requestExceptionAction(input: unknown) {
  const f = fieldsOf(input);
  return refreshed(await requestException({ electionId: f.electionId, kind: f.kind, reason: f.reason }));
}

export async function decideExceptionAction(input: unknown) {
  const f = fieldsOf(input);
  return refreshed(await decideException({ exceptionId: f.exceptionId, grant: f.grant, reason: f.reason }));
}

// No refresh after casting: the page would re-render as "you have voted" and take the receipt,
// shown only once, off the screen before it is copied.
export async function castBallotAction(input: unknown) {
  const f = fieldsOf(input);
  return cast({ electionId: f.electionId, ranking: rankingOf(f) });
}

export async function replaceBallotAction(input: unknown) {
  const f = fieldsOf(input);
  return replace({ electionId: f.electionId, receipt: f.receipt, ranking: rankingOf(f) });
}

export async function checkReceiptAction(input: unknown) {
  const f = fieldsOf(input);
  return check({ electionId: f.electionId, receipt: f.receipt });
}

export async function publishElectionAction(input: unknown) {
  return refreshed(await publish({ electionId: fieldsOf(input).electionId }));
}

export async function offerVacancyAction(input: unknown) {
  const f = fieldsOf(input);
  return refreshed(
    await offer({ electionId: f.electionId, assignmentId: f.assignmentId, respondDays: blank(f.respondDays) }),
  );
}

export async function answerVacancyOfferAction(input: unknown) {
  const f = fieldsOf(input);
  return refreshed(await answerOffer({ offerId: f.offerId, answer: f.answer, confirm: blank(f.confirm) }));
}
