import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { formDataToObject } from "@/lib/form-data";
import { formValuesFromInput, formValuesFromProfile } from "./form-data";
import { DeleteAccountSchema, isTimeZone, ProfileSchema, type ProfileInput } from "./schemas";

const valid = {
  region: "EMEA",
  country: "DE",
  countryPublic: false,
  timezone: "Europe/Berlin",
  employer: "Example Corp",
  skills: ["Kubernetes", "Go"],
  interests: ["Observability"],
  languages: ["English", "German"],
  hoursPerMonth: 10,
  bio: "I write docs.",
};

function fieldErrors(input: unknown) {
  const r = ProfileSchema.safeParse(input);
  expect(r.success).toBe(false);
  return z.flattenError(r.error!);
}

describe("ProfileSchema", () => {
  it("accepts a valid profile", () => {
    expect(ProfileSchema.parse(valid)).toEqual(valid);
  });

  it("names an unknown region", () => {
    expect(fieldErrors({ ...valid, region: "Antarctica" }).fieldErrors.region).toEqual([
      "Unknown region: choose APAC, EMEA or Americas.",
    ]);
  });

  it("takes a country as an ISO 3166-1 alpha-2 code in any case, and names anything else", () => {
    expect(ProfileSchema.parse({ ...valid, country: " br ", countryPublic: "on" })).toMatchObject({
      country: "BR",
      countryPublic: true,
    });
    for (const country of ["XK", "EU", "ZZ", "DEU", "Germany", "1"])
      expect(fieldErrors({ ...valid, country }).fieldErrors.country, country).toEqual([
        "Unknown country: choose one from the list (ISO 3166-1 codes such as DE or BR).",
      ]);
    // An unticked box is absent from the form: private.
    const { countryPublic: _omit, ...unticked } = valid;
    expect(ProfileSchema.parse({ ...unticked, country: "JP" }).countryPublic).toBe(false);
  });

  it("names an invalid timezone, and refuses UTC offsets that are not zone names", () => {
    for (const tz of ["Mars/Olympus_Mons", "+01:00", "Europe/Berlin; DROP", "x".repeat(65)]) {
      expect(fieldErrors({ ...valid, timezone: tz }).fieldErrors.timezone?.[0], tz).toMatch(/^Invalid timezone/);
    }
    expect(isTimeZone("America/New_York")).toBe(true);
    expect(ProfileSchema.parse({ ...valid, timezone: " europe/berlin " }).timezone).toBe("Europe/Berlin");
  });

  it("says when there are too many skills, or one is too long", () => {
    const many = Array.from({ length: 16 }, (_, i) => `skill ${i}`);
    expect(fieldErrors({ ...valid, skills: many }).fieldErrors.skills).toEqual(["Too many skills: choose at most 15."]);
    expect(fieldErrors({ ...valid, skills: ["x".repeat(41)] }).fieldErrors.skills).toEqual([
      "Each skill must be 1 to 40 characters.",
    ]);
    expect(
      fieldErrors({ ...valid, languages: Array.from({ length: 11 }, (_, i) => `L${i}`) }).fieldErrors.languages,
    ).toEqual(["Too many languages: choose at most 10."]);
  });

  it("says when the bio or employer is too long, and when hours are out of range", () => {
    expect(fieldErrors({ ...valid, bio: "a".repeat(1001) }).fieldErrors.bio).toEqual([
      "Bio is too long: at most 1000 characters.",
    ]);
    expect(fieldErrors({ ...valid, employer: "e".repeat(101) }).fieldErrors.employer?.[0]).toMatch(
      /Employer is too long/,
    );
    for (const h of [-1, 161, 2.5, "ten", "1e3"])
      expect(fieldErrors({ ...valid, hoursPerMonth: h }).fieldErrors.hoursPerMonth, String(h)).toBeDefined();
    expect(ProfileSchema.parse({ ...valid, bio: "b".repeat(1000) }).bio).toHaveLength(1000);
  });

  it("rejects extra keys such as isAdmin, role and userId (no mass assignment)", () => {
    for (const extra of [
      { isAdmin: true },
      { role: "admin" },
      { userId: "00000000-0000-0000-0000-000000000000" },
      { email: "x@example.test" },
    ]) {
      const r = ProfileSchema.safeParse({ ...valid, ...extra });
      expect(r.success, JSON.stringify(extra)).toBe(false);
      expect(z.flattenError(r.error!).formErrors.join(" ")).toContain(Object.keys(extra)[0]);
    }
    expect(DeleteAccountSchema.safeParse({ confirmLogin: "me", userId: "someone" }).success).toBe(false);
  });

  it("reads form values: blanks mean not set, tags are split, trimmed, deduplicated and given curated spelling", () => {
    const parsed = ProfileSchema.parse({
      region: "",
      country: "",
      timezone: "",
      employer: "  ",
      skills: ["Kubernetes", "kubernetes, go ,  my  own tag,,"],
      interests: [],
      languages: "English, english, Español",
      hoursPerMonth: " 20 ",
      bio: "",
    });
    expect(parsed).toEqual({
      region: null,
      country: null,
      countryPublic: false,
      timezone: null,
      employer: null,
      skills: ["Kubernetes", "Go", "my own tag"],
      interests: [],
      languages: ["English", "Español"],
      hoursPerMonth: 20,
      bio: "",
    });
    expect(ProfileSchema.parse({ ...parsed, hoursPerMonth: "" }).hoursPerMonth).toBeNull();
  });

  it("is idempotent: parsing its own output gives the same output", () => {
    const once = ProfileSchema.parse({ ...valid, timezone: "asia/tokyo", skills: "go, rust" });
    expect(ProfileSchema.parse(once)).toEqual(once);
  });

  it("never throws, whatever it is given (property-based)", () => {
    const field = fc.oneof(
      fc.anything(),
      fc.string(),
      fc.array(fc.string(), { maxLength: 30 }),
      fc.constantFrom("", "APAC", "Europe/Berlin", "+01:00", "__proto__", "constructor"),
      fc.integer(),
      fc.double(),
    );
    const keys = fc.constantFrom(
      "region",
      "timezone",
      "employer",
      "skills",
      "interests",
      "languages",
      "hoursPerMonth",
      "bio",
      "isAdmin",
      "role",
      "userId",
      "__proto__",
    );
    fc.assert(
      fc.property(
        fc.oneof(
          fc.anything(),
          fc.dictionary(keys, field),
          fc.record({ ...Object.fromEntries(Object.keys(valid).map((k) => [k, field])) }),
        ),
        (input) => {
          const r = ProfileSchema.safeParse(input);
          expect(typeof r.success).toBe("boolean");
          if (r.success) expect(ProfileSchema.parse(r.data)).toEqual(r.data);
          const d = DeleteAccountSchema.safeParse(input);
          expect(typeof d.success).toBe("boolean");
        },
      ),
      { numRuns: 2000 },
    );
  });
});

describe("profile form data", () => {
  it("keeps every checked box, merges free text with the same name, and keeps unknown fields for the schema to refuse", () => {
    const fd = new FormData();
    for (const [k, v] of [
      ["$ACTION_ID_abc", ""],
      ["region", "APAC"],
      ["country", ""],
      ["timezone", "Asia/Tokyo"],
      ["employer", ""],
      ["skills", "Go"],
      ["skills", "Rust"],
      ["skills", "Baking, go"],
      ["interests", ""],
      ["languages", "Japanese"],
      ["hoursPerMonth", "8"],
      ["bio", ""],
    ] as const)
      fd.append(k, v);
    const raw = formDataToObject(fd);
    expect(raw).not.toHaveProperty("$ACTION_ID_abc");
    const parsed: ProfileInput = ProfileSchema.parse(raw);
    expect(parsed.skills).toEqual(["Go", "Rust", "Baking"]);
    expect(formValuesFromProfile(parsed)).toEqual(formValuesFromInput(raw));

    fd.append("isAdmin", "true");
    expect(ProfileSchema.safeParse(formDataToObject(fd)).success).toBe(false);
    fd.delete("isAdmin");
    fd.append("region", "EMEA");
    expect(z.flattenError(ProfileSchema.safeParse(formDataToObject(fd)).error!).fieldErrors.region).toBeDefined();
  });

  it("does not let a field named __proto__ reach the prototype", () => {
    const fd = new FormData();
    fd.append("__proto__", "x");
    const raw = formDataToObject(fd);
    expect(Object.getPrototypeOf(raw)).toBe(Object.prototype);
    expect(ProfileSchema.safeParse({ ...valid, ...raw }).success).toBe(false);
  });
});
