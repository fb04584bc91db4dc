/**
 * Arbitrary matching people and items (fast-check) for the model's property tests, drawn from the
 * small vocabularies a test names so that overlaps happen often.
 */
import fc from "fast-check";
import type { MatchItem, MatchPerson } from "@/lib/matching/score";
import { BOARD_KINDS, DAY, REGIONS } from "@/lib/vocabulary";

/** People with `skills`, interest in `tagIds`, a time zone of `zones` (or none), up to `hours` free and `load` held. */
export function arbMatchPerson(
  skills: readonly string[],
  tagIds: readonly string[],
  zones: readonly string[],
  { hours = 60, load = 30 } = {},
): fc.Arbitrary<MatchPerson> {
  return fc.record({
    skills: fc.subarray([...skills]),
    interestTagIds: fc.subarray([...tagIds]),
    preferredKinds: fc.subarray([...BOARD_KINDS]),
    region: fc.option(fc.constantFrom(...REGIONS), { nil: null }),
    timezone: fc.option(fc.constantFrom(...zones), { nil: null }),
    languages: fc.subarray(["English", "Spanish", "Japanese"]),
    hoursPerMonth: fc.option(fc.integer({ min: 0, max: hours }), { nil: null }),
    loadHours: fc.integer({ min: 0, max: load }),
    completedKinds: fc.dictionary(fc.constantFrom(...BOARD_KINDS), fc.integer({ min: 0, max: 5 })),
  });
}

/**
 * Items needing `skills`, on one or more of `tagIds`, in a time zone of `zones` (or none), due from
 * 30 days before `now` to 200 after (or never), with `minEffort` to 80 hours and up to `volunteers`.
 */
export function arbMatchItem(
  now: Date,
  skills: readonly string[],
  tagIds: readonly string[],
  zones: readonly string[],
  { id = fc.uuid(), minEffort = 0, volunteers = 2 } = {},
): fc.Arbitrary<MatchItem> {
  return fc.record({
    id,
    kind: fc.constantFrom(...BOARD_KINDS),
    skills: fc.subarray([...skills]),
    tagIds: fc.subarray([...tagIds], { minLength: 1 }),
    region: fc.option(fc.constantFrom(...REGIONS), { nil: null }),
    timezone: fc.option(fc.constantFrom(...zones), { nil: null }),
    effortHours: fc.option(fc.integer({ min: minEffort, max: 80 }), { nil: null }),
    dueAt: fc.option(
      fc.integer({ min: -30, max: 200 }).map((d) => new Date(now.getTime() + d * DAY)),
      { nil: null },
    ),
    volunteers: fc.integer({ min: 0, max: volunteers }),
    languages: fc.subarray(["Spanish", "Japanese"]),
  });
}
