import { describe, expect, it } from "vitest";
import { communityLabelsFrom, isHelpWanted, kindFromIssue, parseHelpWantedLabels } from "./labels";

describe("help-wanted labels", () => {
  it("match a repository's labels without regard to case or surrounding spaces", () => {
    const defaults = ["help wanted", "help-wanted", "community/help wanted"];
    expect(isHelpWanted(["bug", "Help Wanted"], defaults)).toBe(true);
    expect(isHelpWanted(["HELP-WANTED"], defaults)).toBe(true);
    expect(isHelpWanted([" community/help wanted "], defaults)).toBe(true);
    expect(isHelpWanted(["help", "wanted", "helpwanted"], defaults)).toBe(false);
    expect(isHelpWanted(["help wanted"], ["needs volunteer"])).toBe(false);
  });

  it("parses what a lead types: lines or commas, trimmed, lower-cased, no duplicates, bounded", () => {
    expect(parseHelpWantedLabels("Help Wanted\n help-wanted , HELP WANTED")).toEqual({
      ok: true,
      labels: ["help wanted", "help-wanted"],
    });
    expect(parseHelpWantedLabels(" ,\n ")).toMatchObject({ ok: false });
    expect(parseHelpWantedLabels(Array.from({ length: 11 }, (_, i) => `l${i}`).join(","))).toMatchObject({
      ok: false,
      error: "At most 10 labels.",
    });
    expect(parseHelpWantedLabels("x".repeat(51))).toMatchObject({ ok: false });
  });

  it("derive a kind from labels first, then the title, else other", () => {
    expect(kindFromIssue(["help wanted", "documentation"], "Anything")).toBe("content");
    expect(kindFromIssue(["help wanted", "KubeCon"], "Write docs")).toBe("event");
    expect(kindFromIssue(["help wanted", "review", "translation"], "x")).toBe("review");
    expect(kindFromIssue(["help wanted"], "Security self-assessment of Falco")).toBe("review");
    expect(kindFromIssue(["help wanted"], "Blog post on SBOMs")).toBe("content");
    expect(kindFromIssue(["help wanted"], "Liaison to the Falco project")).toBe("project_liaison");
    expect(kindFromIssue(["help wanted"], "Fix the flaky test")).toBe("other");
  });

  it("keep the portal's community labels an issue already has, in GitHub's spellings too", () => {
    expect(communityLabelsFrom(["Good First Issue", "good-first-issue", "difficulty/hard", "bug"])).toEqual([
      "good first issue",
      "difficulty: hard",
    ]);
  });
});
