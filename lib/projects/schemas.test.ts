import { describe, expect, it } from "vitest";
import { parseProjectFilters, projectsHref } from "./schemas";

describe("project filters in the URL", () => {
  it("reads the catalogue's parameters, trimmed", () => {
    expect(
      parseProjectFilters({
        q: "  prom ",
        maturity: "graduated",
        category: "observability",
        sort: "newest",
        page: "3",
      }),
    ).toEqual({
      q: "prom",
      maturity: "graduated",
      category: "observability",
      sort: "newest",
      page: 3,
    });
  });

  it("falls back to no filter for unknown or malformed values instead of failing", () => {
    expect(parseProjectFilters({ maturity: "gradated", sort: "random", page: "-2", q: ["a", "b"] })).toEqual({
      q: "a",
      maturity: undefined,
      category: "",
      sort: "name",
      page: 1,
    });
    expect(parseProjectFilters({ page: "abc" }).page).toBe(1);
    expect(parseProjectFilters({ q: "x".repeat(500) }).q).toHaveLength(100);
  });

  it("builds short links that keep the other filters", () => {
    const f = parseProjectFilters({ q: "a b", maturity: "sandbox", page: "2" });
    expect(projectsHref(f)).toBe("/projects?q=a+b&maturity=sandbox&page=2");
    expect(projectsHref(f, { page: 1 })).toBe("/projects?q=a+b&maturity=sandbox");
    expect(projectsHref(parseProjectFilters({}))).toBe("/projects");
  });
});
