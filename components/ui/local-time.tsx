"use client";

import { useSyncExternalStore } from "react";

const subscribe = () => () => {};

function format(date: Date, timeZone?: string) {
  return new Intl.DateTimeFormat("en", {
    year: "numeric",
    month: "short",
    day: "numeric",
    hour: "numeric",
    minute: "2-digit",
    timeZone,
    timeZoneName: "short",
  }).format(date);
}

function relative(date: Date, now: number) {
  const diff = (date.getTime() - now) / 1000;
  const units: [Intl.RelativeTimeFormatUnit, number][] = [
    ["year", 31536000],
    ["month", 2592000],
    ["week", 604800],
    ["day", 86400],
    ["hour", 3600],
    ["minute", 60],
  ];
  const rtf = new Intl.RelativeTimeFormat("en", { numeric: "auto" });
  for (const [unit, secs] of units) if (Math.abs(diff) >= secs) return rtf.format(Math.round(diff / secs), unit);
  return "just now";
}

/**
 * A time in the viewer's own timezone with the zone named (the server renders UTC until the
 * browser takes over), optionally with a relative phrase such as "3 days ago".
 */
export function LocalTime({ iso, showRelative = false }: { iso: string; showRelative?: boolean }) {
  const date = new Date(iso);
  // The server renders UTC; the browser then renders its own zone and a relative phrase. The
  // snapshot is the current minute, so "now" is stable within a render.
  const nowMinute = useSyncExternalStore(
    subscribe,
    () => Math.floor(Date.now() / 60_000),
    () => 0,
  );
  const client = nowMinute > 0;
  const absolute = client ? format(date) : format(date, "UTC");
  return (
    <time dateTime={iso} title={absolute}>
      {showRelative && client ? `${relative(date, nowMinute * 60_000)} (${absolute})` : absolute}
    </time>
  );
}
