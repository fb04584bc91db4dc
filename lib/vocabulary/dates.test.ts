import { describe, expect, it } from "vitest";
import { formatDate, formatDateTime, formatRelative } from "./dates";
import { addDays } from "./time";

describe("formatDate (date-only values)", () => {
  it("shows the stored UTC day without a time, whatever the machine's zone", () => {
    const due = new Date("2027-03-10T00:00:00Z");
    expect(formatDate(due)).toBe("10 Mar 2027");
    expect(formatDate(due)).not.toMatch(/\d:\d|AM|PM|UTC/);
  });
});

describe("formatDateTime (moments)", () => {
  const at = new Date("2026-07-01T22:30:00Z");

  it("names the zone and shows the wall-clock time there", () => {
    expect(formatDateTime(at, "Europe/Berlin")).toBe("2 Jul 2026, 00:30 CEST");
    expect(formatDateTime(at, "UTC")).toBe("1 Jul 2026, 22:30 UTC");
  });

  it("changes the day across the date line", () => {
    expect(formatDateTime(at, "America/Los_Angeles")).toBe("1 Jul 2026, 15:30 GMT-7");
    expect(formatDateTime(at, "Asia/Tokyo")).toMatch(/^2 Jul 2026, 07:30 /);
  });

  it("follows daylight saving time", () => {
    expect(formatDateTime(new Date("2026-01-15T12:00:00Z"), "Europe/Berlin")).toBe("15 Jan 2026, 13:00 CET");
  });

  it("falls back to UTC for a missing or unknown zone", () => {
    expect(formatDateTime(at)).toBe("1 Jul 2026, 22:30 UTC");
    expect(formatDateTime(at, "Mars/Olympus")).toBe("1 Jul 2026, 22:30 UTC");
  });
});

describe("formatRelative (from the portal clock)", () => {
  const due = new Date("2026-05-20T12:00:00Z");

  it("measures from the given now, not the machine's clock", () => {
    expect(formatRelative(due, addDays(due, -14))).toBe("in 2 weeks");
    // The portal clock moved three weeks on: the same moment is now in the past.
    expect(formatRelative(due, addDays(due, 7))).toBe("last week");
    expect(formatRelative(due, addDays(due, 21))).toBe("3 weeks ago");
  });

  it("uses the largest whole unit and says 'just now' under a minute", () => {
    expect(formatRelative(due, new Date(due.getTime() - 3 * 3_600_000))).toBe("in 3 hours");
    expect(formatRelative(due, addDays(due, 1))).toBe("yesterday");
    expect(formatRelative(due, new Date(due.getTime() + 20_000))).toBe("just now");
  });
});
