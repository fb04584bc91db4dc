/**
 * Representation targets (issue 21 point 3), pure: reading the editor's text, and setting a TAG's
 * leadership and TAG Ambassadors against its targets. Loading is in ./load.ts.
 *
 * Privacy (docs/decisions/021-representation-privacy.md): regions are public on every roster, so
 * region counts are exact. A country is private, so a country count is shown only from 3 people up,
 * and whether a small target is met is withheld when saying it would reveal that one or two people
 * come from that country.
 */
import { COUNTRY_CODES, countryName, isCountryCode, LABELS, labelled, REGIONS, type Region } from "@/lib/vocabulary";

export const { keys: REPRESENTATION_GROUPS, label: REPRESENTATION_GROUP_LABEL } = labelled(LABELS.representationGroup);
export type RepresentationGroup = (typeof REPRESENTATION_GROUPS)[number];

/** The smallest group a dashboard may show a country count for. */
export const SMALLEST_SHOWN_GROUP = 3;
export const MAX_TARGETS = 40;

export interface Target {
  group: RepresentationGroup;
  region: Region | null;
  country: string | null;
  minimum: number;
}

export interface Member {
  region: string | null;
  country: string | null;
}

const GROUP_WORDS: Record<string, RepresentationGroup> = {
  leadership: "leadership",
  leaders: "leadership",
  ambassadors: "ambassadors",
  "tag ambassadors": "ambassadors",
};
const LINE = /^([a-z ]+?)\s*:\s*at least\s+(\d+)\s+(?:from|in)\s+(.+?)\s*\.?$/i;

function place(text: string): { region: Region } | { country: string } | null {
  const region = REGIONS.find((r) => r.toLowerCase() === text.toLowerCase());
  if (region) return { region };
  const code = text.toUpperCase();
  if (isCountryCode(code)) return { country: code };
  const byName = COUNTRY_CODES.find((c) => countryName(c).toLowerCase() === text.toLowerCase());
  return byName ? { country: byName } : null;
}

/**
 * One target per line: "Leadership: at least 2 from APAC", "Ambassadors: at least 1 from BR" (a
 * region, an ISO 3166-1 alpha-2 code or an English country name). Any bad line refuses the whole
 * text, naming each line, so nothing half-written is saved.
 */
export function parseTargets(text: string): { ok: true; targets: Target[] } | { ok: false; errors: string[] } {
  const errors: string[] = [];
  const targets: Target[] = [];
  const seen = new Set<string>();
  text.split(/\r?\n/).forEach((raw, i) => {
    const line = raw.trim();
    if (!line) return;
    const n = `Line ${i + 1}`;
    const m = LINE.exec(line);
    if (!m) {
      errors.push(`${n}: write it as "Leadership: at least 2 from APAC" or "Ambassadors: at least 1 from BR".`);
      return;
    }
    const group = GROUP_WORDS[m[1]!.trim().toLowerCase()];
    if (!group) {
      errors.push(`${n}: "${m[1]}" is not a group: use Leadership or Ambassadors.`);
      return;
    }
    const minimum = Number(m[2]);
    if (minimum < 1 || minimum > 99) {
      errors.push(`${n}: the minimum must be from 1 to 99.`);
      return;
    }
    const where = place(m[3]!);
    if (!where) {
      errors.push(
        `${n}: "${m[3]}" is neither a region (${REGIONS.join(", ")}) nor a country (an ISO 3166-1 code such as DE).`,
      );
      return;
    }
    const t: Target = {
      group,
      region: "region" in where ? where.region : null,
      country: "country" in where ? where.country : null,
      minimum,
    };
    const key = `${t.group}/${t.region ?? t.country}`;
    if (seen.has(key)) {
      errors.push(
        `${n}: ${placeLabel(t)} already has a target for ${group === "leadership" ? "leadership" : "ambassadors"}.`,
      );
      return;
    }
    seen.add(key);
    targets.push(t);
  });
  if (targets.length > MAX_TARGETS) errors.push(`At most ${MAX_TARGETS} targets.`);
  return errors.length ? { ok: false, errors } : { ok: true, targets };
}

/** The editor's text for stored targets: what parseTargets reads back to the same targets. */
export function formatTargets(targets: readonly Target[]): string {
  return targets
    .map(
      (t) =>
        `${t.group === "leadership" ? "Leadership" : "Ambassadors"}: at least ${t.minimum} from ${t.region ?? t.country}`,
    )
    .join("\n");
}

export const placeLabel = (t: Pick<Target, "region" | "country">): string =>
  t.region ?? (t.country ? `${countryName(t.country)} (${t.country})` : "");

export interface TargetRow {
  group: RepresentationGroup;
  place: string;
  minimum: number;
  /** Exact, or null when fewer than 3 people would be counted for a country (withheld). */
  count: number | null;
  /** Null when saying it would identify someone. */
  met: boolean | null;
}

/** Each target against the people who hold the group's seats now. */
export function representationRows(
  members: Record<RepresentationGroup, readonly Member[]>,
  targets: readonly Target[],
): TargetRow[] {
  return targets.map((t) => {
    const people = members[t.group];
    const count = people.filter((p) => (t.region ? p.region === t.region : p.country === t.country)).length;
    const base = { group: t.group, place: placeLabel(t), minimum: t.minimum };
    if (t.region || count >= SMALLEST_SHOWN_GROUP) return { ...base, count, met: count >= t.minimum };
    // Fewer than 3 from this country: the count is withheld; "not met" is safe to say only when no
    // count under 3 could meet the target.
    return { ...base, count: null, met: t.minimum >= SMALLEST_SHOWN_GROUP ? false : null };
  });
}

/** How many of a group gave a country: tells readers how far the country rows can be trusted. */
export function countryCoverage(members: readonly Member[]): { given: number; total: number } {
  return { given: members.filter((m) => m.country).length, total: members.length };
}
