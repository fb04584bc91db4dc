"use client";

import { useSyncExternalStore } from "react";

const subscribe = () => () => {};
const zone = () => Intl.DateTimeFormat().resolvedOptions().timeZone;

/** The browser's IANA zone, sent with forms that take wall-clock times (UTC until JavaScript runs). */
export function TimeZoneField() {
  const tz = useSyncExternalStore(subscribe, zone, () => "");
  return <input type="hidden" name="timeZone" value={tz} />;
}

/** Names the zone the form's times are read in. */
export function TimeZoneNote() {
  const tz = useSyncExternalStore(subscribe, zone, () => "UTC");
  return <span>Times are in your time zone ({tz}).</span>;
}
