"use client";

import { useSyncExternalStore } from "react";
import { formatDate, formatDateTime, formatRelative } from "@/lib/vocabulary/dates";

const subscribe = () => () => {};
const browserZone = () => Intl.DateTimeFormat().resolvedOptions().timeZone;

/**
 * A moment in the viewer's own timezone with the zone named (the server renders UTC until the
 * browser takes over). With `now` (the portal clock, read by the page from lib/clock) it adds a
 * relative phrase such as "in 3 days", measured from the portal's time rather than the browser's.
 */
export function DateTime({ iso, now }: { iso: string; now?: string }) {
  const date = new Date(iso);
  const zone = useSyncExternalStore(subscribe, browserZone, () => "UTC");
  const absolute = formatDateTime(date, zone);
  return (
    <time dateTime={iso} title={absolute}>
      {now ? `${formatRelative(date, new Date(now))} (${absolute})` : absolute}
    </time>
  );
}

/** A date-only value (due date, term end, check-in day) as its UTC day, "10 Mar 2027", without a time. */
export function DateOnly({ date }: { date: Date }) {
  return <time dateTime={date.toISOString().slice(0, 10)}>{formatDate(date)}</time>;
}
