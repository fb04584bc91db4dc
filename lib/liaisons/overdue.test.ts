import { describe, expect, it } from "vitest";
import { checkInDueAt, isOverdue, latestCheckInDay } from "./overdue";
import { DAY } from "@/lib/vocabulary";
const t0 = new Date("2026-03-01T12:00:00Z");
const after = (days: number, from = t0) => new Date(from.getTime() + days * DAY);

describe("isOverdue", () => {
  it("gives a new liaison a full cycle from its creation", () => {
    const l = { cadenceDays: 30, lastCheckInAt: null, createdAt: t0 };
    expect(checkInDueAt(l)).toEqual(after(30));
    expect(isOverdue(l, after(30))).toBe(false);
    expect(isOverdue(l, after(30.01))).toBe(true);
  });

  it("counts from the last check-in when it is later than the creation", () => {
    const l = { cadenceDays: 14, lastCheckInAt: after(20), createdAt: t0 };
    expect(isOverdue(l, after(33))).toBe(false);
    expect(isOverdue(l, after(35))).toBe(true);
  });

  it("counts from the creation when the only check-in is dated before it", () => {
    const l = { cadenceDays: 7, lastCheckInAt: after(-10), createdAt: t0 };
    expect(isOverdue(l, after(6))).toBe(false);
    expect(isOverdue(l, after(8))).toBe(true);
  });
});

describe("latestCheckInDay", () => {
  it("is the UTC date, or the next day once it is tomorrow at UTC+14", () => {
    expect(latestCheckInDay(new Date("2026-03-01T05:00:00Z")).toISOString()).toBe("2026-03-01T00:00:00.000Z");
    expect(latestCheckInDay(new Date("2026-03-01T10:00:00Z")).toISOString()).toBe("2026-03-02T00:00:00.000Z");
  });
});
