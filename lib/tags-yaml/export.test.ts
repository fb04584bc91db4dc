import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { exportStateFromFile, exportTagsYaml, type ExportState } from "./export";
import { parseTagsYaml } from "./parse";

const sample = readFileSync(path.join(import.meta.dirname, "fixtures/tags-sample.yaml"), "utf8");

function stateOf(text: string): ExportState {
  const r = parseTagsYaml(text);
  if (!r.ok) throw new Error(JSON.stringify(r.errors));
  return exportStateFromFile(r.file);
}

/** Lines removed (-) and added (+), in file order: enough to show a diff is small. */
function lineDiff(a: string, b: string): string[] {
  const x = a.split("\n");
  const y = b.split("\n");
  let head = 0;
  while (head < x.length && head < y.length && x[head] === y[head]) head++;
  let tail = 0;
  while (tail < x.length - head && tail < y.length - head && x[x.length - 1 - tail] === y[y.length - 1 - tail]) tail++;
  return [...x.slice(head, x.length - tail).map((l) => `-${l}`), ...y.slice(head, y.length - tail).map((l) => `+${l}`)];
}

describe("exportTagsYaml", () => {
  it("gives back the very bytes it was given when nothing changed (comments, trailing spaces, unused keys)", () => {
    expect(exportTagsYaml(sample, stateOf(sample))).toBe(sample);
  });

  it("changes only the term end that changed", () => {
    const state = stateOf(sample);
    state.tags[0]!.techLeads.current[0]!.end = "2027-06-30";
    expect(lineDiff(sample, exportTagsYaml(sample, state))).toEqual([
      '-            end: "2026-06-30"',
      '+            end: "2027-06-30"',
    ]);
  });

  it("keeps the trailing spaces after a value it rewrites", () => {
    const state = stateOf(sample);
    state.tags[0]!.chairs.current[0]!.end = "2027-12-31";
    const out = exportTagsYaml(sample, state);
    expect(lineDiff(sample, out)).toEqual(['-            end: "2027-06-30"    ', '+            end: "2027-12-31"    ']);
  });

  it("appends a new chair after the last one, in the file's shape, and removes one whose seat ended", () => {
    const state = stateOf(sample);
    state.tags[1]!.chairs.current.push({
      login: "kai-chair",
      name: "Kai Morrowfield",
      company: "Northwind Cloud",
      start: "2026-07-01",
      end: "2028-06-30",
    });
    state.tags[0]!.chairs.ended.push("chia-chair");
    state.tags[0]!.chairs.current.shift();
    const out = exportTagsYaml(sample, state);
    expect(lineDiff(sample, out).slice(0, 9)).toEqual([
      "-        - github: chia-chair",
      "-          lfx_id:",
      "-          name: Chia Oakhollow",
      "-          company:",
      "-          email:",
      "-          term:",
      '-            start: "2025-07-01"',
      '-            end: "2027-06-30"    ',
      "-        - github: ghost-keeper",
    ]);
    expect(out).toContain(
      [
        '            end: "2028-06-30"',
        "        - github: kai-chair",
        "          lfx_id:",
        "          name: Kai Morrowfield",
        "          company: Northwind Cloud",
        "          email:",
        "          term:",
        '            start: "2026-07-01"',
        '            end: "2028-06-30"',
        "      tech_leads:",
      ].join("\n"),
    );
    // Reading the export back gives the portal's state.
    expect(stateOf(out)).toEqual({
      ...state,
      tags: state.tags.map((t) => ({ ...t, chairs: { ...t.chairs, ended: [] } })),
    });
  });

  it("keeps people the portal does not know (unresolved at import)", () => {
    const state = stateOf(sample);
    state.tags[0]!.chairs.current = state.tags[0]!.chairs.current.filter((p) => p.login !== "ghost-keeper");
    expect(exportTagsYaml(sample, state)).toBe(sample);
  });

  it("fills an empty list and an empty field, and appends a new TAG before toc_subprojects", () => {
    const state = stateOf(sample);
    state.tags[1]!.techLeads.current.push({
      login: "sven-lead",
      name: "Sven Ashdown",
      company: null,
      start: "2026-07-01",
      end: "2028-06-30",
    });
    state.tags[1]!.mailingList = "https://lists.example.org/g/tide-tables";
    state.tags.push({
      slug: "lantern-keepers",
      name: "TAG Lantern Keepers",
      mission: "Keeping lanterns lit.",
      slackChannel: "C0LANTERN2",
      mailingList: null,
      tocLiaisons: [{ login: "tess-toc", name: "Tess Amberline" }],
      chairs: {
        current: [
          {
            login: "lena-chair",
            name: "Lena Birchwood",
            company: "Harbor Labs",
            start: "2026-07-01",
            end: "2028-06-30",
          },
        ],
        ended: [],
      },
      techLeads: { current: [], ended: [] },
      subprojects: [],
    });
    const out = exportTagsYaml(sample, state);
    expect(out).toContain("      mailing_list: https://lists.example.org/g/tide-tables\n");
    expect(out).toContain(
      "      tech_leads:\n        - github: sven-lead\n          lfx_id:\n          name: Sven Ashdown\n",
    );
    expect(out).toContain(
      "        landscape_url: https://landscape.example.org/\n  - dir: tag-lantern-keepers\n    name: TAG Lantern Keepers\n    mission_statement: Keeping lanterns lit.\n    label: tag-lantern-keepers\n",
    );
    expect(out.indexOf("tag-lantern-keepers")).toBeLessThan(out.indexOf("toc_subprojects:"));
    expect(out.endsWith(sample.slice(sample.indexOf("toc_subprojects:")))).toBe(true);
    expect(stateOf(out).tags.map((t) => t.slug)).toEqual(["harbor-lights", "tide-tables", "lantern-keepers"]);
    expect(exportTagsYaml(out, stateOf(out))).toBe(out);
  });

  it("rewrites a changed mission in place, keeping the block style", () => {
    const state = stateOf(sample);
    state.tags[0]!.mission = "Lighthouses and buoys.";
    state.tags[1]!.subprojects[0]!.leads.current[1]!.end = "2027-01-31";
    const out = exportTagsYaml(sample, state);
    expect(out).toContain("    mission_statement: >\n      Lighthouses and buoys.\n    charter_link: charter.md\n");
    expect(out.split("\n").length).toBe(sample.split("\n").length + 3);
    expect(out).toContain(
      '              email:\n              term:\n                start:\n                end: "2027-01-31"\n        landscape_url',
    );
    expect(stateOf(out).tags[1]!.subprojects[0]!.leads.current[1]!.end).toBe("2027-01-31");
  });

  it("starts from `tags:` when nothing was imported yet", () => {
    const state = stateOf(sample);
    const out = exportTagsYaml("", state);
    expect(stateOf(out)).toEqual(state);
  });
});
