import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { parseTagsYaml, slugOfDir } from "./parse";

const sample = readFileSync(path.join(import.meta.dirname, "fixtures/tags-sample.yaml"), "utf8");

function parse(text: string) {
  const r = parseTagsYaml(text);
  if (!r.ok) throw new Error(JSON.stringify(r.errors));
  return r.file;
}

describe("parseTagsYaml", () => {
  it("reads TAGs, leaders, terms, contacts and subprojects, ignoring commented-out blocks and trailing spaces", () => {
    const file = parse(sample);
    expect(file.tags.map((t) => t.slug)).toEqual(["harbor-lights", "tide-tables"]);
    const [harbor, tides] = file.tags;
    expect(harbor).toMatchObject({
      dir: "tag-harbor-lights",
      name: "TAG Harbor Lights",
      mission: "Lighthouses, Buoys, Fog Horns.",
      slackChannel: "C0HARBOR1",
      mailingList: "https://lists.example.org/g/harbor-lights/",
      tocLiaisons: ["toby-toc"],
      subprojects: [],
      line: 2,
    });
    expect(harbor!.chairs).toEqual([
      { login: "chia-chair", name: "Chia Oakhollow", company: null, start: "2025-07-01", end: "2027-06-30", line: 10 },
      {
        login: "ghost-keeper",
        name: "Gale Nobody",
        company: "Nowhere Co",
        start: "2025-07-01",
        end: "2027-06-30",
        line: 18,
      },
    ]);
    expect(harbor!.meetings).toBe(
      "TAG Harbor Lights Meetings\ntag calendar: https://calendar.example.org/harbor-lights\nrecordings url: https://video.example.org/harbor-lights",
    );
    expect(tides).toMatchObject({
      mission: "Tides, currents and moon phases.\n\nA second paragraph.",
      mailingList: null,
      techLeads: [],
      tocLiaisons: [],
    });
    expect(tides!.subprojects).toEqual([
      {
        slug: "moon-watch",
        name: "Moon Watch",
        mission: "Watching the moon.",
        line: 74,
        leads: [
          { login: "milo-member", name: "Milo Fernsby", company: "Bramble Data", start: null, end: null, line: 81 },
          { login: "ivo-member", name: "Ivo Brambleton", company: null, start: null, end: null, line: 86 },
        ],
      },
    ]);
  });

  it("reads TOC subprojects and warns about a leader without a login", () => {
    const file = parse(sample);
    expect(file.tocSubprojects).toEqual([{ dir: "lantern-subproject", name: "Lantern SubProject", line: 93 }]);
    expect(file.warnings).toEqual([
      { line: 98, message: "toc_subprojects[1].leadership.chairs[1] has no GitHub login; skipped" },
    ]);
  });

  it("names the line of each malformed entry and returns nothing", () => {
    const bad = sample
      .replace('end: "2027-06-30"    ', 'end: "2024-06-30"')
      .replace("- github: teo-techlead", "- github: not a login")
      .replace('start: "2026-01-01"', 'start: "2026-02-30"')
      .replace("        name: Moon Watch\n", "");
    const r = parseTagsYaml(bad);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.errors).toEqual([
      {
        line: 10,
        message:
          "tags[1] (tag-harbor-lights).leadership.chairs[1].term ends (2024-06-30) before it starts (2025-07-01)",
      },
      {
        line: 27,
        message: 'tags[1] (tag-harbor-lights).leadership.tech_leads[1].github "not a login" is not a GitHub login',
      },
      {
        line: 67,
        message:
          'tags[2] (tag-tide-tables).leadership.chairs[1].term.start "2026-02-30" is not a date written YYYY-MM-DD',
      },
      { line: 74, message: "tags[2] (tag-tide-tables).tag_subprojects[1].name is required" },
    ]);
  });

  it("refuses a file that is not YAML or has no tags list, and a duplicate dir", () => {
    expect(parseTagsYaml("tags: [oops")).toMatchObject({ ok: false, errors: [{ line: 1 }] });
    expect(parseTagsYaml("- a\n- b\n")).toEqual({
      ok: false,
      errors: [{ line: 1, message: "expected a map with `tags:` at the top level" }],
    });
    const twice = parseTagsYaml("tags:\n  - dir: tag-a\n    name: A\n  - dir: a\n    name: Again\n");
    expect(twice).toEqual({ ok: false, errors: [{ line: 4, message: "tags[2] (a): the dir is also used on line 2" }] });
  });

  it("derives the TAG slug from dir", () => {
    expect(slugOfDir("tag-security-and-compliance")).toBe("security-and-compliance");
    expect(slugOfDir("mentoring-subproject")).toBe("mentoring-subproject");
  });
});
