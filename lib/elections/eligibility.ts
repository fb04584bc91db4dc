import { windowEndingAt, type ActivityWindow } from "@/lib/vocabulary";

/**
 * Who may vote and who may stand in an election: pure rules over facts loaded elsewhere
 * (./load-eligibility.ts reads them from the database). No I/O here.
 */

/** What the eligibility rules read from an election. */
export interface EligibilityRules {
  id: string;
  tagId: string;
  phase: string;
  nominationsCloseAt: Date;
  votingOpenAt: Date;
  candidateRule: string;
  candidateMinRecords: number | null;
  candidateWindowMonths: number | null;
  votersIncludeLeaders: boolean;
  voterMinRecords: number | null;
  voterWindowMonths: number | null;
  officers: { userId: string }[];
}

export type Verdict = { eligible: true; via: string } | { eligible: false; reason: string };

const ROLL_FROZEN = ["voting", "closed", "tallied", "approved", "published"];

/** Candidates need this many records in this many months unless the election says otherwise. */
const candidateMin = (e: EligibilityRules) => e.candidateMinRecords ?? 1;
const candidateMonths = (e: EligibilityRules) => e.candidateWindowMonths ?? 12;

/** Whether the election counts contribution records for voters (both numbers set). */
export const countsVoterRecords = (e: EligibilityRules) => Boolean(e.voterMinRecords && e.voterWindowMonths);
/** Whether the election counts contribution records for candidates (any rule but any-member). */
export const countsCandidateRecords = (e: EligibilityRules) => e.candidateRule !== "any-member";

/**
 * Records counted for voting: the M months before voting opens (the roll freezes then), or before
 * `at` while that is still ahead, so people see their standing as it would be today.
 */
export function voterWindow(e: EligibilityRules, at: Date): ActivityWindow {
  return windowEndingAt(at < e.votingOpenAt ? at : e.votingOpenAt, e.voterWindowMonths ?? 0);
}

/** Records counted for standing: the N months before nominations close (or before `at` while open). */
export function candidateWindow(e: EligibilityRules, at: Date): ActivityWindow {
  return windowEndingAt(at < e.nominationsCloseAt ? at : e.nominationsCloseAt, candidateMonths(e));
}

/** What the voter rules need to know about one person. */
export interface VoterFacts {
  /** How the person got on the stored voter roll (`list`, `leader`, ...), or null. */
  rollSource: string | null;
  voteExceptionGranted: boolean;
  /** Holds a sitting chair or tech-lead seat in the election's TAG. */
  isLeader: boolean;
  /** Counted records in `voterWindow` (0 when the election does not count them). */
  records: number;
}

/**
 * Whether a person may vote. Once voting opens the frozen roll decides (granted exceptions are
 * added to it); before, the rules are evaluated as of the facts' moment.
 */
export function voterVerdict(e: EligibilityRules, f: VoterFacts): Verdict {
  if (f.rollSource) return { eligible: true, via: f.rollSource };
  if (ROLL_FROZEN.includes(e.phase))
    return { eligible: false, reason: "You are not on this election's voter roll (it was fixed when voting opened)." };
  if (f.voteExceptionGranted) return { eligible: true, via: "exception" };
  if (e.votersIncludeLeaders && f.isLeader) return { eligible: true, via: "leader" };
  if (countsVoterRecords(e)) {
    if (f.records >= e.voterMinRecords!) return { eligible: true, via: "contributions" };
    return {
      eligible: false,
      reason: `Voters need ${e.voterMinRecords} contribution record(s) in this TAG in the ${e.voterWindowMonths} months before voting opens; you have ${f.records}.`,
    };
  }
  return { eligible: false, reason: "You are not on this election's voter list." };
}

/** What the candidate rules need to know about one person. */
export interface CandidateFacts {
  userId: string;
  standExceptionGranted: boolean;
  /** Counted records in `candidateWindow` (0 when the election does not count them). */
  records: number;
}

const isOfficer = (e: EligibilityRules, userId: string) => e.officers.some((o) => o.userId === userId);

/** Whether a person may stand. Officers never may (DESIGN.md guards), even with an exception. */
export function candidateVerdict(e: EligibilityRules, f: CandidateFacts): Verdict {
  if (isOfficer(e, f.userId)) return { eligible: false, reason: "Officers of an election cannot stand in it." };
  if (f.standExceptionGranted) return { eligible: true, via: "exception" };
  if (!countsCandidateRecords(e)) return { eligible: true, via: "member" };
  if (f.records >= candidateMin(e)) return { eligible: true, via: "contributions" };
  return {
    eligible: false,
    reason: `Candidates need ${candidateMin(e)} contribution record(s) in this TAG in the last ${candidateMonths(e)} months; you have ${f.records}.`,
  };
}

/** What the roll is made of when voting opens. */
export interface RollFacts {
  /** The stored roll (uploaded lists and anything added before). */
  listed: readonly { userId: string; source: string }[];
  /** Sitting leaders of the TAG. */
  leaders: readonly string[];
  /** Counted records in the voter window of each contributor (when the election counts them). */
  records: ReadonlyMap<string, number>;
  /** People granted a vote exception. */
  granted: readonly string[];
}

/**
 * The voter roll as the rules make it when voting opens: the stored list first, then the TAG's
 * leaders, members with enough records, granted exceptions (each person once, first reason kept).
 */
export function rollOf(e: EligibilityRules, f: RollFacts): { userId: string; source: string }[] {
  const roll = new Map<string, string>();
  const add = (userId: string, source: string) => {
    if (!roll.has(userId)) roll.set(userId, source);
  };
  for (const v of f.listed) add(v.userId, v.source);
  if (e.votersIncludeLeaders) for (const l of f.leaders) add(l, "leader");
  if (countsVoterRecords(e))
    for (const [userId, n] of f.records) if (n >= e.voterMinRecords!) add(userId, "contributions");
  for (const g of f.granted) add(g, "exception");
  return [...roll].map(([userId, source]) => ({ userId, source }));
}

/**
 * Who may stand, for the notice that nominations opened: under any-member the prospective voters,
 * else the contributors with enough records in the candidate window; never an officer.
 */
export function prospectiveCandidatesOf(
  e: EligibilityRules,
  f: { roll: readonly { userId: string }[]; records: ReadonlyMap<string, number> },
): string[] {
  const ids = countsCandidateRecords(e)
    ? [...f.records].filter(([, n]) => n >= candidateMin(e)).map(([userId]) => userId)
    : f.roll.map((r) => r.userId);
  return ids.filter((u) => !isOfficer(e, u));
}
