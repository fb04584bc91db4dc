import { describe, expect, it } from "vitest";
import { formatTargets, parseTargets, representationRows, type Member } from "./targets";

describe("parseTargets", () => {
  it("reads regions, country codes and country names, in any case", () => {
    const r = parseTargets(
      "Leadership: at least 2 from APAC\n\nambassadors: At least 1 in br\nLeaders: at least 1 from Germany.",
    );
    expect(r).toEqual({
      ok: true,
      targets: [
        { group: "leadership", region: "APAC", country: null, minimum: 2 },
        { group: "ambassadors", region: null, country: "BR", minimum: 1 },
        { group: "leadership", region: null, country: "DE", minimum: 1 },
      ],
    });
    if (r.ok) expect(parseTargets(formatTargets(r.targets))).toEqual(r);
  });

  it("refuses the whole text and names every bad line", () => {
    const r = parseTargets(
      [
        "Leadership: at least 2 from APAC",
        "Leadership: 2 APAC",
        "Members: at least 1 from EMEA",
        "Ambassadors: at least 1 from XK",
        "Ambassadors: at least 0 from EMEA",
        "Leadership: at least 3 from apac",
      ].join("\n"),
    );
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.errors.map((e) => e.slice(0, 7))).toEqual(["Line 2:", "Line 3:", "Line 4:", "Line 5:", "Line 6:"]);
    expect(r.errors[2]).toContain("nor a country (an ISO 3166-1 code such as DE)");
    expect(r.errors[4]).toContain("already has a target");
  });
});

describe("representationRows", () => {
  const people = (...xs: [string | null, string | null][]): Member[] =>
    xs.map(([region, country]) => ({ region, country }));

  it("counts regions exactly, and countries only from three people up", () => {
    const leadership = people(["EMEA", "DE"], ["EMEA", "DE"], ["APAC", "JP"], ["Americas", null]);
    const ambassadors = people(["EMEA", "DE"], ["EMEA", "DE"], ["EMEA", "DE"], ["APAC", "IN"]);
    const rows = representationRows({ leadership, ambassadors }, [
      { group: "leadership", region: "APAC", country: null, minimum: 2 },
      { group: "leadership", region: null, country: "DE", minimum: 1 },
      { group: "leadership", region: null, country: "DE", minimum: 3 },
      { group: "leadership", region: null, country: "BR", minimum: 1 },
      { group: "ambassadors", region: null, country: "DE", minimum: 2 },
    ]);
    expect(rows.map((r) => [r.place, r.count, r.met])).toEqual([
      ["APAC", 1, false],
      // Two from Germany: neither the count nor "met" is shown; a zero looks the same.
      ["Germany (DE)", null, null],
      ["Germany (DE)", null, false],
      ["Brazil (BR)", null, null],
      ["Germany (DE)", 3, true],
    ]);
  });
});
