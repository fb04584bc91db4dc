import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { parseTagsYaml } from "./parse";
import { describePlan, planTagsImport, seatLogins, tagFieldsOf, type PortalSnapshot, type Resolutions } from "./plan";

const sample = readFileSync(path.join(import.meta.dirname, "fixtures/tags-sample.yaml"), "utf8");
const parsed = parseTagsYaml(sample);
if (!parsed.ok) throw new Error("fixture does not parse");
const file = parsed.file;

const ids: Record<string, string> = {
  "chia-chair": "910003",
  "teo-techlead": "910004",
  "cora-chair": "910011",
  "milo-member": "910006",
  "ivo-member": "910026",
};
const resolutions: Resolutions = new Map(
  seatLogins(file).map((l) => [
    l.toLowerCase(),
    ids[l] ? { githubId: ids[l], login: l, name: null } : { error: "GitHub has no such user" },
  ]),
);
/** The TOC's own file (fetched from cncf/toc): its seats are held, it changes terms and ends seats. */
const record = { fromRecord: true };
const empty: PortalSnapshot = { tags: [], subprojects: [], seats: [], knownGithubIds: [] };

/** The portal right after the sample was imported. */
const imported: PortalSnapshot = {
  // GitHub does not know toby-toc in these resolutions: kept by login only.
  tags: file.tags.map((t, i) => ({
    id: `t${i}`,
    slug: t.slug,
    ...tagFieldsOf(t, Array(t.tocLiaisons.length).fill("0")),
  })),
  subprojects: [
    { id: "s0", tagSlug: "tide-tables", slug: "moon-watch", name: "Moon Watch", mission: "Watching the moon." },
  ],
  seats: [
    {
      id: "a",
      tagSlug: "harbor-lights",
      subprojectSlug: null,
      kind: "chair",
      githubId: "910003",
      login: "chia-chair",
      startAt: "2025-07-01",
      termEndAt: "2027-06-30",
    },
    {
      id: "b",
      tagSlug: "harbor-lights",
      subprojectSlug: null,
      kind: "tech_lead",
      githubId: "910004",
      login: "teo-techlead",
      startAt: "2025-07-02",
      termEndAt: "2026-06-30",
    },
    {
      id: "c",
      tagSlug: "tide-tables",
      subprojectSlug: null,
      kind: "chair",
      githubId: "910011",
      login: "cora-chair",
      startAt: "2026-01-01",
      termEndAt: "2028-06-30",
    },
    {
      id: "d",
      tagSlug: "tide-tables",
      subprojectSlug: "moon-watch",
      kind: "subproject_lead",
      githubId: "910006",
      login: "milo-member",
      startAt: null,
      termEndAt: null,
    },
    {
      id: "e",
      tagSlug: "tide-tables",
      subprojectSlug: "moon-watch",
      kind: "subproject_lead",
      githubId: "910026",
      login: "ivo-member",
      startAt: null,
      termEndAt: null,
    },
  ],
  knownGithubIds: Object.values(ids),
};

describe("planTagsImport", () => {
  it("creates TAGs, subprojects, placeholders and seats on an empty portal; lists unresolved logins and TOC subprojects", () => {
    const plan = planTagsImport(file, empty, resolutions, record);
    expect(plan.changes.map((c) => c.type)).toEqual([
      "tag.create",
      "user.placeholder",
      "seat.create",
      "user.placeholder",
      "seat.create",
      "tag.create",
      "subproject.create",
      "user.placeholder",
      "seat.create",
      "user.placeholder",
      "seat.create",
      "user.placeholder",
      "seat.create",
    ]);
    expect(plan.changes[0]).toEqual({
      type: "tag.create",
      slug: "harbor-lights",
      after: expect.objectContaining({
        name: "TAG Harbor Lights",
        slackChannel: "C0HARBOR1",
        tocLiaisons: ["toby-toc"],
      }),
    });
    expect(plan.changes).toContainEqual({
      type: "seat.create",
      tagSlug: "tide-tables",
      subprojectSlug: "moon-watch",
      kind: "subproject_lead",
      login: "ivo-member",
      githubId: "910026",
      startAt: null,
      termEndAt: null,
      pending: false,
    });
    expect(plan.unresolved).toEqual([
      { login: "ghost-keeper", line: 18, where: "tag-harbor-lights chairs", reason: "GitHub has no such user" },
    ]);
    expect(plan.missing).toEqual([]);
    const report = describePlan(plan);
    expect(report).toContain("add harbor-lights chair @chia-chair (2025-07-01 to 2027-06-30)");
    expect(report).toContain(
      "unresolved login @ghost-keeper (line 18, tag-harbor-lights chairs): GitHub has no such user",
    );
    expect(report).toContain(
      "toc_subprojects: lantern-subproject not imported (TOC subprojects belong to no TAG; export keeps their text as it is)",
    );
  });

  it("changes nothing when the portal already says what the file says", () => {
    const plan = planTagsImport(file, imported, resolutions);
    expect(plan.changes).toEqual([]);
    expect(describePlan(plan)[0]).toBe("no changes");
  });

  it("follows the file's term dates and TAG fields, and keeps seats", () => {
    const changed = parseTagsYaml(
      sample.replace('end: "2026-06-30"', 'end: "2027-06-30"').replace("slack: C0HARBOR1", "slack: C0HARBOR9"),
    );
    if (!changed.ok) throw new Error("bad");
    const plan = planTagsImport(changed.file, imported, resolutions, record);
    expect(plan.changes).toEqual([
      {
        type: "tag.update",
        slug: "harbor-lights",
        before: { slackChannel: "C0HARBOR1" },
        after: { slackChannel: "C0HARBOR9" },
      },
      {
        type: "seat.update",
        seatId: "b",
        tagSlug: "harbor-lights",
        subprojectSlug: null,
        kind: "tech_lead",
        login: "teo-techlead",
        before: { startAt: "2025-07-02", termEndAt: "2026-06-30" },
        after: { startAt: "2025-07-02", termEndAt: "2027-06-30" },
      },
    ]);
  });

  it("reports seats the file no longer lists, and ends them only when asked", () => {
    const extra: PortalSnapshot = {
      ...imported,
      seats: [
        ...imported.seats,
        {
          id: "x",
          tagSlug: "tide-tables",
          subprojectSlug: null,
          kind: "tech_lead",
          githubId: "920001",
          login: "pia-lead",
          startAt: null,
          termEndAt: null,
        },
        // An unresolved login in the same list: that seat is kept, not reported.
        {
          id: "y",
          tagSlug: "harbor-lights",
          subprojectSlug: null,
          kind: "chair",
          githubId: "920002",
          login: "Ghost-Keeper",
          startAt: null,
          termEndAt: null,
        },
      ],
    };
    const plan = planTagsImport(file, extra, resolutions);
    expect(plan.changes).toEqual([]);
    expect(plan.missing).toEqual([
      { seatId: "x", tagSlug: "tide-tables", subprojectSlug: null, kind: "tech_lead", login: "pia-lead" },
    ]);
    expect(describePlan(plan)).toContain(
      "would end tide-tables tech lead @pia-lead (not in the file; run with --end-missing to end it)",
    );
    const ending = planTagsImport(file, extra, resolutions, { ...record, endMissing: true });
    expect(ending.changes).toEqual([
      {
        type: "seat.end",
        seatId: "x",
        tagSlug: "tide-tables",
        subprojectSlug: null,
        kind: "tech_lead",
        login: "pia-lead",
      },
    ]);
  });

  it("a file that is not the TOC's proposes: pending seats, no term changes, no ends; the TOC's file confirms", () => {
    const proposal = planTagsImport(file, empty, resolutions);
    expect(proposal.changes.filter((c) => c.type === "seat.create").every((c) => c.pending)).toBe(true);
    expect(describePlan(proposal)).toContain(
      "add harbor-lights chair @chia-chair (2025-07-01 to 2027-06-30), pending a TOC decision",
    );
    const changed = parseTagsYaml(sample.replace('end: "2026-06-30"', 'end: "2027-06-30"'));
    if (!changed.ok) throw new Error("bad");
    const edited = planTagsImport(changed.file, imported, resolutions, { endMissing: true });
    expect(edited.changes).toEqual([]);
    expect(edited.notes).toContain(
      "not applied: the term of harbor-lights tech lead @teo-techlead differs (2025-07-02..2027-06-30); only the TOC's own file changes terms",
    );
    const waiting: PortalSnapshot = {
      ...imported,
      seats: imported.seats.map((x) => ({ ...x, pending: x.id === "a" })),
    };
    expect(planTagsImport(file, waiting, resolutions, record).changes).toEqual([
      {
        type: "seat.confirm",
        seatId: "a",
        tagSlug: "harbor-lights",
        subprojectSlug: null,
        kind: "chair",
        login: "chia-chair",
      },
    ]);
    expect(planTagsImport(file, waiting, resolutions).changes).toEqual([]);
  });
});
