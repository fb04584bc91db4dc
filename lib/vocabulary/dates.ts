/**
 * The one way the portal shows time (pure, so server, client and tests format alike):
 * - a date-only value (a due date, a term end, a check-in day) is stored at UTC midnight and shown
 *   as its UTC calendar day, "12 Mar 2026", never with a time;
 * - a moment is shown in the viewer's timezone with the zone named, "12 Mar 2026, 14:05 CET";
 * - a relative phrase ("in 3 days", "2 weeks ago") is measured from the portal clock (lib/clock),
 *   never from the machine's clock, so it stays right after the demo or a test moves time.
 */

const DATE_PARTS = { day: "numeric", month: "short", year: "numeric" } as const;

/** A date-only value as "12 Mar 2026" (its UTC day, the same for every viewer). */
export function formatDate(d: Date): string {
  return new Intl.DateTimeFormat("en-GB", { ...DATE_PARTS, timeZone: "UTC" }).format(d);
}

/** A calendar month key ("2026-03", UTC) as "Mar 2026", or its month alone ("Mar") when `short`. */
export function formatMonth(key: string, short = false): string {
  const d = new Date(`${key}-01T00:00:00Z`);
  return new Intl.DateTimeFormat("en-GB", {
    month: "short",
    ...(short ? {} : { year: "numeric" }),
    timeZone: "UTC",
  }).format(d);
}

/** A moment as "12 Mar 2026, 14:05 CET" in `timeZone` (an IANA name; UTC when absent or unknown). */
export function formatDateTime(d: Date, timeZone?: string | null): string {
  const zone = timeZone && isKnownZone(timeZone) ? timeZone : "UTC";
  return new Intl.DateTimeFormat("en-GB", {
    ...DATE_PARTS,
    hour: "2-digit",
    minute: "2-digit",
    hourCycle: "h23",
    timeZone: zone,
    timeZoneName: "short",
  }).format(d);
}

function isKnownZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat("en", { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

const UNITS: [Intl.RelativeTimeFormatUnit, number][] = [
  ["year", 365 * 86_400],
  ["month", 30 * 86_400],
  ["week", 7 * 86_400],
  ["day", 86_400],
  ["hour", 3_600],
  ["minute", 60],
];

/** `d` relative to the portal's `now`: "in 3 days", "yesterday", "2 weeks ago", "just now". */
export function formatRelative(d: Date, now: Date): string {
  const diff = (d.getTime() - now.getTime()) / 1000;
  const rtf = new Intl.RelativeTimeFormat("en", { numeric: "auto" });
  for (const [unit, secs] of UNITS) if (Math.abs(diff) >= secs) return rtf.format(Math.trunc(diff / secs), unit);
  return "just now";
}
