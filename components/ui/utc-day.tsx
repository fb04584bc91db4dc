import { formatDay } from "@/lib/people/format";

/**
 * A calendar day as "10 Mar 2027", read in UTC: days are stored at UTC midnight (due dates,
 * check-ins, acceptance dates), so the server and every viewer print the same day.
 */
export function UtcDay({ date }: { date: Date }) {
  return <time dateTime={date.toISOString().slice(0, 10)}>{formatDay(date)}</time>;
}
