import { describe, expect, it } from "vitest";
import { standInForFile } from "@/tests/stand-in";
import { db } from "@/lib/db";
import { seatTermSelect } from "@/lib/roles/seats";
import { importTagsYaml, type TagsImportSource } from "./apply";
import { fetchTocTagsYaml } from "./fetch";
import { describePlan } from "./plan";

// The stand-in knows the demo identities (chia-chair, teo-techlead, ...).
const { resolve, control, api } = standInForFile();

const person = (login: string, start: string, end: string) => `
        - github: ${login}
          name: ${login}
          term:
            start: "${start}"
            end: "${end}"`;

/** A one-TAG tags.yaml: chairs and tech leads by login. */
const file = (chairs: string[], techLeads: string[]) => `tags:
  - dir: tag-lantern-works
    name: TAG Lantern Works
    mission_statement: Lanterns.
    leadership:
      chairs:${chairs.join("")}
      tech_leads:${techLeads.join("")}
`;

async function publishOnToc(text: string): Promise<TagsImportSource> {
  await control("files", { repo: "cncf/toc", path: "tags.yaml", text });
  const toc = await fetchTocTagsYaml({ apiUrl: api() });
  return { kind: "toc", commit: toc.commit, url: toc.url };
}

const seatsOf = () =>
  db.roleAssignment.findMany({
    where: { tag: { slug: "lantern-works" } },
    orderBy: { user: { login: "asc" } },
    select: seatTermSelect,
  });

// The tests share this file's database and run in order.
describe("where a tags.yaml comes from decides what its seats are", () => {
  it("a pasted file proposes: its seats wait for a TOC decision; the admin's own seat is refused and audited", async () => {
    const admin = await db.user.create({ data: { githubId: 910001n, login: "ada-admin", isAdmin: true } });
    const text = file(
      [person("chia-chair", "2026-01-01", "2027-12-31"), person("ada-admin", "2026-01-01", "2027-12-31")],
      [person("teo-techlead", "2026-01-01", "2027-12-31")],
    );
    const r = await importTagsYaml(db, text, { resolve, source: { kind: "file" }, actorId: admin.id });
    if (!r.ok) throw new Error("import failed");
    expect(describePlan(r.plan)).toEqual(
      expect.arrayContaining([
        "add lantern-works chair @chia-chair (2026-01-01 to 2027-12-31), pending a TOC decision",
        "not imported: add lantern-works chair @ada-admin (2026-01-01 to 2027-12-31), pending a TOC decision: Nobody appoints themselves.",
      ]),
    );
    expect(
      (await seatsOf()).map((s) => [s.user.login, s.kind, s.status, s.decisionLink, s.roleDefinition?.name]),
    ).toEqual([
      ["chia-chair", "chair", "pending", null, "Chair"],
      ["teo-techlead", "tech_lead", "pending", null, "Tech Lead"],
    ]);
    // Their TOC votes open with the seats, in the import's transaction: not at the next sweep.
    const votes = await db.decision.findMany({
      where: { subjectId: { in: (await seatsOf()).map((s) => s.id) } },
      select: { status: true, kind: true },
    });
    expect(votes).toEqual([
      { status: "open", kind: "appointment" },
      { status: "open", kind: "appointment" },
    ]);
    expect(
      await db.auditEvent.count({
        where: { actorId: admin.id, outcome: "refused", reason: { contains: "Nobody appoints themselves." } },
      }),
    ).toBe(1);
  });

  it("a pasted file changes no term and ends no seat", async () => {
    const text = file([person("chia-chair", "2026-01-01", "2029-12-31")], []);
    const r = await importTagsYaml(db, text, { resolve, source: { kind: "file" }, endMissing: true });
    if (!r.ok) throw new Error("import failed");
    expect(r.plan.changes).toEqual([]);
    expect(r.plan.notes).toEqual(
      expect.arrayContaining(["not ended: lantern-works tech lead @teo-techlead; only the TOC's own file ends seats"]),
    );
    expect((await seatsOf()).map((s) => s.status)).toEqual(["pending", "pending"]);
  });

  it("the TOC's own file from cncf/toc is the record: it confirms the pending seats with its commit as decision link", async () => {
    const text = file(
      [person("chia-chair", "2026-01-01", "2027-12-31"), person("ada-admin", "2026-01-01", "2027-12-31")],
      [person("teo-techlead", "2026-01-01", "2027-12-31")],
    );
    const source = await publishOnToc(text);
    const admin = await db.user.findUniqueOrThrow({ where: { githubId: 910001n } });
    const r = await importTagsYaml(db, text, { resolve, source, actorId: admin.id });
    if (!r.ok) throw new Error("import failed");
    const link = `https://github.com/cncf/toc/blob/${source.kind === "toc" ? source.commit : ""}/tags.yaml`;
    // The admin who runs the import is not appointing: the TOC's file records the admin's chair seat too.
    expect((await seatsOf()).map((s) => [s.user.login, s.status, s.decisionLink])).toEqual([
      ["ada-admin", "active", link],
      ["chia-chair", "active", link],
      ["teo-techlead", "active", link],
    ]);
    // The pending seats' votes end as settled by the import, naming the commit; never "withdrawn".
    const votes = await db.decision.findMany({
      where: { subjectId: { in: (await seatsOf()).map((s) => s.id) } },
      select: { status: true, outcome: true },
    });
    expect(votes).toHaveLength(2);
    for (const v of votes) {
      expect(v.status).toBe("settled");
      expect(v.outcome).toBe(`Settled by import: the TOC's own tags.yaml records this seat (${link}).`);
    }
    expect(await db.auditEvent.count({ where: { action: "decision.settle" } })).toBe(2);
  });

  it("the TOC's record holds whatever the TAG's rules say, and reports the breach", async () => {
    const role = await db.roleDefinition.findFirstOrThrow({
      where: { tag: { slug: "lantern-works" }, kind: "chair", supersededAt: null },
    });
    await db.roleDefinition.update({ where: { id: role.id }, data: { totalSeats: 2 } });
    const text = file(
      [
        person("chia-chair", "2026-01-01", "2027-12-31"),
        person("ada-admin", "2026-01-01", "2027-12-31"),
        person("cora-chair", "2026-01-01", "2027-12-31"),
      ],
      [person("teo-techlead", "2026-01-01", "2027-12-31")],
    );
    const r = await importTagsYaml(db, text, { resolve, source: await publishOnToc(text) });
    if (!r.ok) throw new Error("import failed");
    expect(r.plan.notes).toContain(
      "recorded despite the role's rules: add lantern-works chair @cora-chair (2026-01-01 to 2027-12-31): No seats left: all 2 are taken.",
    );
    expect((await seatsOf()).find((s) => s.user.login === "cora-chair")?.status).toBe("active");
  });
});
