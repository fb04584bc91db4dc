import { readFileSync } from "node:fs";
import path from "node:path";
import type { Account, Profile } from "next-auth";
import { describe, expect, it } from "vitest";
import { standInForFile } from "@/tests/stand-in";
import { db } from "@/lib/db";
import { authOptions } from "@/lib/auth/options";
import { seatTermSelect } from "@/lib/roles/seats";
import { exportTagsYamlFromDatabase, importTagsYaml, type TagsImportSource } from "./apply";
import { fetchTocTagsYaml } from "./fetch";
import { describePlan } from "./plan";

const sample = readFileSync(path.join(import.meta.dirname, "fixtures/tags-sample.yaml"), "utf8");
// The stand-in runs in this process: the resolver uses fetch (async), never a blocking call.
const { resolve, control, api } = standInForFile();

/** Publishes `text` as cncf/toc's tags.yaml on the stand-in and reads it back as the TOC's record. */
async function tocRecord(text: string): Promise<TagsImportSource> {
  await control("files", { repo: "cncf/toc", path: "tags.yaml", text });
  const toc = await fetchTocTagsYaml({ apiUrl: api() });
  expect(toc.text).toBe(text);
  return { kind: "toc", commit: toc.commit, url: toc.url };
}
const pasted: TagsImportSource = { kind: "file" };

const seats = () =>
  db.roleAssignment.findMany({
    orderBy: [{ kind: "asc" }, { user: { login: "asc" } }],
    select: { ...seatTermSelect, subproject: { select: { slug: true } } },
  });

// The tests share this file's database and run in order: each builds on the previous import.
describe("importing tags.yaml", () => {
  it("writes nothing for a malformed entry, and nothing on a dry run", async () => {
    const bad = await importTagsYaml(db, sample.replace('start: "2026-01-01"', 'start: "someday"'), {
      resolve,
      source: pasted,
    });
    expect(bad).toEqual({
      ok: false,
      errors: [
        {
          line: 67,
          message:
            'tags[2] (tag-tide-tables).leadership.chairs[1].term.start "someday" is not a date written YYYY-MM-DD',
        },
      ],
    });
    const dry = await importTagsYaml(db, sample, { resolve, source: pasted, dryRun: true });
    expect(dry.ok && dry.plan.changes.length).toBe(13);
    expect(await db.tag.count()).toBe(0);
    expect(await db.user.count()).toBe(0);
    expect(await db.tagsYamlSource.count()).toBe(0);
  });

  it("the TOC's own file creates TAGs (with their roles), placeholder people and held seats; lists the unresolved login", async () => {
    const at = new Date("2026-07-01T10:00:00Z");
    const source = await tocRecord(sample);
    const result = await importTagsYaml(db, sample, { resolve, source, at });
    if (!result.ok) throw new Error("import failed");
    expect(result.plan.unresolved).toEqual([
      { login: "ghost-keeper", line: 18, where: "tag-harbor-lights chairs", reason: "GitHub has no such user" },
    ]);
    expect(describePlan(result.plan)).toContain(
      "unresolved login @ghost-keeper (line 18, tag-harbor-lights chairs): GitHub has no such user",
    );
    expect(await db.tag.findUniqueOrThrow({ where: { slug: "harbor-lights" } })).toMatchObject({
      name: "TAG Harbor Lights",
      mission: "Lighthouses, Buoys, Fog Horns.",
      slackChannel: "C0HARBOR1",
      mailingList: "https://lists.example.org/g/harbor-lights/",
      tocLiaisons: ["toby-toc"],
    });
    expect(await db.subproject.findMany({ select: { slug: true, name: true, mission: true } })).toEqual([
      { slug: "moon-watch", name: "Moon Watch", mission: "Watching the moon." },
    ]);
    const people = await db.user.findMany({
      orderBy: { login: "asc" },
      select: { login: true, githubId: true, claimedAt: true },
    });
    expect(people).toEqual([
      { login: "chia-chair", githubId: 910003n, claimedAt: null },
      { login: "cora-chair", githubId: 910011n, claimedAt: null },
      { login: "ivo-member", githubId: 910026n, claimedAt: null },
      { login: "milo-member", githubId: 910006n, claimedAt: null },
      { login: "teo-techlead", githubId: 910004n, claimedAt: null },
    ]);
    const rows = await seats();
    expect(rows).toHaveLength(5);
    expect(rows.every((r) => r.status === "active" && r.obtainedBy === "imported")).toBe(true);
    // The TOC's record: its commit is every seat's decision link; every seat belongs to its TAG's role.
    const commit = source.kind === "toc" ? source.commit : "";
    expect(new Set(rows.map((r) => r.decisionLink))).toEqual(
      new Set([`https://github.com/cncf/toc/blob/${commit}/tags.yaml`]),
    );
    expect(rows.map((r) => r.roleDefinition?.name).sort()).toEqual([
      "Chair",
      "Chair",
      "Subproject lead",
      "Subproject lead",
      "Tech Lead",
    ]);
    for (const slug of ["harbor-lights", "tide-tables"])
      expect(
        (await db.roleDefinition.findMany({ where: { tag: { slug } }, select: { kind: true } })).map((d) => d.kind),
      ).toEqual(expect.arrayContaining(["chair", "tech_lead"]));
    expect(rows.find((r) => r.user.login === "chia-chair")).toMatchObject({
      kind: "chair",
      tag: { slug: "harbor-lights" },
      subproject: null,
      startAt: new Date("2025-07-01T00:00:00Z"),
      termEndAt: new Date("2027-06-30T00:00:00Z"),
    });
    expect(
      rows.filter((r) => r.kind === "subproject_lead").map((r) => [r.user.login, r.subproject?.slug, r.termEndAt]),
    ).toEqual([
      ["ivo-member", "moon-watch", null],
      ["milo-member", "moon-watch", null],
    ]);
    // One audit event per change, plus the stored source.
    expect(await db.auditEvent.count({ where: { action: "tags.import", actorId: null } })).toBe(
      result.plan.changes.length + 1,
    );
    expect((await db.tagsYamlSource.findUniqueOrThrow({ where: { id: 1 } })).text).toBe(sample);
  });

  it("is idempotent: a second import changes nothing and writes no audit event", async () => {
    const before = { seats: await seats(), audit: await db.auditEvent.count(), users: await db.user.count() };
    const again = await importTagsYaml(db, sample, {
      resolve,
      source: await tocRecord(sample),
      at: new Date("2026-07-02T10:00:00Z"),
    });
    expect(again.ok && again.plan.changes).toEqual([]);
    expect({ seats: await seats(), audit: await db.auditEvent.count(), users: await db.user.count() }).toEqual(before);
  });

  it("lets the first sign-in with the placeholder's GitHub id claim it, seats included", async () => {
    const placeholder = await db.user.findUniqueOrThrow({ where: { githubId: 910003n }, select: { id: true } });
    await authOptions().events!.signIn!({
      user: { id: placeholder.id, email: null },
      account: { provider: "github", providerAccountId: "910003", type: "oauth" } as Account,
      profile: {
        id: 910003,
        login: "chia-chair",
        name: "Chia Oakhollow",
        avatar_url: null,
        email: null,
      } as unknown as Profile,
    });
    const claimed = await db.user.findUniqueOrThrow({
      where: { githubId: 910003n },
      select: { id: true, claimedAt: true, roles: { select: { kind: true } } },
    });
    expect(claimed.id).toBe(placeholder.id);
    expect(claimed.claimedAt).not.toBeNull();
    expect(claimed.roles).toEqual([{ kind: "chair" }]);
  });

  it("exports the imported bytes unchanged, and a portal change as a small diff", async () => {
    expect(await exportTagsYamlFromDatabase(db)).toBe(sample);
    const harbor = await db.tag.findUniqueOrThrow({ where: { slug: "harbor-lights" }, select: { id: true } });
    const teo = await db.user.findUniqueOrThrow({ where: { githubId: 910004n }, select: { id: true } });
    await db.roleAssignment.updateMany({
      where: { tagId: harbor.id, userId: teo.id, kind: "tech_lead" },
      data: { termEndAt: new Date("2027-06-30T00:00:00Z") },
    });
    const kai = await db.user.create({
      data: { githubId: 910012n, login: "kai-chair", name: "Kai Morrowfield", employer: "Northwind Cloud" },
    });
    await db.roleAssignment.create({
      data: {
        tagId: harbor.id,
        userId: kai.id,
        kind: "chair",
        status: "active",
        startAt: new Date("2026-07-01T00:00:00Z"),
        termEndAt: new Date("2028-06-30T00:00:00Z"),
        requestedAt: new Date(),
      },
    });
    const out = await exportTagsYamlFromDatabase(db);
    const expected = sample
      .replace(
        'start: "2025-07-02"\n            end: "2026-06-30"',
        'start: "2025-07-02"\n            end: "2027-06-30"',
      )
      .replace(
        '            end: "2027-06-30"\n      tech_leads:',
        '            end: "2027-06-30"\n        - github: kai-chair\n          lfx_id:\n          name: Kai Morrowfield\n          company: Northwind Cloud\n          email:\n          term:\n            start: "2026-07-01"\n            end: "2028-06-30"\n      tech_leads:',
      );
    expect(out).not.toBe(sample);
    expect(out).toBe(expected);
    // Importing the export back (with kai now resolvable) is a no-op for the portal.
    const back = await importTagsYaml(db, out, { resolve, source: await tocRecord(out) });
    expect(back.ok && back.plan.changes).toEqual([]);
    expect(await exportTagsYamlFromDatabase(db)).toBe(out);
  });
});
