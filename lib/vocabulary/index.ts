/**
 * The shared words of the portal, each defined once: regions, role kinds, item kinds, status sets,
 * curated skills and time helpers. Pure (no server-only): the UI, CSVs, the API, the seed and the
 * tests import them. The UI and CSVs show the labels (all their wording is in labels.en.json,
 * decision 026); the API keeps the keys.
 */
export * from "./regions.ts";
export * from "./roles.ts";
export * from "./items.ts";
export * from "./statuses.ts";
export * from "./skills.ts";
export * from "./time.ts";
export * from "./tag-settings.ts";
export * from "./people.ts";
export * from "./decisions.ts";
export * from "./ids.ts";
export * from "./urls.ts";
export * from "./dates.ts";
export * from "./logins.ts";
export * from "./countries.ts";
export * from "./labelled.ts";
