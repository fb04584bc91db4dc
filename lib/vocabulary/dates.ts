/**
 * The one way the portal shows time (pure, so server, client and tests format alike):
 * - a date-only value (a due date, a term end, a check-in day) is stored at UTC midnight and shown
 *   as its UTC calendar day, "12 Mar 2026", never with a time;
 * - a moment is shown in the viewer's timezone with the zone named, "12 Mar 2026, 14:05 CET";
 * - a relative phrase ("in 3 days", "2 weeks ago") is measured from the portal clock (lib/clock),
 *   never from the machine's clock, so it stays right after the demo or a test moves time.
 */

const DATE_PARTS = { day: "numeric", month: "short", year: "numeric" } as const;

/**
 * Making a formatter costs far more than using one: a board of 20 cards built dozens per render,
 * the largest share of its render time in a profile (docs/decisions/018-render-speed.md). Keyed by
 * options, and only known timezones reach it, so it stays small.
 */
const formatters = new Map<string, Intl.DateTimeFormat>();
function formatter(options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = JSON.stringify(options);
  let f = formatters.get(key);
  if (!f) formatters.set(key, (f = new Intl.DateTimeFormat("en-GB", options)));
  return f;
}

/** A date-only value as "12 Mar 2026" (its UTC day, the same for every viewer). */
export function formatDate(d: Date): string {
  return formatter({ ...DATE_PARTS, timeZone: "UTC" }).format(d);
}

/** A calendar month key ("2026-03", UTC) as "Mar 2026", or its month alone ("Mar") when `short`. */
export function formatMonth(key: string, short = false): string {
  const d = new Date(`${key}-01T00:00:00Z`);
  return formatter({ month: "short", ...(short ? {} : { year: "numeric" }), timeZone: "UTC" }).format(d);
}

/** A moment as "12 Mar 2026, 14:05 CET" in `timeZone` (an IANA name; UTC when absent or unknown). */
export function formatDateTime(d: Date, timeZone?: string | null): string {
  const zone = timeZone && isKnownZone(timeZone) ? timeZone : "UTC";
  return formatter({
    ...DATE_PARTS,
    hour: "2-digit",
    minute: "2-digit",
    hourCycle: "h23",
    timeZone: zone,
    timeZoneName: "short",
  }).format(d);
}

const knownZones = new Set<string>(["UTC"]);
function isKnownZone(zone: string): boolean {
  if (knownZones.has(zone)) return true;
  try {
    new Intl.DateTimeFormat("en", { timeZone: zone });
  } catch {
    return false;
  }
  knownZones.add(zone);
  return true;
}

const UNITS: [Intl.RelativeTimeFormatUnit, number][] = [
  ["year", 365 * 86_400],
  ["month", 30 * 86_400],
  ["week", 7 * 86_400],
  ["day", 86_400],
  ["hour", 3_600],
  ["minute", 60],
];

const relative = new Intl.RelativeTimeFormat("en", { numeric: "auto" });

/** `d` relative to the portal's `now`: "in 3 days", "yesterday", "2 weeks ago", "just now". */
export function formatRelative(d: Date, now: Date): string {
  const diff = (d.getTime() - now.getTime()) / 1000;
  for (const [unit, secs] of UNITS) if (Math.abs(diff) >= secs) return relative.format(Math.trunc(diff / secs), unit);
  return "just now";
}
