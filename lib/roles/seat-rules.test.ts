import { describe, expect, it } from "vitest";
import {
  checkSeat,
  employerKey,
  parseRegionCounts,
  seatWarnings,
  vacancies,
  type SeatHolder,
  type SeatRules,
} from "./seat-rules";

const rules = (over: Partial<SeatRules> = {}): SeatRules => ({
  totalSeats: null,
  maxPerRegion: {},
  minPerRegion: {},
  maxPerEmployer: null,
  ...over,
});
const holder = (
  who: string,
  region: SeatHolder["region"],
  employer: string | null = null,
  onLeave = false,
): SeatHolder => ({ who, region, employer, onLeave });

describe("checkSeat", () => {
  it("allows anyone when there are no rules", () => {
    expect(checkSeat(rules(), [holder("a", "EMEA")], { who: "b", region: "EMEA", employer: "X" }, true)).toEqual({
      allowed: true,
    });
  });

  it("refuses when no seats are left, counting holders on leave", () => {
    const r = checkSeat(
      rules({ totalSeats: 2 }),
      [holder("a", "EMEA"), holder("b", "APAC", null, true)],
      { who: "c", region: "Americas", employer: null },
      false,
    );
    expect(r).toEqual({ allowed: false, reason: "No seats left: all 2 are taken." });
  });

  it("refuses a full region with the region-cap message", () => {
    const r = checkSeat(
      rules({ totalSeats: 2, maxPerRegion: { EMEA: 1 } }),
      [holder("a", "EMEA")],
      { who: "b", region: "EMEA", employer: null },
      true,
    );
    expect(r).toEqual({ allowed: false, reason: "Region cap full: EMEA already has 1 of 1." });
    expect(
      checkSeat(
        rules({ totalSeats: 2, maxPerRegion: { EMEA: 1 } }),
        [holder("a", "EMEA")],
        { who: "b", region: "APAC", employer: null },
        true,
      ).allowed,
    ).toBe(true);
  });

  it("a holder on leave frees the regional cap only when the TAG says leave does not count", () => {
    const r = rules({ maxPerRegion: { EMEA: 1 } });
    const hs = [holder("a", "EMEA", null, true)];
    expect(checkSeat(r, hs, { who: "b", region: "EMEA", employer: null }, true).allowed).toBe(false);
    expect(checkSeat(r, hs, { who: "b", region: "EMEA", employer: null }, false).allowed).toBe(true);
  });

  it("compares employers trimmed and case-insensitively; independents are never capped", () => {
    const r = rules({ maxPerEmployer: 1 });
    const hs = [holder("a", "EMEA", " Acme Corp "), holder("b", "APAC", "Independent"), holder("c", "APAC", "")];
    const refused = checkSeat(r, hs, { who: "d", region: "APAC", employer: "acme corp" }, true);
    expect(refused.allowed).toBe(false);
    expect(!refused.allowed && refused.reason).toMatch(/^Employer cap reached/);
    expect(checkSeat(r, hs, { who: "d", region: "APAC", employer: "independent " }, true).allowed).toBe(true);
    expect(checkSeat(r, hs, { who: "d", region: "APAC", employer: "  " }, true).allowed).toBe(true);
    expect(checkSeat(r, hs, { who: "d", region: "APAC", employer: null }, true).allowed).toBe(true);
  });

  it("a candidate without a region is not held to regional caps", () => {
    expect(
      checkSeat(rules({ maxPerRegion: { EMEA: 0 } }), [], { who: "a", region: null, employer: null }, true).allowed,
    ).toBe(true);
  });
});

describe("seatWarnings", () => {
  it("reports unmet regional minimums", () => {
    const w = seatWarnings(rules({ minPerRegion: { APAC: 1, EMEA: 1 } }), [holder("a", "EMEA")], true);
    expect(w).toEqual(["Regional minimum unmet: APAC has 0 of at least 1."]);
  });

  it("names who breaks a cap", () => {
    const w = seatWarnings(
      rules({ totalSeats: 1, maxPerRegion: { EMEA: 1 }, maxPerEmployer: 1 }),
      [holder("a", "EMEA", "Acme"), holder("b", "EMEA", "ACME ")],
      true,
    );
    expect(w).toContain("More holders than seats: 2 hold 1 seats (a, b).");
    expect(w).toContain("Region over its cap: EMEA has 2 of at most 1 (a, b).");
    expect(w).toContain("Employer share above the cap: Acme holds 2 of at most 1 (a, b).");
  });

  it("is empty for a roster within its rules", () => {
    expect(
      seatWarnings(
        rules({ totalSeats: 3, maxPerRegion: { EMEA: 2 }, minPerRegion: { EMEA: 1 }, maxPerEmployer: 1 }),
        [holder("a", "EMEA", "X"), holder("b", "EMEA", "Independent"), holder("c", "APAC", "Independent")],
        true,
      ),
    ).toEqual([]);
  });
});

describe("helpers", () => {
  it("employerKey", () => {
    expect(employerKey(" Acme ")).toBe("acme");
    expect(employerKey("INDEPENDENT")).toBeNull();
    expect(employerKey(null)).toBeNull();
  });
  it("parseRegionCounts keeps only regions with integers", () => {
    expect(parseRegionCounts({ EMEA: 1, APAC: "2", Mars: 3, Americas: 1.5 })).toEqual({ EMEA: 1 });
    expect(parseRegionCounts(null)).toEqual({});
    expect(parseRegionCounts([1])).toEqual({});
  });
  it("vacancies", () => {
    expect(vacancies({ totalSeats: 3 }, 1)).toBe(2);
    expect(vacancies({ totalSeats: 1 }, 2)).toBe(0);
    expect(vacancies({ totalSeats: null }, 2)).toBeNull();
  });
});
