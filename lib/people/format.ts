/** A date as "12 Mar 2026" in UTC (server-rendered, so the same for every viewer). */
export function formatDay(d: Date): string {
  return new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "short", year: "numeric", timeZone: "UTC" }).format(
    d,
  );
}
