import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { standInForFile } from "@/tests/stand-in";
import { db } from "@/lib/db";
import { createTag, createUser } from "@/tests/factories";
import { seatGithubPeople } from "@/tests/fixtures";
import { readElektoCsv } from "./ballot-formats/elekto-csv";
import { exportElektoElection, importElektoElection, parseElektoFolder, planElektoImport } from "./elekto";

const dir = path.join(import.meta.dirname, "fixtures/elekto-sample");
const files = Object.fromEntries(readdirSync(dir).map((f) => [f, readFileSync(path.join(dir, f), "utf8")]));
const { resolve } = standInForFile();

async function techLeadRole(tagId: string) {
  return db.roleDefinition.create({
    data: {
      tagId,
      roleKey: crypto.randomUUID(),
      version: 1,
      name: "Tech Lead",
      kind: "tech_lead",
      selection: "election",
      termMonths: 24,
      createdAt: new Date("2026-01-01T00:00:00Z"),
    },
  });
}

describe("Elekto import and export", () => {
  it("imports a folder as a draft election: nominations, voter roll, officers; unresolved logins reported", async () => {
    const parsed = parseElektoFolder(files);
    if (!parsed.ok) throw new Error(parsed.errors.join("; "));
    const tag = await createTag();
    const role = await techLeadRole(tag.id);
    const admin = await createUser({ isAdmin: true });
    await seatGithubPeople(tag.id, ["chia-chair", "ines-lead"], resolve);
    const at = new Date("2026-02-01T12:00:00Z");
    const r = await importElektoElection(db, parsed.folder, { tagSlug: tag.slug, resolve, actorId: admin.id, at });
    expect(r.unresolved).toEqual([
      { login: "ghost-voter-404", where: "voters.yaml", reason: "GitHub has no such user" },
    ]);
    expect(r.candidates.sort()).toEqual(["bea-ambassador", "dev-ambassador", "noor-member"]);
    expect(r.voters).toBe(5);
    expect(r.officers).toEqual(["chia-chair", "ines-lead"]);
    const el = await db.election.findUniqueOrThrow({
      where: { id: r.electionId },
      include: { nominations: true, voters: true, officers: true },
    });
    expect(el).toMatchObject({
      phase: "draft",
      roleKey: role.roleKey,
      title: "2026 Tech Lead Election",
      seatsByRegion: { any: 2 },
      staggerTerms: true,
      votingOpenAt: new Date("2026-03-02T00:00:01Z"),
      votingCloseAt: new Date("2026-03-17T11:59:59Z"),
      nominationsOpenAt: new Date("2026-02-16T00:00:01Z"),
      nominationsCloseAt: new Date("2026-03-02T00:00:01Z"),
      candidateRule: "any-member",
      votersIncludeLeaders: false,
      publishBallots: true,
    });
    expect(el.officers).toHaveLength(3);
    expect(el.voters.every((v) => v.source === "list")).toBe(true);
    const noor = await db.user.findFirstOrThrow({ where: { login: "noor-member" } });
    expect(noor).toMatchObject({ githubId: 910030n, claimedAt: null });
    expect(el.nominations.find((n) => n.userId === noor.id)).toMatchObject({
      status: "active",
      employer: "Northwind Cloud",
      statement: expect.stringMatching(/^## What I have done/),
    });
    const audit = await db.auditEvent.findFirstOrThrow({ where: { subjectId: r.electionId } });
    expect(audit).toMatchObject({ action: "election.import-elekto", actorId: admin.id, tagId: tag.id });
  });

  it("leaves out an officer who is not one of the TAG's leads, and says so (they could act on nothing)", async () => {
    const parsed = parseElektoFolder(files);
    if (!parsed.ok) throw new Error("sample");
    const tag = await createTag();
    await techLeadRole(tag.id);
    await seatGithubPeople(tag.id, ["ines-lead"], resolve);
    const plan = await planElektoImport(db, parsed.folder, {
      tagSlug: tag.slug,
      resolve,
      actorId: null,
      at: new Date(),
    });
    expect(plan.officers).toEqual(["ines-lead"]);
    expect(plan.notes).toContain(
      `@chia-chair is not a chair or tech lead of ${tag.name}: left out as an officer (officers act through the TAG's election right)`,
    );
  });

  it("refuses a role the TAG does not have and writes nothing", async () => {
    const parsed = parseElektoFolder(files);
    if (!parsed.ok) throw new Error("sample");
    // Every TAG has its Chair and Tech Lead roles from its creation: only a named role can be missing.
    const tag = await createTag();
    const before = await db.election.count();
    await expect(
      importElektoElection(db, parsed.folder, {
        tagSlug: tag.slug,
        role: "Release Lead",
        resolve,
        actorId: null,
        at: new Date(),
      }),
    ).rejects.toThrow(/no role "Release Lead"/);
    expect(await db.election.count()).toBe(before);
  });

  it("moves the dates with votingOpensAt, and exports the folder with ballots.csv once counted", async () => {
    const parsed = parseElektoFolder(files);
    if (!parsed.ok) throw new Error("sample");
    const tag = await createTag();
    await techLeadRole(tag.id);
    const r = await importElektoElection(db, parsed.folder, {
      tagSlug: tag.slug,
      resolve,
      actorId: null,
      at: new Date("2026-02-01T00:00:00Z"),
      votingOpensAt: new Date("2027-05-03T00:00:00Z"),
    });
    const el = await db.election.findUniqueOrThrow({
      where: { id: r.electionId },
      include: { nominations: { orderBy: [{ createdAt: "asc" }, { id: "asc" }] } },
    });
    expect(el.votingOpenAt).toEqual(new Date("2027-05-03T00:00:00Z"));
    expect(el.votingCloseAt.getTime() - el.votingOpenAt.getTime()).toBe(
      new Date("2026-03-17T11:59:59Z").getTime() - new Date("2026-03-02T00:00:01Z").getTime(),
    );

    const draft = await exportElektoElection(db, r.electionId);
    expect(draft.ballots).toBeNull();
    expect(draft.files["ballots.csv"]).toBeUndefined();
    const again = parseElektoFolder(draft.files);
    if (!again.ok) throw new Error(again.errors.join("; "));
    expect(again.folder.voters).toEqual(["ivo-member", "jade-member", "luca-member", "mae-member", "milo-member"]);
    expect(again.folder.candidates.map((c) => c.id).sort()).toEqual([
      "bea-ambassador",
      "dev-ambassador",
      "noor-member",
    ]);
    expect(again.folder.election.seats).toBe(2);

    const [a, b, c] = el.nominations.map((n) => n.id) as [string, string, string];
    await db.ballot.createMany({
      data: [
        { electionId: el.id, choices: [[a], [b]], receiptHash: "01" },
        { electionId: el.id, choices: [[c, b]], receiptHash: "02" },
        { electionId: el.id, choices: [], receiptHash: "03" },
      ],
    });
    await db.election.update({ where: { id: el.id }, data: { phase: "tallied" } });
    const counted = await exportElektoElection(db, r.electionId);
    expect(counted.ballots).toBe(3);
    const csv = readElektoCsv(counted.files["ballots.csv"]!);
    const logins = new Map((await db.user.findMany({ select: { id: true, login: true } })).map((u) => [u.id, u.login]));
    expect(csv.candidates).toEqual(el.nominations.map((n) => logins.get(n.userId)));
    expect(counted.files["ballots.csv"]!.split("\n").slice(1)).toEqual([
      "1,2,No opinion",
      "No opinion,1,1",
      "No opinion,No opinion,No opinion",
      "",
    ]);
  });
});
