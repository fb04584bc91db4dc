/**
 * Form times arrive as the viewer's wall-clock time (`<input type="datetime-local">`, no zone)
 * plus the browser's IANA zone; the server turns them into instants. Without a zone (no
 * JavaScript) they are read as UTC, which the form says.
 */
const LOCAL = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/;

/** Offset of `zone` from UTC at instant `ms`, in ms (positive east of Greenwich). */
function offsetAt(ms: number, zone: string): number {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat("en-US", {
      timeZone: zone,
      hourCycle: "h23",
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
      second: "2-digit",
    })
      .formatToParts(new Date(ms))
      .map((p) => [p.type, p.value]),
  );
  const asUtc = Date.UTC(
    Number(parts.year),
    Number(parts.month) - 1,
    Number(parts.day),
    Number(parts.hour),
    Number(parts.minute),
    Number(parts.second),
  );
  return asUtc - Math.floor(ms / 1000) * 1000;
}

export function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat("en-US", { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

/** "2026-05-01T09:00" in "Europe/Berlin" -> "2026-05-01T07:00:00.000Z"; the input unchanged when it is not a local time. */
export function zonedToIso(local: string, zone: string | undefined): string {
  const m = LOCAL.exec(local.trim());
  if (!m) return local;
  const wall = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]), Number(m[4]), Number(m[5]), Number(m[6] ?? 0));
  if (!zone || !isTimeZone(zone)) return new Date(wall).toISOString();
  // Two passes settle the offset across a daylight-saving change.
  let guess = wall - offsetAt(wall, zone);
  guess = wall - offsetAt(guess, zone);
  return new Date(guess).toISOString();
}

/** An instant as the value of a datetime-local input in UTC (the form's default before the browser's zone is known). */
export const toLocalInput = (d: Date) => d.toISOString().slice(0, 16);
