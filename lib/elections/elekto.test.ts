import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { readElektoCsv } from "./ballot-formats/elekto-csv";
import { parseElektoCandidate, parseElektoFolder, writeElektoFolder } from "./elekto";

const dir = path.join(import.meta.dirname, "fixtures/elekto-sample");
const sample = (): Record<string, string> =>
  Object.fromEntries(readdirSync(dir).map((f) => [f, readFileSync(path.join(dir, f), "utf8")]));

describe("reading an Elekto election folder", () => {
  it("reads election.yaml, voters.yaml and the candidates' headers and statements", () => {
    const r = parseElektoFolder(sample());
    if (!r.ok) throw new Error(r.errors.join("; "));
    const { election, voters, candidates, description } = r.folder;
    expect(election).toMatchObject({
      name: "2026 Tech Lead Election",
      organization: "TAG Security and Compliance",
      startAt: new Date("2026-03-02T00:00:01Z"),
      endAt: new Date("2026-03-17T11:59:59Z"),
      seats: 2,
      allowNoOpinion: true,
      officers: ["chia-chair", "Ines-Lead"],
      exceptionDue: new Date("2026-03-14T11:59:59Z"),
      showCandidateFields: ["employer", "slack"],
    });
    expect(voters).toEqual([
      "ivo-member",
      "jade-member",
      "luca-member",
      "Mae-Member",
      "milo-member",
      "ghost-voter-404",
    ]);
    expect(candidates.map((c) => [c.id, c.name, c.info])).toEqual([
      [
        "bea-ambassador",
        "Bea Thornbury",
        [
          ["employer", "Northwind Cloud"],
          ["slack", "bea"],
        ],
      ],
      ["dev-ambassador", "Dev Kalloway", [["employer", "Harbor Labs"]]],
      [
        "noor-member",
        "Noor Castellan",
        [
          ["employer", "Northwind Cloud"],
          ["slack", "noor"],
        ],
      ],
    ]);
    expect(candidates[2]!.statement).toMatch(/^## What I have done\n\nReviewed supply-chain/);
    expect(description).toMatch(/^# Vote for the 2026 Tech Lead seats/);
    expect(r.folder.ballots?.candidates).toEqual(["noor-member", "bea-ambassador", "dev-ambassador"]);
    expect(r.folder.ballots?.ballots?.count).toBe(5);
  });

  it("names every problem with its file and reads nothing when one is malformed", () => {
    const files = sample();
    files["election.yaml"] = files["election.yaml"]!.replace(
      "start_datetime: 2026-03-02 00:00:01",
      "start_datetime: next monday",
    ).replace("no_winners: 2", "no_winners: two");
    files["candidate-x.md"] = "no header here";
    files["candidate-noor-member.md"] = files["candidate-noor-member.md"]!.replace("ID: noor-member", "ID: noor-other");
    delete files["voters.yaml"];
    const r = parseElektoFolder(files);
    expect(r).toEqual({
      ok: false,
      errors: [
        "voters.yaml is missing",
        "election.yaml: `start_datetime` must be written YYYY-MM-DD HH:MM:SS (UTC)",
        "election.yaml: `no_winners` must be a whole number of seats (1 to 100)",
        'candidate-noor-member.md: `ID` is "noor-other" but the file name says "noor-member"',
        "candidate-x.md: expected a header between two lines of dashes",
      ],
    });
  });

  it("writes the same layout back, and reading it again gives the same folder", () => {
    const r = parseElektoFolder(sample());
    if (!r.ok) throw new Error("sample did not parse");
    const files = writeElektoFolder(r.folder, sample()["ballots.csv"]);
    expect(Object.keys(files).sort()).toEqual([
      "ballots.csv",
      "candidate-bea-ambassador.md",
      "candidate-dev-ambassador.md",
      "candidate-noor-member.md",
      "election.yaml",
      "election_desc.md",
      "voters.yaml",
    ]);
    expect(files["candidate-dev-ambassador.md"]).toBe(
      `${"-".repeat(61)}\nname: Dev Kalloway\nID: dev-ambassador\ninfo:\n  - employer: Harbor Labs\n${"-".repeat(61)}\n\nI write the TAG's threat-modelling guides.\n`,
    );
    expect(files["election.yaml"]).toContain("start_datetime: 2026-03-02 00:00:01\n");
    const again = parseElektoFolder(files);
    expect(again).toEqual(r);
  });

  it("the sample's ballots.csv is one Elekto's reader accepts", () => {
    const file = readElektoCsv(sample()["ballots.csv"]!);
    expect(file.candidates).toEqual(["noor-member", "bea-ambassador", "dev-ambassador"]);
    expect(file.ballots?.count).toBe(5);
  });

  it("a candidate file without an info list still reads", () => {
    const errors: string[] = [];
    const c = parseElektoCandidate("candidate-solo.md", "---\nname: Solo\nID: solo\n---\nHello", errors);
    expect(errors).toEqual([]);
    expect(c).toEqual({ id: "solo", name: "Solo", info: [], statement: "Hello" });
  });
});
