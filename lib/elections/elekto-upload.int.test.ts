import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { gzipSync } from "node:zlib";
import { strToU8, zipSync } from "fflate";
import { Header } from "tar";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { db } from "@/lib/db";
import { resetEnvForTests } from "@/lib/env";
import { createUser } from "@/tests/factories";
import { seatGithubPeople } from "@/tests/fixtures";
import { actor, tagWithLead } from "@/tests/election-world";
import { standInForFile } from "@/tests/stand-in";
import { readElektoArchive } from "./elekto-archive";
import { parseElektoFolder } from "./elekto";
import { exportElektoZip, uploadElektoArchive } from "./elekto-upload";

const dir = path.join(import.meta.dirname, "fixtures/elekto-sample");
const files = Object.fromEntries(readdirSync(dir).map((f) => [f, readFileSync(path.join(dir, f), "utf8")]));
const { api, resolve } = standInForFile();
beforeAll(() => {
  vi.stubEnv("GITHUB_API_URL", api());
  resetEnvForTests();
});
afterAll(() => {
  vi.unstubAllEnvs();
  resetEnvForTests();
});

const b64 = (bytes: Uint8Array) => Buffer.from(bytes).toString("base64");
const zip = (extra: Record<string, Uint8Array> = {}) =>
  b64(
    zipSync({
      ...Object.fromEntries(Object.entries(files).map(([n, t]) => [`tech-lead-2026/${n}`, strToU8(t)])),
      ...extra,
    }),
  );
function tarball(): string {
  const blocks: Buffer[] = [];
  for (const [name, text] of Object.entries(files)) {
    const body = Buffer.from(text);
    const block = Buffer.alloc(512);
    new Header({ path: name, type: "File", size: body.length, mode: 0o644, mtime: new Date(0) }).encode(block, 0);
    blocks.push(block, body, Buffer.alloc((512 - (body.length % 512)) % 512));
  }
  return b64(gzipSync(Buffer.concat([...blocks, Buffer.alloc(1024)])));
}

describe("Elekto upload from the officers' page", () => {
  it("previews without writing, imports the zip in one go, and keeps the description, eligibility and exception deadline", async () => {
    const { tag, lead } = await tagWithLead();
    await seatGithubPeople(tag.id, ["chia-chair", "ines-lead"], resolve);
    const me = await actor(lead.id);
    const before = await db.election.count();
    const preview = await uploadElektoArchive(me, { tagSlug: tag.slug, archive: zip(), mode: "preview" });
    expect(preview.imported).toBeNull();
    expect(await db.election.count()).toBe(before);
    expect(preview.plan).toMatchObject({
      title: "2026 Tech Lead Election",
      seats: 2,
      eligibility: "Members with 3 or more contributions in the last six months can vote.",
      exceptionDueAt: new Date("2026-03-14T11:59:59Z"),
      voters: { listed: 6, resolved: 5 },
      ballots: 5,
      officers: ["chia-chair", "ines-lead"],
    });
    expect(preview.plan.description).toBe(files["election_desc.md"]!.trim());
    expect(preview.plan.candidates.map((c) => c.login).sort()).toEqual([
      "bea-ambassador",
      "dev-ambassador",
      "noor-member",
    ]);
    expect(preview.plan.unresolved.map((u) => u.login)).toEqual(["ghost-voter-404"]);

    const done = await uploadElektoArchive(me, { tagSlug: tag.slug, archive: zip(), mode: "import" });
    const el = await db.election.findUniqueOrThrow({
      where: { id: done.imported! },
      include: { nominations: true, voters: true, officers: true },
    });
    expect(el).toMatchObject({
      tagId: tag.id,
      phase: "draft",
      description: files["election_desc.md"]!.trim(),
      eligibilityText: "Members with 3 or more contributions in the last six months can vote.",
      exceptionDescription: expect.stringMatching(/^Not all contributions are measured/),
      exceptionDueAt: new Date("2026-03-14T11:59:59Z"),
    });
    expect(el.nominations).toHaveLength(3);
    expect(el.voters).toHaveLength(5);
    expect(el.officers.map((o) => o.userId)).toContain(lead.id);
    const audit = await db.auditEvent.findFirstOrThrow({ where: { subjectId: el.id } });
    expect(audit).toMatchObject({ action: "election.import-elekto", actorId: lead.id });

    // Export, then read the zip back through the same importer: the folder comes back as it went in.
    const out = await exportElektoZip(me, el.id);
    expect(out.fileName).toBe("2026-tech-lead-election.zip");
    const back = parseElektoFolder((await readElektoArchive(out.bytes)).files);
    if (!back.ok) throw new Error(back.errors.join("; "));
    const sent = parseElektoFolder(files);
    if (!sent.ok) throw new Error(sent.errors.join("; "));
    expect(back.folder.description).toBe(sent.folder.description);
    expect(back.folder.election).toMatchObject({
      name: sent.folder.election.name,
      startAt: sent.folder.election.startAt,
      endAt: sent.folder.election.endAt,
      seats: 2,
      eligibility: sent.folder.election.eligibility,
      exceptionDescription: sent.folder.election.exceptionDescription,
      exceptionDue: sent.folder.election.exceptionDue,
    });
    expect(back.folder.candidates.map((c) => [c.id, c.statement])).toEqual(
      expect.arrayContaining(sent.folder.candidates.map((c) => [c.id, c.statement])),
    );
    // GitHub's spelling of each login (Mae-Member is mae-member); the unresolved login is not on the roll.
    expect(back.folder.voters).toEqual(
      sent.folder.voters
        .filter((v) => v !== "ghost-voter-404")
        .map((v) => v.toLowerCase())
        .sort(),
    );
    expect(back.folder.ballots).toBeNull();
  });

  it("imports the same folder from a tarball", async () => {
    const { tag, lead } = await tagWithLead();
    const done = await uploadElektoArchive(await actor(lead.id), {
      tagSlug: tag.slug,
      archive: tarball(),
      votingOpensOn: "2027-05-03",
      mode: "import",
    });
    const el = await db.election.findUniqueOrThrow({ where: { id: done.imported! } });
    expect(el.votingOpenAt).toEqual(new Date("2027-05-03T00:00:00Z"));
    // The exception deadline moves with the dates: 11 days and 11:59:58 after voting opens.
    expect(el.exceptionDueAt!.getTime() - el.votingOpenAt.getTime()).toBe(
      new Date("2026-03-14T11:59:59Z").getTime() - new Date("2026-03-02T00:00:01Z").getTime(),
    );
  });

  it("refuses bad archives and bad folders with their reason, and writes nothing", async () => {
    const { tag, lead } = await tagWithLead();
    const me = await actor(lead.id);
    const before = { elections: await db.election.count(), users: await db.user.count() };
    const refused = (archive: string) =>
      uploadElektoArchive(me, { tagSlug: tag.slug, archive, mode: "import" }).catch((e: Error) => e.message);
    expect(await refused(zip({ "tech-lead-2026/../../x.md": strToU8("x") }))).toMatch(/leads out of the folder/);
    expect(await refused(zip({ "tech-lead-2026/big.md": new Uint8Array(10 * 1024 * 1024 + 1) }))).toMatch(
      /over 10 MB unpacked/,
    );
    expect(await refused(zip({ "tech-lead-2026/candidate-x.md": strToU8("no header") }))).toMatch(
      /The folder has 1 problem; nothing was imported/,
    );
    expect(await refused(b64(strToU8("hello")))).toMatch(/Upload a zip or a tarball/);
    expect({ elections: await db.election.count(), users: await db.user.count() }).toEqual(before);
  });

  it("lets only the TAG's leads (or an admin) import, and only the election's officers export", async () => {
    const { tag, lead } = await tagWithLead();
    const member = await actor((await createUser()).id);
    await expect(uploadElektoArchive(member, { tagSlug: tag.slug, archive: zip(), mode: "preview" })).rejects.toThrow(
      /permission/,
    );
    const done = await uploadElektoArchive(await actor(lead.id), { tagSlug: tag.slug, archive: zip(), mode: "import" });
    await expect(exportElektoZip(member, done.imported!)).rejects.toThrow();
  });
});
