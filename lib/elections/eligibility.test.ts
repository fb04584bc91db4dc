import { describe, expect, it } from "vitest";
import {
  candidateVerdict,
  candidateWindow,
  prospectiveCandidatesOf,
  rollOf,
  voterVerdict,
  voterWindow,
  type EligibilityRules,
  type VoterFacts,
} from "./eligibility";

const OFFICER = "officer-1";

/** An election in nominations: candidates need 2 records in 6 months; leaders and members with 3 records vote. */
const election = (over: Partial<EligibilityRules> = {}): EligibilityRules => ({
  id: "e1",
  tagId: "t1",
  phase: "nominations",
  nominationsCloseAt: new Date("2027-03-10T00:00:00Z"),
  votingOpenAt: new Date("2027-03-15T00:00:00Z"),
  candidateRule: "contributions",
  candidateMinRecords: 2,
  candidateWindowMonths: 6,
  votersIncludeLeaders: true,
  voterMinRecords: 3,
  voterWindowMonths: 12,
  officers: [{ userId: OFFICER }],
  ...over,
});

const nobody: VoterFacts = { rollSource: null, voteExceptionGranted: false, isLeader: false, records: 0 };

describe("voters", () => {
  it("the stored roll decides first, and alone once voting opened", () => {
    expect(voterVerdict(election(), { ...nobody, rollSource: "list" })).toEqual({ eligible: true, via: "list" });
    const frozen = election({ phase: "voting" });
    expect(voterVerdict(frozen, { ...nobody, isLeader: true, records: 99, voteExceptionGranted: true })).toEqual({
      eligible: false,
      reason: "You are not on this election's voter roll (it was fixed when voting opened).",
    });
  });

  it("before voting: a granted exception, a sitting leader, or enough records", () => {
    expect(voterVerdict(election(), { ...nobody, voteExceptionGranted: true })).toEqual({
      eligible: true,
      via: "exception",
    });
    expect(voterVerdict(election(), { ...nobody, isLeader: true })).toEqual({ eligible: true, via: "leader" });
    expect(voterVerdict(election({ votersIncludeLeaders: false }), { ...nobody, isLeader: true }).eligible).toBe(false);
    expect(voterVerdict(election(), { ...nobody, records: 3 })).toEqual({ eligible: true, via: "contributions" });
    expect(voterVerdict(election(), { ...nobody, records: 2 })).toEqual({
      eligible: false,
      reason: "Voters need 3 contribution record(s) in this TAG in the 12 months before voting opens; you have 2.",
    });
  });

  it("without a records rule only the list counts", () => {
    const listOnly = election({ voterMinRecords: null, votersIncludeLeaders: false });
    expect(voterVerdict(listOnly, { ...nobody, records: 50 })).toEqual({
      eligible: false,
      reason: "You are not on this election's voter list.",
    });
  });

  it("counts records up to the moment voting opens, or up to now while that is ahead", () => {
    const e = election();
    const early = new Date("2027-02-01T00:00:00Z");
    expect(voterWindow(e, early)).toEqual({ from: new Date("2026-02-01T00:00:00Z"), to: early });
    expect(voterWindow(e, new Date("2027-04-01T00:00:00Z"))).toEqual({
      from: new Date("2026-03-15T00:00:00Z"),
      to: e.votingOpenAt,
    });
  });
});

describe("candidates", () => {
  it("officers never stand, even with an exception", () => {
    expect(candidateVerdict(election(), { userId: OFFICER, standExceptionGranted: true, records: 10 })).toEqual({
      eligible: false,
      reason: "Officers of an election cannot stand in it.",
    });
  });

  it("an exception, any member under any-member, or enough records in the window", () => {
    expect(candidateVerdict(election(), { userId: "p", standExceptionGranted: true, records: 0 }).eligible).toBe(true);
    expect(
      candidateVerdict(election({ candidateRule: "any-member" }), {
        userId: "p",
        standExceptionGranted: false,
        records: 0,
      }),
    ).toEqual({ eligible: true, via: "member" });
    expect(candidateVerdict(election(), { userId: "p", standExceptionGranted: false, records: 2 })).toEqual({
      eligible: true,
      via: "contributions",
    });
    expect(candidateVerdict(election(), { userId: "p", standExceptionGranted: false, records: 1 })).toEqual({
      eligible: false,
      reason: "Candidates need 2 contribution record(s) in this TAG in the last 6 months; you have 1.",
    });
  });

  it("defaults to 1 record in 12 months, counted up to the close of nominations", () => {
    const e = election({ candidateMinRecords: null, candidateWindowMonths: null });
    expect(candidateVerdict(e, { userId: "p", standExceptionGranted: false, records: 1 }).eligible).toBe(true);
    expect(candidateWindow(e, new Date("2027-05-01T00:00:00Z"))).toEqual({
      from: new Date("2026-03-10T00:00:00Z"),
      to: e.nominationsCloseAt,
    });
  });
});

describe("the roll and the prospective candidates", () => {
  it("adds leaders, contributors with enough records and granted exceptions to the stored list, once each", () => {
    const roll = rollOf(election(), {
      listed: [{ userId: "listed", source: "list" }],
      leaders: ["lead", "listed"],
      records: new Map([
        ["busy", 3],
        ["quiet", 2],
        ["lead", 5],
      ]),
      granted: ["excepted", "busy"],
    });
    expect(roll).toEqual([
      { userId: "listed", source: "list" },
      { userId: "lead", source: "leader" },
      { userId: "busy", source: "contributions" },
      { userId: "excepted", source: "exception" },
    ]);
  });

  it("leaves leaders and contributors out when the election does not count them", () => {
    const e = election({ votersIncludeLeaders: false, voterMinRecords: null });
    expect(rollOf(e, { listed: [], leaders: ["lead"], records: new Map([["busy", 9]]), granted: [] })).toEqual([]);
  });

  it("prospective candidates: contributors with enough records, or the roll under any-member; never officers", () => {
    const records = new Map([
      ["busy", 2],
      ["quiet", 1],
      [OFFICER, 7],
    ]);
    expect(prospectiveCandidatesOf(election(), { roll: [], records })).toEqual(["busy"]);
    const anyMember = election({ candidateRule: "any-member" });
    expect(prospectiveCandidatesOf(anyMember, { roll: [{ userId: "v" }, { userId: OFFICER }], records })).toEqual([
      "v",
    ]);
  });
});
