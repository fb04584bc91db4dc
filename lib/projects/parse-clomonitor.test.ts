import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { formatEntryError, parseClomonitor } from "./parse-clomonitor";

const sample = readFileSync(path.join(import.meta.dirname, "fixtures/clomonitor-sample.yaml"), "utf8");

/** A valid one-project file with `extra` lines added to the entry. */
const one = (extra = "") =>
  `- name: reefline\n  display_name: Reefline\n  maturity: sandbox\n${extra}  repositories:\n    - name: reefline\n      url: https://github.com/reefline-example/reefline\n`;

const messages = (text: string) => parseClomonitor(text).errors.map(formatEntryError);

describe("parseClomonitor", () => {
  it("reads the format's quirks: comments in lists, folded text, trailing spaces, empty fields, unknown keys", () => {
    const { projects, errors } = parseClomonitor(sample);
    expect(errors).toEqual([]);
    expect(projects.map((p) => p.name)).toEqual(["tidewatch", "kelpie-mesh", "driftwood", "cncf-tag-fictional"]);
    const [tidewatch, kelpie, driftwood, tag] = projects;
    expect(tidewatch).toEqual({
      name: "tidewatch",
      displayName: "Tidewatch",
      description: "Tidewatch collects metrics from fictional tide gauges",
      category: "observability",
      maturity: "graduated",
      acceptedAt: "2019-04-02",
      homeUrl: null,
      logoUrl: "https://example.org/artwork/tidewatch.svg",
      devstatsUrl: "https://tidewatch.devstats.example.org/",
      repositories: [
        { name: "spec", url: "https://github.com/tidewatch-example/spec", checkSets: ["community"] },
        { name: "tidewatch", url: "https://github.com/tidewatch-example/tidewatch", checkSets: ["code"] },
      ],
    });
    expect(kelpie).toMatchObject({
      description: "A service mesh for fictional underwater clusters",
      category: "orchestration",
      homeUrl: "https://kelpie.example.org",
    });
    // No display name: the name stands in. An empty `devstats_url:` is no URL, not an error.
    expect(driftwood).toMatchObject({
      displayName: "driftwood",
      description: "Driftwood packages fictional workloads.",
      maturity: "sandbox",
      devstatsUrl: null,
      logoUrl: null,
    });
    expect(driftwood?.repositories).toEqual([
      { name: "driftwood", url: "https://github.com/driftwood-example/driftwood", checkSets: [] },
    ]);
    expect(tag).toMatchObject({ maturity: null, category: "", acceptedAt: null });
  });

  it("treats an empty file as no projects, and a comment-only file too", () => {
    expect(parseClomonitor("")).toEqual({ projects: [], errors: [] });
    expect(parseClomonitor("# nothing yet\n")).toEqual({ projects: [], errors: [] });
  });

  it("keeps the day of an unquoted date", () => {
    expect(parseClomonitor(one("  accepted_at: 2021-06-09\n")).projects[0]?.acceptedAt).toBe("2021-06-09");
  });

  it("names the entry, its position and its line for each bad field", () => {
    const text = `${sample}- name: bad-one\n  maturity: gradated\n  accepted_at: "2021-02-30"\n  repositories:\n    - name: x\n      url: javascript:alert(1)\n`;
    expect(messages(text)).toEqual([
      'entry 5 (name: bad-one, line 59): maturity must be one of sandbox, incubating, graduated, archived (got "gradated"); accepted_at is not a real calendar date; repositories[0].url must be an http(s) URL',
    ]);
    // The valid entries are still returned: the caller decides whether any error stops it.
    expect(parseClomonitor(text).projects).toHaveLength(4);
  });

  it("reports every bad entry, not only the first", () => {
    const text = [
      one(),
      "- name: ok-two\n  maturity: sandbox\n",
      "- display_name: Nameless\n",
      "- just a string\n",
      "- name: ok-two\n  maturity: incubating\n",
    ].join("");
    expect(messages(text)).toEqual([
      "entry 3 (line 9): name is required",
      "entry 4 (line 10): expected a project (a map with name, maturity, repositories, ...)",
      "entry 5 (name: ok-two, line 11): the name ok-two is also used by entry 2",
    ]);
  });

  it("refuses names that cannot be a URL path, and URLs that are not http(s)", () => {
    expect(messages("- name: ../etc\n  maturity: sandbox\n")).toEqual([
      "entry 1 (name: ../etc, line 1): name may contain only letters, digits, '.', '_' and '-'",
    ]);
    expect(messages(one("  home_url: ftp://example.org/x\n"))[0]).toContain("home_url must be an http(s) URL");
    expect(messages("- name: r\n  repositories:\n    - name: r\n")[0]).toBe(
      "entry 1 (name: r, line 1): repositories[0].url is required",
    );
  });

  it("explains a file that is not YAML or not a list", () => {
    expect(messages("- name: [unclosed\n")).toEqual([expect.stringMatching(/^file \(line \d+\): not valid YAML: /)]);
    expect(messages("- name: a\n  name: b\n")).toEqual(["file (line 2): not valid YAML: Map keys must be unique"]);
    expect(messages("projects:\n  - name: a\n")).toEqual([
      "file (line 1): expected a list of projects at the top level",
    ]);
  });
});
