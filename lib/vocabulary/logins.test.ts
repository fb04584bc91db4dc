import { describe, expect, it } from "vitest";
import { githubLogin, parseLogin, parseLogins } from "./logins";

describe("GitHub logins as typed", () => {
  it("accepts a leading @, any case and surrounding spaces", () => {
    expect(parseLogin("@Bea-Ambassador")).toBe("Bea-Ambassador");
    expect(parseLogin("  bea-ambassador ")).toBe("bea-ambassador");
    expect(githubLogin().parse(" @Bea-Ambassador")).toBe("Bea-Ambassador");
  });

  it("refuses what GitHub never allows", () => {
    for (const bad of ["", "@", "-lead", "lead-", "two--hyphens", "has space", "under_score", "a%", "x".repeat(40)])
      expect(parseLogin(bad), bad).toBeNull();
    expect(githubLogin().safeParse("@bad_login").error?.issues[0]?.message).toMatch(/GitHub login/);
  });

  it("reads a pasted list once per person, whatever the case", () => {
    expect(parseLogins("@Ana, ana\nbo;@cy  not_valid")).toEqual({
      logins: ["Ana", "bo", "cy"],
      invalid: ["not_valid"],
    });
  });
});
