"use server";
/**
 * The election pages' form actions: each turns the form's flat fields into the shape of the
 * core's server function (lib/elections, which authenticates, validates and checks permission
 * itself), calls it, and refreshes the election pages when something changed.
 */
import { revalidatePath } from "next/cache";
import type { ActionResult } from "@/lib/action";
import { castBallot, checkReceipt, replaceBallot } from "@/lib/elections/ballots";
import { approveElection, publishElection, sendBackElection } from "@/lib/elections/approval";
import { decideElectionException, requestElectionException } from "@/lib/elections/exceptions";
import { endorseNomination, selfNominate, withdrawNomination } from "@/lib/elections/nominations";
import { createElection, extendElectionWindow, moveElectionPhase, uploadVoterList } from "@/lib/elections/setup";
import { zonedToIso } from "@/components/elections/zoned-time";

type Fields = Record<string, string>;

const fieldsOf = (input: unknown): Fields =>
  input instanceof FormData
    ? Object.fromEntries([...input.entries()].map(([k, v]) => [k, String(v)]))
    : ((input ?? {}) as Fields);

function refreshed<T>(r: ActionResult<T>): ActionResult<T> {
  // Election changes show on the TAG page (roster), the home page and the election pages.
  if (r.ok) revalidatePath("/", "layout");
  return r;
}

const REGIONS = ["APAC", "EMEA", "Americas"] as const;
const blank = (v: string | undefined) => (v === undefined || v.trim() === "" ? undefined : v.trim());

/** `rank-<nominationId>` fields -> preference levels (equal ranks share a level; gaps do not matter). */
function rankingOf(f: Fields): string[][] {
  const ranks = new Map<number, string[]>();
  for (const [k, v] of Object.entries(f)) {
    if (!k.startsWith("rank-") || !/^\d+$/.test(v)) continue;
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
    [...REGIONS, "any"].map((r) => [r, blank(f[`seats${r}`])]).filter(([, v]) => v !== undefined),
  );
  const caps = (prefix: "max" | "min") => {
    const m = Object.fromEntries(REGIONS.map((r) => [r, blank(f[`${prefix}${r}`])]).filter(([, v]) => v !== undefined));
    return Object.keys(m).length ? m : undefined;
  };
  const constraints = { maxPerEmployer: blank(f.maxPerEmployer), maxPerRegion: caps("max"), minPerRegion: caps("min") };
  const r = await createElection({
    tagId: f.tagId,
    roleKey: f.roleKey,
    title: f.title,
    cycleDate: blank(f.cycleDate),
    seatsByRegion: Object.keys(seats).length ? seats : undefined,
    nominationsOpenAt: zonedToIso(f.nominationsOpenAt ?? "", zone),
    nominationsCloseAt: zonedToIso(f.nominationsCloseAt ?? "", zone),
    votingOpenAt: zonedToIso(f.votingOpenAt ?? "", zone),
    votingCloseAt: zonedToIso(f.votingCloseAt ?? "", zone),
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
  });
  if (r.ok && blank(f.voterLogins)) {
    const upload = await uploadVoterList({ electionId: r.data.id, logins: f.voterLogins });
    if (!upload.ok)
      return refreshed({ ...r, message: `Election created, but the voter list was not saved: ${upload.message}` });
    const unresolved = upload.data.unresolved;
    return refreshed({
      ...r,
      message: `Election created; ${upload.data.added} voters added from the list${unresolved.length ? `; not found on GitHub: ${unresolved.map((l) => `@${l}`).join(", ")}` : ""}.`,
    });
  }
  return refreshed(flattenErrors(r));
}

export async function moveElectionPhaseAction(input: unknown) {
  const f = fieldsOf(input);
  return refreshed(await moveElectionPhase({ electionId: f.electionId, to: f.to, reason: f.reason }));
}

export async function extendElectionWindowAction(input: unknown) {
  const f = fieldsOf(input);
  return refreshed(
    await extendElectionWindow({
      electionId: f.electionId,
      field: f.field,
      to: zonedToIso(f.to ?? "", blank(f.timeZone)),
      reason: f.reason,
    }),
  );
}

export async function uploadVoterListAction(input: unknown) {
  const f = fieldsOf(input);
  const r = await uploadVoterList({ electionId: f.electionId, logins: f.logins });
  if (!r.ok) return r;
  const { added, unresolved } = r.data;
  return refreshed({
    ...r,
    message: `${added} voters added.${unresolved.length ? ` Not found on GitHub (not added): ${unresolved.map((l) => `@${l}`).join(", ")}.` : ""}`,
  });
}

export async function selfNominateAction(input: unknown) {
  const f = fieldsOf(input);
  return refreshed(await selfNominate({ electionId: f.electionId, statement: f.statement }));
}

export async function endorseNominationAction(input: unknown) {
  return refreshed(await endorseNomination({ nominationId: fieldsOf(input).nominationId }));
}

export async function withdrawNominationAction(input: unknown) {
  return refreshed(await withdrawNomination({ nominationId: fieldsOf(input).nominationId }));
}

export async function requestExceptionAction(input: unknown) {
  const f = fieldsOf(input);
  return refreshed(await requestElectionException({ electionId: f.electionId, kind: f.kind, reason: f.reason }));
}

export async function decideExceptionAction(input: unknown) {
  const f = fieldsOf(input);
  return refreshed(await decideElectionException({ exceptionId: f.exceptionId, grant: f.grant, reason: f.reason }));
}

// No refresh after casting: the page would re-render as "you have voted" and take the receipt,
// shown only once, off the screen before it is copied.
export async function castBallotAction(input: unknown) {
  const f = fieldsOf(input);
  return castBallot({ electionId: f.electionId, ranking: rankingOf(f) });
}

export async function replaceBallotAction(input: unknown) {
  const f = fieldsOf(input);
  return replaceBallot({ electionId: f.electionId, receipt: f.receipt, ranking: rankingOf(f) });
}

export async function checkReceiptAction(input: unknown) {
  const f = fieldsOf(input);
  return checkReceipt({ electionId: f.electionId, receipt: f.receipt });
}

export async function approveElectionAction(input: unknown) {
  return refreshed(await approveElection({ electionId: fieldsOf(input).electionId }));
}

export async function sendBackElectionAction(input: unknown) {
  const f = fieldsOf(input);
  return refreshed(await sendBackElection({ electionId: f.electionId, reason: f.reason }));
}

export async function publishElectionAction(input: unknown) {
  return refreshed(await publishElection({ electionId: fieldsOf(input).electionId }));
}
